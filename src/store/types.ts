// The store behind Møtebot. SQLite (a file under DATA_DIR) is the default; PostgreSQL follows.
// The interface is async so that a networked implementation fits without changing callers.
import type { DocumentFormat } from '../documents/types.ts';
import type { Innspill, NewInnspill } from '../innspill/types.ts';
import type { CountedAnswer, NewPoll, Poll, PollVote } from '../polls/types.ts';
import type { AudienceQuestion, QuestionStatus } from '../qna/types.ts';
import type { Meeting, Passage, PassageKind } from '../record/types.ts';

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
  /** aadObjectId of the member who installed Møtebot here (the conversation's owner for settings). */
  installedBy?: string | null;
}

/** A conversation following a committee: it gets that committee's agenda cards. */
export interface Subscription {
  conversationId: string;
  committee: string;
  active: boolean;
  changedBy: string;
  changedAt: string;
  /** Why an inactive subscription ended: "unsubscribed", or "removed" when Teams refused a post (403). */
  endedReason: string | null;
}

/** One agenda card to post: a meeting, a conversation and a lead time, posted exactly once. */
export interface PlannedAgendaPost {
  committee: string;
  /** committee|meeting label: which meeting of the record the card shows. */
  meetingKey: string;
  conversationId: string;
  /** The lead time's name, e.g. "3d@09:00" or "60m". */
  lead: string;
  /** ISO instants (UTC). */
  dueAt: string;
  startsAt: string;
}

export type AgendaPostStatus = 'pending' | 'claimed' | 'sent' | 'superseded' | 'expired' | 'failed';

export interface AgendaPost extends PlannedAgendaPost {
  id: number;
  status: AgendaPostStatus;
  attempts: number;
  /** The posted activity, for updating the card in place. */
  activityId: string | null;
  /** Hash of the agenda the posted card shows, to see when a re-ingest changed it. */
  cardHash: string | null;
}

/** 👍/👎 on an answer, kept with the question it answered. One per member and question. */
export interface FeedbackRecord {
  conversationId: string;
  userId: string;
  question: string;
  answer: string;
  reaction: 'up' | 'down';
  /** What the member wrote in Teams' feedback form, if anything. */
  comment?: string | null;
  createdAt?: string;
}

/** An LLM-written answer as sent, so Teams' feedback on that message finds its question. */
export interface SentAnswer {
  conversationId: string;
  activityId: string;
  question: string;
  answer: string;
}

