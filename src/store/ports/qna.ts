// The Q&A port: audience questions in a meeting chat and their upvotes.
import type { AudienceQuestion, QuestionStatus } from '../../qna/types.ts';

export type NewAudienceQuestion = Omit<AudienceQuestion, 'id' | 'status' | 'createdAt' | 'upvotes'> & {
  /** Who asked, as a key (an anonymous question keeps no name, but one member still upvotes once). */
  authorKey: string;
};

export interface QnaPort {
  addQuestion(q: NewAudienceQuestion): Promise<AudienceQuestion>;
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
}
