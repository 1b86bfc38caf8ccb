// A fourth blind set of meaning-preserving layout variants, written from the converted meeting packages
// alone (invitations with agenda tables, attached minutes, case memos and slide decks), without looking
// at the parser. Each variant rewrites a whole package the way another producer might have emitted the
// same documents: another template's words, another date or time style, another converter's table
// layout or characters. A careful reader finds the same meetings, saker, proposals, decisions and
// attendance after every rewrite. No variant knows a sak id, a title or a name: each works on the
// patterns of the layout only, on every occurrence, deterministically.

import { MONTHS, MONTHS_EN, MONTHS_SHORT, WEEKDAYS } from './layout-variants.ts';

type Rewrite = (text: string) => string;

// ---------------------------------------------------------------------------------------------------
// Shared readers of the layout

const stripTags = (s: string): string => s.replace(/<\/?[a-zA-Z][^>]*>/g, '');

/** A line or cell as a reader sees it: no HTML, no markdown emphasis or heading marks, spaces squashed. */
const plain = (s: string): string =>
  stripTags(s)
    .replace(/\*\*/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NO_WEEKDAYS_SHORT = ['søn.', 'man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.'];
const MONTH_ALT = MONTHS.join('|');

const SAKSTYPE_ALT = 'Godkjenning|Orientering|Drøfting|Tilslutning|Anbefaling|Beslutning';
const SAKSTYPE_WORD = new RegExp(`^(${SAKSTYPE_ALT})$`);
const SAK_ID = /^\d{1,3}\/\d{2}$/;
const BREAK_WORD = /^(Pause|Lunsj|Slutt|Middag)\b/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A table's header row: its id column ("Sak", "Saksnr.") followed by a title column. */
const isHeaderText = (p: string): boolean =>
  /^(Sak|Saksnr\.?)(\s|$)/.test(p) && /(^|\s)(Agenda|Tema|Tittel)(\s|$)/.test(p);

type ColumnKind = 'id' | 'title' | 'type' | 'time' | 'duration' | 'other';

const columnKind = (name: string): ColumnKind => {
  const p = plain(name);
  if (/^(Sak|Saksnr\.?)$/.test(p)) return 'id';
  if (/^(Agenda|Tema|Tittel)\b/.test(p)) return 'title';
  if (/^Sakstype$/.test(p)) return 'type';
  if (/^(Tidspunkt|Tid|Start|Slutt|Kl\.?)$/.test(p)) return 'time';
  if (/^Varighet$/.test(p)) return 'duration';
  return 'other';
};

// ---------------------------------------------------------------------------------------------------
// Tab tables: runs of consecutive lines holding a tab, read with the header row they carry (or the one
// of the table they continue, when a blank line or a paragraph split the table).

interface Table {
  /** Rows before the header row (a day caption above the header, say). */
  caption: string[][];
  /** The header row's cells, or null when the block has none of its own and continues none. */
  header: string[] | null;
  /** True when the header was carried from an earlier block and is not printed in this one. */
  carried: boolean;
  /** Data rows (after the header row). */
  rows: string[][];
}

function rewriteTables(text: string, render: (t: Table) => string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let carried: string[] | null = null;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.includes('\t')) {
      if (/^\s*#{1,6}\s/.test(line)) carried = null;
      out.push(line);
      i++;
      continue;
    }
    const block: string[][] = [];
    while (i < lines.length && (lines[i] ?? '').includes('\t')) block.push((lines[i++] ?? '').split('\t'));
    const h = block.findIndex((cells) => isHeaderText(plain(cells.join(' '))));
    let table: Table;
    if (h >= 0) {
      const header = block[h] ?? [];
      carried = header;
      table = { caption: block.slice(0, h), header, carried: false, rows: block.slice(h + 1) };
    } else {
      const first = plain(block[0]?.[0] ?? '');
      const continues =
        carried !== null &&
        SAK_ID.test(first) &&
        block.every((cells) => cells.length <= (carried?.length ?? 0) + 1);
      table = { caption: [], header: continues ? carried : null, carried: continues, rows: block };
    }
    out.push(...render(table));
  }
  return out.join('\n');
}

const printRow = (cells: string[]): string => cells.join('\t');
const printTable = (t: Table): string[] => [
  ...t.caption.map(printRow),
  ...(t.header && !t.carried ? [printRow(t.header)] : []),
  ...t.rows.map(printRow),
];
const width = (t: Table): number =>
  Math.max(t.header?.length ?? 0, ...t.caption.map((r) => r.length), ...t.rows.map((r) => r.length));
const padRow = (cells: string[], n: number): string[] => [
  ...cells,
  ...Array.from({ length: Math.max(0, n - cells.length) }, () => ''),
];

/** Applies f to every cell under a column of the given kind, in tables whose header names its columns. */
function mapColumn(text: string, kinds: ColumnKind[], f: (cell: string, kind: ColumnKind) => string): string {
  return rewriteTables(text, (t) => {
    if (!t.header) return printTable(t);
    const k = t.header.map(columnKind);
    const rows = t.rows.map((cells) =>
      cells.map((c, j) => (kinds.includes(k[j] ?? 'other') ? f(c, k[j] ?? 'other') : c)),
    );
    return printTable({ ...t, rows });
  });
}

// ---------------------------------------------------------------------------------------------------
// Labels

const OPEN = String.raw`(?:<[a-z]+(?:\s[^>]*)?>|\*\*)*`;

/**
 * Replaces a label where it stands as a label: at the start of a line or a tab cell (after heading marks
 * and opening markup) and followed by a colon, closing markup, a tab or the end of the line.
 */
function relabel(text: string, label: string, to: string | ((found: string) => string)): string {
  const re = new RegExp(
    String.raw`(^[ \t]*(?:#{1,6}[ \t]+)?${OPEN}[ \t]*|\t${OPEN}[ \t]*)(${label})(?=[ \t]*(?::|</|\*\*|\t|$))`,
    'gm',
  );
  return text.replace(
    re,
    (_m, pre: string, found: string) => pre + (typeof to === 'string' ? to : to(found)),
  );
}

/**
 * Replaces the key of a header field ("Dato", "Til stede") at the start of a line, before its value in
 * the next tab cell or after a space; `after` says what the value must look like.
 */
function relabelField(
  text: string,
  label: string,
  to: string | ((found: string) => string),
  after = String.raw`(?:[\t ]|:|$)`,
): string {
  const re = new RegExp(String.raw`^([ \t]*${OPEN})(${label})((?:</[a-z]+>|\*\*)*)(?=${after})`, 'gm');
  return text.replace(
    re,
    (_m, pre: string, found: string, close: string) =>
      pre + (typeof to === 'string' ? to : to(found)) + close,
  );
}

const FIELD_AFTER = {
  meeting: String.raw`[\t ]+\d`,
  date: String.raw`[\t ]+\d`,
  time: String.raw`[\t ]+(?:[Kk]l\.?\s*)?\d`,
  text: String.raw`[\t ]+\S`,
  any: String.raw`(?:\t|:|[ \t]*$|[ ]+[A-ZÆØÅ])`,
};

/** The meeting header's and the minutes' field names, renamed where they stand as field names. */
function relabelMeetingFields(text: string, names: Partial<Record<MeetingField, string>>): string {
  let out = text;
  for (const [field, to] of Object.entries(names) as [MeetingField, string][]) {
    const [label, after] = MEETING_FIELDS[field];
    out = relabelField(out, label, to, after);
  }
  return out;
}

type MeetingField =
  | 'Møte'
  | 'Dato'
  | 'Tid'
  | 'Sted'
  | 'Medlemmer'
  | 'Observatører'
  | 'Til stede'
  | 'Ikke til stede'
  | 'Stedfortreder'
  | 'Øvrige';

