// Which meeting an innspill belongs to: the conversation's meeting when it has one (a meeting chat,
// or "møte 2/2023"), else the latest invited meeting in the record that has the sak on its agenda.
import { meetingLabel } from '../record/passages.ts';
import type { MeetingRow, Store } from '../store/types.ts';
import type { ExportMeeting } from './export.ts';

export interface SakTarget {
  committee: string;
  meeting: string;
  date: string | null;
  sak: string;
  title: string;
}

export async function findSak(
  store: Pick<Store, 'listMeetings'>,
  sak: string,
  within?: { committee: string; meeting: string } | null,
): Promise<SakTarget | null> {
  const candidates = (await store.listMeetings({ summary: true }))
    .filter(
      (m) =>
        m.role === 'innkalling' &&
        m.items.some((i) => i.sak === sak) &&
        (!within || (m.committee === within.committee && meetingLabel(m) === within.meeting)),
    )
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const m = candidates[0];
  if (!m) return null;
  return {
    committee: m.committee,
    meeting: meetingLabel(m),
    date: m.date,
    sak,
    title: m.items.find((i) => i.sak === sak)!.title,
  };
}

/** The invited meeting "2/2023" or "NUFA 27.10.2021" names, for exports. */
export async function findMeetingForExport(
  store: Pick<Store, 'listMeetings'>,
  label: string,
  committee?: string,
): Promise<ExportMeeting | null> {
  const wanted = label.trim();
  // The whole record, not its summary: the draft referat needs each sak's proposal.
  const m: MeetingRow | undefined = (await store.listMeetings()).find(
    (x) =>
      x.role === 'innkalling' &&
      (!committee || x.committee === committee) &&
      (meetingLabel(x) === wanted || `${x.committee} ${meetingLabel(x)}` === wanted),
  );
  if (!m) return null;
  return {
    committee: m.committee,
    meeting: meetingLabel(m),
    date: m.date,
    saker: m.items.map((i) => ({ sak: i.sak, title: i.title, proposal: i.proposed_decision })),
  };
}
