// A clock the test moves: sleeping advances it at once (and is recorded), so back-off, throttling
// and the agenda schedule run in no real time.
import type { Clock } from '../../src/meetings/clock.ts';

export class ManualClock implements Clock {
  private t: number;
  readonly slept: number[] = [];

  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  async sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.t += ms;
  }

  set(at: string | Date): void {
    this.t = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.t += ms;
  }
}
