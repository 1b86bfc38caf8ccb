// The agenda tables of a slide deck (one per day): a header naming the columns (Saksnr, Tittel,
// Sakstype, Sakseier, Saksbehandler / Presenterer saken, Start / Tid, Varighet, Slutt), rows per
// sak, and rows without a sak id (Pause, Lunsj, sessions of a sak) that give the times.
// txt and DOCX keep one cell per column; PDF text runs cells together and wraps them over lines.
import { hhmm, minutesOf, normalizeSakId, parseDates, parseTimes, PRINTED_SAK_ID, WEEKDAY } from './dates.ts';
import { newAgendaItem } from './item.ts';
import { joinLines, type Line } from './lines.ts';
import { squash } from './normalize.ts';
import {
  bracketedSakstype,
  headerByPosition,
  headerColumns,
  SAKSTYPE,
  sakstypeOf,
  timeOf,
  type Column,
} from './table.ts';
import { isOrganisation, presenterNames, splitRun, unfinishedName } from './slides-people.ts';
import { LOGO, SLIDE_HEADING } from './slides-text.ts';
import type { AgendaItem } from './types.ts';

type TextColumn = 'title' | 'owner' | 'handler';

const TEXT_COLUMNS: Column[] = ['title', 'owner', 'handler'];
const TIME_COLUMNS: Column[] = ['start', 'duration', 'end'];

const SAK_AT_START = new RegExp(`^(${PRINTED_SAK_ID})[.:]?\\s*\\t?\\s*`, 'i');
const SAK_ONLY = new RegExp(`^${PRINTED_SAK_ID}[.:]?$`, 'i');
const CLOCK = /^\d{1,2}[:.]\d{2}$/;
/** A time as printed in a cell: "10:05", or "kl. 10.05" (a dot only after "kl."). */
const TIME = /\bkl\.?\s*\d{1,2}[:.]\d{2}\b|\b\d{1,2}:\d{2}\b/i;
const TIMES = new RegExp(TIME.source, 'gi');
/**
 * As printed in a table cell: capitalised, so "… for drøfting av …" in a title is not taken, or as
 * the treatment asked for ("Til drøfting", "For tilslutning"); or in brackets after the title's
 * first line, where the title wraps ("Tittel - (Drøfting)" / "NEO").
 */
const SAKSTYPE_WORD = new RegExp(
  `\\(?\\b(?:(?:Til|For)\\s+${SAKSTYPE.toLowerCase()}|${SAKSTYPE})\\b\\)?`,
  'g',
);
const BREAK_ROW = /^(pause|lunsj|lunch|kaffe|slutt|middag|velkommen)\b/i;
const CLOSING_ROW = /^slutt\b/i;
/**
 * "Onsdag 6. november 2019", "Wednesday 6 November 2019", "Dag 1 – onsdag 27. oktober 2021", "Dag 2:
 * 28. oktober 2021".
 */
const DAY_LINE = new RegExp(
  `^(?:dag\\s*\\d+\\s*[–:-]?\\s*)?(?:${WEEKDAY})\\b|^dag\\s*\\d+\\s*[–:-]\\s*\\d`,
  'i',
);

/** The first sak row within a few lines after line i (a day line may stand between), trimmed. */
export function firstRowAfter(lines: string[], i: number): string | undefined {
  return lines
    .slice(i + 1, i + 4)
    .map((l) => l.trim())
    .find((l) => SAK_AT_START.test(l));
}

/**
 * The columns of a deck's agenda header, in order: a header that names a title, a time column and
 * a sak or sakstype column, whatever words it uses for them.
 */
export function columns(text: string, row?: string): Column[] | null {
  const out = headerColumns(text) ?? (row ? headerByPosition(text, row) : null);
  const has = (c: Column) => !!out?.includes(c);
  // A deck may leave the sakstype out; its rows still name the sak, the title and the time.
  return (has('sakstype') || has('sak')) && has('title') && (has('start') || has('duration')) ? out : null;
}

