// Tables read by what their columns mean, not by one template's header spelling nor its language.
// A header cell's words name its meaning ("Saksnr.", "Tittel på sak", "Kl.", "Type sak"); a value
// cell's shape is a second vote ("12/24" is a sak id, "kl. 09.00" a time, "Drøfting" a sakstype),
// which also reads a row whose header is missing or unknown. Cells are separated by tabs or by runs
// of spaces.
import { squash, stripInlineHtml, stripMarkdown } from './normalize.ts';
import { parseTimes, SAK_WORD, TIME_SPAN } from './dates.ts';

export type Column =
  'sak' | 'title' | 'sakstype' | 'owner' | 'handler' | 'start' | 'duration' | 'end' | 'other';

/** Header words per meaning; longer names first so "Sakstype" is not read as "Sak". */
const HEADER_WORDS: [Column, string][] = [
  [
    'sakstype',
    'sakstype|type sak|saktype|sakskategori|kategori|item type|type of item|type|behandlingsform|behandlingsmåte|behandling',
  ],
  ['owner', 'sakseier|sakseigar|eier|eigar|owner'],
  [
    'handler',
    'saksbehandler|sakshandsamar|presenterer saken|legg fram saka|presentert av|presentasjon ved|innledere|innleder|ansvarlig|ved|case officer|presenter',
  ],
  [
    'title',
    'tittel på saken|tittel på sak|sakstittel|saksnavn|tittel|tema|emne|beskrivelse|innhold|sak(?:en)? gjelder|(?:agenda|saks?liste)(?: \\p{Lu}{3,5})?|dagsorden|title|topic|subject',
  ],
  ['sak', 'saksnummer|saksnr\\.?|sak\\s*nr\\.?|sak\\s*#|sak|nr\\.?|item(?:\\s*no\\.?)?'],
  ['duration', 'varighet|varigheit|tidsbruk|minutter|min\\.?|duration'],
  ['end', 'sluttid|slutt|til kl\\.?|end'],
  ['start', 'starttid|start|fra kl\\.?|tidspunkt|tidsrom|klokkeslett|kl\\.?|tid|time'],
  ['other', 'vedlegg|forslag til vedtak|vedtaksformulering|vedtak|merknad|kommentar'],
];
const HEADER_WORD = new RegExp(
  `^(?:${HEADER_WORDS.map(([, re]) => `(${re})`).join('|')})\\s*:?(?=\\s|$)`,
  'iu',
);

/** Cells of a line: split at tabs or at runs of two or more spaces (plain-text exports). */
export function splitCells(text: string): string[] {
  return text
    .split(/\t| {2,}/)
    .map(squash)
    .filter(Boolean);
}

/** A header line without its emphasis: a template that sets its header row in bold names the same columns. */
const plainHeader = (text: string) => stripMarkdown(stripInlineHtml(text));

/**
 * The columns a header line names, in order, or null when some word names no column. Names may
 * share a cell when a PDF's column gaps are narrow ("Saksbehandler Start Varighet Slutt"), so the
 * line is read word by word.
 */
export function headerColumns(text: string): Column[] | null {
  const out: Column[] = [];
  let rest = squash(plainHeader(text).replace(/\t/g, ' '));
  while (rest) {
    const m = HEADER_WORD.exec(rest);
    if (!m) return null;
    out.push(HEADER_WORDS[m.slice(1).findIndex(Boolean)]![0]);
    rest = rest.slice(m[0].length).trim();
  }
  return out.length ? titledSecondSak(out) : null;
}

/** "Nr.  Sak  Tid": where two columns are headed as the sak, the first holds its id, the second its title. */
function titledSecondSak(cols: Column[]): Column[] {
  const second = cols.indexOf('sak', cols.indexOf('sak') + 1);
  return second > 0 && !cols.includes('title') ? cols.map((c, i) => (i === second ? 'title' : c)) : cols;
}

/** A header line of more words than this is text, not column names. */
const MAX_HEADER_WORDS = 8;

/** A header cell is a short capitalised name: a few words, no figures, no sentence. */
const HEADER_CELL = /^\p{Lu}[\p{L}.&/ -]{0,40}$/u;
export const isHeaderCell = (n: string) => HEADER_CELL.test(n) && n.split(' ').length <= 3;

/**
 * The columns of a header line whose words no template we know uses ("Løpenr.  Beskrivelse
 * Klokkeslett"), read by position from the first row under it: a known name says its column, else
 * the value below it does (a sak id, a time, a sakstype), else it is text — the title first. Null
 * unless every cell looks like a name, the row matches it cell for cell, and a column holds the sak.
 */