const MEETING_FIELDS: Record<MeetingField, [string, string]> = {
  Møte: ['Møte', FIELD_AFTER.meeting],
  Dato: ['Dato', FIELD_AFTER.date],
  Tid: ['Tid', FIELD_AFTER.time],
  Sted: ['Sted', FIELD_AFTER.text],
  Medlemmer: ['Medlemmer', FIELD_AFTER.any],
  Observatører: ['Observatører', FIELD_AFTER.any],
  'Til stede': ['Til stede', FIELD_AFTER.any],
  'Ikke til stede': ['Ikke til stede', FIELD_AFTER.any],
  Stedfortreder: ['Stedfortreder', FIELD_AFTER.any],
  Øvrige: ['Øvrige', FIELD_AFTER.any],
};

/** The case memo's key block ("Til Møte 5/20", "Dato …", "Saksnummer …", "Type …", "Fra …", "Saksbehandler …"). */
const MEMO_KEY = /^(\s*)(Til|Dato|Saksnummer|Type|Fra|Saksbehandlere|Saksbehandler)(?=\s|$)/;

const isMemoAnchor = (lines: string[], i: number): boolean => {
  const p = plain(lines[i] ?? '');
  return /^Til Møte\b/.test(p) || (p === 'Til' && plain(lines[i + 1] ?? '') === 'Dato');
};

function relabelMemoKeys(text: string, names: Partial<Record<string, string>>): string {
  const lines = text.split('\n');
  let window = 0;
  return lines
    .map((line, i) => {
      if (isMemoAnchor(lines, i)) window = 14;
      if (window <= 0) return line;
      window--;
      return line.replace(MEMO_KEY, (m, sp: string, key: string) => {
        const to = names[key];
        return to === undefined ? m : sp + to;
      });
    })
    .join('\n');
}

/** Renames words of the agenda and detail tables' header rows (tab-separated or space-separated). */
function renameHeaderWords(text: string, names: [RegExp, string][]): string {
  return text
    .split('\n')
    .map((line) =>
      isHeaderText(plain(line)) ? names.reduce((l, [re, to]) => l.replace(re, to), line) : line,
    )
    .join('\n');
}

/** Memo and minutes section headings, renamed where they stand as headings or labels. */
function relabelSections(text: string, names: [string, string][]): string {
  return names.reduce((t, [from, to]) => relabel(t, from, to), text);
}

// ---------------------------------------------------------------------------------------------------
// Dates and times

interface Day {
  d: number;
  m: number;
  y: number;
}

