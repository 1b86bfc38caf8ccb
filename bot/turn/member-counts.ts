// How many members a conversation has: for "n av m har svart", and to decide whether a card may
// auto-refresh for everyone (Teams allows it in chats of at most 60 members). Asked of Teams once
// per conversation every ten minutes; unknown (null) when Teams does not say.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Clock } from '../../src/meetings/clock.ts';

const TTL_MS = 10 * 60_000;
/** Teams refreshes a card for every member only in chats up to this size. */
export const AUTO_REFRESH_MEMBERS = 60;

export class MemberCounts {
  private readonly known = new Map<string, { count: number | null; at: number }>();

  constructor(private readonly clock: Clock) {}

  async of(context: TurnContext): Promise<number | null> {
    const id = context.activity.conversation.id;
    const now = this.clock.now().getTime();
    const hit = this.known.get(id);
    if (hit && now - hit.at < TTL_MS) return hit.count;
    let count: number | null;
    try {
      // One page beyond the auto-refresh limit tells all that matters.
      const page = await TeamsInfo.getPagedMembers(context, AUTO_REFRESH_MEMBERS + 1);
      count = page.members.length + (page.continuationToken ? 1 : 0);
    } catch {
      count = null;
    }
    this.known.set(id, { count, at: now });
    return count;
  }
}
