// Feedback on answers as Teams carries it: the answer card's 👍/👎 (a card action), and Teams' own
// feedback controls on an LLM-written answer (a message/submitAction invoke naming the message).
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../src/actor.ts';
import type { ActionResult, TurnDeps } from './deps.ts';

export const feedbackSchema = z.object({
  reaction: z.enum(['up', 'down']),
  question: z.string().min(1).max(2000),
  answer: z.string().max(4000).default(''),
});

export async function saveFeedback(
  context: TurnContext,
  actor: Actor,
  data: z.infer<typeof feedbackSchema>,
  deps: TurnDeps,
): Promise<ActionResult> {
  await deps.services.feedback.rate(actor, context.activity.conversation.id, data);
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
 * Teams expects a 200 invoke response; a malformed payload gets 400 and changes nothing, and
 * feedback on a message not sent as an LLM answer is answered 200 and dropped.
 */
export async function saveTeamsFeedback(
  context: TurnContext,
  actor: Actor,
  deps: TurnDeps,
): Promise<InvokeResponse> {
  const parsed = teamsFeedbackSchema.safeParse(context.activity.value);
  if (!parsed.success) return { status: 400 };
  const conversationId = context.activity.conversation.id;
  const replyToId = context.activity.replyToId;
  const { reaction, feedback } = parsed.data.actionValue;
  const kept =
    !!replyToId &&
    (await deps.services.feedback.rateSent(actor, conversationId, replyToId, {
      reaction: reaction === 'like' ? 'up' : 'down',
      comment: feedbackText(feedback),
    }));
  if (!kept) deps.logger.warn({ conversationId, replyToId }, 'feedback on an unknown answer');
  return { status: 200 };
}
