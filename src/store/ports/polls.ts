// The polls port: polls and their votes, one vote row per (poll, voter).
import type { CountedAnswer, NewPoll, Poll, PollVote } from '../../polls/types.ts';

export interface PollsPort {
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
   * Refused (null) when the poll is closed or gone, checked in the same transaction. Gives the
   * poll's answers counted with this vote in (as `countAnswers` would): the card a voter gets back
   * shows them, and one round trip does both.
   */
  castVote(v: PollVote): Promise<CountedAnswer[] | null>;
  /** The poll's votes, in the order each voter first voted. */
  listVotes(pollId: string): Promise<PollVote[]>;
  /** The poll's answers, identical ones counted together, in the order first given: what a tally needs. */
  countAnswers(pollId: string): Promise<CountedAnswer[]>;
  getVote(pollId: string, voterKey: string): Promise<PollVote | null>;
}
