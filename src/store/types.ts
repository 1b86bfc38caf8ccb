// The store behind Møtebot. SQLite (a file under DATA_DIR) is the default; PostgreSQL follows.
// The interface is async so that a networked implementation fits without changing callers.
import type { DocumentFormat } from '../documents/types.ts';
import type { Meeting, Passage } from '../record/types.ts';

export interface StoredDocument {
  id: number;
  /** File name the document was ingested under (its identity: a new version replaces the old). */
  source: string;
  /** sha256 of the file bytes. */
  hash: string;
  format: DocumentFormat;
  ingestedAt: string;
}

export interface NewDocument {
  source: string;
  hash: string;
  format: DocumentFormat;
  meetings: Meeting[];
  /** Passages without ids: the store numbers them. */
  passages: Omit<Passage, 'id'>[];
}

export interface MeetingRow extends Meeting {
  source: string;
  documentId: number;
}

/** A conversation the bot is installed in, with the reference needed to message it later. */
export interface ConversationRecord {
  id: string;
  tenantId: string | null;
  kind: 'personal' | 'groupChat' | 'channel';
  /** The channel's conversation reference, opaque to the domain. */
  reference: unknown;
}

/** 👍/👎 on an answer, kept with the question it answered. One per member and question. */
export interface FeedbackRecord {
  conversationId: string;
  userId: string;
  question: string;
  answer: string;
  reaction: 'up' | 'down';
  createdAt?: string;
}

/** Which sak of which meeting (sak null: the meeting's own passages, such as its header). */
export interface CaseRef {
  committee: string;
  meeting: string;
  sak: string | null;
}

export interface Store {
  findDocument(source: string): Promise<StoredDocument | null>;
  /** Saves a document and its record in one transaction, replacing any earlier version of `source`. */
  putDocument(doc: NewDocument): Promise<{ document: StoredDocument; replaced: boolean }>;
  listDocuments(): Promise<StoredDocument[]>;
  /** All meetings; with `summary`, items come without their long texts (minutes, memo, description, slides). */
  listMeetings(opts?: { summary?: boolean }): Promise<MeetingRow[]>;
  listPassages(): Promise<Passage[]>;
  /** The passages of the given saker, in document order. */
  passagesFor(cases: CaseRef[]): Promise<Passage[]>;
  saveConversation(c: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  /** Stores feedback; a member's second reaction to the same question replaces the first. */
  saveFeedback(f: FeedbackRecord): Promise<void>;
  listFeedback(): Promise<FeedbackRecord[]>;
  /** Changes whenever the record changes: readers rebuild their search index when it moves. */
  revision(): Promise<number>;
  close(): Promise<void>;
}
