// Line-level clean-up shared by the parsers: inline HTML and markdown out, tabs kept (they separate
// table cells, as do runs of spaces), page furniture ("Side 3 av 4") dropped, and helpers to join text broken over lines.
import { squash, stripInlineHtml, stripMarkdown } from './normalize.ts';
import { keyedRows } from './keyed-rows.ts';
import { FORSLAG, VEDTAK } from './labels.ts';
import { headerColumns, isHeaderCell, isSakTableHeader, SAK_CELL, sakstypeOf, timeOf } from './table.ts';

export interface Line {
  /** 1-based line number in the parser's input. */
  n: number;
  /** Cleaned text; tabs separate table cells. */
  text: string;
}

/** A page number: "Side 3", "side 3 av 40", "Page 3 of 40". */
const PAGE = String.raw`(?:side|page)\s*\d{1,3}(?:\s*(?:av|of|\/)\s*\d{1,3})?`;
/**
 * Page furniture: a page number alone, or a running header or footer that ends or starts with one
 * behind a separator ("Direktoratet for e-helse · 25.05.2023 · Side 3 av 40", "NUIT – innkalling –
 * side 3"). A sentence that only mentions a page ("se figur på side 3") has no separator before it.
 * Also the marking an exempt document prints atop every page, alone on its line: "Unntatt
 * offentlighet jf. offl. § 14".
 */
const PAGE_FURNITURE = [
  new RegExp(String.raw`^${PAGE}$`, 'i'),
  new RegExp(String.raw`^.{1,90}[·|•–—\t]\s*${PAGE}$`, 'i'),
  new RegExp(String.raw`^${PAGE}\s*[·|•–—\t].{1,90}$`, 'i'),
  /^unntatt (?:fra )?offentlighet(?:\s*,?\s*(?:jf\.?|jfr\.?|iht\.?|etter)?\s*(?:offl\.?|offentleglova)\s*§+\s*\d+[\w ,.()-]*)?$/i,
];

export function cleanLine(raw: string): string {
  // Plain-text exports separate columns by runs of spaces where others print a tab.
  const cells = stripInlineHtml(
    raw.replace(/<\/t[dh]>\s*<t[dh][^>]*>/gi, '\t').replace(/(\S) {2,}(?=\S)/g, '$1\t'),
  )
    .split('\t')
    .map((c) => squash(stripMarkdown(c.replace(/\[([^\]]*)\]\((?:https?|tel|mailto):[^)]*\)/g, '$1'))));
  while (cells.length && !cells.at(-1)) cells.pop();
  return cells.join('\t').replace(/^\t+$/, '');
}

/**
 * Cleaned lines; page furniture is left out (not blanked), and with it the empty lines a page break
 * puts around it, so a table or paragraph it split runs on. In a double-spaced text (some PDF
 * converters put an empty line after every line) a single empty line separates nothing: it is left
 * out, and a longer run of them stands as one. Line numbers stay those of the input.
 */
export function toLines(text: string): Line[] {
  const raw = text.split('\n');
  const all = raw.map((r, i) => ({ n: i + 1, text: idTitleHeader(cleanLine(r)) }));
  const furniture = runningHeaders(
    raw,
    all,
    all.map((l) => PAGE_FURNITURE.some((re) => re.test(l.text.trim()))),
  );
  const aroundFurniture = (i: number, step: number): boolean => {
    let j = i + step;
    while (all[j] && !all[j]!.text && !furniture[j]) j += step;
    return !!furniture[j];
  };
  const page = (i: number) =>
    furniture[i] || (!all[i]!.text && (aroundFurniture(i, -1) || aroundFurniture(i, 1)));
  const lines = keyedRows(cellsAsRows(all.filter((_, i) => !page(i))));
  if (!doubleSpaced(lines)) return lines;
  return lines.filter((l, i) => l.text || (!!lines[i - 1] && !lines[i - 1]!.text && !!lines[i + 1]?.text));
}

/** Pages a line must start, each time the same, to be a running header. */
const RUNNING_REPEATS = 2;