export interface Row {
  sak: string | null;
  line: number;
  day: string | null;
  text: Record<TextColumn, string[]>;
  sakstype: string | null;
  start: string | null;
  end: string | null;
  duration: number | null;
  /** The table has a Sakseier column, so the person column names the saksbehandler. */
  owned: boolean;
  /** Read by pattern from cells that ran together (PDF), or seen wrapped: more wrapped lines may follow. */
  ragged: boolean;
}

type Cells = Partial<Record<Column, string>>;

function fits(col: Column, cell: string): boolean {
  if (!cell) return true;
  if (col === 'sak') return SAK_ONLY.test(cell);
  if (col === 'duration') return CLOCK.test(cell) || durationMinutes(cell) !== null;
  // A clock without its colon ("1000") is a time in a column headed as one.
  if (TIME_COLUMNS.includes(col)) return CLOCK.test(cell) || !!timeOf(cell, true);
  if (col === 'sakstype') return !!sakstypeOf(cell);
  if (col === 'other') return true;
  return !TIME.test(cell) && !SAK_AT_START.test(cell);
}

/** A row with one cell per column (txt, DOCX); the empty sak cell of a break row may be missing. */
function byColumn(cols: Column[], cells: string[]): Cells | null {
  for (const use of cols[0] === 'sak' ? [cols, cols.slice(1)] : [cols]) {
    if (cells.length <= use.length && cells.every((c, i) => fits(use[i]!, c)))
      return Object.fromEntries(use.map((c, i) => [c, cells[i] ?? '']));
  }
  return null;
}

/** Cells of a run of adjacent text columns: one each, or a merged cell split by its names. */
function distribute(cells: string[], group: Column[], out: Cells): void {
  const direct = Math.min(cells.length, group.length) - 1;
  group.slice(0, direct).forEach((c, i) => (out[c] = cells[i]));
  const rest = group.slice(Math.max(direct, 0));
  const split = splitRun(cells.slice(Math.max(direct, 0)).join(' '), rest);
  rest.forEach((c, i) => (out[c] = split[i]));
}

/**
 * A row whose cells ran together (PDF): the sak id at the start, times and the sakstype word found
 * by their form, and the text between them given to the text columns that stand there.
 */
function byPattern(cols: Column[], text: string): Cells {
  const out: Cells = {};
  const sak = SAK_AT_START.exec(text);
  if (sak) out.sak = sak[1];
  const body = sak ? text.slice(sak[0].length) : text;
  const types = [...body.matchAll(SAKSTYPE_WORD)].filter((m) => m.index > 0);
  const type = types.at(-1);
  const marks = [
    ...[...body.matchAll(TIMES)].map((m) => ({ at: m.index, text: m[0], time: true })),
    ...(type ? [{ at: type.index, text: type[0], time: false }] : []),
  ].sort((a, b) => a.at - b.at);
  const tokens: (string[] | { time: string } | { type: string })[] = [];
  const pushText = (s: string) => {
    const cells = s.split('\t').map(squash).filter(Boolean);
    if (cells.length) tokens.push(cells);
  };
  let at = 0;
  for (const m of marks) {
    pushText(body.slice(at, m.at));
    tokens.push(m.time ? { time: m.text } : { type: m.text.replace(/^\(|\)$/g, '') });
    at = m.at + m.text.length;
  }
  pushText(body.slice(at));
  const rest = cols.filter((c) => c !== 'sak');
  let p = 0;
  for (const t of tokens) {
    if (Array.isArray(t)) {
      while (p < rest.length && !TEXT_COLUMNS.includes(rest[p]!)) p++;
      const group: Column[] = [];
      while (p < rest.length && TEXT_COLUMNS.includes(rest[p]!)) group.push(rest[p++]!);
      if (group.length) distribute(t, group, out);
    } else if ('time' in t) {
      while (p < rest.length && !TIME_COLUMNS.includes(rest[p]!)) p++;
      if (p < rest.length) out[rest[p++]!] = t.time;
    } else {
      out.sakstype = t.type;
      p = Math.max(p, rest.indexOf('sakstype') + 1);
    }
  }
  return out;
}

/** A duration as "0:30", or in words as a spreadsheet writes it: "30 min", "1 t 15 min", "1 t". */
const WORDED_DURATION = /^(?:(\d{1,2})\s*t(?:imer?)?\.?)?\s*(?:(\d{1,3})\s*min\.?)?$/i;

