// Slido-style polls in a Teams conversation: the kinds, their settings, and the answers members give.
import { z } from 'zod';

export const POLL_KINDS = ['single', 'multi', 'rating', 'ranking', 'text', 'wordcloud'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

/** When voters see the results: at once, after voting, or only when the poll is closed. */
export const RESULTS_VISIBILITY = ['live', 'after_vote', 'after_close'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];

export interface Poll {
  id: string;
  conversationId: string;
  /** The sak the poll is tied to, when it is. */
  committee: string | null;
  meeting: string | null;
  sak: string | null;
  kind: PollKind;
  question: string;
  /** Choices for single, multi and ranking; empty for the others. */
  options: string[];
  /** Most choices one member may pick (multi). */
  maxPicks: number | null;
  anonymous: boolean;
  results: ResultsVisibility;
  /** ISO instant the poll closes by itself, if set. */
  closesAt: string | null;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  /** The posted poll card, for updating it when the poll closes. */
  activityId: string | null;
}

export type NewPoll = Omit<Poll, 'id' | 'createdAt' | 'closedAt' | 'activityId'>;

/** One member's answer, by kind: option indexes, a rating, an order, a text, or short words. */
export const pollAnswerSchema = z.union([
  z.object({ choices: z.array(z.number().int().min(0)).min(1) }),
  z.object({ rating: z.number().int().min(1).max(5) }),
  z.object({ ranking: z.array(z.number().int().min(0)).min(1) }),
  z.object({ text: z.string().min(1).max(1000) }),
  z.object({ words: z.array(z.string().min(1).max(40)).min(1).max(3) }),
]);
export type PollAnswer = z.infer<typeof pollAnswerSchema>;

export interface PollVote {
  pollId: string;
  /** The member's aadObjectId in a named poll; a keyed hash in an anonymous one. */
  voterKey: string;
  /** Shown in named polls; null in anonymous ones. */
  voterName: string | null;
  answer: PollAnswer;
  votedAt: string;
}

/** An answer and how many members gave exactly it. */
export interface CountedAnswer {
  answer: PollAnswer;
  count: number;
}