/**
 * Page furniture with the running header added: the line a page starts with (after the form feed
 * a PDF converter puts at each page break) when two pages or more start with it ("Møtedokumenter –
 * nasjonal rådsmodell for e-helse" atop every page). A page's own first line differs from page to page.
 */
function runningHeaders(raw: string[], all: Line[], furniture: boolean[]): boolean[] {
  const starts = raw.flatMap((r, i) => (/^[ \t]*\f/.test(r) && all[i]!.text ? [i] : []));
  const counts = new Map<string, number>();
  for (const i of starts) counts.set(all[i]!.text, (counts.get(all[i]!.text) ?? 0) + 1);
  const out = [...furniture];
  for (const i of starts) if (counts.get(all[i]!.text)! >= RUNNING_REPEATS) out[i] = true;
  return out;
}

/**
 * The header cell over a sak id and title that share a cell ("Sak – Tittel<tab>Kl."), split in two
 * as its rows are ("17/23 – Tittel", normalize.ts): the first part must name the sak column.
 */
function idTitleHeader(text: string): string {
  const m = /^(\S[^\t]*?)\s+[–—-]\s+([^\t]+\t.*)$/.exec(text);
  const cols = m ? headerColumns(m[1]!) : null;
  return cols?.length === 1 && cols[0] === 'sak' ? `${m![1]}\t${m![2]}` : text;
}

/** A table's columns, at most and at least, when its cells stand one per line. */
const MAX_COLUMNS = 8;
const MIN_COLUMNS = 3;

/**
 * A table exported with each cell on a line of its own (Word's "Save as text"): a header of column
 * names one per line, then rows of as many lines each, a break or day row's first cell empty; or
 * (docx2txt, Apache Tika) a blank line after the header and after each row, empty cells left out.
 * Put back as tab rows, each on the line of its first cell; the other lines are left out, as page
 * furniture is, so line numbers stay those of the input.
 */
function cellsAsRows(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const k = headerCells(lines, i);
    const records = k ? null : recordRows(lines, i);
    if (!k && !records) {
      out.push(lines[i]!);
      continue;
    }
    const width = k || records!.k;
    out.push({ n: lines[i]!.n, text: cellsAt(lines, i, width).join('\t') });
    if (records) {
      out.push(...records.rows);
      i = records.next - 1;
      continue;
    }
    let j = i + k;
    while (rowsFrom(lines, j, k)) {
      out.push({ n: lines[j]!.n, text: cellsAt(lines, j, k).join('\t') });
      j += k;
    }
    i = j - 1;
  }
  return out;
}

/**
 * Lines `from`..`to` as a row of a table: a sak's, a single cell (a paragraph of a detail row), or
 * cells one of which says what it is (a time, a sakstype, a decision or attachment label). A title
 * and the header keys under it ("Referat fra …" / "Møte" / "4/2020") are no row.
 */
function rowLike(lines: Line[], from: number, to: number): boolean {
  const cells = cellsAt(lines, from, to - from);
  return (
    to - from === 1 ||
    SAK_CELL.test(cells[0]!) ||
    cells.some((c) => timeOf(c) || sakstypeOf(c) || FORSLAG.test(c) || VEDTAK.test(c) || ROW_LABEL.test(c))
  );
}

/** An attachment's label, which starts a detail row's other cell. */
const ROW_LABEL = /^(?:vedlegg|attachment)\s*\d*[a-z]?\s*:/i;

/** Columns a table of rows set apart by blank lines has at least: the blank lines show its rows. */
const MIN_RECORD_COLUMNS = 2;

/**
 * The rows of a table whose header at `i` names its columns one per line, when a blank line follows
 * the header and each row: a row is the run of lines up to the next blank line, no more lines than
 * columns. The table ends where a row would be longer, or where more blank lines than one stand
 * before a row that is no sak's. A row must be a sak's. Null when there is no such table.
 */