/** The committee meeting a chat belongs to (a meeting chat, or set with "møte 2/2023"), and its current sak. */
export interface ConversationMeeting {
  conversationId: string;
  committee: string;
  /** Meeting label in the record ("2/2023", "NUFA 27.10.2021"). */
  meeting: string;
  currentSak: string | null;
  changedBy: string;
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

/**
 * One section of the search index (a sak's passages of one kind) as the store keeps it: its terms
 * already counted, so that a restart reads numbers instead of tokenising the record again.
 */
export interface StoredSearchSection {
  committee: string;
  meeting: string;
  sak: string | null;
  kind: PassageKind;
  title: string;
  year: number;
  /** Distinct tokens of the text: BM25's document length. */
  length: number;
  /** (term number, count) pairs; term numbers come from `searchTermIds`. */
  terms: Uint32Array;
  /** Abbreviations the text defines: [short form, long form] pairs, lower case. */
  definitions: [string, string][];
}

export interface Store {
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
  saveConversation(c: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  /** Stores feedback; a member's second reaction to the same question replaces the first. */
  saveFeedback(f: FeedbackRecord): Promise<void>;
  listFeedback(): Promise<FeedbackRecord[]>;
  saveSentAnswer(a: SentAnswer): Promise<void>;
  getSentAnswer(conversationId: string, activityId: string): Promise<SentAnswer | null>;
  /** Starts or stops a conversation following a committee. */
  setSubscription(s: Omit<Subscription, 'changedAt'>): Promise<void>;
  listSubscriptions(filter?: { conversationId?: string; activeOnly?: boolean }): Promise<Subscription[]>;
  /** Adds posts not planned yet; a pending post follows its meeting when the time changes. */
  planAgendaPosts(posts: PlannedAgendaPost[]): Promise<void>;
  /**
   * Claims the posts due at `now` for one owner until `leaseUntil`, atomically across processes.
   * Posts of meetings already begun expire; of several due for one meeting and conversation only
   * the latest is claimed (the others are superseded); posts of ended subscriptions are not claimed.
   * A claim whose lease ran out (its process died) can be claimed again.
   */
  claimAgendaPosts(now: string, owner: string, leaseUntil: string): Promise<AgendaPost[]>;
  /** Records the outcome of a claimed post; ignored when `owner` no longer holds the claim. */
  finishAgendaPost(
    id: number,
    owner: string,
    outcome: { status: 'sent'; activityId: string; cardHash: string } | { status: 'failed'; error: string },
  ): Promise<boolean>;
  /** Posts sent for meetings that start after `now`: the cards a re-ingest may have to update. */
  listSentAgendaPosts(now: string): Promise<AgendaPost[]>;
  setAgendaPostCard(id: number, cardHash: string): Promise<void>;
  setConversationMeeting(m: ConversationMeeting): Promise<void>;
  getConversationMeeting(conversationId: string): Promise<ConversationMeeting | null>;

  addInnspill(i: NewInnspill): Promise<Innspill>;
  getInnspill(id: number): Promise<Innspill | null>;
  /** Changes an innspill's text (and organisation); only its author's, and not once withdrawn. */
  editInnspill(
    id: number,
    authorId: string,
    change: { text: string; organisation: string | null },
  ): Promise<Innspill | null>;
  withdrawInnspill(id: number, authorId: string): Promise<boolean>;
  /** Innspill not withdrawn, oldest first. */
  listInnspill(filter: { committee: string; meeting: string; sak?: string }): Promise<Innspill[]>;

  createPoll(p: NewPoll): Promise<Poll>;
  getPoll(id: string): Promise<Poll | null>;
  latestOpenPoll(conversationId: string): Promise<Poll | null>;
  /** A conversation's polls, oldest first. */
  listPolls(conversationId: string): Promise<Poll[]>;
  /** The conversation's newest poll, open or closed (the meeting side panel shows its results). */
  latestPoll(conversationId: string): Promise<Poll | null>;
  setPollActivity(id: string, activityId: string): Promise<void>;
  /** Closes an open poll; false when it was closed already (so results are posted once). */
  closePoll(id: string, at: string): Promise<boolean>;
  deletePoll(id: string): Promise<void>;
  /** Open polls whose closing time has come. */
  pollsDue(now: string): Promise<Poll[]>;
  /**
   * One row per (poll, voter): a second vote replaces the first, a replayed one changes nothing.
   * Refused (false) when the poll is closed or gone, checked in the same transaction.
   */
  castVote(v: PollVote): Promise<boolean>;
  listVotes(pollId: string): Promise<PollVote[]>;
  /** The poll's answers, identical ones counted together, in the order first given: what a tally needs. */
  countAnswers(pollId: string): Promise<CountedAnswer[]>;
  getVote(pollId: string, voterKey: string): Promise<PollVote | null>;

  addQuestion(
    q: Omit<AudienceQuestion, 'id' | 'status' | 'createdAt' | 'upvotes'> & { authorKey: string },
  ): Promise<AudienceQuestion>;
  getQuestion(id: number): Promise<AudienceQuestion | null>;
  /** One upvote per member and question; false when this member had upvoted it already. */
  upvoteQuestion(id: number, voterKey: string): Promise<boolean>;
  setQuestionStatus(id: number, status: QuestionStatus): Promise<boolean>;
  /** Questions of a conversation (optionally one sak), most upvoted first; hidden ones only when asked. */
  listQuestions(filter: {
    conversationId: string;
    sak?: string | null;
    includeHidden?: boolean;
  }): Promise<AudienceQuestion[]>;

  /** Records that a Teams meeting started or ended; false when it was recorded before (a repeat). */
  recordMeetingEvent(e: {
    meetingId: string;
    kind: 'start' | 'end';
    conversationId: string;
  }): Promise<boolean>;

  /** A secret value created once per store (e.g. the key of anonymous voters' hashes). */
  secret(name: string): Promise<string>;
  /** Changes whenever the record changes: readers update what they hold when it moves. */
  revision(): Promise<number>;
  /** What changed after `revision`; null when the change log does not reach back that far. */
  recordChangesSince(revision: number): Promise<RecordChanges | null>;

  /** The search index's terms, by number (numbers without a term are empty). */
  searchTerms(): Promise<string[]>;
  /** The numbers of these terms; a term new to the store gets one. */
  searchTermIds(terms: string[]): Promise<number[]>;
  /** The record revision the stored search sections reflect. */
  searchIndexRevision(): Promise<number>;
  /**
   * Replaces the stored sections of these saker (or all) and moves the search index from revision
   * `from` to `to` — only when it still stands at `from`: false when another process moved it.
   */
  replaceSearchSections(change: {
    from: number;
    to: number;
    cases: CaseRef[] | 'all';
    sections: StoredSearchSection[];
  }): Promise<boolean>;
  /** The stored sections (all, or those of these saker) in record order: by their first passage. */
  searchSections(cases?: CaseRef[]): AsyncIterable<StoredSearchSection>;
  close(): Promise<void>;
}
