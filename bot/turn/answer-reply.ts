// An answer as a Teams message. An LLM-written answer carries the AI-generated label, its citations
// and Teams' own feedback controls (channelData.feedbackLoop), and is remembered by its activity id
// so that feedback on it (a message/submitAction invoke, which names only that id) finds its
// question. An offline answer keeps the card's own 👍/👎.
import type { TurnContext } from 'botbuilder';
import { answerCard } from '../../cards/answer.ts';
import type { Answer } from '../../src/answer/types.ts';
import type { FeedbackService } from '../../src/feedback/service.ts';
import { cardActivity } from '../activity.ts';
import { aiEntities } from './entities.ts';

export async function sendAnswer(
  context: TurnContext,
  question: string,
  answer: Answer,
  feedback: FeedbackService,
): Promise<void> {
  const reply = cardActivity(answerCard(question, answer));
  if (!answer.generated) {
    await context.sendActivity(reply);
    return;
  }
  reply.entities = aiEntities(answer);
  reply.channelData = { feedbackLoop: { type: 'default' } };
  const sent = await context.sendActivity(reply);
  if (sent?.id) await feedback.answerSent(context.activity.conversation.id, sent.id, question, answer.answer);
}