export function headerByPosition(header: string, row: string): Column[] | null {
  const text = plainHeader(header);
  // Tabs keep the empty cells of a row ("43/18\tTittel\t\t10:05"); runs of spaces do not.
  const tabbed = text.includes('\t') && row.includes('\t');
  const names = tabbed ? text.trim().split('\t').map(squash) : splitCells(text);
  const values = tabbed ? row.trim().split('\t').map(squash) : splitCells(row);
  if (names.some((n) => !n)) return null;
  if (!names.every(isHeaderCell)) return null;
  // PDF text with single spaces between cells has no positions: it is a header of the words we know.
  if (names.length < 2 || names.length !== values.length) {
    const ws = names.join(' ').split(' ');
    const known = ws.flatMap((w) => headerColumns(w) ?? []);
    return ws.length >= 2 && ws.length <= MAX_HEADER_WORDS && known.length ? known : null;
  }
  const cols = names.map((n, i) => headerColumns(n)?.[0] ?? (values[i] ? valueMeaning(values[i]) : null));
  if (!cols.includes('sak')) return null;
  const titled = cols.includes('title');
  return titledSecondSak(cols.map((c, i) => c ?? (!titled && cols.indexOf(null) === i ? 'title' : 'other')));
}

/** A table header with a sak column and a title column: the agenda and the detail tables. */
export function isSakTableHeader(text: string): boolean {
  const cols = headerColumns(text);
  return !!cols && cols.includes('sak') && cols.includes('title') && cols.length >= 2;
}

const SAKSTYPER = [
  'Godkjenning',
  'Orientering',
  'Drøfting',
  'Tilslutning',
  'Anbefaling',
  'Beslutning',
  'Diskusjon',
];
/**
 * A sakstype as printed, also as a kind of sak ("Drøftingssak", "Orienteringssak"); the type
 * itself is group 1. Every reader finds it with this pattern, so each knows both spellings.
 */
export const SAKSTYPE = `(${[
  ...SAKSTYPER,
  // …and cut short to fit a narrow column: "Godkj.", "Drøft.", "Orient.".
  ...SAKSTYPER.flatMap((t) => Array.from({ length: t.length - 3 }, (_, i) => `${t.slice(0, i + 3)}\\.`)),
].join('|')})(?:s?sak)?`;
/** The treatment asked for, said before the sakstype: "Til drøfting", "For tilslutning". */
export const ASKED_FOR = String.raw`(?:(?:til|for)\s+)?`;
const SAKSTYPE_CELL = new RegExp(`^${ASKED_FOR}${SAKSTYPE}$`, 'i');

/** A sakstype in brackets after a title, perhaps before the row's time: "Tittel (Drøftingssak) 09:00". */
const BRACKETED_TYPE = new RegExp(
  String.raw`\s*\(${ASKED_FOR}${SAKSTYPE}\)(?=\s*(?:${TIME_SPAN})?\s*$)`,
  'i',
);

/**
 * The sakstype a template writes in brackets after the title where no column holds it
 * ("Tittel (Drøftingssak)"): the text without it, and the type; null when there is none.
 */
export function bracketedSakstype(text: string): { text: string; sakstype: string } | null {
  const m = BRACKETED_TYPE.exec(text);
  const sakstype = m ? sakstypeOf(m[1]!) : null;
  return m && sakstype ? { text: squash(text.replace(m[0], ' ')), sakstype } : null;
}

/** The sakstype a cell names ("Drøfting", "For tilslutning", "Orienteringssak"), capitalised, or null. */
export function sakstypeOf(cell: string): string | null {
  const m = SAKSTYPE_CELL.exec(squash(cell));
  if (!m) return null;
  // Cut short to fit a narrow column ("Godkj.", "Drøft."): the one type it begins.
  const word = m[1]!.toLowerCase();
  return word.endsWith('.')
    ? (SAKSTYPER.find((t) => t.toLowerCase().startsWith(word.slice(0, -1))) ?? null)
    : capitalise(word);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** "12/24", "Sak 12/24", "Sak nr. 12/24", "12 / 2024". */
export const SAK_CELL = new RegExp(String.raw`^(?:${SAK_WORD}\s*)?(\d{1,3})\s?\/\s?(\d{4}|\d{2})[.:]?$`, 'i');
/** "09:00", "kl. 09.00", "09:00–10:30", and "0900" (only in a column headed as a time). */
const TIME_CELL = new RegExp(`^${TIME_SPAN}$`, 'i');
const BARE_TIME_CELL = /^(?:kl\.?\s*)?([01]\d|2[0-3])([0-5]\d)$/i;

/** The start time a cell holds, as "HH:MM", or null. */
export function timeOf(cell: string, headedAsTime = false): string | null {
  const t = squash(cell);
  if (TIME_CELL.test(t)) return parseTimes(t)[0] ?? null;
  const m = headedAsTime || /^kl/i.test(t) ? BARE_TIME_CELL.exec(t) : null;
  return m ? `${m[1]!}:${m[2]}` : null;
}

/** What a value cell's shape says its column is, or null for free text. */
export function valueMeaning(cell: string): Column | null {
  if (SAK_CELL.test(squash(cell))) return 'sak';
  if (timeOf(cell)) return 'start';
  if (sakstypeOf(cell)) return 'sakstype';
  return null;
}