function durationMinutes(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  const w = WORDED_DURATION.exec(s.trim());
  return w && (w[1] || w[2]) ? Number(w[1] ?? 0) * 60 + Number(w[2] ?? 0) : null;
}

const TITLE_GOES_ON = /(\s(av|for|til|og|i|på|med|om|fra)|[-–,])$/;

/**
 * A line wrapped from the row above (PDF): its first cell continues the title, further cells the
 * name columns. A lone cell is a name piece when it is one word or an organisation, unless the title
 * visibly goes on ("… til", "… 2022-").
 */
function continueRow(row: Row, cells: string[], nameCols: TextColumn[]): void {
  const target = () =>
    nameCols.find((c) => row.text[c].length && unfinishedName(joinLines(row.text[c]))) ?? nameCols.at(-1)!;
  const title = joinLines(row.text.title);
  const piece = cells[0]!;
  const namePiece =
    cells.length === 1 &&
    nameCols.length > 0 &&
    !TITLE_GOES_ON.test(title) &&
    ((!/\s/.test(piece) && !/^\d+$/.test(piece)) || isOrganisation(piece));
  if (namePiece) row.text[target()].push(piece);
  else {
    row.text.title.push(piece);
    // With no name column to take them, the further cells are the title's too.
    for (const c of cells.slice(1)) row.text[nameCols.length ? target() : 'title'].push(c);
  }
}

const WRAP_LIMIT = 6;

/** A row whose cells stop where a wrapped line must go on ("Tema: Skytjenester –", "… og"). */
const unfinished = (r: Row) =>
  TITLE_GOES_ON.test(joinLines(r.text.title)) ||
  [r.text.owner, r.text.handler].some((t) => /\s(og|and)$/.test(joinLines(t)));

/** The day a line names, reading up to two following lines when PDF text broke the date. */
function dayOf(lines: Line[], i: number): { day: string; last: number } | null {
  const flat = (k: number) => squash((lines[k]?.text ?? '').replace(/\t/g, ' '));
  if (!DAY_LINE.test(flat(i)) || TIME.test(flat(i))) return null;
  for (let k = i; k < Math.min(i + 3, lines.length); k++) {
    const dates = parseDates(Array.from({ length: k - i + 1 }, (_, j) => flat(i + j)).join(' '));
    if (dates.length === 1) return { day: dates[0]!, last: k };
  }
  return null;
}

/** Every agenda row of the deck, in order, and the line where the slides begin. */
export function agendaRows(lines: Line[]): { rows: Row[]; slidesFrom: number } {
  const rows: Row[] = [];
  let cols: Column[] | null = null;
  let day: string | null = null;
  let wrapped = 0;
  let i = 0;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    // A blank line or a logo ends a table's wrapped lines (txt tables end with one; PDF has none).
    if (!text || LOGO.test(text)) {
      wrapped = WRAP_LIMIT;
      continue;
    }
    if (SLIDE_HEADING.test(text)) break;
    const header = columns(
      text,
      firstRowAfter(
        lines.map((l) => l.text),
        i,
      ),
    );
    if (header) {
      cols = header;
      continue;
    }
    const named = dayOf(lines, i);
    if (named) {
      day = named.day;
      i = named.last;
      continue;
    }
    if (!cols) continue;
    // Leading empty cells (a break row's sak, a sak row's times) keep the cells under their columns.
    const cells = lines[i]!.text.replace(/^ +|\s+$/g, '')
      .split('\t')
      .map((c) => c.trim());
    const tidy = byColumn(cols, cells);
    const row = tidy ?? byPattern(cols, text);
    const sak = normalizeSakId(row.sak ?? '');
    const last = rows.at(-1);
    if (!sak && !(row.start || row.duration || row.end)) {
      const nameCols = (['owner', 'handler'] as const).filter((c) => cols!.includes(c));
      if (last && (last.ragged || unfinished(last)) && wrapped++ < WRAP_LIMIT) {
        continueRow(last, cells.filter(Boolean), nameCols);
        last.ragged = true;
      }
      continue;
    }
    wrapped = 0;
    // With no sakstype column, a template may write it in brackets after the title.
    const bracketed = row.sakstype ? null : bracketedSakstype(row.title ?? '');
    rows.push({
      sak,
      line: lines[i]!.n,
      day,
      text: {
        title: [bracketed?.text ?? row.title ?? ''],
        owner: [row.owner ?? ''],
        handler: [row.handler ?? ''],
      },
      sakstype: row.sakstype ? sakstypeOf(row.sakstype) : (bracketed?.sakstype ?? null),
      start: timeOf(row.start ?? '', true) ?? parseTimes(row.start ?? '')[0] ?? null,
      end: timeOf(row.end ?? '', true) ?? parseTimes(row.end ?? '')[0] ?? null,
      duration: durationMinutes(row.duration ?? ''),
      owned: cols.includes('owner'),
      ragged: !tidy,
    });
  }
  return { rows, slidesFrom: i };
}

