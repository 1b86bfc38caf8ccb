// Which meeting's agenda a member means by "agenda": the next invited meeting of a committee, or
// the latest one when none is ahead.
import type { MeetingRow, Store } from '../store/types.ts';

export async function nextMeeting(
  store: Store,
  committee: string | undefined,
  today: string,
): Promise<MeetingRow | null> {
  const invited = (await store.listMeetings({ summary: true }))
    .filter((m) => m.role === 'innkalling' && m.date && (!committee || m.committee === committee))
    .sort((a, b) => a.date!.localeCompare(b.date!));
  return invited.find((m) => m.date! >= today) ?? invited.at(-1) ?? null;
}
