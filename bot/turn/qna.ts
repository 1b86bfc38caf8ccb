// Audience Q&A: "spørsmål <tekst>" (or "spørsmål anonymt: <tekst>") asks the presenter of the current
// sak; the list shows questions by upvotes; each member upvotes a question once; the secretariat
// and the meeting organiser mark questions answered or hide them.
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { questionsCard } from '../../cards/qna.ts';
import type { CardJson } from '../../cards/render.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { memberHash, VOTER_KEY_SECRET } from '../../src/polls/voter.ts';
import type { Store } from '../../src/store/types.ts';
import type { ActionResult } from './card-actions.ts';
import { mayModerate, memberOf } from './actor.ts';

export interface QnaDeps {
  config: Config;
  store: Store;
  logger: Logger;
}

export const upvoteSchema = z.object({ questionId: z.coerce.number().int().positive() });
export const questionStatusSchema = z.object({
  questionId: z.coerce.number().int().positive(),
  status: z.enum(['answered', 'hidden', 'open']),
});
export const questionListSchema = z.object({ sak: z.string().max(10).default('') });

async function listCard(context: TurnContext, sak: string | null, deps: QnaDeps): Promise<CardJson> {
  const conversationId = context.activity.conversation.id;
  const questions = await deps.store.listQuestions({ conversationId, sak });
  return questionsCard({ sak }, questions, { moderator: await mayModerate(context, deps) });
}

export async function questionCommand(context: TurnContext, rest: string, deps: QnaDeps): Promise<void> {
  const conversationId = context.activity.conversation.id;
  const meeting = await deps.store.getConversationMeeting(conversationId);
  const sak = meeting?.currentSak ?? null;
  const m = /^(anonymt|anonymously|anonym)\s*:?\s*/i.exec(rest);
  const text = (m ? rest.slice(m[0].length) : rest).trim();
  if (text) {
    const member = memberOf(context);
    const secret = await deps.store.secret(VOTER_KEY_SECRET);
    await deps.store.addQuestion({
      conversationId,
      committee: meeting?.committee ?? null,
      meeting: meeting?.meeting ?? null,
      sak,
      text: text.slice(0, 1000),
      authorKey: memberHash('question', member.id, secret),
      authorName: m ? null : member.name,
      anonymous: !!m,
    });
    deps.logger.info({ conversation: conversationId, sak, anonymous: !!m }, 'audience question asked');
  }
  await context.sendActivity(
    MessageFactory.attachment(CardFactory.adaptiveCard(await listCard(context, sak, deps))),
  );
}

export async function upvote(context: TurnContext, questionId: number, deps: QnaDeps): Promise<ActionResult> {
  const q = await deps.store.getQuestion(questionId);
  if (!q || q.conversationId !== context.activity.conversation.id || q.status === 'hidden')
    return { message: 'Dette spørsmålet finner jeg ikke, så ingenting ble endret.' };
  const secret = await deps.store.secret(VOTER_KEY_SECRET);
  await deps.store.upvoteQuestion(questionId, memberHash('upvote', memberOf(context).id, secret));
  return { card: await listCard(context, q.sak, deps) };
}

export async function setStatus(
  context: TurnContext,
  data: z.infer<typeof questionStatusSchema>,
  deps: QnaDeps,
): Promise<ActionResult> {
  if (!(await mayModerate(context, deps)))
    return {
      message: 'Bare sekretariatet og møtearrangøren kan markere spørsmål som besvart eller skjule dem.',
    };
  const q = await deps.store.getQuestion(data.questionId);
  if (!q || q.conversationId !== context.activity.conversation.id)
    return { message: 'Dette spørsmålet finner jeg ikke, så ingenting ble endret.' };
  await deps.store.setQuestionStatus(q.id, data.status);
  return { card: await listCard(context, q.sak, deps) };
}

export async function listQuestions(context: TurnContext, sak: string, deps: QnaDeps): Promise<ActionResult> {
  return { card: await listCard(context, sak || null, deps) };
}