const titleOf = (r: Row) => joinLines(r.text.title);
const isBreak = (r: Row) => !r.sak && BREAK_ROW.test(titleOf(r));

/** Start, end and minutes of each row: as printed, or ending where the next row of the day starts. */
function spans(rows: Row[]): { start: string | null; end: string | null; minutes: number | null }[] {
  return rows.map((r, i) => {
    const next = rows.slice(i + 1).find((n) => n.start && n.day === r.day)?.start ?? null;
    const end =
      r.end ?? (r.start && r.duration !== null ? hhmm(minutesOf(r.start) + r.duration) : null) ?? next;
    const minutes =
      r.duration ??
      (r.start && end && minutesOf(end) > minutesOf(r.start) ? minutesOf(end) - minutesOf(r.start) : null);
    return { start: r.start, end, minutes };
  });
}

/**
 * One agenda item per row with a sak id. Rows without one that follow a sak on the same day and
 * are not breaks ("Intro til …", "Fortsettelse: …", "Gruppediskusjon") are its sessions: the sak
 * runs from its first session to its last, and its minutes are theirs summed, breaks left out.
 */
export function agendaItems(rows: Row[]): AgendaItem[] {
  const span = spans(rows);
  const items: AgendaItem[] = [];
  rows.forEach((r, i) => {
    if (!r.sak) return;
    const parts = [i];
    for (let j = i + 1; j < rows.length && !rows[j]!.sak && rows[j]!.day === r.day; j++)
      if (!isBreak(rows[j]!)) parts.push(j);
    const timed = parts.map((k) => span[k]!).filter((s) => s.start);
    const minutes = timed.map((s) => s.minutes);
    const item = newAgendaItem(r.sak, titleOf(r), r.line, {
      sakstype: r.sakstype,
      day: r.day,
      start_time: timed[0]?.start ?? null,
      end_time: timed.at(-1)?.end ?? null,
      duration_minutes:
        minutes.length && minutes.every((m) => m !== null) ? minutes.reduce((a, b) => a! + b!, 0) : null,
      case_owner: joinLines(r.text.owner) || null,
      presenter: presenterNames(joinLines(r.text.handler)),
    });
    if (r.owned) item.case_handler = item.presenter;
    items.push(item);
  });
  return items;
}

/** Each day's span: its first start to its closing row ("Slutt dag 1") or its last session's end. */
export function daySpans(rows: Row[]): { day: string | null; start: string; end: string | null }[] {
  const span = spans(rows);
  return [...new Set(rows.map((r) => r.day))].flatMap((day) => {
    const own = rows.flatMap((r, i) => (r.day === day ? [i] : []));
    const start = own.map((i) => span[i]!.start).find(Boolean);
    if (!start) return [];
    const closing = own.find((i) => CLOSING_ROW.test(titleOf(rows[i]!)) && rows[i]!.start);
    const lastWork = own.filter((i) => !isBreak(rows[i]!) && span[i]!.end).at(-1);
    const end =
      closing !== undefined ? rows[closing]!.start : lastWork !== undefined ? span[lastWork]!.end : null;
    return [{ day, start, end }];
  });
}
