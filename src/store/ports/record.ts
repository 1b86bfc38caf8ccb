// The record port: ingested documents, the meetings read from them and their passages, the
// revision that tells readers (the search index) when any of it changed, and the change log that
// tells them what changed.
import type { DocumentFormat } from '../../documents/types.ts';
import type { Meeting, Passage } from '../../record/types.ts';

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

/** Which sak of which meeting (sak null: the meeting's own passages, such as its header). */
export interface CaseRef {
  committee: string;
  meeting: string;
  sak: string | null;
}

/** What changed in the record after a revision, for readers that update what they hold in place. */
export interface RecordChanges {
  /** The revision the changes reach. */
  revision: number;
  /** Documents added or removed since (a replaced document's old and new ids both). */
  documents: number[];
  /** The saker (and meetings' own passages, sak null) whose passages changed. */
  cases: CaseRef[];
}

/** Called with the new revision after the record changed, in this process or another. */
export type RecordChangeListener = (revision: number) => void;

export interface RecordPort {
  findDocument(source: string): Promise<StoredDocument | null>;
  /** Saves a document and its record in one transaction, replacing any earlier version of `source`. */
  putDocument(doc: NewDocument): Promise<{ document: StoredDocument; replaced: boolean }>;
  listDocuments(): Promise<StoredDocument[]>;
  /**
   * All meetings (or those of the given documents); with `summary`, items come without their long
   * texts (minutes, memo, description, slides).
   */
  listMeetings(opts?: { summary?: boolean; documents?: number[] }): Promise<MeetingRow[]>;
  listPassages(): Promise<Passage[]>;
  /**
   * All passages, one group at a time: a sak's (or a meeting's own) passages of one kind, in
   * document order. Groups come in the order of their first passage. Each group is read when it is
   * asked for, so a reader that lets go of one before the next never holds the whole record.
   */
  passageGroups(): AsyncIterable<Passage[]>;
  /** The passages of the given saker, in document order. */
  passagesFor(cases: CaseRef[]): Promise<Passage[]>;
  /** Changes whenever the record changes, whichever process changed it. */
  revision(): Promise<number>;
  /** What changed after `revision`; null when the change log does not reach back that far. */
  recordChangesSince(revision: number): Promise<RecordChanges | null>;
  /**
   * Tells `listener` of record changes made by any process on this store, so an instance need not
   * poll. Resolves once listening has begun: every change committed after that is told. Several
   * changes close together may arrive as one call with the latest revision. Resolves to the
   * function that stops listening.
   */
  onRecordChange(listener: RecordChangeListener): Promise<() => void>;
}
