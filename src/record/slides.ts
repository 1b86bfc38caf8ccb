// The slide-deck package (NUFA): a title slide, an agenda table with Sakstype and times (one per
// day), then slides per sak headed "Sak 39/19: …". Decisions are proposals, often unlabelled
// sentences at the end of a sak ("NUFA tar saken til orientering."); discussion prompts are kept.
import { hhmm, minutesOf, normalizeSakId, parseDates, parseTimes } from './dates.ts';
import { joinLines, toLines, type Line } from './lines.ts';
import { newAgendaItem } from './item.ts';
import { squash } from './normalize.ts';
import { SAKSTYPER } from './package.ts';
import type { AgendaItem, Meeting } from './types.ts';

const SLIDE_HEADING = /^sak\s+(\d{1,3}\s?\/\s?\d{2})\s*:\s*(.*)$/i;
const MEETING_KEY = /^møte\s*\t?\s*\d{1,2}\s?\/\s?\d{4}\s*$/im;
const COMMITTEE = /\b(NUFA|NUIT)\b/;
const LOGO = /^(direktoratet for|e-helse|helsedirektoratet)$/i;
const BREAK_ROW = /^(pause|lunsj|lunch|slutt|middag|velkommen|fortsettelse)\b/i;
const PROMPT_HEADING =
  /^(spørsmål til \w+|stikkord|drøftingstema|drøftingspunkter|gruppediskusjon|gruppeoppgave|drøfting)\b.*$|ber \w+ drøfte/i;
const DECISION_SENTENCE =
  /^(NUFA|NUIT)\s+(godkjenner|tar|ber|drøftet|drøfter|støtter|gir|anbefaler|slutter|tilrår|stiller)\b/;

type Column = 'sak' | 'title' | 'sakstype' | 'owner' | 'handler' | 'start' | 'duration' | 'end';

const COLUMN_NAMES: [Column, string][] = [
  ['sak', 'saksnr\\.?|sak'],
  ['title', 'tittel|agenda(?: \\p{Lu}{3,5})?|tema'],
  ['sakstype', 'sakstype'],
  ['owner', 'sakseier'],
  ['handler', 'saksbehandler|presenterer saken|presentert av|innleder'],
  ['start', 'start|tidspunkt|tid'],
  ['duration', 'varighet'],
  ['end', 'slutt'],
];
const COLUMN = new RegExp(`^(?:${COLUMN_NAMES.map(([, re]) => `(${re})`).join('|')})(?=\\s|$)`, 'iu');

/**
 * The columns of an agenda header, in order. The names may share a cell when a PDF's column gaps
 * are narrow ("Saksbehandler Start Varighet Slutt"), so the line is read word by word.
 */
function columns(text: string): Column[] | null {
  const out: Column[] = [];
  let rest = squash(text.replace(/\t/g, ' '));
  while (rest) {
    const m = COLUMN.exec(rest);
    if (!m) return null;
    out.push(COLUMN_NAMES[m.slice(1).findIndex(Boolean)]![0]);
    rest = rest.slice(m[0].length).trim();
  }
  const has = (c: Column) => out.includes(c);
  return has('sakstype') && has('title') && (has('start') || has('duration')) ? out : null;
}

export function looksLikeSlideDeck(text: string): boolean {
  if (MEETING_KEY.test(text)) return false;
  const lines = text.split('\n');
  const headings = lines.filter((l) => SLIDE_HEADING.test(squash(l))).length;
  return headings >= 2 && lines.some((l) => l.length < 200 && columns(l) !== null);
}

const ORGANISATIONS =
  /\s*\b(Direktoratet for e-helse|Dir\. for e-helse|Helsedirektoratet|Hdir|Norsk helsenett SF|Norsk helsenett|NHN|NAV|KS|Folkehelseinstituttet|FHI|Helse (?:Sør-Øst|Vest|Midt-Norge|Midt|Nord) RHF|[A-ZÆØÅ][\p{L}-]+ kommune)\b\s*/gu;

