// Messages the bot sends on its own (agenda cards, later poll results): continues a stored
// conversation, waits for the conversation's rate limit, retries what is worth retrying, and
// logs every attempt with the job it belongs to. A 403 means the bot was removed or blocked.
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import { DEFAULT_RETRY, statusOf, withRetry, type RetryPolicy } from './retry.ts';
import { ConversationThrottle } from './throttle.ts';

/**
 * The connector client's HTTP pipeline would retry 5xx and anything carrying Retry-After on timers
 * of its own, unlogged and outside Teams' rules; proactive sends retry here instead, so the
 * client of a proactive turn gets its pipeline's retry phase removed. (botbuilder gives no option
 * for it: ConnectorFactoryImpl drops `retryOptions`.) The tests count requests, so a botbuilder
 * release that moves this shows there.
 */
function withoutPipelineRetry(adapter: CloudAdapter, ctx: TurnContext): void {
  const client = ctx.turnState.get(adapter.ConnectorClientKey) as
    { client?: { pipeline?: { removePolicy(o: { phase: 'Retry' }): unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

/** Teams refused the conversation (403): the bot is no longer there. */
export class ConversationGoneError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId} refused the bot (403)`);
  }
}

export class ProactiveSender {
  private readonly throttle: ConversationThrottle;

  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      appId: string;
      clock: Clock;
      logger: Logger;
      retry?: RetryPolicy;
      random?: () => number;
    },
  ) {
    this.throttle = new ConversationThrottle(deps.clock);
  }

  /** Posts an activity into the conversation; returns the posted activity's id. */
  async send(reference: unknown, activity: Partial<Activity>, jobId: string): Promise<string> {
    return this.deliver(
      reference,
      jobId,
      'send',
      async (ctx) => (await ctx.sendActivity(activity))?.id ?? '',
    );
  }

  /** Replaces a posted activity in place. */
  async update(
    reference: unknown,
    activityId: string,
    activity: Partial<Activity>,
    jobId: string,
  ): Promise<void> {
    await this.deliver(reference, jobId, 'update', async (ctx) => {
      await ctx.updateActivity({ ...activity, id: activityId });
    });
  }

  private deliver<T>(
    reference: unknown,
    jobId: string,
    op: 'send' | 'update',
    work: (ctx: TurnContext) => Promise<T>,
  ): Promise<T> {
    const ref = reference as Partial<ConversationReference>;
    const conversation = ref.conversation?.id ?? '';
    const { adapter, appId, clock, logger } = this.deps;
    return withRetry(
      async (attempt) => {
        await this.throttle.acquire(conversation);
        let result: T | undefined;
        // Caught inside the turn: thrown out of it, the adapter's onTurnError would answer the
        // failure with an apology message into the very conversation that refused the post.
        let failure: unknown;
        try {
          await adapter.continueConversationAsync(appId, ref, async (ctx) => {
            withoutPipelineRetry(adapter, ctx);
            try {
              result = await work(ctx);
            } catch (err) {
              failure = err;
            }
          });
          if (failure !== undefined) throw failure;
        } catch (err) {
          const status = statusOf(err);
          logger.warn({ jobId, op, attempt, conversation, status }, 'proactive message failed');
          if (status === 403) throw new ConversationGoneError(conversation);
          throw err;
        }
        logger.info({ jobId, op, attempt, conversation }, 'proactive message delivered');
        return result as T;
      },
      {
        clock,
        policy: this.deps.retry ?? DEFAULT_RETRY,
        random: this.deps.random,
        onRetry: ({ attempt, status, delayMs }) =>
          logger.info(
            { jobId, op, attempt, conversation, status, delayMs },
            'proactive message will be retried',
          ),
      },
    );
  }
}
