// English words of Latin or Greek root that the dictionary lacks are often the documents' own words
// respelled: "orientation" is "orientering", "psychiatric" "psykiatrisk", "ICT" "IKT". The
// respellings follow the regular correspondences between the two spellings, not a word list; a
// form the record never uses matches nothing, so a wrong guess costs nothing.
import { lemmas } from './dictionary.ts';

/** Endings: English → the Norwegian endings the same word may take. Longest first. */
const ENDINGS: [RegExp, string[]][] = [
  // "Prioritisation" is "prioritering": Norwegian makes some such nouns without the "is".
  [/i[sz]ations?$/, ['isering', 'isasjon', 'ering']],
  [/ations?$/, ['asjon', 'ering']],
  [/tions?$/, ['sjon']],
  [/sions?$/, ['sjon']],
  [/ities$|ity$/, ['itet']],
  [/isms?$/, ['isme']],
  [/ics$/, ['ikk']],
  [/ical$|ic$/, ['isk']],
  [/i[sz]e$/, ['isere', 'ere']],
  [/ate$/, ['ere']],
  [/ences?$/, ['ens']],
  [/ances?$/, ['anse']],
  [/phy$/, ['fi']],
  [/gy$/, ['gi']],
  [/ary$/, ['ær']],
  [/ive$/, ['iv']],
  [/ure$/, ['ur']],
  [/y$/, ['i']],
];

/** Letters: English spellings → Norwegian, in the order they are applied. */
const LETTERS: [RegExp, string][] = [
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ch/g, 'k'],
  [/ck/g, 'kk'],
  [/qu/g, 'kv'],
  [/x/g, 'ks'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/w/g, 'v'],
  [/z/g, 's'],
];

/**
 * Respellings of a guessed dictionary form shorter than this are left out: "sit" (of "cited") is
 * part of too many words. The word as written may be short ("ICT" → "IKT").
 */
const MIN_LENGTH = 5;

/** Spellings English keeps from Latin and Greek: "central", "vaccine", "ICT", "physics". */
const LEARNED_LETTERS = /c|ph|qu|x|z/;

/** A learned English verb or noun made with "re-" before a consonant ("reorganise", "replanning"). */
const REDONE = /^re(?=[^aeiouy]|o)/;

function respell(word: string): string {
  return LETTERS.reduce((w, [from, to]) => w.replace(from, to), word);
}

/**
 * Norwegian spellings an English word may have, each of its dictionary forms respelled; empty when
 * no correspondence applies ("deadline" has no respelling: it is no loan of the same root).
 */
export function cognates(word: string): string[] {
  const out = new Set<string>();
  const written = word.toLowerCase();
  for (const base of lemmas(written)) {
    if (base.length < 3 || /[^a-z]/.test(base)) continue;
    const ending = ENDINGS.find(([re]) => re.test(base));
    // Without a learned ending, only a learned spelling marks a loan: "strength" respelled is the
    // unrelated "strengt".
    if (!ending && !LEARNED_LETTERS.test(base)) continue;
    const stems = ending ? ending[1].map((e) => base.replace(ending[0], e)) : [base];
    for (const s of stems) {
      const n = respell(s);
      // Only a respelled form is a cognate; a short one would be found inside unrelated words.
      if (n !== base && (n.length >= MIN_LENGTH || base === written)) {
        out.add(n);
        // "Re-" doing a thing anew is Norwegian "om-": "reorganisation" is "omorganisering".
        if (REDONE.test(n)) out.add(n.replace(REDONE, 'om'));
      }
    }
  }
  return [...out];
}