const DATE_RANGE = String.raw`(\d{1,2})\.\s*[-–]\s*(\d{1,2})\.\s*(${MONTH_ALT})\s+(\d{4})`;
const DATE_LONG = String.raw`(\d{1,2})\.\s*(${MONTH_ALT})\s+(\d{4})`;
const DATE_NUM = String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`;
const WEEKDAY = String.raw`(?:man|tirs|ons|tors|fre|lør|søn)dag`;

/** A cell that is a header date: "Dato 9. september 2020", "onsdag 6. november 2019", "NUFA 6. – 7. november 2019". */
const DATE_CELL = new RegExp(
  String.raw`^(?:(?:Dato|Møtedato)\s*:?\s*|(?:NUIT|NUFA)\s*[-–]?\s*|(?:Dag \d+\s*[-–]\s*)?${WEEKDAY}\s+)?(?:${DATE_RANGE}|${DATE_LONG}|${DATE_NUM})\s*$`,
  'i',
);

const monthOf = (name: string): number => MONTHS.indexOf(name.toLowerCase()) + 1;
const weekday = (x: Day): number => new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay();

interface DateStyle {
  one: (x: Day, hasWeekday: boolean) => string;
  range: (a: Day, b: Day, hasWeekday: boolean) => string;
}

function restyleDateCell(cell: string, style: DateStyle): string {
  if (!DATE_CELL.test(plain(cell))) return cell;
  const hasWeekday = new RegExp(WEEKDAY, 'i').test(cell);
  const range = new RegExp(DATE_RANGE, 'i');
  if (range.test(cell))
    return cell.replace(range, (_m, d1: string, d2: string, mon: string, y: string) =>
      style.range({ d: +d1, m: monthOf(mon), y: +y }, { d: +d2, m: monthOf(mon), y: +y }, hasWeekday),
    );
  const long = new RegExp(DATE_LONG, 'i');
  if (long.test(cell))
    return cell.replace(long, (_m, d: string, mon: string, y: string) =>
      style.one({ d: +d, m: monthOf(mon), y: +y }, hasWeekday),
    );
  return cell.replace(new RegExp(DATE_NUM), (_m, d: string, mo: string, y: string) =>
    style.one({ d: +d, m: +mo, y: +y }, hasWeekday),
  );
}

/** Restyles the dates that stand as header dates (a date field, a date line, a day caption). */
function restyleHeaderDates(text: string, style: DateStyle): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((cell) => restyleDateCell(cell, style))
        .join('\t'),
    )
    .join('\n');
}

const TIME_RANGE = /(?:\b[Kk]l\.?\s*)?(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})/;

/** Restyles the time range in the meeting header's "Tid" field. */
function restyleHeaderTime(
  text: string,
  f: (h1: number, m1: number, h2: number, m2: number) => string,
): string {
  const field = new RegExp(String.raw`^([ \t]*${OPEN}Tid(?:</[a-z]+>)*[\t ]+)(.*)$`, 'gm');
  return text.replace(field, (m, head: string, value: string) =>
    TIME_RANGE.test(value)
      ? head +
        value.replace(TIME_RANGE, (_r, h1: string, m1: string, h2: string, m2: string) =>
          f(+h1, +m1, +h2, +m2),
        )
      : m,
  );
}

/**
 * Restyles the agenda's clock times: cells under a time column of a tab table, and the times in a
 * space-separated agenda row ("13/23 Godkjenning … 09:00 Godkjenning", "Pause 10:55", "10:25 Drøfting").
 */
function restyleAgendaTimes(
  text: string,
  f: (h: number, m: number) => string,
  duration?: (h: number, m: number) => string,
): string {
  const clock = /\b(\d{2}):(\d{2})\b/g;
  const tabbed = mapColumn(text, ['time', 'duration'], (cell, kind) =>
    kind === 'duration'
      ? duration
        ? cell.replace(clock, (_m, h: string, m: string) => duration(+h, +m))
        : cell
      : cell.replace(clock, (_m, h: string, m: string) => f(+h, +m)),
  );
  return tabbed
    .split('\n')
    .map((line) => {
      if (line.includes('\t')) return line;
      const p = line.trim();
      const isRow = /^\d{1,3}\/\d{2}\s/.test(p) || BREAK_WORD.test(p) || /^\d{2}:\d{2}\s/.test(p);
      return isRow ? line.replace(clock, (_m, h: string, m: string) => f(+h, +m)) : line;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Sak ids and sakstyper

type IdPlace = 'cell' | 'row' | 'heading' | 'memo' | 'alone' | 'prose';

/** Rewrites sak ids where they stand as ids: a table's first cell, a row's start, "Sak 36/19:", "Saksnummer 28/20". */
function mapSakIds(text: string, f: (n: string, yy: string, place: IdPlace) => string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.includes('\t')) {
        const cells = line.split('\t');
        const first = cells[0] ?? '';
        if (SAK_ID.test(plain(first)))
          cells[0] = first.replace(/(\d{1,3})\/(\d{2})/, (_m, n: string, yy: string) => f(n, yy, 'cell'));
        return cells.join('\t');
      }
      let l = line.replace(/^(\s*)(\d{1,3})\/(\d{2})(?=\s|$)/, (_m, sp: string, n: string, yy: string) =>
        sp.concat(f(n, yy, line.trim().length <= 5 ? 'alone' : 'row')),
      );
      l = l.replace(
        /^(\s*(?:#{1,6}\s+)?(?:\*\*)?Sak\s+)(\d{1,3})\/(\d{2})(?=\s*:|\s*$)/,
        (_m, pre: string, n: string, yy: string) => pre + f(n, yy, 'heading'),
      );
      l = l.replace(/^(\s*Saksnummer\s+)(\d{1,3})\/(\d{2})\b/, (_m, pre: string, n: string, yy: string) =>
        pre.concat(f(n, yy, 'memo')),
      );
      l = l.replace(/\b(sak\s+)(\d{1,3})\/(\d{2})\b/g, (_m, pre: string, n: string, yy: string) =>
        pre.concat(f(n, yy, 'prose')),
      );
      return l;
    })
    .join('\n');
}

/**
 * Rewrites the sakstype where it stands as one: a table cell, the end of an agenda row, the line under a
 * wrapped agenda title; with `memos`, also a case memo's "Type …" and its value in a key block.
 */
function mapSakstype(text: string, f: (type: string) => string, memos = true): string {
  const lines = text.split('\n');
  let sinceId = 99;
  let idAlone = false;
  const word = new RegExp(`(${SAKSTYPE_ALT})`);
  const atEnd = new RegExp(
    `^(\\s*(?:\\d{1,3}/\\d{2}\\s.*\\s|\\d{2}:\\d{2}\\s+${memos ? '|Type\\s+' : ''}))(${SAKSTYPE_ALT})(\\s*)$`,
  );
  return lines
    .map((line) => {
      if (line.includes('\t')) {
        return line
          .split('\t')
          .map((cell, j) =>
            j >= 2 && SAKSTYPE_WORD.test(plain(cell)) ? cell.replace(word, (w) => f(w)) : cell,
          )
          .join('\t');
      }
      const p = line.trim();
      if (/^\d{1,3}\/\d{2}(\s|$)/.test(p)) {
        sinceId = 0;
        idAlone = SAK_ID.test(p);
      } else sinceId++;
      if (atEnd.test(line)) return line.replace(atEnd, (_m, a: string, w: string, z: string) => a + f(w) + z);
      if (SAKSTYPE_WORD.test(p) && sinceId <= 6 && (memos || !idAlone))
        return line.replace(word, (w) => f(w));
      return line;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Text shape

/** Word-wraps one line at the given width (never inside a word). */
function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.trim().split(/ +/);
  const out: string[] = [];
  let cur = indent;
  for (const w of words) {
    if (cur.trim().length > 0 && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = w;
    } else cur = cur.trim().length > 0 ? `${cur} ${w}` : cur + w;
  }
  if (cur.trim().length > 0) out.push(cur);
  return out;
}

/** Splits "Name (Org) Name (Org)" runs; null when anything else than such entries is left over. */
function splitEntries(value: string): string[] | null {
  const entries = value.match(/[^\t()]+?\([^()]*\)/g)?.map((e) => e.trim()) ?? [];
  const rest = value.replace(/[^\t()]+?\([^()]*\)/g, '').trim();
  return entries.length >= 2 && rest === '' ? entries : null;
}

const ATTENDANCE_LABEL = /^(Medlemmer|Observatører|Til stede|Ikke til stede|Stedfortreder|Øvrige)$/;

const isDeck = (text: string): boolean => (text.match(/^Sak \d{1,3}\/\d{2}:/gm)?.length ?? 0) >= 3;

// ---------------------------------------------------------------------------------------------------
// The variants

/** A nynorsk secretariat's template: "Framlegg til vedtak", "Til stades", "Ikkje til stades", "Stad", "Sakshandsamar". */
const nynorskTemplate: Rewrite = (text) => {
  let t = relabelMeetingFields(text, {
    Sted: 'Stad',
    Medlemmer: 'Medlemer',
    Observatører: 'Observatørar',
    'Til stede': 'Til stades',
    'Ikke til stede': 'Ikkje til stades',
    Stedfortreder: 'Stadfortredar',
    Øvrige: 'Andre',
  });
  t = relabelSections(t, [
    ['Forslag til vedtak', 'Framlegg til vedtak'],
    ['Hensikt med saken', 'Føremålet med saka'],
    ['Videre saksprosess', 'Vidare saksgang'],
    ['Vedtak fra tidligere behandlinger i rådsmodellen', 'Vedtak frå tidlegare handsamingar i rådsmodellen'],
  ]);
  t = relabelMemoKeys(t, { Fra: 'Frå', Saksbehandler: 'Sakshandsamar', Saksbehandlere: 'Sakshandsamarar' });
  t = renameHeaderWords(t, [
    [/\bAgenda (NUIT|NUFA)\b/, 'Sakliste $1'],
    [/\bTidspunkt\b/, 'Klokkeslett'],
    [/\bSakseier\b/, 'Sakseigar'],
    [/\bSaksbehandler\b/, 'Sakshandsamar'],
    [/\bVarighet\b/, 'Varigheit'],
    [/\bPresenterer saken\b/, 'Legg fram saka'],
  ]);
  return t
    .replace(/^( *(?:#{1,6} +)?)Referat fra (møte|ekstramøte) i (?=NUIT|NUFA)/gm, '$1Referat frå $2 i ')
    .replace(
      /Følgende innspill og spørsmål ble tatt med fra møtet:/g,
      'Følgjande innspel og spørsmål vart tekne med frå møtet:',
    )
    .replace(/Det kom ingen innspill til/g, 'Det kom ingen innspel til');
};

/** An English translation of the templates (for EU partners): "Proposed resolution", "Present", "Venue", "Item". */
const englishTemplate: Rewrite = (text) => {
  let t = restyleHeaderDates(text, {
    one: (x) => `${x.d} ${MONTHS_EN[x.m - 1] ?? ''} ${x.y}`,
    range: (a, b) => `${a.d}–${b.d} ${MONTHS_EN[a.m - 1] ?? ''} ${a.y}`,
  }).replace(
    new RegExp(`\\b(${WEEKDAY})(?= \\d{1,2}(?:–\\d{1,2})? [A-Z])`, 'gi'),
    (w) => EN_WEEKDAYS[WEEKDAYS.indexOf(w.toLowerCase())] ?? w,
  );
  t = restyleHeaderTime(t, (h1, m1, h2, m2) => `${pad2(h1)}:${pad2(m1)}–${pad2(h2)}:${pad2(m2)}`);
  t = relabelMeetingFields(t, {
    Møte: 'Meeting',
    Dato: 'Date',
    Tid: 'Time',
    Sted: 'Venue',
    Medlemmer: 'Members',
    Observatører: 'Observers',
    'Til stede': 'Present',
    'Ikke til stede': 'Absent',
    Stedfortreder: 'Substitute',
    Øvrige: 'Also present',
  });
  t = relabelSections(t, [
    ['Forslag til vedtak', 'Proposed resolution'],
    ['Vedtak', 'Resolution'],
    ['Hensikt med saken', 'Purpose'],
    ['Bakgrunn', 'Background'],
    ['Videre saksprosess', 'Next steps'],
    [
      'Vedtak fra tidligere behandlinger i rådsmodellen',
      'Resolutions from earlier meetings in the council model',
    ],
  ]);
  t = relabelMemoKeys(t, {
    Til: 'To',
    Dato: 'Date',
    Saksnummer: 'Item no.',
    Fra: 'From',
    Saksbehandler: 'Case officer',
    Saksbehandlere: 'Case officers',
  });
  t = renameHeaderWords(t, [
    [/^(\s*(?:<b>)?)Saksnr\./, '$1Item no.'],
    [/^(\s*(?:<b>)?)Sak\b/, '$1Item'],
    [/\bTema\b/, 'Topic'],
    [/\bTittel\b/, 'Title'],
    [/\bTidspunkt\b/, 'Time'],
    [/\bSakstype\b/, 'Type of item'],
    [/\bSakseier\b/, 'Owner'],
    [/\bSaksbehandler\b/, 'Case officer'],
    [/\bVarighet\b/, 'Duration'],
    [/\bSlutt\b/, 'End'],
    [/\bPresenterer saken\b/, 'Presenter'],
    [/\bTid\b/, 'Time'],
    [/\bVedtaksformulering\b/, 'Resolution text'],
  ]);
  return t
    .replace(/^(\s*(?:To\s+)?)Møte (?=\d{1,2}\/\d{2}\s*$)/gm, '$1Meeting ')
    .replace(
      /^(\tDag|Dag) (\d+) [–-] (?=[A-Z][a-z]+day \d)/gm,
      (_m, d: string, n: string) => `${d.replace('Dag', 'Day')} ${n} – `,
    )
    .replace(/^( *(?:#{1,6} +)?)Møte i (NUIT|NUFA)\b/gm, '$1Meeting of $2')
    .replace(/^( *(?:#{1,6} +)?)Referat fra møte i (NUIT|NUFA)\b/gm, '$1Minutes of the meeting of $2')
    .replace(
      /^( *(?:#{1,6} +)?)Referat fra ekstramøte i (NUIT|NUFA)\b/gm,
      '$1Minutes of the extraordinary meeting of $2',
    )
    .replace(/^(\s*(?:#{1,6}\s+)?(?:\*\*)?)Sak (\d{1,3}\/\d{2}:)/gm, '$1Item $2')
    .replace(/(^|\t|>)Vedlegg (\d+[A-Z]?):/gm, '$1Attachment $2:');
};

/**
 * A municipal politician-portal template (Elements, Acos): "Møteinnkalling"/"Møteprotokoll", agenda ids
 * printed "PS 26/20", "Innstilling" for the proposal, "Utvalgets vedtak", "Forfall", "Møtende varamedlemmer".
 */
const municipalProtocol: Rewrite = (text) => {
  let t = mapSakIds(text, (n, yy, place) =>
    place === 'cell' || place === 'row' ? `PS ${n}/${yy}` : `${n}/${yy}`,
  );
  t = relabelMeetingFields(t, {
    Møte: 'Møtenr.',
    Dato: 'Møtedato',
    Sted: 'Møtested',
    'Til stede': 'Møtende medlemmer',
    'Ikke til stede': 'Forfall',
    Stedfortreder: 'Møtende varamedlemmer',
    Øvrige: 'Andre møtende',
  });
  t = relabelSections(t, [
    ['Forslag til vedtak', 'Innstilling'],
    ['Vedtak', 'Utvalgets vedtak'],
  ]);
  t = renameHeaderWords(t, [
    [/^(\s*(?:<b>)?)Sak\b/, '$1Saksnr.'],
    [/\bAgenda (NUIT|NUFA)\b/, 'Saksliste'],
    [/\bTema\b|\bTittel\b/, 'Sakstittel'],
    [/\bTidspunkt\b/, 'Kl.'],
    [/\bSakstype\b/, 'Behandlingsform'],
  ]);
  return t
    .replace(/^( *(?:#{1,6} +)?)Møte i (NUIT|NUFA)\b/gm, '$1Møteinnkalling – $2')
    .replace(/^( *(?:#{1,6} +)?)Referat fra møte i (NUIT|NUFA)\b/gm, '$1Møteprotokoll – $2')
    .replace(
      /^( *(?:#{1,6} +)?)Referat fra ekstramøte i (NUIT|NUFA)\b/gm,
      '$1Møteprotokoll fra ekstramøte i $2',
    );
};

/**
 * A state agency's "beslutningsreferat" template: "Beslutning", "Forslag til beslutning", "Tilstede",
 * "Fraværende", "Vararepresentant", and the directorate's staff under "Sekretariat".
 */
const decisionMinutesSynonyms: Rewrite = (text) => {
  let t = relabelMeetingFields(text, {
    'Til stede': 'Tilstede',
    'Ikke til stede': 'Fraværende',
    Stedfortreder: 'Vararepresentant',
    Øvrige: 'I tillegg deltok',
  });
  t = relabelSections(t, [
    ['Forslag til vedtak', 'Forslag til beslutning'],
    ['Vedtak', 'Beslutning'],
  ]);
  // The attendance table's row naming the directorate whose staff keep the minutes.
  const lines = t.split('\n');
  let afterAttendance = 0;
  return lines
    .map((line) => {
      const cells = line.split('\t');
      const key = plain(cells[0] ?? '');
      if (/^(Tilstede|Fraværende|I tillegg deltok|Vararepresentant)$/.test(key)) afterAttendance = 4;
      else if (afterAttendance > 0) afterAttendance--;
      if (afterAttendance > 0 && cells.length >= 2 && /direktorat/i.test(key) && key.length < 40)
        return [`Sekretariat (${key})`, ...cells.slice(1)].join('\t');
      return line;
    })
    .join('\n')
    .replace(
      /^( *(?:#{1,6} +)?)Referat fra (møte|ekstramøte) i (?=NUIT|NUFA)/gm,
      '$1Beslutningsreferat fra $2 i ',
    );
};

/**
 * A Word template with numbered, all-caps headings ("1 FORSLAG TIL VEDTAK", "2 HENSIKT MED SAKEN") and
 * capitalised field names ("DATO", "TIL STEDE", "VEDTAK:").
 */
const upperCaseNumberedHeadings: Rewrite = (text) => {
  const up = (s: string) => s.toUpperCase();
  let t = relabelMeetingFields(
    text,
    Object.fromEntries(Object.keys(MEETING_FIELDS).map((k) => [k, k.toUpperCase()])) as Record<
      MeetingField,
      string
    >,
  );
  t = t
    .split('\n')
    .map((line) =>
      isHeaderText(plain(line))
        ? line.replace(/(^|>|\t)([^<>\t]+)/g, (_m, a: string, b: string) => a + up(b))
        : line,
    )
    .join('\n');
  const sections = [
    'Forslag til vedtak',
    'Hensikt med saken',
    'Bakgrunn',
    'Videre saksprosess',
    'Til drøfting',
    'Vedtak fra tidligere behandlinger i rådsmodellen',
  ];
  for (const s of [...sections, 'Vedtak']) t = relabel(t, s, up);
  const lines = t.split('\n');
  const headingOf = (line: string): string | undefined => {
    const p = plain(line).replace(/:$/, '');
    return sections.find((s) => s.toLowerCase() === p.toLowerCase());
  };
  const slideTitle = /^\s*Sak \d{1,3}\/\d{2}:/;
  let counter = 0;
  const numbered = lines.map((line, i) => {
    const h = headingOf(line);
    if (!h) return line;
    if (h === 'Forslag til vedtak') {
      const ahead = lines.slice(i + 1, i + 20);
      const stop = ahead.findIndex((l) => slideTitle.test(l));
      const memo = (stop < 0 ? ahead : ahead.slice(0, stop)).some(
        (l) => headingOf(l) === 'Hensikt med saken',
      );
      counter = memo ? 1 : 0;
    } else if (counter > 0) counter++;
    if (counter === 0) return line;
    return line.replace(
      new RegExp(`^(\\s*(?:#{1,6}\\s+)?${OPEN})(${h})`, 'i'),
      (_m, pre: string, label: string) => `${pre}${counter} ${label}`,
    );
  });
  return numbered.join('\n');
};

