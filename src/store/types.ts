// The store behind Møtebot: one port per aggregate (src/store/ports/), and `Store`, the whole of
// them, which each implementation provides. SQLite (a file under DATA_DIR) is the default;
// PostgreSQL serves several bot instances. The ports are async so that a networked implementation
// fits without changing callers. A service takes only the ports it uses.
import type { ActionPointsPort } from './ports/action-points.ts';
import type { AgendaPostsPort } from './ports/agenda-posts.ts';
import type { ConversationsPort } from './ports/conversations.ts';
import type { FeedbackPort } from './ports/feedback.ts';
import type { InnspillPort } from './ports/innspill.ts';
import type { MeetingEventsPort } from './ports/meeting-events.ts';
import type { PollsPort } from './ports/polls.ts';
import type { QnaPort } from './ports/qna.ts';
import type { RecordPort } from './ports/record.ts';
import type { SearchIndexPort } from './ports/search-index.ts';
import type { SecretsPort } from './ports/secrets.ts';

export type * from './ports/action-points.ts';
export type * from './ports/agenda-posts.ts';
export type * from './ports/conversations.ts';
export type * from './ports/feedback.ts';
export type * from './ports/innspill.ts';
export type * from './ports/meeting-events.ts';
export type * from './ports/polls.ts';
export type * from './ports/qna.ts';
export type * from './ports/record.ts';
export type * from './ports/search-index.ts';
export type * from './ports/secrets.ts';

/** What the store is, apart from its aggregates: its schema and its connections. */
export interface StoreLifecycle {
  /** The schema migrations applied to this store, in order (each exactly once). */
  appliedMigrations(): Promise<number[]>;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

export type Store = RecordPort &
  SearchIndexPort &
  ConversationsPort &
  AgendaPostsPort &
  PollsPort &
  InnspillPort &
  QnaPort &
  ActionPointsPort &
  MeetingEventsPort &
  FeedbackPort &
  SecretsPort &
  StoreLifecycle;
