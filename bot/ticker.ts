// The bot's background rounds (agenda posts, timed polls): each runs every interval, one round at a
// time, and a failing round is logged, never fatal.
import type { Logger } from '../src/logger.ts';

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
