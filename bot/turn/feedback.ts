// Feedback on answers, stored with the question and keyed by the member who gave it: 👍/👎 on an
// offline answer's card, and Teams' own feedback controls on an LLM-written answer.
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store/types.ts';
import type { ActionResult } from './card-actions.ts';
import { memberOf } from './actor.ts';

export const feedbackSchema = z.object({
  reaction: z.enum(['up', 'down']),
  question: z.string().min(1).max(2000),
  answer: z.string().max(4000).default(''),
});

export async function saveFeedback(
  context: TurnContext,
  data: z.infer<typeof feedbackSchema>,
  store: Store,
): Promise<ActionResult> {
  await store.saveFeedback({
    conversationId: context.activity.conversation.id,
    userId: memberOf(context).id,
    question: data.question,
    answer: data.answer,
    reaction: data.reaction,
  });
  return { message: 'Takk for tilbakemeldingen!' };
}

/** Teams' feedback on a message with `channelData.feedbackLoop`: a `message/submitAction` invoke. */
const teamsFeedbackSchema = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    // The default form sends its fields as a JSON string: {"feedbackText": "…"}.
    feedback: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  }),
});

/** The text a member wrote in Teams' feedback form, if any. */
function feedbackText(feedback: string | Record<string, unknown> | undefined): string | null {
  let fields: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      fields = JSON.parse(feedback);
    } catch {
      // Not the default form's JSON: the string is the text.
      fields = { feedbackText: feedback };
    }
  }
  const text = (fields as { feedbackText?: unknown } | null)?.feedbackText;
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, 2000) : null;
}

/**
 * Stores Teams' feedback on an LLM answer with the question that answer was sent for. Teams expects
 * a 200 invoke response; a malformed payload gets 400 and changes nothing, and feedback on a message
 * not sent as an LLM answer is answered 200 and dropped, as there is no question to keep it with.
 */
export async function saveTeamsFeedback(
  context: TurnContext,
  store: Store,
  logger: Logger,
): Promise<InvokeResponse> {
  const parsed = teamsFeedbackSchema.safeParse(context.activity.value);
  if (!parsed.success) return { status: 400 };
  const conversationId = context.activity.conversation.id;
  const sent = context.activity.replyToId
    ? await store.getSentAnswer(conversationId, context.activity.replyToId)
    : null;
  if (!sent) {
    logger.warn({ conversationId, replyToId: context.activity.replyToId }, 'feedback on an unknown answer');
    return { status: 200 };
  }
  const { reaction, feedback } = parsed.data.actionValue;
  await store.saveFeedback({
    conversationId,
    userId: memberOf(context).id,
    question: sent.question,
    answer: sent.answer,
    reaction: reaction === 'like' ? 'up' : 'down',
    comment: feedbackText(feedback),
  });
  return { status: 200 };
}
