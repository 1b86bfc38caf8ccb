// Where a record text stands in the text the parser read. The parser joins, cleans and rewraps
// what it reads, so texts are compared on letters and digits only (NFKC, lower case, markup out):
// line breaks, hyphenation, tabs, bullets and emphasis marks then no longer matter. A URL the
// parser dropped from a sentence is passed over by matching the text's start and end apart.
import { normalizeText } from './normalize.ts';

/**
 * A text folded for locating: Latin letters (Nordic and accented ones too) and digits only. Both
 * sides are folded alike, so other letters dropping out costs nothing; a Unicode class is slower.
 */
const NOT_FOLDED = /[^0-9a-zß-öø-ÿ]+/g;

export function fold(s: string): string {
  return s.toLowerCase().replace(NOT_FOLDED, '');
}

export interface SourceText {
  /** Folded letters and digits of the whole text. */
  folded: string;
  /** lineStarts[i]: offset in `folded` where line i+1 starts. */
  lineStarts: number[];
  /** The lines as the parser reads them, before its clean-up: tabs still part table cells. */
  lines: string[];
  pageStarts?: number[];
}

/** Inline HTML left in converted text: its tag names are not words of the text. */
const TAG = /<[^>]*>/g;

export function sourceText(text: string, pageStarts?: number[]): SourceText {
  const lines = normalizeText(text).split('\n');
  const lineStarts: number[] = [];
  let folded = '';
  for (const l of lines) {
    lineStarts.push(folded.length);
    folded += fold(l.includes('<') ? l.replace(TAG, ' ') : l);
  }
  return { folded, lineStarts, lines, pageStarts };
}

/** 1-based line of a folded offset. */
export function lineAt(src: SourceText, offset: number): number {
  let lo = 0;
  let hi = src.lineStarts.length - 1;
  // The last line starting at or before the offset: empty lines before it share its offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (src.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Whether a 1-based line has no letters or digits (blank, or markup and rules only). */
export function isBlank(src: SourceText, line: number): boolean {
  return src.lineStarts[line - 1] === (src.lineStarts[line] ?? src.folded.length);
}

/** Folded offset where a 1-based line starts. */
export function offsetOf(src: SourceText, line: number): number {
  return src.lineStarts[Math.min(Math.max(line, 1), src.lineStarts.length) - 1] ?? 0;
}

export function pageOf(line: number, pageStarts?: number[]): number | undefined {
  if (!pageStarts?.length) return undefined;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i]! <= line) page = i + 1;
  return page;
}

/** Folded characters a text is looked up by: enough to be found once, short enough to survive a dropped URL. */
const KEY = 32;
/** A short key is only trusted this close to where the previous text ended. */
const NEAR = 400;
const MIN_KEY = 8;

export interface Span {
  /** Folded offsets of the text's first character and just after its last. */
  start: number;
  end: number;
}

/**
 * Finds a text at or after `from` (the previous text's end, or where its sak starts), then
 * anywhere in the document. `prefix` (a heading printed above the text) is matched before the
 * text when it can be, which tells a memo section from the same words quoted elsewhere.
 */
export function locate(src: SourceText, text: string, from: number, prefix = ''): Span | null {
  const f = fold(text);
  if (!f) return null;
  const key = f.slice(0, KEY);
  if (prefix) {
    const p = fold(prefix);
    const at = src.folded.indexOf(p + key, from);
    if (at >= 0) return span(src, f, at + p.length);
  }
  const near = src.folded.indexOf(key, from);
  if (near >= 0 && (key.length >= MIN_KEY || near - from <= NEAR)) return span(src, f, near);
  if (key.length < MIN_KEY) return null;
  const anywhere = src.folded.indexOf(key);
  if (anywhere >= 0) return span(src, f, anywhere);
  // Words interleaved from another column (PDF) may follow the first few: those alone, in order.
  const short = f.slice(0, KEY / 2);
  const after = short.length >= MIN_KEY * 1.5 ? src.folded.indexOf(short, from) : -1;
  return after >= 0 ? span(src, f, after) : null;
}

/** Where the text found at `start` ends: the whole text in place, else its last characters close after. */
function span(src: SourceText, f: string, start: number): Span {
  if (src.folded.startsWith(f, start)) return { start, end: start + f.length };
  const tail = f.slice(-KEY);
  const at = src.folded.indexOf(tail, start);
  const end = at >= 0 && at - start <= f.length * 2 + 2000 ? at + tail.length : start + 1;
  return { start, end: Math.max(end, start + 1) };
}
