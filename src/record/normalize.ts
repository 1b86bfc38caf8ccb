// Text clean-up shared by every parser: Unicode, dashes, spaces and inline HTML.
import { PRINTED_SAK_ID } from './dates.ts';

/**
 * A bullet in a symbol font's private code points, as Word's text export leaves it ("\uF0B7" and a
 * tab), or a rarer glyph ("‣", "⁃", "∙"): the "•" every reader knows.
 */
const SYMBOL_BULLET = /^([ \t]*)[\uF0B7\uF0A7\uF076\uF0D8\uF0FC\u2023\u2043\u2219][ \t]+/gm;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
/** An unspaced dash between two figures. */
const FIGURE_DASH = /(?<=\d)–(?=\d)/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

// Cyrillic letters that look like Latin ones, as found inside Norwegian words in OCR'd text.
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};
const CYRILLIC_IN_LATIN_WORD =
  /(?<=[A-Za-zÆØÅæøå])[аеорсухіАВЕКМНОРСТХ]|[аеорсухіАВЕКМНОРСТХ](?=[A-Za-zÆØÅæøå])/g;

/** Text to match literally inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * NFKC, one kind of dash (en dash kept as "–" for ranges), plain spaces, no zero-width characters.
 * A dash between figures ("2022–2024", as a word processor's autoformat sets it) is the hyphen it
 * replaced, so a range reads alike however it was typed.
 */
export function normalizeText(text: string): string {
  const clean = text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(SPACES, ' ')
    .replace(DASHES, (d) => (d === '\u2010' || d === '\u2011' ? '-' : '–'))
    .replace(FIGURE_DASH, '-')
    .replace(CYRILLIC_IN_LATIN_WORD, (c) => CONFUSABLES[c] ?? c)
    .replace(SYMBOL_BULLET, '$1• ')
    .replace(/\r\n?/g, '\n');
  const whole = rejoinHyphenated(clean);
  // Table rows of any spelling become tab-separated rows that start with their sak id as "N/YY".
  return hyphenSakIds(
    rowNumberColumn(
      pipeRowsAsTabs(whole)
        .replace(/^.*<t[dh]\b.*$/gim, htmlRowAsTabs)
        .replace(QUOTED_ROW, unquoteCells),
    ),
  )
    .replace(ROW_MARK, (mark, first?: string) => (first && first !== first.toUpperCase() ? mark : ''))
    .replace(ID_DASH_CELL, '$1\t');
}

/** A row's running number in a cell of its own: "3<tab>…", "3.<tab>…". */
const ROW_NUMBER = /^[ \t]*(\d{1,3})[.)]?\t/;
/** The header cell over a running-number column: "Nr.", "#", "Løpenr.", or none. */
const ROW_NUMBER_HEADER = /^[ \t]*(?:(?:løpe)?nr\.?|#)?\t/i;
/** A row readers key on: a sak's, or the meeting's number under its key ("Møte<tab>5/2020"). */
const KEYED_ROW = new RegExp(
  String.raw`^[ \t]*(?:<[bi]>)?(?:${PRINTED_SAK_ID}|\p{L}[\p{L}. ]{1,20}(?:<\/[bi]>)?\t+\d{1,2}\s?\/\s?\d{2,4}\b)`,
  'iu',
);

/**
 * A table whose first column counts its rows (1, 2, 3 … to its last row) in front of its sak ids
 * or the meeting's number ("1<tab>Møte<tab>5/2020", "2<tab>26/20<tab>Tittel") hides what every
 * reader looks for first: that column is dropped, with the header cell over it, so the table reads
 * as it does without one. A table is a run of lines with tabs; other tables keep their numbers.
 */
function rowNumberColumn(text: string): string {
  if (!/^[ \t]*1[.)]?\t/m.test(text)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (Number(ROW_NUMBER.exec(lines[i]!)?.[1]) !== 1) continue;
    let end = i;
    while (Number(ROW_NUMBER.exec(lines[end] ?? '')?.[1]) === end - i + 1) end++;
    const rows = lines.slice(i, end).map((l) => l.replace(ROW_NUMBER, ''));
    if (rows.length < 2 || lines[end]?.includes('\t') || !rows.some((r) => KEYED_ROW.test(r))) continue;
    lines.splice(i, rows.length, ...rows);
    const header = lines[i - 1] ?? '';
    if (header.includes('\t') && !ROW_NUMBER.test(header))
      lines[i - 1] = header.replace(ROW_NUMBER_HEADER, '');
    i = end - 1;
  }
  return lines.join('\n');
}

const HYPHEN_ID = String.raw`(\d{1,3})-(\d{2})(?!\d)`;
/**
 * A row that starts with a sak id written with a hyphen, a cell or a capitalised title after it:
 * "26-20<tab>…", "<b>26-20</b> Godkjenning …", "Sak 26-20: Tittel". Case matters, so no i flag.
 */