/** A template that puts each label on a line of its own, as a heading, with the text beneath it. */
const labelsOwnLine: Rewrite = (text) =>
  text
    .split('\n')
    .flatMap((line) => {
      const m =
        /^([ \t]*)((?:<[a-z]+(?:\s[^>]*)?>)*)(Forslag til vedtak|Vedtak)\s*:\s*((?:<\/[a-z]+>)*)\s*(.*)$/.exec(
          line,
        );
      if (!m) return [line];
      const [, lead = '', open = '', label = '', close = '', rest = ''] = m;
      const bold = /<b>/.test(open) && /<\/b>/.test(close);
      const head = `${lead}${bold ? `<b>${label}</b>` : label}`;
      const body = rest
        .replace(/^<\/p>\s*|<p>/g, '')
        .replace(/<\/p>\s*$/, '')
        .trim();
      return body ? [head, `${lead}${body}`] : [head];
    })
    .join('\n');

/** A template that writes each label inline, "Vedtak: NUIT godkjenner …", where the source set it apart. */
const labelsInline: Rewrite = (text) => {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = /^([ \t]*)(?:#{1,6}[ \t]+)?(?:\*\*)?(Forslag til vedtak|Vedtak)\s*:?\s*(?:\*\*)?\s*$/.exec(
      line,
    );
    if (!m || line.includes('\t')) {
      out.push(line);
      continue;
    }
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    const next = lines[j] ?? '';
    if (j >= lines.length || /https?:|^\s*(#|Side \d)/.test(next) || next.includes('\t') || j - i > 3) {
      out.push(line);
      continue;
    }
    out.push(`${m[1] ?? ''}${m[2] ?? ''}: ${next.trim().replace(/^[-•]\s+/, '')}`);
    i = j;
  }
  return out.join('\n');
};

