// The `motebot inspect --json` view of a parsed document.
import type { ParsedDocument } from './types.ts';

export function inspectView(doc: ParsedDocument) {
  return {
    meetings: doc.meetings.map((m) => ({
      committee: m.committee,
      meeting: m.meeting,
      date: m.date,
      dates: m.dates,
      role: m.role,
      time: m.time,
      place: m.place,
      members_present: m.members_present,
      members_absent: m.members_absent,
      members_substitutes: m.members_substitutes,
      secretariat: m.secretariat,
      items: m.items.map((i) => ({
        sak: i.sak,
        title: i.title,
        sakstype: i.sakstype,
        day: i.day,
        start_time: i.start_time,
        end_time: i.end_time,
        presenter: i.presenter,
        case_owner: i.case_owner,
        case_handler: i.case_handler,
        proposed_decision: i.proposed_decision,
        adopted_decision: i.adopted_decision,
      })),
    })),
  };
}