const HYPHEN_ROW = new RegExp(
  String.raw`^([ \t]*(?:<b>)?(?:[Ss]ak(?: ?[Nn]r\.?)? ?)?)${HYPHEN_ID}(?=(?:<\/b>)?[.:]?(?:\t|[ \t]*$| +(?:[–-] +)?(?:<b>|\*\*)?\p{Lu}))`,
  'gmu',
);
/** A sak id written with a hyphen after the word: "Saksnummer 26-20", "jf. sak 26-20". */
const HYPHEN_AFTER_SAK = new RegExp(
  String.raw`(?<![\p{L}\d_])([Ss]ak(?:snummer|\s*nr\.?)?\s*)${HYPHEN_ID}`,
  'gu',
);

/**
 * Sak ids written with a hyphen ("26-20", "Sak 26-20:"), as file names and some templates write
 * them, as the "26/20" every reader knows: in a text with rows that start with two such ids of one
 * year, at a row's start and after "Sak". A date range ("2019-2020", "22-23.5.2019") or a sentence
 * ("10-12 deltakere møtte") is no row and stays as written.
 */
function hyphenSakIds(text: string): string {
  const ids = new Map<string, Set<string>>();
  for (const [, , n, year] of text.matchAll(HYPHEN_ROW))
    ids.set(year!, (ids.get(year!) ?? new Set()).add(n!));
  if (![...ids.values()].some((n) => n.size >= 2)) return text;
  return text.replace(HYPHEN_ROW, '$1$2/$3').replace(HYPHEN_AFTER_SAK, '$1$2/$3');
}

/**
 * A mark before a row's sak id: a table's running-number column ("3.<tab>13/23<tab>Tittel"), a list
 * number ("1. 13/23 Tittel") or a bullet ("• 13/23<tab>Tittel"). Dropped, so every reader finds the
 * row starting with its sak as in templates without one. After a space the id must lead a row (a
 * cell, or a capitalised title, perhaps after a dash): "– 10/12 medlemmer stemte for" is a sentence
 * in a list. The title's first letter is tested outside the pattern, which ignores case for "Sak".
 */
const ROW_ID = `(?:<[bi]>)?${PRINTED_SAK_ID}`;
const ROW_MARK = new RegExp(
  String.raw`^[ \t]*(?:\d{1,2}[.)]?\t+(?=${ROW_ID})|(?:\d{1,2}[.)]|[•▪●◦*–-]) +(?=${ROW_ID}[.:]?(?:<\/[bi]>)?(?:\t| +(?:[–-] +)?(?:<[bi]>|\*\*)?(\p{L}))))`,
  'gimu',
);

/**
 * A row whose sak id and title share a cell, joined by a dash ("17/23 – Tittel<tab>09:00"): the id
 * gets a cell of its own, as in templates that print two columns (the header over them is split in
 * lines.ts, which knows the column names). Only in a row with more cells after it.
 */
const ID_DASH_CELL = new RegExp(String.raw`^([ \t]*${ROW_ID})[ \t]+[–—-][ \t]+(?=[^\t\n]+\t)`, 'gimu');

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

/**
 * A word a converter hyphenated across lines ("digitalise-" / "ring") whole again, where the text
 * uses it whole elsewhere: "e-" / "helse" stays, as "ehelse" is no word of it. The rest of the
 * next line stays on its line, so line numbers are those of the input.
 */
function rejoinHyphenated(text: string): string {
  // The breaks, found from each "-\n" rather than by a pattern tried at every letter.
  const breaks: { from: number; to: number; word: string; space: string }[] = [];
  for (let at = text.indexOf('-\n'); at >= 0; at = text.indexOf('-\n', at + 2)) {
    let from = at;
    while (from > 0 && LETTER.test(text[from - 1]!)) from--;
    let start = at + 2;
    while (text[start] === ' ' || text[start] === '\t') start++;
    let to = start;
    while (to < text.length && LOWER.test(text[to]!)) to++;
    if (at - from >= 2 && to > start && text[from - 1] !== '-')
      breaks.push({
        from,
        to,
        word: text.slice(from, at) + text.slice(start, to),
        space: text.slice(at + 2, start),
      });
  }
  if (!breaks.length) return text;
  // One pass over the text for the joined forms it uses whole.
  const any = [...new Set(breaks.map((b) => b.word.toLowerCase()))].map(escapeRegExp).join('|');
  const whole = new Set(text.toLowerCase().match(new RegExp(`(?<![\\p{L}-])(?:${any})(?![\\p{L}-])`, 'gu')));
  let out = '';
  let last = 0;
  for (const b of breaks) {
    if (!whole.has(b.word.toLowerCase())) continue;
    out += `${text.slice(last, b.from)}${b.word}\n${b.space}`;
    last = b.to;
  }
  return out + text.slice(last);
}

/** A row of tab-separated cells each in double quotes, as a spreadsheet's text export writes it. */
const QUOTED_ROW = /^"[^\t\n]*"(?:\t"[^\t\n]*")+[ \t]*$/gm;

