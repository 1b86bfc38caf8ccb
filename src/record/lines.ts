// Line-level clean-up shared by the parsers: inline HTML and markdown out, tabs kept (they separate
// table cells, as do runs of spaces), page furniture ("Side 3 av 4") dropped, and helpers to join text broken over lines.
import { squash, stripInlineHtml, stripMarkdown } from './normalize.ts';

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
 */
const PAGE_FURNITURE = [
  new RegExp(String.raw`^${PAGE}$`, 'i'),
  new RegExp(String.raw`^.{1,90}[·|•–—\t]\s*${PAGE}$`, 'i'),
  new RegExp(String.raw`^${PAGE}\s*[·|•–—\t].{1,90}$`, 'i'),
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
 * Cleaned lines; page furniture is left out (not blanked), so a table or paragraph it split runs on.
 * In a double-spaced text (some PDF converters put an empty line after every line) a single empty
 * line separates nothing: it is left out, and a longer run of them stands as one. Line numbers stay
 * those of the input.
 */
export function toLines(text: string): Line[] {
  const lines = text
    .split('\n')
    .map((raw, i) => ({ n: i + 1, text: cleanLine(raw) }))
    .filter((l) => !PAGE_FURNITURE.some((re) => re.test(l.text.trim())));
  if (!doubleSpaced(lines)) return lines;
  return lines.filter((l, i) => l.text || (!!lines[i - 1] && !lines[i - 1]!.text && !!lines[i + 1]?.text));
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