/** A municipal style guide: "09.09.2020", "kl. 11.00–14.00", agenda times "11.00" (Språkrådet's dot). */
const numericDatesDotTimes: Rewrite = (text) => {
  let t = restyleHeaderDates(text, {
    one: (x) => `${pad2(x.d)}.${pad2(x.m)}.${x.y}`,
    range: (a, b) => `${pad2(a.d)}.–${pad2(b.d)}.${pad2(b.m)}.${b.y}`,
  });
  t = restyleHeaderTime(t, (h1, m1, h2, m2) => `kl. ${pad2(h1)}.${pad2(m1)}–${pad2(h2)}.${pad2(m2)}`);
  return restyleAgendaTimes(t, (h, m) => `${pad2(h)}.${pad2(m)}`);
};

/** A calendar-style export: "ons. 9. sep. 2020", month and weekday abbreviated. */
const abbreviatedMonthWeekday: Rewrite = (text) =>
  restyleHeaderDates(text, {
    one: (x, hasWeekday) =>
      `${hasWeekday ? '' : `${NO_WEEKDAYS_SHORT[weekday(x)] ?? ''} `}${x.d}. ${MONTHS_SHORT[x.m - 1] ?? ''} ${x.y}`,
    range: (a, b, hasWeekday) =>
      `${hasWeekday ? '' : `${NO_WEEKDAYS_SHORT[weekday(a)] ?? ''} `}${a.d}.–${hasWeekday ? '' : `${NO_WEEKDAYS_SHORT[weekday(b)] ?? ''} `}${b.d}. ${MONTHS_SHORT[b.m - 1] ?? ''} ${b.y}`,
  });

/**
 * A case-management system's metadata export (Public 360, ePhorte): header fields as "Key: value" with
 * ISO dates and times "11:00-14:00".
 */
const isoHeaderFields: Rewrite = (text) => {
  let t = restyleHeaderDates(text, {
    one: (x) => `${x.y}-${pad2(x.m)}-${pad2(x.d)}`,
    range: (a, b) => `${a.y}-${pad2(a.m)}-${pad2(a.d)} – ${b.y}-${pad2(b.m)}-${pad2(b.d)}`,
  });
  t = restyleHeaderTime(t, (h1, m1, h2, m2) => `${pad2(h1)}:${pad2(m1)}-${pad2(h2)}:${pad2(m2)}`);
  const field =
    /^([ \t]*)((?:<[a-z]+>)*)(Møte|Dato|Tid|Sted|Medlemmer|Observatører|Til stede|Ikke til stede|Stedfortreder|Øvrige|Saksnummer|Type|Fra|Saksbehandlere|Saksbehandler)((?:<\/[a-z]+>)*)(?:\t+| +)(?=\S)(.*)$/;
  const lines = t.split('\n');
  let memo = 0;
  return lines
    .map((line, i) => {
      if (isMemoAnchor(lines, i)) {
        memo = 14;
        return line.replace(/^(\s*)Til\s+(Møte\b)/, '$1Til: $2');
      }
      if (memo > 0) memo--;
      const m = field.exec(line);
      if (!m) return line;
      const [, lead = '', open = '', key = '', close = '', value = ''] = m;
      const memoKey = /^(Saksnummer|Type|Fra|Saksbehandlere?)$/.test(key);
      if (memoKey && memo <= 0) return line;
      if (/^(Møte|Dato|Tid)$/.test(key) && !/^\d|^[Kk]l/.test(value)) return line;
      if (
        /^(Medlemmer|Observatører|Til stede|Ikke til stede|Stedfortreder|Øvrige)$/.test(key) &&
        !/^[A-ZÆØÅ]/.test(value)
      )
        return line;
      const cells = value.split('\t').filter((c) => c.trim() !== '');
      return `${lead}${open}${key}${close}: ${cells.join(' ').trim()}`;
    })
    .join('\n');
};

/** An invitation template with one combined "Tid og sted" field: "9. september 2020, kl. 11:00 – 14:00, Videomøte". */
const tidOgSted: Rewrite = (text) => {
  const lines = text.split('\n');
  const field = (line: string, key: string): { lead: string; value: string; tabbed: boolean } | null => {
    const m = new RegExp(`^([ \\t]*${OPEN})${key}((?:</[a-z]+>)*)(\\t| +)(.*)$`).exec(line);
    if (!m) return null;
    const value = (m[4] ?? '')
      .split('\t')
      .filter((c) => c.trim() !== '')
      .join(' ')
      .trim();
    return value ? { lead: m[1] ?? '', value, tabbed: m[3] === '\t' } : null;
  };
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = field(lines[i] ?? '', 'Dato');
    const t = field(lines[i + 1] ?? '', 'Tid');
    const s = field(lines[i + 2] ?? '', 'Sted');
    if (d && t && s && /^\d/.test(d.value)) {
      const time = /^kl/i.test(t.value) ? t.value : `kl. ${t.value}`;
      const close = d.lead.includes('<i>') ? '</i>' : '';
      const value = `${d.value}, ${time}, ${s.value}`;
      out.push(d.tabbed ? `${d.lead}Tid og sted${close}\t${value}\t` : `${d.lead}Tid og sted ${value}`);
      i += 2;
    } else out.push(lines[i] ?? '');
  }
  return out.join('\n');
};

/** An Outlook/Excel-made agenda: times "1100", the header's "1100-1400", durations "30 min". */
const militaryTimesMinutes: Rewrite = (text) => {
  const t = restyleHeaderTime(text, (h1, m1, h2, m2) => `${pad2(h1)}${pad2(m1)}-${pad2(h2)}${pad2(m2)}`);
  return restyleAgendaTimes(
    t,
    (h, m) => `${pad2(h)}${pad2(m)}`,
    (h, m) => (h > 0 ? `${h} t${m > 0 ? ` ${m} min` : ''}` : `${m} min`),
  );
};

/**
 * An agenda that prints each sak's slot as a range ("11:00–11:30") from its start and the next row's
 * start, and a day programme whose Start/Varighet/Slutt columns are folded into one "Tid" column.
 */
const agendaTimeRanges: Rewrite = (text) => {
  const clock = /^\s*\d{2}:\d{2}\s*$/;
  const tabbed = rewriteTables(text, (t) => {
    if (!t.header) return printTable(t);
    const names = t.header.map((c) => plain(c));
    const start = names.findIndex((n) => /^(Tidspunkt|Tid|Start|Kl\.?)$/.test(n));
    if (start < 0) return printTable(t);
    const end = names.indexOf('Slutt');
    const dur = names.indexOf('Varighet');
    if (end >= 0) {
      const drop = (cells: string[]) => cells.filter((_c, j) => j !== end && j !== dur);
      const rows = t.rows.map((cells) => {
        const s = (cells[start] ?? '').trim();
        const e = (cells[end] ?? '').trim();
        const merged = [...cells];
        merged[start] = s && e && clock.test(s) && clock.test(e) ? `${s}–${e}` : s || e;
        return drop(merged);
      });
      const header = [...t.header];
      header[start] = (t.header[start] ?? '').replace('Start', 'Tid');
      return printTable({ ...t, header: drop(header), rows });
    }
    const times = t.rows.map((cells) => (cells[start] ?? '').trim());
    const rows = t.rows.map((cells, r) => {
      const s = times[r] ?? '';
      const next = times.slice(r + 1).find((x) => clock.test(x));
      if (!clock.test(s) || !next) return cells;
      const c = [...cells];
      c[start] = `${s}–${next}`;
      return c;
    });
    return printTable({ ...t, rows });
  });
  // Space-separated agendas: the times between an agenda header with a time column and the next header.
  const lines = tabbed.split('\n');
  const out = [...lines];
  for (let i = 0; i < lines.length; i++) {
    const p = plain(lines[i] ?? '');
    if (lines[i]?.includes('\t') || !isHeaderText(p) || !/\b(Tidspunkt|Tid|Kl\.?)\b/.test(p)) continue;
    const spots: [number, RegExpExecArray][] = [];
    for (let j = i + 1; j < lines.length && !isHeaderText(plain(lines[j] ?? '')); j++) {
      const re = /\b\d{2}:\d{2}\b/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(lines[j] ?? '')) !== null) spots.push([j, m]);
    }
    for (let k = spots.length - 2; k >= 0; k--) {
      const [j, m] = spots[k] as [number, RegExpExecArray];
      const next = (spots[k + 1] as [number, RegExpExecArray])[1][0];
      const l = out[j] ?? '';
      out[j] = l.slice(0, m.index) + `${m[0]}–${next}` + l.slice(m.index + m[0].length);
    }
  }
  return out.join('\n');
};

