// Audience Q&A as Teams carries it: "spørsmål <tekst>" (or "spørsmål anonymt: <tekst>"), and the
// list card's upvote, "Besvart" and "Skjul". Moderation and one-upvote-per-member are the Q&A
// service's rules.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { questionsCard } from '../../cards/qna.ts';
import type { Actor } from '../../src/actor.ts';
import type { QuestionList } from '../../src/qna/service.ts';
import type { Result } from '../../src/refusals.ts';
import { actionResult, cardActivity } from '../activity.ts';
import type { ActionResult, TurnDeps } from './deps.ts';

export const upvoteSchema = z.object({ questionId: z.coerce.number().int().positive() });
export const questionStatusSchema = z.object({
  questionId: z.coerce.number().int().positive(),
  status: z.enum(['answered', 'hidden', 'open']),
});
export const questionListSchema = z.object({ sak: z.string().max(10).default('') });

const draw = (list: QuestionList) =>
  questionsCard({ sak: list.sak }, list.questions, { moderator: list.moderator });

const asAction = (result: Result<QuestionList>): ActionResult => actionResult(result, draw);

export async function questionCommand(
  context: TurnContext,
  actor: Actor,
  rest: string,
  deps: TurnDeps,
): Promise<void> {
  const m = /^(anonymt|anonymously|anonym)\s*:?\s*/i.exec(rest);
  const text = m ? rest.slice(m[0].length) : rest;
  const conversationId = context.activity.conversation.id;
  const list = await deps.services.qna.ask(actor, conversationId, text, !!m);
  if (text.trim())
    deps.logger.info(
      { conversation: conversationId, sak: list.sak, anonymous: !!m },
      'audience question asked',
    );
  await context.sendActivity(cardActivity(draw(list)));
}

export async function upvote(
  context: TurnContext,
  actor: Actor,
  questionId: number,
  deps: TurnDeps,
): Promise<ActionResult> {
  return asAction(await deps.services.qna.upvote(actor, context.activity.conversation.id, questionId));
}

export async function setStatus(
  context: TurnContext,
  actor: Actor,
  data: z.infer<typeof questionStatusSchema>,
  deps: TurnDeps,
): Promise<ActionResult> {
  const conversationId = context.activity.conversation.id;
  return asAction(await deps.services.qna.setStatus(actor, conversationId, data.questionId, data.status));
}

export async function listQuestions(
  context: TurnContext,
  actor: Actor,
  sak: string,
  deps: TurnDeps,
): Promise<ActionResult> {
  return { card: draw(await deps.services.qna.list(actor, context.activity.conversation.id, sak || null)) };
}
