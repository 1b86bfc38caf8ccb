// Folded text (see foldForMatch) and quotable pieces of passages, computed once per passage object.
// Evidence ranking reads the same passages for many units, saker and questions; folding and
// splitting them again each time was most of an answer's time at 100× the corpus. Entries are
// keyed weakly by the passage, so they leave memory with the library's passage cache.
import { foldForMatch, squash } from '../record/normalize.ts';
import type { Passage } from '../record/types.ts';

/** A piece of a passage's text, as written (squashed) and folded. */
export interface Piece {
  text: string;
  folded: string;
}

/**
 * Folded parts joined as `foldForMatch(parts.join('\n'))` would fold the joined text: folding
 * works within lines, and the white space between two lines squashes to one space.
 */
export function joinFolded(parts: string[]): string {
  return parts.filter((s) => s !== '').join(' ');
}

const foldedTexts = new WeakMap<Passage, string>();

/** `foldForMatch(p.text)`, once per passage. */
export function foldedText(p: Passage): string {
  let folded = foldedTexts.get(p);
  if (folded === undefined) {
    folded = foldForMatch(p.text);
    foldedTexts.set(p, folded);
  }
  return folded;
}

const foldedHeadings = new WeakMap<Passage, string>();

/** The passage's heading path folded as one text (one heading a line). */
export function foldedHeading(p: Passage): string {
  let folded = foldedHeadings.get(p);
  if (folded === undefined) {
    folded = joinFolded((p.locator.headingPath ?? []).map(foldForMatch));
    foldedHeadings.set(p, folded);
  }
  return folded;
}

const piecesBy = new WeakMap<RegExp, WeakMap<Passage, Piece[]>>();

/** The passage's text split at `breaks`, squashed, pieces under three characters left out. */
export function pieces(p: Passage, breaks: RegExp): Piece[] {
  let byPassage = piecesBy.get(breaks);
  if (!byPassage) piecesBy.set(breaks, (byPassage = new WeakMap()));
  let out = byPassage.get(p);
  if (!out) {
    out = p.text
      .split(breaks)
      .map((piece) => squash(piece ?? ''))
      .filter((text) => text.length >= 3)
      .map((text) => ({ text, folded: foldForMatch(text) }));
    byPassage.set(p, out);
  }
  return out;
}
