// A recurring Teams meeting keeps one meeting id and one chat for every occurrence: its start and
// end events are told apart by the day they happen on (Oslo), so March's meeting and May's each
// get their agenda card and their summary once.
import { osloToday } from './clock.ts';

/** The key of one occurrence of a Teams meeting: its id and the Oslo day of the event. */
export function occurrenceKey(teamsMeetingId: string, at: Date): string {
  return `${teamsMeetingId}@${osloToday(at)}`;
}