/** "Hans Löwe Larsen Direktoratet for e-helse" → "Hans Löwe Larsen"; several groups joined with "; ". */
function presenterNames(cell: string): string | null {
  if (/\(/.test(cell)) return squash(cell) || null;
  const groups = cell
    .split(ORGANISATIONS)
    .filter((_, i) => i % 2 === 0)
    .map(squash)
    .filter(Boolean);
  return groups.length ? groups.join('; ') : squash(cell) || null;
}

function durationMinutes(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

interface Row {
  item: AgendaItem | null;
  start: string | null;
  end: string | null;
  duration: number | null;
  isBreak: boolean;
}

/** Every agenda table in the deck (one per day), as items in order plus the break rows between. */
const TIME = /\b\d{1,2}:\d{2}\b/g;
const SAKSTYPE = new RegExp(`\\b(${SAKSTYPER.join('|')})\\b`, 'i');

/** A row read by its cells, when it has one cell per column. */
function cellsByColumn(cols: Column[], cells: string[]): Partial<Record<Column, string>> {
  return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
}

/**
 * A row whose cells ran together (PDF): times are taken in the order of the time columns, the
 * sakstype by its word, and the title is what stands before them (less a trailing presenter).
 */
function cellsByPattern(cols: Column[], text: string): Partial<Record<Column, string>> {
  const out: Partial<Record<Column, string>> = {};
  const sak = SAK_AT_START.exec(text);
  if (sak) out.sak = sak[1];
  const body = sak ? text.slice(sak[0].length) : text;
  const times = body.match(TIME) ?? [];
  cols
    .filter((c) => c === 'start' || c === 'duration' || c === 'end')
    .forEach((c, i) => (out[c] = times[i] ?? ''));
  out.sakstype = SAKSTYPE.exec(body)?.[1] ?? '';
  let title = body.split('\t').find((c) => c.trim()) ?? '';
  const cut = [SAKSTYPE.exec(title)?.index, title.search(TIME)].filter(
    (n): n is number => n !== undefined && n > 0,
  );
  if (cut.length) title = title.slice(0, Math.min(...cut));
  // "… 2022- Bjørnar Andreassen Helsedirektoratet": a presenter run into the title cell.
  title = title.replace(
    new RegExp(`\\s+(\\p{Lu}[\\p{L}.-]+\\s+){1,3}${ORGANISATIONS.source.trim()}.*$`, 'u'),
    '',
  );
  out.title = squash(title);
  // Sakseier and saksbehandler stand between the sakstype and the first time; without a tab
  // between them, the owner is an organisation or a two-word name.
  const found = body.search(TIME);
  const timeAt = found < 0 ? body.length : found;
  // The sakstype column is the last sakstype word before the times (a title may hold one too).
  const typeAt = out.sakstype ? body.slice(0, timeAt).lastIndexOf(out.sakstype) : -1;
  if (cols.includes('owner') && typeAt >= 0) {
    const people = body
      .slice(typeAt + out.sakstype.length, timeAt)
      .split('\t')
      .map(squash)
      .filter(Boolean);
    if (people.length > 1) [out.owner, out.handler] = [people[0]!, people.slice(1).join(' ')];
    else if (people[0]) {
      const org = new RegExp(`^${ORGANISATIONS.source.trim()}`, 'u').exec(people[0]);
      const words = people[0].split(' ');
      const cut = org ? org[0].trim().split(' ').length : Math.min(2, words.length);
      [out.owner, out.handler] = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    }
  } else if (!cols.includes('owner') && cols.includes('handler')) {
    // "Sak | Agenda | Presenterer saken | Tid": the presenter is the cell before the time.
    const cells = body.slice(0, timeAt).split('\t').map(squash).filter(Boolean);
    if (cells.length > 1) out.handler = cells.at(-1);
  }
  return out;
}

const SAK_AT_START = /^(\d{1,3}\s?\/\s?\d{2})(?!\d)\s*\t?\s*/;

/** Every agenda table in the deck (one per day), as items in order plus the break rows between. */
function agenda(lines: Line[]): { items: AgendaItem[]; rows: Row[]; end: number } {
  const items: AgendaItem[] = [];
  const rows: Row[] = [];
  let cols: Column[] | null = null;
  let day: string | null = null;
  /** The presenter cell as printed, which may wrap over lines, before names are picked out. */
  const presenterText = new Map<AgendaItem, string>();
  let end = 0;
  let wrapped = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    if (!text) continue;
    if (SLIDE_HEADING.test(text)) break;
    const header = columns(text);
    if (header) {
      cols = header;
      continue;
    }
    const date = parseDates(text);
    if (date.length === 1 && !TIME.test(text)) {
      day = date[0]!;
      if (cols) continue;
    }
    TIME.lastIndex = 0;
    if (!cols) continue;
    const cells = text.split('\t').map((c) => c.trim());
    const tidy =
      cells.length === cols.length || (cells.length === cols.length - 1 && !normalizeSakId(cells[0]!));
    const row = tidy
      ? cellsByColumn(cells.length === cols.length ? cols : cols.slice(1), cells)
      : cellsByPattern(cols, text);
    const sak = normalizeSakId(row.sak ?? '');
    const title = row.title ?? '';
    const last = rows.at(-1);
    if (!sak && !(row.start || row.duration || row.end)) {
      // A title wrapped onto the next line. A lone word or an organisation is the presenter
      // column wrapping instead, unless the title visibly goes on ("… til", "… 2022-").
      const piece = cells[0]!;
      const titleGoesOn = /(\s(av|for|til|og|i|på|med|om|fra)|[-–,])$/.test(last?.item?.title ?? '');
      const presenterPiece =
        !titleGoesOn &&
        ((!/\s/.test(piece) && !/^\d+$/.test(piece)) ||
          new RegExp(`^${ORGANISATIONS.source.trim()}$`, 'u').test(piece));
      if (last?.item && !tidy && wrapped < 6 && !BREAK_ROW.test(piece)) {
        if (!presenterPiece) last.item.title = joinLines([last.item.title, piece]);
        // The presenter column wraps too: its pieces follow a tab, or stand alone as names.
        const more = presenterPiece ? piece : cells.length > 1 ? cells.at(-1)! : '';
        if (more) {
          const raw = joinLines([presenterText.get(last.item) ?? '', more]);
          presenterText.set(last.item, raw);
          last.item.presenter = presenterNames(raw);
          if (cols.includes('owner')) last.item.case_handler = last.item.presenter;
        }
        wrapped++;
        end = i;
      }
      continue;
    }
    if (!sak && !title) continue;
    wrapped = 0;
    end = i;
    const start = parseTimes(row.start ?? '')[0] ?? null;
    const endTime = parseTimes(row.end ?? '')[0] ?? null;
    const duration = durationMinutes(row.duration ?? '');
    let item: AgendaItem | null = null;
    if (sak) {
      item = newAgendaItem(sak, squash(title), lines[i]!.n);
      item.sakstype = row.sakstype
        ? row.sakstype.charAt(0).toUpperCase() + row.sakstype.slice(1).toLowerCase()
        : null;
      item.day = day;
      item.case_owner = row.owner || null;
      presenterText.set(item, row.handler ?? '');
      item.presenter = presenterNames(row.handler ?? '');
      item.case_handler = cols.includes('owner') ? item.presenter : null;
      items.push(item);
    }
    rows.push({ item, start, end: endTime, duration, isBreak: !sak && BREAK_ROW.test(title) });
  }
  return { items, rows, end };
}

/**
 * Times for each sak: printed start/end/duration, sessions listed under a sak without times of its
 * own (their span; their durations summed, breaks excluded), or the next row's start as the end.
 */
function settleTimes(rows: Row[]): void {
  rows.forEach((row, i) => {
    const item = row.item;
    if (!item) return;
    const sessions: Row[] = [];
    for (let j = i + 1; j < rows.length && !rows[j]!.item; j++) sessions.push(rows[j]!);
    if (row.start) {
      item.start_time = row.start;
      const next = rows.slice(i + 1).find((r) => r.start)?.start ?? null;
      item.end_time = row.end ?? next;
      item.duration_minutes =
        row.duration ??
        (item.end_time && minutesOf(item.end_time) > minutesOf(row.start)
          ? minutesOf(item.end_time) - minutesOf(row.start)
          : null);
    } else {
      const own = sessions.filter((s) => !s.isBreak || !/^(pause|slutt|middag)/i.test(''));
      const timed = own.filter((s) => s.start);
      const lastWork = [...timed].reverse().find((s) => !s.isBreak);
      if (timed.length && lastWork) {
        item.start_time = timed[0]!.start;
        item.end_time =
          lastWork.end ??
          (lastWork.start && lastWork.duration ? hhmm(minutesOf(lastWork.start) + lastWork.duration) : null);
        const work = timed.filter((s) => !s.isBreak && timed.indexOf(s) <= timed.indexOf(lastWork));
        item.duration_minutes = work.reduce((sum, s) => sum + (s.duration ?? 0), 0) || null;
      }
    }
  });
}

/** Slide lines per sak: from its "Sak N/YY:" heading to the next heading of another sak. */
function sections(lines: Line[], from: number): Map<string, { title: string; lines: Line[]; at: number }> {
  const out = new Map<string, { title: string; lines: Line[]; at: number }>();
  let current: { title: string; lines: Line[]; at: number } | null = null;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    const m = SLIDE_HEADING.exec(text);
    const sak = m ? normalizeSakId(m[1]!) : null;
    if (sak) {
      current = out.get(sak) ?? { title: '', lines: [], at: lines[i]!.n };
      if (!current.title) {
        const parts = [m![2]!];
        for (let j = i + 1; j < lines.length && lines[j]!.text.trim() && !m![2]; j++)
          parts.push(lines[j]!.text);
        current.title = joinLines(parts);
      }
      out.set(sak, current);
      continue;
    }
    current?.lines.push(lines[i]!);
  }
  return out;
}

