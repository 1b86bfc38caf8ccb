// Rows as the SQL stores read them, and how each becomes a domain value. SQLite and PostgreSQL
// share one schema shape, so they share these.
import type { ActionOrigin, ActionPoint, ActionStatus, NewActionPoint } from '../actions/types.ts';
import type { DocumentFormat } from '../documents/types.ts';
import type { Innspill } from '../innspill/types.ts';
import type { Poll, PollVote } from '../polls/types.ts';
import type { AudienceQuestion, QuestionStatus } from '../qna/types.ts';
import type { Meeting, Passage, PassageKind } from '../record/types.ts';
import type {
  AgendaPost,
  AgendaPostStatus,
  ConversationMeeting,
  ConversationRecord,
  FeedbackRecord,
  MeetingRow,
  StoredDocument,
  StoredSearchSection,
  Subscription,
} from './types.ts';

export interface DocumentRow {
  id: number;
  source: string;
  hash: string;
  format: string;
  ingested_at: string;
}

/** A passage as stored: its own fields as they are, the kind as text, and its locator spread out. */
export type PassageRow = Omit<Passage, 'kind' | 'locator'> & {
  kind: string;
  line: number;
  page: number | null;
  end_line: number | null;
  heading_path: string | null;
};

export const toDocument = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  source: r.source,
  hash: r.hash,
  format: r.format as DocumentFormat,
  ingestedAt: r.ingested_at,
});

/**
 * Row → passage. Committee, meeting, date, sak, title and source repeat across thousands of rows;
 * one shared string each keeps a large record small in memory.
 */
export function passageReader(): (r: PassageRow) => Passage {
  const strings = new Map<string, string>();
  const intern = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = strings.get(s);
    if (known !== undefined) return known as T;
    strings.set(s, s);
    return s;
  };
  // A sak's heading path is the same for all its passages: one parsed array each.
  const paths = new Map<string, string[]>();
  const pathOf = (json: string): string[] => {
    let known = paths.get(json);
    if (!known) paths.set(json, (known = JSON.parse(json) as string[]));
    return known;
  };
  return (r) => ({
    id: r.id,
    committee: intern(r.committee),
    meeting: intern(r.meeting),
    date: intern(r.date),
    sak: intern(r.sak),
    title: intern(r.title),
    kind: intern(r.kind) as PassageKind,
    text: r.text,
    source: intern(r.source),
    locator: {
      line: r.line,
      ...(r.end_line === null ? {} : { endLine: r.end_line }),
      ...(r.page === null ? {} : { page: r.page }),
      ...(r.heading_path === null ? {} : { headingPath: pathOf(r.heading_path) }),
    },
  });
}

export interface ConversationRow {
  id: string;
  tenant_id: string | null;
  kind: string;
  reference_json: string;
  installed_by: string | null;
}

export const toConversation = (r: ConversationRow): ConversationRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  kind: r.kind as ConversationRecord['kind'],
  reference: JSON.parse(r.reference_json),
  installedBy: r.installed_by,
});

export interface FeedbackRow {
  conversation_id: string;
  user_id: string;
  question: string;
  answer: string;
  reaction: 'up' | 'down';
  comment: string | null;
  created_at: string;
}

export const toFeedback = (r: FeedbackRow): FeedbackRecord => ({
  conversationId: r.conversation_id,
  userId: r.user_id,
  question: r.question,
  answer: r.answer,
  reaction: r.reaction,
  comment: r.comment,
  createdAt: r.created_at,
});

/** SQLite keeps `active` as 0/1, PostgreSQL as a boolean. */
export interface SubscriptionRow {
  conversation_id: string;
  committee: string;
  active: number | boolean;
  changed_by: string;
  changed_at: string;
  ended_reason: string | null;
}

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  conversationId: r.conversation_id,
  committee: r.committee,
  active: r.active === 1 || r.active === true,
  changedBy: r.changed_by,
  changedAt: r.changed_at,
  endedReason: r.ended_reason,
});

