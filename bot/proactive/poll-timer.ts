// Polls set to close at a time: each round the poll service closes those due (each once, across
// processes: the store's close is conditional), and their results are posted into the
// conversation, replacing the poll card too.
import { pollViewCard } from '../../cards/poll.ts';
import type { Logger } from '../../src/logger.ts';
import type { PollService } from '../../src/polls/service.ts';
import type { Store } from '../../src/store/types.ts';
import { cardActivity } from '../activity.ts';
import type { ProactiveSender } from './sender.ts';

export class PollTimer {
  constructor(
    private readonly deps: {
      polls: PollService;
      store: Pick<Store, 'getConversation'>;
      sender: ProactiveSender;
      logger: Logger;
    },
  ) {}

  async tick(): Promise<void> {
    const { polls, store, sender, logger } = this.deps;
    for (const view of await polls.closeDue()) {
      const { poll } = view;
      const conversation = await store.getConversation(poll.conversationId);
      if (!conversation) continue;
      const card = cardActivity(pollViewCard(view, { members: null }));
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
