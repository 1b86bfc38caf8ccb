// Polls set to close at a time: each round closes those due (once: the store's close is
// conditional) and posts their results into the conversation, replacing the poll card too.
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Store } from '../../src/store/types.ts';
import { resultsCard } from '../turn/polls.ts';
import type { ProactiveSender } from './sender.ts';

export class PollTimer {
  constructor(
    private readonly deps: { store: Store; sender: ProactiveSender; logger: Logger; clock: Clock },
  ) {}

  async tick(): Promise<void> {
    const { store, sender, logger, clock } = this.deps;
    const now = clock.now().toISOString();
    for (const due of await store.pollsDue(now)) {
      if (!(await store.closePoll(due.id, now))) continue;
      const poll = (await store.getPoll(due.id))!;
      const conversation = await store.getConversation(poll.conversationId);
      if (!conversation) continue;
      const card = MessageFactory.attachment(
        CardFactory.adaptiveCard(await resultsCard(poll, { store }, null)),
      );
      const jobId = `poll-close-${poll.id}`;
      try {
        await sender.send(conversation.reference, card, jobId);
        if (poll.activityId) await sender.update(conversation.reference, poll.activityId, card, jobId);
        logger.info({ poll: poll.id }, 'poll closed at its set time');
      } catch (err) {
        logger.error({ err, jobId }, 'could not post the results of a timed poll');
      }
    }
  }
}
