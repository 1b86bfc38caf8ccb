// The summary posted when a meeting ends: innspill per sak, poll results, questions not yet
// answered, and the export for the referat.
import type { MeetingSummary } from '../src/meetings/summary.ts';
import { clip, render, type CardJson } from './render.ts';

export function meetingSummaryCard({ sections, ...meeting }: MeetingSummary): CardJson {
  return render('meeting-summary', {
    heading: `Møtet er slutt · ${meeting.name}`,
    committee: meeting.committee,
    meeting: meeting.meeting,
    sections: sections.map((s) => ({
      title: s.title,
      lines: (s.lines.length ? s.lines : ['Ingen.']).map((l) => clip(l, 500)).slice(0, 40),
    })),
  });
}