/** A board-secretary style with the full year in every sak id: "Sak 26/2020". */
const sakIdFullYear: Rewrite = (text) => mapSakIds(text, (n, yy) => `${n}/20${yy}`);

/** An agenda that prints the word "Sak" before every id ("Sak 26/20") and slide titles as "Sak nr. 36/19 –". */
const sakPrefixed: Rewrite = (text) =>
  mapSakIds(text, (n, yy, place) =>
    place === 'cell' || place === 'row'
      ? `Sak ${n}/${yy}`
      : place === 'heading'
        ? `nr. ${n}/${yy}`
        : `${n}/${yy}`,
  ).replace(/^(\s*Sak nr\. \d{1,3}\/\d{2}):(?=\s*\S)/gm, '$1 –');

/** A template that states the type as the treatment asked for: "Til orientering", "Til drøfting", "For tilslutning". */
const sakstypeTilForm: Rewrite = (text) =>
  mapSakstype(text, (w) => {
    const to: Record<string, string> = {
      Godkjenning: 'Til godkjenning',
      Orientering: 'Til orientering',
      Drøfting: 'Til drøfting',
      Tilslutning: 'For tilslutning',
      Anbefaling: 'For anbefaling',
      Beslutning: 'Til beslutning',
    };
    return to[w] ?? w;
  });

/** A compact agenda with one-letter sakstype codes and their key printed above each table. */
const sakstypeCodesWithLegend: Rewrite = (text) => {
  const legend =
    'Sakstype: G = godkjenning, O = orientering, D = drøfting, T = tilslutning, A = anbefaling, B = beslutning';
  const coded = mapSakstype(text, (w) => w.charAt(0), false);
  return coded
    .split('\n')
    .flatMap((line) => (isHeaderText(plain(line)) && /Sakstype/.test(line) ? [legend, '', line] : [line]))
    .join('\n');
};

/** A scheduling template that leads with the clock: "Tidspunkt | Sak | Sakstype | Agenda". */
const agendaColumnsReordered: Rewrite = (text) =>
  rewriteTables(text, (t) => {
    if (!t.header) return printTable(t);
    const kinds = t.header.map(columnKind);
    if (!kinds.includes('time')) return printTable(t);
    const n = width(t);
    const idx = Array.from({ length: n }, (_x, j) => j);
    const rank = (j: number): number =>
      ({ time: 0, id: 1, type: 2 })[kinds[j] as 'time' | 'id' | 'type'] ?? 3 + j / 100;
    const order = [...idx].sort((a, b) => rank(a) - rank(b));
    if (order.every((j, k) => j === k)) return printTable(t);
    const re = (cells: string[]) => order.map((j) => padRow(cells, n)[j] ?? '');
    return printTable({ ...t, header: re(t.header), rows: t.rows.map(re) });
  });

/**
 * pdftotext -layout: a left margin, table columns aligned with spaces instead of tabs, long cells wrapped
 * inside their column over several lines, and fi/fl ligatures.
 */
const pdftotextLayout: Rewrite = (text) => {
  const aligned = rewriteTables(text, (t) => {
    const all = [...t.caption, ...(t.header && !t.carried ? [t.header] : []), ...t.rows];
    const n = width(t);
    const w = Array.from({ length: n }, (_x, j) =>
      Math.min(44, Math.max(1, ...all.map((r) => (r[j] ?? '').trim().length))),
    );
    return all.flatMap((r) => {
      const cols = padRow(r, n).map((c, j) => wrap(c.trim(), w[j] ?? 44));
      const h = Math.max(...cols.map((c) => c.length));
      return Array.from({ length: h }, (_x, k) =>
        cols
          .map((c, j) => {
            const cell = c[k] ?? '';
            return cell.length >= (w[j] ?? 0) ? `${cell}   ` : cell.padEnd((w[j] ?? 0) + 3);
          })
          .join('')
          .trimEnd(),
      );
    });
  });
  return aligned
    .split('\n')
    .map((l) => (l.trim() ? `   ${l}` : l))
    .join('\n')
    .replace(/ffi/g, '\uFB03')
    .replace(/ffl/g, '\uFB04')
    .replace(/ff/g, '\uFB00')
    .replace(/fi/g, '\uFB01')
    .replace(/fl/g, '\uFB02');
};

/** A Markdown export (pandoc, Obsidian): every table as a pipe table. */
const markdownPipeTables: Rewrite = (text) =>
  rewriteTables(text, (t) => {
    const n = Math.max(2, width(t));
    const row = (cells: string[]) =>
      `| ${padRow(cells, n)
        .map((c) => c.trim().replace(/\|/g, '\\|'))
        .join(' | ')} |`;
    const sep = `|${Array.from({ length: n }, () => '---').join('|')}|`;
    const head = t.header && !t.carried ? t.header : Array.from({ length: n }, () => '');
    return [
      ...t.caption.map((c) => c.filter((x) => x.trim()).join(' ')),
      '',
      row(head),
      sep,
      ...t.rows.map(row),
      '',
    ];
  });

/** Word "Save as web page": every table as an HTML table, a row per line, empty cells as &nbsp;. */
const htmlTables: Rewrite = (text) =>
  rewriteTables(text, (t) => {
    const n = width(t);
    const cell = (tag: string) => (c: string) =>
      `<${tag}>${c.trim() === '' ? '&nbsp;' : c.trim().replace(/&(?![a-z]+;|#\d+;)/g, '&amp;')}</${tag}>`;
    const tr = (cells: string[], tag: string) => `<tr>${padRow(cells, n).map(cell(tag)).join('')}</tr>`;
    return [
      '<table border="1" cellspacing="0" cellpadding="4">',
      ...t.caption.map((c) => tr(c, 'td')),
      ...(t.header && !t.carried ? [tr(t.header, 'th')] : []),
      ...t.rows.map((c) => tr(c, 'td')),
      '</table>',
    ];
  });

/** pandoc -t plain/markdown grid tables: bordered cells, long cell text wrapped inside its column. */
const pandocGridTables: Rewrite = (text) =>
  rewriteTables(text, (t) => {
    const n = width(t);
    const head = t.header && !t.carried ? t.header : null;
    const all = [...t.caption, ...(head ? [head] : []), ...t.rows].map((r) =>
      padRow(r, n).map((c) => c.trim()),
    );
    const w = Array.from({ length: n }, (_x, j) => {
      const longestWord = Math.max(1, ...all.flatMap((r) => (r[j] ?? '').split(/\s+/).map((x) => x.length)));
      const longest = Math.max(1, ...all.map((r) => (r[j] ?? '').length));
      return Math.max(Math.min(30, longest), Math.min(longestWord, 60));
    });
    const rule = (ch: string) => `+${w.map((x) => ch.repeat(x + 2)).join('+')}+`;
    const render = (r: string[]): string[] => {
      const cols = r.map((c, j) => (c ? wrap(c, w[j] ?? 30) : ['']));
      const h = Math.max(...cols.map((c) => c.length));
      return Array.from(
        { length: h },
        (_x, k) => `| ${cols.map((c, j) => (c[k] ?? '').padEnd(w[j] ?? 0)).join(' | ')} |`,
      );
    };
    const out: string[] = [rule('-')];
    all.forEach((r, k) => {
      out.push(...render(r));
      out.push(head && k === t.caption.length ? rule('=') : rule('-'));
    });
    return ['', ...out, ''];
  });

