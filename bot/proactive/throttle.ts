// Teams accepts at most 7 messages a second and 60 per 30 seconds into one conversation. Sends to
// a conversation wait their turn here (in order) until both windows have room. Hand-written rather
// than p-throttle/bottleneck: it needs two windows at once and the injectable clock tests drive.
import type { Clock } from '../../src/meetings/clock.ts';

export interface RateWindow {
  limit: number;
  ms: number;
}

export const TEAMS_CONVERSATION_LIMITS: RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 60, ms: 30_000 },
];

export class ConversationThrottle {
  private readonly sent = new Map<string, number[]>();
  private readonly turns = new Map<string, Promise<void>>();
  private readonly longest: number;

  constructor(
    private readonly clock: Clock,
    private readonly windows: RateWindow[] = TEAMS_CONVERSATION_LIMITS,
  ) {
    this.longest = Math.max(...windows.map((w) => w.ms));
  }

  /** Resolves when one more message may go to the conversation, and counts it as sent. */
  acquire(conversationId: string): Promise<void> {
    const turn = (this.turns.get(conversationId) ?? Promise.resolve()).then(() => this.take(conversationId));
    this.turns.set(
      conversationId,
      turn.catch(() => undefined),
    );
    return turn;
  }

  private async take(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      const times = (this.sent.get(conversationId) ?? []).filter((t) => t > now - this.longest);
      this.sent.set(conversationId, times);
      // Wait until the oldest send that fills a window has left it.
      const wait = Math.max(
        0,
        ...this.windows.map((w) => {
          const inWindow = times.filter((t) => t > now - w.ms);
          return inWindow.length >= w.limit ? inWindow[inWindow.length - w.limit]! + w.ms - now : 0;
        }),
      );
      if (wait === 0) {
        times.push(now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }
}