export interface ConversationMeetingRow {
  conversation_id: string;
  committee: string;
  meeting: string;
  current_sak: string | null;
  changed_by: string;
}

export const toConversationMeeting = (r: ConversationMeetingRow): ConversationMeeting => ({
  conversationId: r.conversation_id,
  committee: r.committee,
  meeting: r.meeting,
  currentSak: r.current_sak,
  changedBy: r.changed_by,
});

export interface AgendaPostRow {
  id: number;
  committee: string;
  meeting_key: string;
  conversation_id: string;
  lead: string;
  due_at: string;
  starts_at: string;
  status: string;
  attempts: number;
  activity_id: string | null;
  card_hash: string | null;
}

export const toAgendaPost = (r: AgendaPostRow): AgendaPost => ({
  id: r.id,
  committee: r.committee,
  meetingKey: r.meeting_key,
  conversationId: r.conversation_id,
  lead: r.lead,
  dueAt: r.due_at,
  startsAt: r.starts_at,
  status: r.status as AgendaPostStatus,
  attempts: r.attempts,
  activityId: r.activity_id,
  cardHash: r.card_hash,
});

export interface InnspillRow {
  id: number;
  committee: string;
  meeting: string;
  sak: string;
  conversation_id: string;
  author_id: string;
  author_name: string;
  organisation: string | null;
  text: string;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

export const toInnspill = (r: InnspillRow): Innspill => ({
  id: r.id,
  committee: r.committee,
  meeting: r.meeting,
  sak: r.sak,
  conversationId: r.conversation_id,
  authorId: r.author_id,
  authorName: r.author_name,
  organisation: r.organisation,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  withdrawnAt: r.withdrawn_at,
});

export interface ActionPointRow {
  id: number;
  committee: string;
  meeting: string;
  sak: string;
  text: string;
  owner: string | null;
  due: string | null;
  status: string;
  origin: string;
  record_key: string | null;
  conversation_id: string | null;
  created_by: string | null;
  created_at: string;
  done_by: string | null;
  done_at: string | null;
}

export const toActionPoint = (r: ActionPointRow): ActionPoint => ({
  id: r.id,
  committee: r.committee,
  meeting: r.meeting,
  sak: r.sak,
  text: r.text,
  owner: r.owner,
  due: r.due,
  status: r.status as ActionStatus,
  origin: r.origin as ActionOrigin,
  recordKey: r.record_key,
  conversationId: r.conversation_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  doneBy: r.done_by,
  doneAt: r.done_at,
});

/** The columns a new action point is written with, in the order both stores bind them. */
export const ACTION_POINT_COLUMNS =
  'committee, meeting, sak, text, owner, due, origin, record_key, conversation_id, created_by, created_at';

export const actionPointValues = (a: NewActionPoint, now: string) => [
  a.committee,
  a.meeting,
  a.sak,
  a.text,
  a.owner,
  a.due,
  a.origin,
  a.recordKey,
  a.conversationId,
  a.createdBy,
  now,
];

export interface PollRow {
  id: string;
  conversation_id: string;
  committee: string | null;
  meeting: string | null;
  sak: string | null;
  kind: string;
  question: string;
  options_json: string;
  max_picks: number | null;
  /** SQLite keeps booleans as 0/1. */
  anonymous: number | boolean;
  results: string;
  closes_at: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  activity_id: string | null;
}

export const toPoll = (r: PollRow): Poll => ({
  id: r.id,
  conversationId: r.conversation_id,
  committee: r.committee,
  meeting: r.meeting,
  sak: r.sak,
  kind: r.kind as Poll['kind'],
  question: r.question,
  options: JSON.parse(r.options_json) as string[],
  maxPicks: r.max_picks,
  anonymous: r.anonymous === 1 || r.anonymous === true,
  results: r.results as Poll['results'],
  closesAt: r.closes_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  activityId: r.activity_id,
});

export interface VoteRow {
  poll_id: string;
  voter_key: string;
  voter_name: string | null;
  answer_json: string;
  voted_at: string;
}

export const toVote = (r: VoteRow): PollVote => ({
  pollId: r.poll_id,
  voterKey: r.voter_key,
  voterName: r.voter_name,
  answer: JSON.parse(r.answer_json) as PollVote['answer'],
  votedAt: r.voted_at,
});

export interface QuestionRow {
  id: number;
  conversation_id: string;
  committee: string | null;
  meeting: string | null;
  sak: string | null;
  text: string;
  author_name: string | null;
  /** SQLite keeps booleans as 0/1. */
  anonymous: number | boolean;
  status: string;
  created_at: string;
  upvotes: number;
}

export const toQuestion = (r: QuestionRow): AudienceQuestion => ({
  id: r.id,
  conversationId: r.conversation_id,
  committee: r.committee,
  meeting: r.meeting,
  sak: r.sak,
  text: r.text,
  authorName: r.author_name,
  anonymous: r.anonymous === 1 || r.anonymous === true,
  status: r.status as QuestionStatus,
  createdAt: r.created_at,
  upvotes: r.upvotes,
});

export const QUESTION_SELECT = `SELECT q.*, CAST((SELECT count(*) FROM question_upvotes u WHERE u.question_id = q.id) AS INTEGER) AS upvotes
  FROM audience_questions q`;

const SUMMARY_DROPS = new Set(['minutes', 'memo', 'description', 'slides']);
const dropLongTexts = (key: string, value: unknown) => (SUMMARY_DROPS.has(key) ? undefined : value);

/** Meetings without their items' long texts, as JSON: what a reader holding all meetings keeps. */
export const summaryJson = (meetings: Meeting[]): string => JSON.stringify(meetings, dropLongTexts);

/** What `readMeetings` reads of a document: its stored summary, if one is asked for, and its whole JSON. */
export interface MeetingsRow {
  id: number;
  source: string;
  summary_json: string | null;
  meetings_json: string | null;
}

/** The columns of a `MeetingsRow`: the whole JSON is left unread when a stored summary serves. */
export const meetingsColumns = (summary: boolean | undefined): string =>
  summary
    ? 'id, source, summary_json, CASE WHEN summary_json IS NULL THEN meetings_json END AS meetings_json'
    : 'id, source, NULL AS summary_json, meetings_json';

/**
 * A document's meetings, whole or as a summary. A document stored before summaries were kept has
 * none: its whole JSON is read and the long texts dropped while parsing.
 */
export function readMeetings(r: MeetingsRow, summary: boolean | undefined): MeetingRow[] {
  const meetings = (
    r.summary_json !== null
      ? JSON.parse(r.summary_json)
      : JSON.parse(r.meetings_json!, summary ? dropLongTexts : undefined)
  ) as Meeting[];
  return meetings.map((m) => ({ ...m, source: r.source, documentId: r.id }));
}

/** A stored search section as both stores read it (each adds the position it pages by). */
export interface SearchSectionRow {
  committee: string;
  meeting: string;
  sak: string | null;
  kind: string;
  title: string;
  year: number;
  length: number;
  terms: Buffer;
  definitions: string;
}

export function toSearchSection(r: SearchSectionRow): StoredSearchSection {
  // A Uint32Array needs its start aligned to 4 bytes; a Buffer from the driver may not be.
  const bytes = r.terms.byteOffset % 4 ? Uint8Array.prototype.slice.call(r.terms) : r.terms;
  return {
    committee: r.committee,
    meeting: r.meeting,
    sak: r.sak,
    kind: r.kind as PassageKind,
    title: r.title,
    year: r.year,
    length: r.length,
    terms: new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4),
    definitions: JSON.parse(r.definitions) as [string, string][],
  };
}

/** A section's counted terms as the stores keep them: the pairs' bytes, as they lie in memory. */
export const termBytes = (terms: Uint32Array): Buffer =>
  Buffer.from(terms.buffer, terms.byteOffset, terms.byteLength);
