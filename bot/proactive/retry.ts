// Retrying a Bot Connector call: 429 (throttled), 412 (precondition), 502 and 504 (gateway) are
// worth another try after an exponential back-off with jitter, or after the Retry-After the
// service asked for. Anything else is final. Hand-written for the same reason as throttle.ts.
import type { Clock } from '../../src/meetings/clock.ts';

export const RETRYABLE_STATUS = new Set([412, 429, 502, 504]);

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 500, maxMs: 30_000 };

/** HTTP status of a failed Bot Connector call, when it has one. */
export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } } | null;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After of a failed call (delta seconds or an HTTP date), in ms from `now`. */
export function retryAfterMs(err: unknown, now: Date): number | undefined {
  const headers = (err as { response?: { headers?: { get?(name: string): string | undefined } } } | null)
    ?.response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Back-off before try `attempt + 1`: "full jitter" between half and all of base·2^attempt. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetry<T>(
  call: (attempt: number) => Promise<T>,
  opts: {
    clock: Clock;
    policy?: RetryPolicy;
    random?: () => number;
    onRetry?: (info: { attempt: number; status: number; delayMs: number }) => void;
  },
): Promise<T> {
  const policy = opts.policy ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (err) {
      const status = statusOf(err);
      if (status === undefined || !RETRYABLE_STATUS.has(status) || attempt >= policy.attempts) throw err;
      const delayMs = retryAfterMs(err, opts.clock.now()) ?? backoffMs(attempt, policy, opts.random);
      opts.onRetry?.({ attempt, status, delayMs });
      await opts.clock.sleep(delayMs);
    }
  }
}
