// Audience Q&A: a member asks the presenter of the sak being handled (named or anonymously), each
// member upvotes a question once, and the secretariat and the organiser mark questions answered or
// hide them. Members are kept as keyed hashes, never by id.
import { mayModerate, type Actor } from '../actor.ts';
import { memberHash, VOTER_KEY_SECRET } from '../polls/voter.ts';
import { ok, refuse, type Result } from '../refusals.ts';
import type { Store } from '../store/types.ts';
import type { AudienceQuestion, QuestionStatus } from './types.ts';

export type QnaStore = Pick<
  Store,
  | 'getConversationMeeting'
  | 'addQuestion'
  | 'getQuestion'
  | 'upvoteQuestion'
  | 'setQuestionStatus'
  | 'listQuestions'
  | 'secret'
>;

/** A sak's questions as one member sees them (a moderator gets the moderation buttons). */
export interface QuestionList {
  sak: string | null;
  questions: AudienceQuestion[];
  moderator: boolean;
}

export class QnaService {
  constructor(private readonly deps: { store: QnaStore }) {}

  /** Asks a question about the current sak (text empty: just the list); returns that sak's list. */
  async ask(actor: Actor, conversationId: string, text: string, anonymous: boolean): Promise<QuestionList> {
    const { store } = this.deps;
    const meeting = await store.getConversationMeeting(conversationId);
    const sak = meeting?.currentSak ?? null;
    if (text.trim())
      await store.addQuestion({
        conversationId,
        committee: meeting?.committee ?? null,
        meeting: meeting?.meeting ?? null,
        sak,
        text: text.trim().slice(0, 1000),
        authorKey: memberHash('question', actor.id, await store.secret(VOTER_KEY_SECRET)),
        authorName: anonymous ? null : actor.name,
        anonymous,
      });
    return this.list(actor, conversationId, sak);
  }

  /** One upvote per member; a hidden question or one of another conversation is not found. */
  async upvote(actor: Actor, conversationId: string, questionId: number): Promise<Result<QuestionList>> {
    const { store } = this.deps;
    const q = await store.getQuestion(questionId);
    if (!q || q.conversationId !== conversationId || q.status === 'hidden')
      return refuse('question_not_found');
    await store.upvoteQuestion(q.id, memberHash('upvote', actor.id, await store.secret(VOTER_KEY_SECRET)));
    return ok(await this.list(actor, conversationId, q.sak));
  }

  async setStatus(
    actor: Actor,
    conversationId: string,
    questionId: number,
    status: QuestionStatus,
  ): Promise<Result<QuestionList>> {
    if (!mayModerate(actor)) return refuse('question_moderators_only');
    const q = await this.deps.store.getQuestion(questionId);
    if (!q || q.conversationId !== conversationId) return refuse('question_not_found');
    await this.deps.store.setQuestionStatus(q.id, status);
    return ok(await this.list(actor, conversationId, q.sak));
  }

  /**
   * The questions of one sak (null: those asked with no sak set) in the chat's current meeting,
   * hidden ones left out: a recurring meeting's chat keeps March's questions out of May's list.
   */
  async list(actor: Actor, conversationId: string, sak: string | null): Promise<QuestionList> {
    const meeting = await this.deps.store.getConversationMeeting(conversationId);
    const questions = (await this.deps.store.listQuestions({ conversationId, sak })).filter(
      (q) => q.committee === (meeting?.committee ?? null) && q.meeting === (meeting?.meeting ?? null),
    );
    return { sak, questions, moderator: mayModerate(actor) };
  }
}
