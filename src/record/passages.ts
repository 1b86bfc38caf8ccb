// The record → citable passages. Each passage carries its meeting, sak, kind and locator, so a
// search hit can be cited without looking anything else up.
import { squash } from './normalize.ts';
import type { AgendaItem, Meeting, Passage, PassageKind } from './types.ts';

export type NewPassage = Omit<Passage, 'id'>;

/** Long text is cut into passages of about this many characters, on line or sentence boundaries. */
const CHUNK_CHARS = 700;

/** The name a meeting is cited by: its number, or committee and date when it has none. */
export function meetingLabel(m: Pick<Meeting, 'committee' | 'meeting' | 'date'>): string {
  if (m.meeting) return m.meeting;
  if (!m.date) return m.committee;
  const [y, mo, d] = m.date.split('-');
  return `${m.committee} ${d}.${mo}.${y}`;
}

/** How members name a meeting: "NUIT møte 2/2023", or the label itself ("NUFA 27.10.2021"). */
export function meetingName(m: { committee: string; meeting: string }): string {
  return m.meeting.includes('/') ? `${m.committee} møte ${m.meeting}` : m.meeting;
}

export function pageOf(line: number, pageStarts?: number[]): number | undefined {
  if (!pageStarts?.length) return undefined;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i]! <= line) page = i + 1;
  return page;
}

/** Splits text into chunks of about CHUNK_CHARS, breaking on line ends, then sentence ends. */
export function chunk(text: string, size = CHUNK_CHARS): string[] {
  const units = text
    .split(/\n+|(?<=[.!?»])\s+(?=[A-ZÆØÅ«•\-–\d])/)
    .map(squash)
    .filter(Boolean);
  const out: string[] = [];
  let cur = '';
  for (const u of units) {
    if (cur && cur.length + u.length + 1 > size) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${u}` : u;
  }
  if (cur) out.push(cur);
  return out;
}

function agendaFacts(item: AgendaItem): string {
  const facts: string[] = [`Sak ${item.sak} ${item.title}.`];
  if (item.sakstype) facts.push(`Sakstype: ${item.sakstype}.`);
  if (item.start_time) {
    const span = item.end_time ? `${item.start_time}–${item.end_time}` : item.start_time;
    const dur = item.duration_minutes ? ` (${item.duration_minutes} min)` : '';
    facts.push(`Tidspunkt: ${span}${dur}${item.day ? `, ${item.day}` : ''}.`);
  }
  if (item.presenter) facts.push(`Presenteres av: ${item.presenter}.`);
  if (item.case_owner) facts.push(`Sakseier: ${item.case_owner}.`);
  if (item.case_handler) facts.push(`Saksbehandler: ${item.case_handler}.`);
  if (item.description) facts.push(item.description);
  return squash(facts.join(' '));
}

function meetingFacts(m: Meeting): string {
  const parts = [
    `${m.role === 'referat' ? 'Referat fra' : 'Møteinnkalling til'} ${m.committee}-møte ${meetingLabel(m)}.`,
    m.dates.length ? `Dato: ${m.dates.join(', ')}.` : '',
    m.time ? `Tid: ${m.time}.` : '',
    m.place ? `Sted: ${m.place}.` : '',
    m.members_present.length ? `Til stede: ${m.members_present.join('; ')}.` : '',
    m.members_absent.length ? `Ikke til stede: ${m.members_absent.join('; ')}.` : '',
    m.members_substitutes.length
      ? `Stedfortreder: ${m.members_substitutes.map((s) => [s.name, s.for && `for ${s.for}`, s.from && `fra ${s.from}`].filter(Boolean).join(' ')).join('; ')}.`
      : '',
    m.secretariat.length ? `Sekretariat: ${m.secretariat.join('; ')}.` : '',
    m.members_invited.length && !m.members_present.length
      ? `Medlemmer: ${m.members_invited.join('; ')}.`
      : '',
  ];
  return squash(parts.join(' '));
}

export function toPassages(meetings: Meeting[], source: string, pageStarts?: number[]): NewPassage[] {
  const out: NewPassage[] = [];
  for (const m of meetings) {
    const base = { committee: m.committee, meeting: meetingLabel(m), date: m.date, source };
    const add = (kind: PassageKind, text: string, item: AgendaItem | null, line: number) => {
      if (!text.trim()) return;
      out.push({
        ...base,
        date: item?.day ?? m.date,
        sak: item?.sak ?? null,
        title: item?.title ?? null,
        kind,
        text,
        locator: { line, page: pageOf(line, pageStarts) },
      });
    };
    add('agenda', meetingFacts(m), null, m.locator.line);
    for (const item of m.items) {
      const line = item.locator.line;
      add('agenda', agendaFacts(item), item, line);
      if (item.proposed_decision) add('proposed', item.proposed_decision, item, line);
      if (item.adopted_decision) add('adopted', item.adopted_decision, item, line);
      // Innspill read from the minutes are already in their text; only others are added.
      const extra = item.innspill.filter((i) => !(item.minutes ?? '').includes(i));
      const minutes = [item.minutes ?? '', ...extra, ...item.action_points.map((a) => `Aksjonspunkt: ${a}`)];
      for (const c of chunk(minutes.join('\n'))) add('minutes', c, item, line);
      // Every memo passage names its section, so a quote of earlier decisions is known as one.
      for (const s of item.memo) for (const c of chunk(s.text)) add('memo', `${s.heading}: ${c}`, item, line);
      const slides = [item.slides ?? '', ...item.discussion_prompts].join('\n');
      for (const c of chunk(slides)) add('slides', c, item, line);
    }
  }
  return out;
}