const unbullet = (s: string) => squash(s.replace(/^[-•*–]\s*/, '').replace(/\*\*/g, ''));

function proposal(section: Line[]): string | null {
  const texts = section.map((l) => l.text.trim());
  const labelled = texts.findIndex((t) => /^forslag til vedtak\s*:?$/i.test(t));
  if (labelled >= 0) {
    const parts: string[] = [];
    let blanks = 0;
    for (const t of texts.slice(labelled + 1)) {
      if (!t) {
        if (parts.length && ++blanks >= 2) break;
        continue;
      }
      if (LOGO.test(t) || SLIDE_HEADING.test(t)) break;
      // After a finished sentence only another decision sentence continues the proposal.
      const finished = parts.length && /[.!?]$/.test(parts.at(-1)!);
      if (
        (blanks || finished) &&
        parts.length &&
        !DECISION_SENTENCE.test(unbullet(t)) &&
        !/^[a-zæøå]/.test(t)
      )
        break;
      blanks = 0;
      parts.push(unbullet(t));
    }
    if (parts.length) return joinLines(parts);
  }
  // Unlabelled: the last run of decision sentences in the sak's slides.
  let run: string[] = [];
  let last: string[] = [];
  for (const t of texts) {
    const s = unbullet(t);
    if (DECISION_SENTENCE.test(s)) run.push(s);
    else if (t) {
      if (run.length) last = run;
      run = [];
    }
  }
  if (run.length) last = run;
  return last.length ? joinLines(last) : null;
}

