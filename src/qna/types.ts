// Audience Q&A: questions to the presenter of the current sak, upvoted by members.
export type QuestionStatus = 'open' | 'answered' | 'hidden';

export interface AudienceQuestion {
  id: number;
  conversationId: string;
  committee: string | null;
  meeting: string | null;
  sak: string | null;
  text: string;
  /** Null for an anonymous question. */
  authorName: string | null;
  anonymous: boolean;
  status: QuestionStatus;
  createdAt: string;
  upvotes: number;
}
