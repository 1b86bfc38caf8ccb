// Feedback on answers, kept with the question it is about and keyed by the member who gave it: the
// 👍/👎 on an offline answer's card, and Teams' own controls on an LLM-written answer, which name
// only the message, so such answers are remembered as they are sent.
import type { Actor } from '../actor.ts';
import type { Store } from '../store/types.ts';

export type FeedbackStore = Pick<Store, 'saveFeedback' | 'saveSentAnswer' | 'getSentAnswer'>;

export type Reaction = 'up' | 'down';

export class FeedbackService {
  constructor(private readonly deps: { store: FeedbackStore }) {}

  /** 👍/👎 on an answer card, which carries its question and answer. */
  async rate(
    actor: Actor,
    conversationId: string,
    given: { reaction: Reaction; question: string; answer: string },
  ): Promise<void> {
    await this.deps.store.saveFeedback({ conversationId, userId: actor.id, ...given });
  }

  /** An LLM-written answer as sent, so feedback on that message finds its question. */
  async answerSent(
    conversationId: string,
    activityId: string,
    question: string,
    answer: string,
  ): Promise<void> {
    await this.deps.store.saveSentAnswer({
      conversationId,
      activityId,
      question: question.slice(0, 2000),
      answer: answer.slice(0, 4000),
    });
  }

  /**
   * Teams' feedback on a sent message; false (and nothing kept) when the message was not an answer
   * the bot remembers, as there is no question to keep it with.
   */
  async rateSent(
    actor: Actor,
    conversationId: string,
    activityId: string,
    given: { reaction: Reaction; comment: string | null },
  ): Promise<boolean> {
    const sent = await this.deps.store.getSentAnswer(conversationId, activityId);
    if (!sent) return false;
    await this.deps.store.saveFeedback({
      conversationId,
      userId: actor.id,
      question: sent.question,
      answer: sent.answer,
      reaction: given.reaction,
      comment: given.comment,
    });
    return true;
  }
}
