// The bot's background rounds (agenda posts, timed polls): each runs every interval, one round at a
// time, and a failing round is logged, never fatal.
import type { CloudAdapter } from 'botbuilder';
import type { Answerer } from '../../src/answer/types.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import { PollService } from '../../src/polls/service.ts';
import type { Store } from '../../src/store/types.ts';
import { AgendaScheduler } from './agenda-scheduler.ts';
import { PollTimer } from './poll-timer.ts';
import { ProactiveSender } from './sender.ts';

export interface Ticking {
  tick(): Promise<void>;
}

/** Starts the rounds; the returned function stops them. */
export function startTicking(jobs: Record<string, Ticking>, intervalMs: number, logger: Logger): () => void {
  const running = new Set<string>();
  const round = () => {
    for (const [name, job] of Object.entries(jobs)) {
      if (running.has(name)) continue;
      running.add(name);
      job
        .tick()
        .catch((err: unknown) => logger.error({ err, job: name }, 'background round failed'))
        .finally(() => running.delete(name));
    }
  };
  round();
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The rounds a bot process runs, sending through one proactive sender (one rate limit per chat). */
export function backgroundJobs(deps: {
  config: Config;
  store: Store;
  answerer: Answerer;
  adapter: CloudAdapter;
  logger: Logger;
  clock: Clock;
}): { agenda: AgendaScheduler; polls: PollTimer } {
  const { config, store, answerer, adapter, logger, clock } = deps;
  const sender = new ProactiveSender({ adapter, appId: config.MICROSOFT_APP_ID ?? '', clock, logger });
  return {
    agenda: new AgendaScheduler({ store, answerer, sender, logger, clock, leads: config.leadTimes }),
    polls: new PollTimer({
      polls: new PollService({ store, clock, creators: config.POLL_CREATORS }),
      store,
      sender,
      logger,
    }),
  };
}