/**
 * A screen-reader friendly export (the accessible web version of the package): each agenda row written as
 * a small record of "Column: value" lines; continuation rows of a cell as plain paragraphs.
 */
const keyValueRecords: Rewrite = (text) =>
  rewriteTables(text, (t) => {
    if (!t.header) return printTable(t);
    const names = t.header.map((c) => plain(c));
    const out: string[] = [...t.caption.map((c) => c.filter((x) => x.trim()).join(' '))];
    for (const cells of t.rows) {
      const first = (cells[0] ?? '').trim();
      const hasClock = cells.some((c) => /^\s*\d{2}:\d{2}\s*$/.test(c));
      if (!first && !hasClock) {
        out.push(...cells.filter((c) => c.trim()).map((c) => c.trim()), '');
        continue;
      }
      cells.forEach((c, j) => {
        if (c.trim()) out.push(`${names[j] || 'Merknad'}: ${c.trim()}`);
      });
      out.push('');
    }
    return out;
  });

/** docx2txt / Apache Tika: every table cell on a line of its own, a blank line after each row. */
const cellPerLine: Rewrite = (text) =>
  rewriteTables(text, (t) => {
    const rows = [...t.caption, ...(t.header && !t.carried ? [t.header] : []), ...t.rows];
    return rows.flatMap((r) => [...r.filter((c) => c.trim()).map((c) => c.trim()), '']);
  });

/** Word tables that break across pages: a page footer, a form feed, and the header row repeated. */
const repeatedTableHeaders: Rewrite = (text) => {
  let page = 0;
  return rewriteTables(text, (t) => {
    if (!t.header || t.carried) return printTable(t);
    const out = [...t.caption.map(printRow), printRow(t.header)];
    t.rows.forEach((r, k) => {
      if (k > 0 && k % 4 === 0) out.push('', `Side ${++page + 1}`, `\f${printRow(t.header ?? [])}`);
      out.push(printRow(r));
    });
    return out;
  });
};

/** A PDF's page furniture left in the text: "Side 3 av 12" footers, form feeds and a running header. */
const pageFooters: Rewrite = (text) => {
  const lines = text.split('\n');
  const per = 50;
  const pages = Math.ceil(lines.length / per);
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    if ((i + 1) % per === 0 && i + 1 < lines.length) {
      const p = (i + 1) / per;
      out.push('', `Side ${p} av ${pages}`, '\fMøtedokumenter – nasjonal rådsmodell for e-helse', '');
    }
  });
  out.push('', `Side ${pages} av ${pages}`);
  return out.join('\n');
};

/** The package pasted into a forwarded e-mail: a forward header, lines wrapped at 72 and quoted with "> ". */
const emailQuotedWrapped: Rewrite = (text) => {
  const body = text
    .split('\n')
    .flatMap((l) => (l.includes('\t') ? [l] : wrap(l, 72)))
    .map((l) => (l.trim() ? `> ${l}` : '>'));
  return ['-------- Videresendt melding --------', 'Emne: Møtedokumenter', '', ...body].join('\n');
};

