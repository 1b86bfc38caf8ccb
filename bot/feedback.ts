// 👍/👎 on an answer card, stored with the question and keyed by the member who clicked.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Store } from '../src/store/types.ts';
import type { ActionResult } from './actions.ts';
import { memberOf } from './roles.ts';

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
