// The agenda posts port: the job table behind scheduled agenda cards, each posted exactly once
// across restarts and several bot processes.

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

export interface AgendaPostsPort {
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
}