/** The row's cells without their quotes ("" inside a cell is one quote). */
function unquoteCells(row: string): string {
  return row
    .trim()
    .split('\t')
    .map((c) => c.slice(1, -1).replace(/""/g, '"'))
    .join('\t');
}

/**
 * A table row left as HTML in converted text ("<tr><td>12/24</td><td>Tittel</td></tr>") as the
 * tab-separated row every table reader takes; markup inside a cell stays for the cell to strip.
 */
function htmlRowAsTabs(line: string): string {
  return line
    .replace(/<\/t[dh]>\s*<t[dh]\b[^>]*>/gi, '\t')
    .replace(/<\/?(?:table|thead|tbody|tr|t[dh])\b[^>]*>/gi, '');
}

/** A markdown table's rule row: "|---|:--:|", "--- | ---". */
const RULE_ROW = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$/;
/** A row of cells between pipes ("| 12/24 | Tittel |"), or at least three cells split by " | ". */
const PIPE_ROW = /^\|.*\|.*\|$|\S \| .*\S \| \S/;
/** A pipe between two cells ("Dato | 9. september 2020"), or after an empty first cell (" | Pause"). */
const CELL_PIPE = /\S \| \S|^\s*\| \S/;

/**
 * Table rows written with pipes (markdown and some text exports) as the tab-separated rows every
 * table reader takes. A row between pipes or of three cells is one by itself; a text with two such
 * rows writes every row so, and then a row of two cells or with an empty first cell is one too
 * (an export that leaves the outer pipes off). A rule row becomes an empty line, so line numbers
 * still point into the source.
 */
function pipeRowsAsTabs(text: string): string {
  let rows = 0;
  for (const m of text.matchAll(/^.*\|.*$/gm)) if (PIPE_ROW.test(m[0].trim()) && ++rows >= 2) break;
  return text.replace(/^.*\|.*$/gm, (line) => {
    const t = line.trim();
    if (RULE_ROW.test(t)) return '';
    if (!PIPE_ROW.test(t) && !(rows >= 2 && CELL_PIPE.test(t))) return line;
    // Pipes at both ends are the table's border; a pipe at the start alone follows an empty cell.
    const inner = /^\|.*\|$/.test(t) ? t.slice(1, -1) : t;
    return inner
      .split('|')
      .map((c) => c.trim())
      .join('\t');
  });
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '–',
  laquo: '«',
  raquo: '»',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * Inline HTML fragments (as left in PDF-to-text conversions) to plain text on one line:
 * list items and paragraphs become " • " / space separated, all other tags vanish.
 */
export function stripInlineHtml(s: string): string {
  return decodeEntities(
    s
      .replace(/<li[^>]*>/gi, ' • ')
      .replace(/<\/(p|li|ul|ol|div|h\d)>/gi, ' ')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Emphasis in single marks around a whole cell, as a markdown export sets a key: "_Møte_", "*Dato*". */
const EMPHASISED_CELL = /^([*_])(?=\S)([^*_]+)(?<=\S)\1$/;

/** Markdown emphasis and heading marks left in converted text. */
export function stripMarkdown(s: string): string {
  return s
    .replace(/\*\*|__/g, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(EMPHASISED_CELL, '$2');
}

/** Collapse runs of white space to one space and trim. */
export function squash(s: string): string {
  // Single spaces are left alone: replacing each of them made this the slowest part of folding.
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * Text `normalizeText` leaves as it is, on lines: printable ASCII, the Latin-1 characters NFKC
 * keeps, and the en dash (not between figures), quotes, bullets and euro sign of Norwegian
 * documents — no odd spaces, other dashes, zero-width or Cyrillic characters. Nearly all passages are.
 */
const NORMAL =
  /^(?![\s\S]*\d\u2013\d)[\n\x20-\x7E\u00A1-\u00A7\u00A9\u00AB\u00AC\u00AE\u00B0\u00B1\u00B6\u00B7\u00BB\u00BF-\u00FF\u2013\u2018\u2019\u201C\u201D\u2022\u20AC\u25AA\u25CF]*$/;

/**
 * An abbreviation with an inflection: "KVUen", "RHF-ene", "KVU'en", "APIer", "NUITs" (a Norwegian
 * genitive), "APIs" (an English plural). Matched as the abbreviation: the ending says nothing of
 * what is meant.
 */
const INFLECTED_ABBREVIATION =
  /(?<![\p{L}\p{N}])(\p{Lu}{2,}\d?)['’-]?(?:en|et|ene|ens|ets|enes|er|erne|ane|s)(?![\p{L}\p{N}])/gu;

/** Text used for comparing and matching: NFKC, abbreviations uninflected, lower case, squashed. */
export function foldForMatch(s: string): string {
  const normal = NORMAL.test(s) ? s : normalizeText(s);
  return squash(normal.replace(INFLECTED_ABBREVIATION, '$1').toLowerCase());
}