function recordRows(lines: Line[], i: number): { k: number; rows: Line[]; next: number } | null {
  const k = namedRun(lines, i);
  if (k < MIN_RECORD_COLUMNS || !isSakTableHeader(cellsAt(lines, i, k).join('\t'))) return null;
  const text = (j: number) => lines[j]?.text.trim() ?? '';
  if (text(i + k)) return null;
  const rows: Line[] = [];
  let next = i + k;
  for (let j = i + k + 1; j < lines.length;) {
    let end = j;
    while (text(end) && !lines[end]!.text.includes('\t')) end++;
    if (end === j || end - j > k || text(end) || !rowLike(lines, j, end)) break;
    rows.push({ n: lines[j]!.n, text: cellsAt(lines, j, end - j).join('\t') });
    next = end;
    let after = end;
    while (after < lines.length && !text(after)) after++;
    if (after - end > 1 && !SAK_CELL.test(text(after))) break;
    j = after;
  }
  return rows.some((r) => SAK_CELL.test(r.text.split('\t')[0]!)) ? { k, rows, next } : null;
}

/** The k lines from `j` as cells. */
const cellsAt = (lines: Line[], j: number, k: number) => lines.slice(j, j + k).map((l) => l.text.trim());

/** Rows of a table of this many lines each this far into it, from a break or day row. */
const ROWS_AHEAD = 3;

/**
 * Whether the k lines from `j` are a row: they start with a sak id, or they are a break or day row
 * (first cell empty) with a sak's row soon after.
 */
function rowsFrom(lines: Line[], j: number, k: number): boolean {
  for (let r = 0; r < ROWS_AHEAD; r++) {
    const cells = cellsAt(lines, j + r * k, k);
    if (cells.length < k || cells.some((c) => c.includes('\t'))) return false;
    if (SAK_CELL.test(cells[0]!)) return true;
    if (cells[0] || !cells.slice(1).some(Boolean)) return false;
  }
  return false;
}

/** How many lines from `i`, up to a table's most columns, each name one known column. */
function namedRun(lines: Line[], i: number): number {
  // Each line one known column name: a cheap test most lines fail at once.
  const named = (j: number) => {
    const c = lines[j]?.text.trim() ?? '';
    return !!c && !c.includes('\t') && isHeaderCell(c) && headerColumns(c)?.length === 1;
  };
  let run = 0;
  while (run < MAX_COLUMNS && named(i + run)) run++;
  return run;
}

/** How many lines from `i` name a sak table's columns, one each, with its rows under them; 0 if none. */
function headerCells(lines: Line[], i: number): number {
  const run = namedRun(lines, i);
  for (let k = run; k >= MIN_COLUMNS; k--)
    if (isSakTableHeader(cellsAt(lines, i, k).join('\t')) && rowsFrom(lines, i + k, k)) return k;
  return 0;
}

/** Past this many lines of text, a text may be judged double-spaced. */
const SPACING_SAMPLE = 20;
/** At most this share of text lines may stand right after another for the text to be double-spaced. */
const ADJACENT_SHARE = 0.05;

function doubleSpaced(lines: Line[]): boolean {
  let text = 0;
  let adjacent = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.text) continue;
    text++;
    if (i > 0 && lines[i - 1]!.text) adjacent++;
  }
  return text > SPACING_SAMPLE && adjacent / text < ADJACENT_SHARE;
}

/** Text that stops mid-sentence: on a preposition, conjunction or article, or a hyphen. */
export const MID_SENTENCE =
  /\s(av|for|til|og|i|på|med|om|fra|innen|mellom|knyttet|at|som|en|et|den|det|de)$|-$/i;

const URL = /\bhttps?:\/\/\S+/g;

/**
 * Joins text lines into one paragraph: a word broken at a hyphen ("e-" + "helse") is joined without
 * a space, other breaks become one space; URLs injected by the conversion are dropped.
 */
export function joinLines(parts: string[]): string {
  // Pieces are collected and joined once: testing the growing string for a trailing hyphen made a
  // long block (a package's last sak runs to the next meeting) quadratic.
  const out: string[] = [];
  let prev = '';
  for (const raw of parts) {
    const p = squash(raw.replace(URL, ' ').replace(/\t+/g, ' '));
    if (!p) continue;
    const broken = /[\p{L}\d]-$/u.test(prev) && !/^(og|eller|til|and|or)\b/.test(p);
    out.push(out.length && !broken ? ` ${p}` : p);
    prev = p;
  }
  return squash(out.join(''));
}
