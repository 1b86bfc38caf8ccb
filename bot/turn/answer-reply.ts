// An answer as a Teams message. An LLM-written answer carries the AI-generated label, its citations
// and Teams' own feedback controls (channelData.feedbackLoop), and is remembered by its activity id
// so that feedback on it (a message/submitAction invoke, which names only that id) finds its
// question. An offline answer keeps the card's own 👍/👎. In a personal chat with an LLM the answer
// comes as a Teams stream (streaming.ts).
import type { TurnContext } from 'botbuilder';
import { answerCard } from '../../cards/answer.ts';
import type { Answer } from '../../src/answer/types.ts';
import type { FeedbackService } from '../../src/feedback/service.ts';
import { cardActivity } from '../activity.ts';
import { aiEntities } from './entities.ts';
import { growingText, type AnswerStream } from './streaming.ts';

export async function sendAnswer(
  context: TurnContext,
  question: string,
  answer: Answer,
  feedback: FeedbackService,
  stream?: AnswerStream,
): Promise<void> {
  const reply = cardActivity(answerCard(question, answer));
  if (answer.generated) {
    reply.entities = aiEntities(answer);
    reply.channelData = { feedbackLoop: { type: 'default' } };
    // A streamed answer shows its checked text as it grows before the card ends the stream.
    if (stream) for (const chunk of growingText(answer.answer)) await stream.grow(chunk);
  }
  // An open stream always ends, with the card, also when the answer fell back to the offline one.
  const sent = stream ? await stream.finish(reply) : await context.sendActivity(reply);
  if (answer.generated && sent?.id)
    await feedback.answerSent(context.activity.conversation.id, sent.id, question, answer.answer);
}
