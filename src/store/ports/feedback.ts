// The feedback port: members' 👍/👎 on answers, and LLM answers as sent so Teams' own feedback on
// such a message finds its question.

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

export interface FeedbackPort {
  /** Stores feedback; a member's second reaction to the same question replaces the first. */
  saveFeedback(f: FeedbackRecord): Promise<void>;
  /** All feedback, oldest first. */
  listFeedback(): Promise<FeedbackRecord[]>;
  saveSentAnswer(a: SentAnswer): Promise<void>;
  getSentAnswer(conversationId: string, activityId: string): Promise<SentAnswer | null>;
}
