// A question about a meeting as a whole — when and where, who attended, the meeting after the one
// named — is answered from the meeting's header in the record.
import type { Meeting } from '../record/types.ts';
import type { MeetingRow } from '../store/types.ts';
import { abstain, cite, result, type OfflineResult } from './compose.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import { inMonth } from './rank.ts';
import { formatDate, t } from './texts.ts';
import type { AskOptions } from './types.ts';

/** The meeting numbered right after (or before) this one of its committee: 5/2020 → 6/2020 or 1/2021. */
function numberedNeighbour(lib: Library, m: Meeting, way: 'next' | 'previous'): MeetingRow | undefined {
  const [n, y] = (m.meeting ?? '').split('/').map(Number);
  if (!n || !y) return undefined;
  const same = lib.meetings.filter((x) => x.committee === m.committee && x.meeting);
  const numbered = (label: string) => same.find((x) => x.meeting === label);
  if (way === 'next') return numbered(`${n + 1}/${y}`) ?? numbered(`1/${y + 1}`);
  if (n > 1) return numbered(`${n - 1}/${y}`);
  // The last meeting of the year before: the highest number that year.
  return same
    .filter((x) => x.meeting!.endsWith(`/${y - 1}`))
    .sort((a, b) => Number(b.meeting!.split('/')[0]) - Number(a.meeting!.split('/')[0]))[0];
}

export async function answerMeeting(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  const committee = opts.committee ?? q.committee;
  let meetings = lib.meetings.filter((m) => !committee || m.committee === committee);
  if (q.meeting) meetings = meetings.filter((m) => m.meeting === q.meeting);
  if (q.date) meetings = meetings.filter((m) => m.dates.includes(q.date!));
  else if (q.month) meetings = meetings.filter((m) => m.dates.some((d) => inMonth(d, q.month!)));
  if (!meetings.length) return null;
  if (q.relative) {
    // "The next meeting after 9 September 2020": the meeting numbered after the one named, which
    // the record may not hold; then the documents do not say when or where it is.
    const neighbour = numberedNeighbour(lib, meetings[0]!, q.relative);
    if (!neighbour) return abstain(lib, q, undefined);
    meetings = [neighbour];
  }
  // With no time named, the latest meeting is meant ("who are NUIT's members?").
  if (!q.meeting && !q.date && !q.month) {
    const latest = meetings.reduce((a, b) => ((b.date ?? '') > (a.date ?? '') ? b : a));
    meetings = meetings.filter((m) => m.meeting === latest.meeting && m.date === latest.date);
  }
  const lang = q.language;
  const first = meetings[0]!;
  const field = <K extends 'place' | 'time'>(k: K) => meetings.map((m) => m[k]).find(Boolean) ?? null;
  const present = meetings.find((m) => m.members_present.length);
  const label = first.meeting ?? first.committee;
  const lines = [
    `${first.committee} ${t(lang, 'meeting').toLowerCase()} ${label}: ${first.dates.map((d) => formatDate(d, lang)).join(' og ') || formatDate(first.date, lang)}`,
  ];
  const time = field('time');
  const place = field('place');
  if (time) lines.push(`${t(lang, 'when')}: ${time}`);
  if (place) lines.push(`${t(lang, 'place')}: ${place}`);
  if (q.meetingFacts.has('attendance')) {
    if (present) {
      lines.push(`${t(lang, 'present')}: ${present.members_present.join('; ')}`);
      if (present.members_absent.length)
        lines.push(`${t(lang, 'absent')}: ${present.members_absent.join('; ')}`);
    } else if (first.members_invited.length)
      lines.push(`${t(lang, 'members')}: ${first.members_invited.join('; ')}`);
  }
  // The meeting is cited through its opening sak (approval of the agenda), where its header stands.
  const m = present ?? meetings.find((x) => x.place) ?? first;
  const opening = m.items[0];
  const c = opening
    ? lib.cases.find(
        (x) =>
          x.committee === m.committee && x.item.sak === opening.sak && x.sources.some((s) => s.meeting === m),
      )
    : undefined;
  if (c) await lib.load([c.key]);
  const used = c ? [cite(lib, c, 'agenda')] : [];
  return result(q, lines, used);
}