const BULLET = /^([-•*–]|\d{1,2}\.)\s/;

/**
 * Lines joined into the units a reader sees: a unit ends at a blank line or a finished sentence,
 * and a bullet starts a new one. Questions wrapped over several lines (PDF text) become whole.
 */
function units(section: Line[]): { text: string; bullet: boolean }[] {
  const out: { text: string; bullet: boolean; parts: string[] }[] = [];
  let open = false;
  for (const l of section) {
    const t = l.text.trim();
    if (!t) {
      open = false;
      continue;
    }
    const bullet = BULLET.test(t);
    const last = out.at(-1);
    if (open && last && !bullet) last.parts.push(t);
    else out.push({ text: '', bullet, parts: [t] });
    open = !/[.?!:]$/.test(t);
  }
  return out.map((u) => ({ text: joinLines(u.parts), bullet: u.bullet }));
}

/** Questions and prompts put to the committee: question units, and the bullets under a prompt heading. */
function prompts(section: Line[]): string[] {
  const out: string[] = [];
  let under = 0;
  for (const u of units(section)) {
    const s = unbullet(u.text).replace(/^\d{1,2}\.\s+/, '');
    if (PROMPT_HEADING.test(s)) {
      under = 8;
      continue;
    }
    if (s.endsWith('?') || (under > 0 && u.bullet && s.length > 3)) out.push(s);
    if (under > 0) under--;
  }
  return [...new Set(out)];
}

