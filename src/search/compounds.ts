// Norwegian compounds split into words the record itself uses, so that a question's "liste" meets
// the documents' "legemiddellisten" and "kjernejournal" meets "journal". No word list is shipped:
// a part counts as a word when the search index holds it as a term of its own, which keeps the
// splitting to the committees' vocabulary and needs no dictionary of Norwegian.
import { stem } from './terms.ts';

/** Parts shorter than this ("e", "is", "lov") are too often a chance substring. */
const MIN_PART = 4;
/** Linking letters between a modifier and its head: "forskrivning-s-modul", "kjerne-journal". */
const LINKS = ['', 'e', 's'];
/** A modifier never seen alone must be longer: a short one ("tre", "inn") is often a chance cut. */
const MIN_UNSEEN_MODIFIER = 5;
/** Endings that look like a head word but make a derived word: "investe-ring", "mottak-else". */
const SUFFIXES = new Set(['ring', 'ning', 'else', 'skap', 'ment', 'sjon', 'itet', 'ende']);

/** What a modifier never seen alone weighs against one seen in one document. */
const UNSEEN = 0.1;

/**
 * The parts of a compound, given as an index term (a stem), or [] when it does not split: the
 * modifier, the head, and the head's own parts ("kommunehelsetjenest" → kommun, helsetjenest,
 * hels, tjenest) — a part of a head is still what the compound is a kind of; a modifier is not split
 * further, where chance splits ("legemiddel" → "lege" + "middel") would change the meaning.
 *
 * `frequency` tells in how many documents a term stands. A cut needs a head the record uses alone
 * (heads never seen alone were mostly endings: "priorit-ering"); its modifier need not be seen
 * alone: "kjernejournal" splits on "journal" though "kjerne" never stands by itself. Of the
 * possible cuts, the one whose parts are most used wins (the geometric mean of their frequencies, as
 * Koehn and Knight split compounds). Unlike theirs, a compound the record uses more than its parts
 * ("legemiddellisten") still splits: here the split is for finding it by a part, not for translating.
 */
export function compoundParts(term: string, frequency: (t: string) => number): string[] {
  if (term.length < 2 * MIN_PART || /[^\p{L}]/u.test(term)) return [];
  let best: [string, string] | null = null;
  let bestScore = Number.MIN_VALUE;
  for (let cut = MIN_PART; cut <= term.length - MIN_PART; cut++) {
    const head = term.slice(cut);
    if (SUFFIXES.has(head)) continue;
    const fHead = frequency(head);
    if (!fHead) continue;
    const left = term.slice(0, cut);
    for (const link of LINKS) {
      if (!left.endsWith(link)) continue;
      const word = left.slice(0, left.length - link.length);
      // The index holds a modifier as the stem of the word standing alone ("kjerne" as "kjern");
      // a stem shorter than a part may be ("lege" as "leg") is a chance match too.
      for (const modifier of new Set([word, stem(word)])) {
        if (modifier.length < MIN_PART) continue;
        const fModifier = frequency(modifier);
        if (!fModifier && modifier.length < MIN_UNSEEN_MODIFIER) continue;
        const score = Math.sqrt(fHead * (fModifier || UNSEEN));
        // Of equal cuts the later wins, with the linking letter taken off: "forskrivning" + "modul".
        if (score >= bestScore) [best, bestScore] = [[modifier, head], score];
      }
    }
  }
  if (!best) return [];
  return [...best, ...compoundParts(best[1], frequency)];
}
