// Key-term coverage of texts made of folded parts (a sak's title, a heading, the passages around a
// unit), without joining the parts and searching each joined text anew. Neighbouring units share
// most of their context, so each part is searched once and the joined text only for phrases.
import { containsTerm } from '../search/terms.ts';
import { joinFolded } from './folded.ts';

/** A key word of the question: the stems it may be found as, and how rare it is in the record. */
export interface KeyTerm {
  /** The question's own word or phrase. */
  word: string;
  alts: string[];
  weight: number;
  /** Whether the record uses the word at all (in any of its forms). */
  known: boolean;
  /** A compound's head ("grupp" of "samarbeidsgruppene"): text holding only it holds part of the word. */
  heads: string[];
  /** Written as a name in the question ("Helse Nord RHF", "FHI"): a body or person, matched as written. */
  name?: boolean;
}

/** The share of a compound's weight a text earns by holding its head alone. */
export const HEAD_CREDIT = 0.5;

export interface PartsMatcher {
  /** `share(terms, joinFolded(parts))`, computed part by part. */
  share(parts: string[]): number;
}

export function partsMatcher(terms: KeyTerm[]): PartsMatcher {
  // A word (no space) found in the joined text is found in one of its parts: parts are joined by a
  // space, and a short word's match must stand alone, as it does at a part's edge. A phrase may
  // span two parts, so phrases are looked for in the joined text.
  const words = terms.map((t) => t.alts.filter((a) => !a.includes(' ')));
  const phrases = terms.map((t) => t.alts.filter((a) => a.includes(' ')));
  /** For each part, which terms it holds as a word (1), by a compound's head only (HEAD_CREDIT), or not (0). */
  const held = new Map<string, number[]>();
  const heldIn = (part: string) => {
    let h = held.get(part);
    if (!h) {
      h = terms.map((t, i) =>
        t.weight === 0
          ? 0
          : words[i]!.some((a) => containsTerm(part, a))
            ? 1
            : t.heads.some((a) => containsTerm(part, a))
              ? HEAD_CREDIT
              : 0,
      );
      held.set(part, h);
    }
    return h;
  };
  return {
    share(parts) {
      if (!terms.length) return 1;
      const inParts = parts.map(heldIn);
      let text: string | undefined;
      let total = 0;
      let found = 0;
      for (const [i, w] of terms.entries()) {
        total += w.weight;
        if (w.weight === 0) continue;
        const best = Math.max(0, ...inParts.map((h) => h[i]!));
        if (
          best === 1 ||
          (phrases[i]!.length && phrases[i]!.some((a) => containsTerm((text ??= joinFolded(parts)), a)))
        )
          found += w.weight;
        else found += best * w.weight;
      }
      return total ? found / total : 1;
    },
  };
}