/** Names standing alone on a line in guillemets («Helseøyene»), when a sak has several. */
function namedItems(section: Line[]): string[] {
  const names = new Set<string>();
  for (const l of section) {
    const m = /^«([^»]{2,60})»$/.exec(l.text.trim());
    if (m) names.add(squash(m[1]!));
  }
  return names.size >= 2 ? [...names].slice(0, 12) : [];
}

/** Slide text for search: logo lines, emoji and repeated lines (duplicated slides) dropped. */
function slideText(section: Line[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of section) {
    const t = squash(
      l.text
        .replace(/\*\*/g, '')
        .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
        .replace(/\t/g, ' | '),
    );
    if (!t || LOGO.test(t)) continue;
    if (t.length > 20 && seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out.join('\n');
}

function header(lines: Line[]): { committee: string; dates: string[]; place: string | null } {
  const top = lines
    .slice(0, 40)
    .map((l) => l.text.trim())
    .filter((t) => t && !LOGO.test(t));
  const committee = top.map((t) => COMMITTEE.exec(t)?.[1]).find(Boolean) ?? 'NUFA';
  let dates: string[] = [];
  let dateAt = -1;
  top.some((t, i) => ((dates = parseDates(t)), dates.length ? ((dateAt = i), true) : false));
  // "NUFA – Radisson Blu, Gardermoen", or the line after the date on the title slide.
  const titled = top.find((t) => new RegExp(`^${committee}\\s*[–-]\\s*\\D+$`).test(t));
  const after = top[dateAt + 1];
  const place = titled
    ? squash(titled.replace(new RegExp(`^${committee}\\s*[–-]\\s*`), ''))
    : after && !/\d|\t|^(saker|velkommen|agenda)/i.test(after)
      ? after
      : null;
  return { committee, dates, place };
}

export function parseSlideDeck(text: string): Meeting[] {
  const lines = toLines(text);
  const { committee, dates, place } = header(lines);
  const { items, rows, end } = agenda(lines);
  if (!items.length) return [];
  settleTimes(rows);
  const secs = sections(lines, end + 1);
  for (const item of items) {
    item.day ??= dates[0] ?? null;
    const sec = secs.get(item.sak);
    if (!sec || item.title === 'Eventuelt') continue;
    item.proposed_decision = proposal(sec.lines);
    item.discussion_prompts = prompts(sec.lines);
    item.named_items = namedItems(sec.lines);
    item.slides = slideText(sec.lines) || null;
  }
  const starts = items.map((i) => i.start_time).filter((t): t is string => !!t);
  const ends = rows.map((r) => r.start ?? r.end).filter((t): t is string => !!t);
  return [
    {
      committee,
      meeting: null,
      date: dates[0] ?? null,
      dates,
      time: starts.length ? `${starts[0]}–${ends.at(-1)}` : null,
      start_time: starts[0] ?? null,
      end_time: ends.at(-1) ?? null,
      place,
      role: 'innkalling',
      meeting_kind: null,
      members_invited: [],
      members_present: [],
      members_absent: [],
      items,
      locator: { line: 1 },
    },
  ];
}
