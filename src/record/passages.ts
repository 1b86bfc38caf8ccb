// The record → citable passages: a paragraph, a bullet, a slide's block, a table row, a decision.
// Each passage carries its meeting, sak, kind and locator, so a search hit can be cited without
// looking anything else up. The locator comes from finding the passage's text in the source
// (locate.ts), not from the parser's internals, so it holds whatever the parser rewrapped.
import { isBlank, lineAt, locate, offsetOf, pageOf, sourceText, type SourceText } from './locate.ts';
import { squash } from './normalize.ts';
import type { AgendaItem, Locator, Meeting, Passage, PassageKind } from './types.ts';

export type NewPassage = Omit<Passage, 'id'>;

/** A passage is at most this long (split at sentence ends) … */
const MAX_CHARS = 500;
/** … and a shorter fragment (a lone heading, a one-word bullet) joins the text that follows it. */
const MIN_CHARS = 80;

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

/** A list item's mark: the unit after it starts a passage of its own. */
const BULLET = /^([-•*–▪➔]|\d{1,2}[.)])\s/;

/** A sentence too short to be found on its own ("1.", "Ja.") stays with the one after it. */
const TINY = 12;

/** The units passages are built of: lines, then sentences and bullets; none longer than `max`. */
function units(text: string, max: number): string[] {
  return text
    .split('\n')
    .flatMap((l) => {
      const out: string[] = [];
      // Not after a list number or an ordinal ("er: 1. PLL 2. Pasientens prøvesvar", "1. mai").
      for (const s of l
        .split(/(?<=[.!?])(?<!(?<![\d.])\d{1,2}\.)\s+(?=[«"(]?[\p{Lu}\d])|\s+(?=•\s)/u)
        .map(squash)) {
        if (out.length && out.at(-1)!.length < TINY) out[out.length - 1] += ` ${s}`;
        else if (s) out.push(s);
      }
      return out;
    })
    .flatMap((s) => cut(s, max));
}

/** A sentence longer than a passage, cut at the last space that fits. */
function cut(s: string, max: number): string[] {
  const out: string[] = [];
  while (s.length > max) {
    const at = s.lastIndexOf(' ', max);
    const end = at > max / 2 ? at : max;
    out.push(s.slice(0, end));
    s = s.slice(end).trim();
  }
  if (s) out.push(s);
  return out;
}

interface Placed {
  text: string;
  line: number;
  endLine: number;
  found: boolean;
}

/**
 * Each unit where it stands, searched from where the unit before it ended, so repeated words
 * (a decision sentence on every sak's slides) are found in their own place. A unit that cannot
 * be found is put where the one before it ended.
 */
function place(src: SourceText, texts: string[], from: number, line: number, heading = '') {
  let cursor = from;
  let last = line;
  const placed = texts.map((text, i): Placed => {
    const span = locate(src, text, cursor, i === 0 ? heading : '');
    if (!span) return { text, line: last, endLine: last, found: false };
    cursor = span.end;
    const start = lineAt(src, span.start);
    last = lineAt(src, span.end - 1);
    return { text, line: start, endLine: last, found: true };
  });
  return { placed, end: cursor };
}

/**
 * Whether the source starts a new block between two units: a new page, a blank line, a table row,
 * a bullet. A lead-in ("Tildelingskriterier:") keeps what it introduces, and a list of short
 * items stays one block.
 */
function breaksBetween(src: SourceText, a: Placed, b: Placed): boolean {
  const placed = a.found && b.found;
  if (placed && pageOf(a.endLine, src.pageStarts) !== pageOf(b.line, src.pageStarts)) return true;
  if (a.text.endsWith(':')) return false;
  if (placed && b.line !== a.endLine) {
    if (b.line < a.endLine) return true;
    const row = (n: number) => (src.lines[n - 1] ?? '').includes('\t');
    if (row(a.endLine) || row(b.line)) return true;
    for (let n = a.endLine + 1; n < b.line; n++) if (isBlank(src, n)) return true;
  }
  const short = (u: Placed) => u.text.length < MIN_CHARS;
  return BULLET.test(b.text) && !(short(b) && short(a) && BULLET.test(a.text));
}

interface Piece {
  units: Placed[];
  text: string;
}

const pieceOf = (units: Placed[]): Piece => ({ units, text: units.map((u) => u.text).join(' ') });

/** Blocks packed into passages of at most `max` characters; fragments under MIN_CHARS join a neighbour on their page. */
function pack(src: SourceText, placed: Placed[], max: number): Piece[] {
  const pieces: Placed[][] = [];
  let size = 0;
  placed.forEach((u, i) => {
    const open = pieces.at(-1);
    if (open && !breaksBetween(src, placed[i - 1]!, u) && size + 1 + u.text.length <= max) {
      open.push(u);
      size += 1 + u.text.length;
    } else {
      pieces.push([u]);
      size = u.text.length;
    }
  });
  const page = (u: Placed) => pageOf(u.line, src.pageStarts);
  const len = (units: Placed[]) => units.reduce((n, u) => n + u.text.length + 1, -1);
  const out: Placed[][] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const next = pieces[i + 1];
    const prev = out.at(-1);
    const toNext = next && page(next[0]!) === page(p.at(-1)!) && len(p) + len(next) < max;
    const toPrev = prev && page(prev.at(-1)!) === page(p[0]!) && len(prev) + len(p) < max;
    // A short list item ends the list before it; a short line of another kind heads what follows.
    if (len(p) >= MIN_CHARS) out.push(p);
    else if (toPrev && BULLET.test(p[0]!.text)) prev.push(...p);
    else if (toNext) next.unshift(...p);
    else if (toPrev) prev.push(...p);
    else out.push(p);
  }
  return out.map(pieceOf);
}

export function toPassages(
  meetings: Meeting[],
  source: string,
  text: string,
  pageStarts?: number[],
): NewPassage[] {
  const src = sourceText(text, pageStarts);
  // Memos follow the last meeting's part of a package: a memo's text is looked for from there.
  const memoFrom = offsetOf(src, Math.max(...meetings.map((m) => m.locator.line)));
  const out: NewPassage[] = [];
  for (const m of meetings) {
    const base = { committee: m.committee, meeting: meetingLabel(m), date: m.date, source };
    const add = (kind: PassageKind, text: string, item: AgendaItem | null, locator: Locator) => {
      if (!text.trim()) return;
      out.push({
        ...base,
        date: item?.day ?? m.date,
        sak: item?.sak ?? null,
        title: item?.title ?? null,
        kind,
        text,
        locator: { ...locator, page: pageOf(locator.line, pageStarts) },
      });
    };
    const at = (line: number, headingPath?: string[]): Locator => ({ line, endLine: line, headingPath });
    add('agenda', meetingFacts(m), null, at(m.locator.line));
    for (const item of m.items) {
      const line = item.locator.line;
      const sakPath = [`Sak ${item.sak} ${item.title}`];
      const itemFrom = offsetOf(src, line);
      // A deck's slides for a sak start at its "Sak N/YY:" heading, long after the agenda row.
      const sakHeading = item.slides ? src.folded.indexOf(`sak${item.sak.replace('/', '')}`, itemFrom) : -1;
      const slidesFrom = sakHeading >= 0 ? sakHeading : itemFrom;
      /** One field of the item as passages; `label` starts each passage's text, `heading` is printed above the field. */
      const field = (
        kind: PassageKind,
        text: string,
        from: number,
        opts: { path?: string[]; label?: string; heading?: string; whole?: boolean } = {},
      ) => {
        const label = opts.label ?? '';
        const max = MAX_CHARS - label.length;
        const { placed, end } = place(src, units(text, max), from, line, opts.heading);
        const pieces = opts.whole ? [{ units: placed, text: squash(text) }] : pack(src, placed, max);
        for (const p of pieces) {
          if (!p.units.length) continue;
          // A unit without letters (a table rule "----") stands nowhere: the first that was found counts.
          add(kind, `${label}${p.text}`, item, {
            line: (p.units.find((u) => u.found) ?? p.units[0]!).line,
            endLine: Math.max(...p.units.map((u) => u.endLine)),
            headingPath: opts.path ?? sakPath,
          });
        }
        return end;
      };
      add('agenda', agendaFacts(item), item, at(line, sakPath));
      if (item.proposed_decision)
        field('proposed', item.proposed_decision, item.slides ? slidesFrom : itemFrom, {
          path: [...sakPath, 'Forslag til vedtak'],
          whole: true,
        });
      if (item.adopted_decision)
        field('adopted', item.adopted_decision, itemFrom, { path: [...sakPath, 'Vedtak'], whole: true });
      // Innspill read from the minutes are already in their text; only others are added.
      let cursor = item.minutes ? field('minutes', item.minutes, itemFrom) : itemFrom;
      for (const i of item.innspill.filter((i) => !(item.minutes ?? '').includes(i)))
        cursor = field('minutes', i, cursor);
      for (const a of item.action_points) cursor = field('minutes', a, cursor, { label: 'Aksjonspunkt: ' });
      // Every memo passage names its section, so a quote of earlier decisions is known as one.
      let memoCursor = memoFrom;
      for (const s of item.memo)
        memoCursor = field('memo', s.text, memoCursor, {
          path: [...sakPath, s.heading],
          label: `${s.heading}: `,
          heading: s.heading,
        });
      if (item.slides) field('slides', item.slides, slidesFrom);
      // Prompts are read from the same slides: they are looked for from the sak's heading again.
      if (item.discussion_prompts.length) field('slides', item.discussion_prompts.join('\n'), slidesFrom);
    }
  }
  return out;
}