/** Word reflow of a hard-wrapped PDF text: lines of one paragraph joined again ("e-\nhelse" → "e-helse"). */
const unwrapParagraphs: Rewrite = (text) => {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const starts = /^\s*[a-zæøå(]/.test(line) && !/^\s*\(/.test(line);
    if (
      prev !== undefined &&
      prev.trim() &&
      !prev.includes('\t') &&
      !line.includes('\t') &&
      starts &&
      !/[.:;!?]\s*$/.test(prev) &&
      !/https?:\/\/\S+\s*$/.test(prev)
    ) {
      const p = prev.replace(/\s+$/, '');
      const next = line.trim();
      const joined = /\p{L}-$/u.test(p) && !/^(og|eller)\b/.test(next) ? p + next : `${p} ${next}`;
      out[out.length - 1] = joined;
    } else out.push(line);
  }
  return out.join('\n');
};

/** Notepad on Windows: a byte-order mark and CRLF line ends. */
const windowsNotepad: Rewrite = (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

/** Word's typography: no-break spaces in "9. september", "kl. 09", "Sak 36/19", thin spaces round range dashes. */
const nbspTypography: Rewrite = (text) =>
  text
    .replace(new RegExp(`(\\d{1,2}\\.) (${MONTH_ALT})\\b`, 'gi'), '$1\u00a0$2')
    .replace(/\b([Kk]l\.) (?=\d)/g, '$1\u00a0')
    .replace(/\b(Sak|Vedlegg|Møte) (?=\d)/g, '$1\u00a0')
    .replace(/(\d\.?) +([–-]) *(?=\d)/g, '$1\u2009–\u2009');

/** Optional hyphens (U+00AD) left in long words by a hyphenating layout program. */
const softHyphens: Rewrite = (text) =>
  text
    .split('\n')
    .map((line) =>
      line
        .split(/( +)/)
        .map((tok) =>
          /:\/\/|www\.|@|<|>/.test(tok)
            ? tok
            : tok.replace(/[A-Za-zÆØÅæøåÄÖÜäöüé]{12,}/g, (w) => {
                let out = '';
                for (let k = 0; k < w.length; k++) {
                  out += w[k];
                  if ((k + 1) % 6 === 0 && w.length - (k + 1) >= 4) out += '\u00ad';
                }
                return out;
              }),
        )
        .join(''),
    )
    .join('\n');

/** A file saved on macOS: Unicode in decomposed form (NFD), "å" as "a" + combining ring. */
const nfdDecomposed: Rewrite = (text) => text.normalize('NFD');

/** A 7-bit plain-text export: straight quotes, hyphens for dashes, "*" bullets, "..." for the ellipsis. */
const asciiPunctuation: Rewrite = (text) =>
  text
    .replace(/[–—‒]/g, '-')
    .replace(/[«»“”„]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/…/g, '...')
    .replace(/^(\s*)[•▪●]\s/gm, '$1* ')
    .replace(/➔|→/g, '->')
    .replace(/\u00a0/g, ' ');

/** An HTML-to-text converter that drops every tag and markdown mark, lists turned into "• " lines. */
const stripAllMarkup: Rewrite = (text) =>
  text
    .replace(/<li[^>]*>\s*(?:-\s+)?/g, '\n• ')
    .replace(/<\/p>\s*<p[^>]*>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<a [^>]*>([^<]*)<\/a>/g, '$1')
    .replace(/<sup>([^<]*)<\/sup>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/^(\s*)#{1,6}\s+/gm, '$1')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;]|$)/gm, '$1$2')
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
    .replace(/\\([()[\]_*])/g, '$1');

/** pandoc docx → markdown: bold labels, "###" section headings, "##" slide titles, "-" bullets. */
const markdownEverywhere: Rewrite = (text) => {
  let t = text
    .replace(/<b>([^<]*)<\/b>/g, '**$1**')
    .replace(/<i>([^<]*)<\/i>/g, '*$1*')
    .replace(/<\/?p>/g, '')
    .replace(/^(\s*)[•▪●]\s/gm, '$1- ');
  t = t
    .split('\n')
    .map((line) => {
      if (line.includes('\t') || /^\s*#/.test(line)) return line;
      const p = plain(line);
      if (/^(Forslag til vedtak|Vedtak):?$/.test(p)) return `**${p.replace(/:$/, '')}:**`;
      if (
        /^(Hensikt med saken|Bakgrunn|Videre saksprosess|Vedtak fra tidligere behandlinger i rådsmodellen)$/.test(
          p,
        )
      )
        return `### ${p}`;
      if (/^Sak \d{1,3}\/\d{2}:/.test(p)) return `## ${p}`;
      return line;
    })
    .join('\n');
  return relabelMeetingFields(
    t,
    Object.fromEntries(
      (
        [
          'Til stede',
          'Ikke til stede',
          'Stedfortreder',
          'Øvrige',
          'Medlemmer',
          'Observatører',
        ] as MeetingField[]
      ).map((k) => [k, `**${k}**`]),
    ),
  );
};

/**
 * pdftotext of a Word document whose bullets use the Symbol font: "\uF0B7" and "o" followed by a tab,
 * and numbered list items with a tab after the number.
 */
const wordSymbolBullets: Rewrite = (text) =>
  text
    .replace(/^([ \t]*)[-•▪*]\s+(?=\S)/gm, (_m, sp: string) => (sp.length > 0 ? `${sp}o\t` : '\uF0B7\t'))
    .replace(/^(\s*\d{1,2}\.)\s+(?=[A-ZÆØÅ])/gm, '$1\t');

/** Minutes written in a notes app: each attendance group as a label line and one "• Name (Org)" per line. */
const attendanceBulleted: Rewrite = (text) => {
  const lines = text.split('\n');
  const out: string[] = [];
  let section = false;
  let blanks = 0;
  /** Parentheses left open by the entry so far: a line inside them continues the entry, it is no new one. */
  let depth = 0;
  const parens = (l: string) => (l.match(/\(/g)?.length ?? 0) - (l.match(/\)/g)?.length ?? 0);
  for (const line of lines) {
    const cells = line.split('\t');
    const key = plain(cells[0] ?? '');
    if (line.includes('\t') && ATTENDANCE_LABEL.test(key)) {
      const entries = splitEntries(cells.slice(1).join('\t'));
      if (entries) {
        out.push(`${key}:`, ...entries.map((e) => `• ${e}`), '');
        continue;
      }
    }
    const m = /^\s*(Medlemmer|Til stede|Ikke til stede|Stedfortreder)\s+(\S.*)$/.exec(line);
    if (!line.includes('\t') && m && /^[A-ZÆØÅ]/.test(m[2] ?? '')) {
      out.push(`${m[1] ?? ''}:`, `• ${(m[2] ?? '').trim()}`);
      section = true;
      blanks = 0;
      depth = parens(m[2] ?? '');
      continue;
    }
    if (section) {
      if (!line.trim()) {
        blanks++;
        if (blanks >= 2) section = false;
      } else {
        blanks = 0;
        if (isHeaderText(plain(line))) section = false;
        else if (
          /^[A-ZÆØÅ]/.test(line.trim()) &&
          !/^(Ikke til stede|Stedfortreder|Sak)\b/.test(line.trim()) &&
          depth <= 0
        ) {
          out.push(`• ${line.trim()}`);
          depth = parens(line);
          continue;
        }
        depth += parens(line);
      }
    }
    out.push(line);
  }
  return out.join('\n');
};

/**
 * A memo template whose key block is printed as "Key: value" pairs on two lines, also where the PDF text
 * gave the keys as one block and the values as the next.
 */
const memoHeaderPairs: Rewrite = (text) => {
  const lines = text.split('\n');
  const out: string[] = [];
  const isKey = (l: string) => /^(Til|Dato|Saksnummer|Type|Innretning|Fra|Saksbehandlere?)$/.test(l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isKey(line) && isKey(lines[i + 1] ?? '')) {
      const keys: string[] = [];
      let j = i;
      while (j < lines.length && isKey(lines[j] ?? '')) keys.push((lines[j++] ?? '').trim());
      while (j < lines.length && !(lines[j] ?? '').trim()) j++;
      const values: string[] = [];
      while (j < lines.length && values.length < keys.length && (lines[j] ?? '').trim())
        values.push((lines[j++] ?? '').trim());
      if (values.length === keys.length) {
        out.push(keys.map((k, n) => `${k}: ${values[n] ?? ''}`).join(' · '));
        i = j - 1;
        continue;
      }
    }
    if (isMemoAnchor(lines, i) && /^\s*Til\s+Møte/.test(line)) {
      const pairs: string[] = [];
      let j = i;
      while (j < lines.length && j < i + 10) {
        const m = /^\s*(Til|Dato|Saksnummer|Type|Fra|Saksbehandlere?)\s+(\S.*?)\s*$/.exec(lines[j] ?? '');
        if (m) pairs.push(`${m[1] ?? ''}: ${m[2] ?? ''}`);
        else if ((lines[j] ?? '').trim() && !/^\s*#/.test(lines[j] ?? ''))
          pairs.push((lines[j] ?? '').trim());
        else if (/^\s*#/.test(lines[j] ?? '')) break;
        j++;
      }
      out.push(pairs.slice(0, 4).join(' · '), pairs.slice(4).join(' · '), '');
      i = j - 1;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
};

/** pdftotext of a two-column header table: the keys printed as one block, then the values as the next. */
const headerKeysThenValues: Rewrite = (text) => {
  const lines = text.split('\n');
  const out: string[] = [];
  const knownKey =
    /^(Møte|Dato|Tid|Sted|Medlemmer|Observatører|Til stede|Ikke til stede|Stedfortreder|Øvrige|Til|Saksnummer|Type|Fra|Saksbehandlere?)$/;
  const kv = (line: string): [string, string] | null => {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      const key = plain(cells[0] ?? '');
      const value = cells
        .slice(1)
        .map((c) => c.trim())
        .filter(Boolean)
        .join(' ');
      return key && value && key.length <= 30 && !/\d/.test(key) ? [key, value] : null;
    }
    const m = /^\s*(Til|Dato|Saksnummer|Type|Fra|Saksbehandlere?|Møte|Tid|Sted)\s+(\S.*?)\s*$/.exec(line);
    if (!m) return null;
    const [, key = '', value = ''] = m;
    if (/^(Møte|Dato|Saksnummer)$/.test(key) && !/^\d/.test(value)) return null;
    if (key === 'Tid' && !/^(\d|[Kk]l)/.test(value)) return null;
    if (key === 'Til' && !/^Møte\b/.test(value)) return null;
    return [key, value];
  };
  for (let i = 0; i < lines.length; i++) {
    const group: [string, string][] = [];
    let j = i;
    while (j < lines.length) {
      const p = kv(lines[j] ?? '');
      if (!p) break;
      group.push(p);
      j++;
    }
    const known = group.filter(([k]) => knownKey.test(k)).length;
    if ((group.length >= 3 && known >= 2) || (group.length === 2 && known === 2)) {
      out.push(...group.map(([k]) => k), '', ...group.map(([, v]) => v));
      i = j - 1;
      continue;
    }
    out.push(lines[i] ?? '');
  }
  return out.join('\n');
};

/** A PowerPoint outline export: each slide preceded by "Lysbilde N" where the deck's slides break. */
const slideMarkers: Rewrite = (text) => {
  if (!isDeck(text)) return text;
  let n = 0;
  return text.replace(/\n(?:[ \t]*\n){3,}/g, () => `\n\n\nLysbilde ${++n}\n\n`);
};

/** Forty other producers of the same meeting packages. */
export const UNSEEN_VARIANTS_4: Record<string, (text: string) => string> = {
  nynorskTemplate,
  englishTemplate,
  municipalProtocol,
  decisionMinutesSynonyms,
  upperCaseNumberedHeadings,
  labelsOwnLine,
  labelsInline,
  numericDatesDotTimes,
  abbreviatedMonthWeekday,
  isoHeaderFields,
  tidOgSted,
  militaryTimesMinutes,
  agendaTimeRanges,
  sakIdFullYear,
  sakPrefixed,
  sakstypeTilForm,
  sakstypeCodesWithLegend,
  agendaColumnsReordered,
  pdftotextLayout,
  markdownPipeTables,
  htmlTables,
  pandocGridTables,
  keyValueRecords,
  cellPerLine,
  repeatedTableHeaders,
  pageFooters,
  emailQuotedWrapped,
  unwrapParagraphs,
  windowsNotepad,
  nbspTypography,
  softHyphens,
  nfdDecomposed,
  asciiPunctuation,
  stripAllMarkup,
  markdownEverywhere,
  wordSymbolBullets,
  attendanceBulleted,
  memoHeaderPairs,
  headerKeysThenValues,
  slideMarkers,
};
