// "What is PLL?", "whats GNF", "hva står TBU for": what an abbreviation stands for. The long form
// is the record's own definition ("Grunnleggende nasjonal funksjon (GNF)") or the abbreviation
// table's, and the answer quotes the passage of the documents that spells it out, cited; a long
// form only the table knows is said to come from it.
import { escapeRegExp, foldForMatch } from '../record/normalize.ts';
import type { Passage } from '../record/types.ts';
import { abbreviation } from '../search/lexicon.ts';
import { capital, citation, quote, result, type OfflineResult } from './compose.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import { rankCases } from './rank.ts';
import { caseRef, t } from './texts.ts';
import type { AskOptions } from './types.ts';

/** A question that asks only what one word stands for or means. */
const DEFINE =
  /^(?:(?:so|ok|hei|hi)[,\s]+)?(?:what(?:['’]?s| is| are| does)|whats|hva (?:er|betyr|står|menes med)|what is meant by|define|definer|forklar)\s+(?:the\s+|an?\s+|en\s+|et\s+)?([\p{L}\p{N}@&-]{2,12})(?:\s+(?:stand for|stands for|mean|means|står for|betyr|for noe|for))?\s*[?.!]*$/iu;

/** An abbreviation as written: two or more capitals, perhaps with digits ("KS2", "HN2", "MyHealth@EU" is no abbreviation). */
const ABBREVIATION = /^\p{Lu}[\p{Lu}\p{N}-]*\p{Lu}[\p{Lu}\p{N}]*$|^\p{Lu}{2,}\p{N}*$/u;

/** Saker searched for the passage that spells the abbreviation out: the best by rank. */
const SEARCHED = 12;

/** The abbreviation a question asks to be spelled out, or null. */
export function definedWord(text: string): string | null {
  const m = DEFINE.exec(text.trim());
  return m && ABBREVIATION.test(m[1]!) ? m[1]! : null;
}

export async function answerDefinition(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  const word = definedWord(q.text);
  if (!word) return null;
  const own = lib.index.defined(word);
  // The table's first form is what the abbreviation stands for; the rest are words searched with it.
  const longs = [...new Set([...own, ...abbreviation(word).slice(0, 1)].map((l) => foldForMatch(l)))].filter(
    (l) => l !== word.toLowerCase(),
  );
  if (!longs.length) return null;
  const short = new RegExp(`(?<![\\p{L}\\p{N}])${word.toLowerCase()}(?![\\p{L}\\p{N}])`, 'u');
  // A committee's name is no topic to rank by ("What is NUFA?"): the committee's own saker are searched.
  let { ranked } = await rankCases(lib, q, opts);
  if (!ranked.length) {
    ranked = lib.cases
      .filter((c) => c.committee === word.toUpperCase())
      .slice(0, SEARCHED)
      .map((c) => ({ c, score: 0 }));
    await lib.load(ranked.map((r) => r.c.key));
  }
  // The passage that spells it out beside the abbreviation, in brackets first ("… (GNF)"); else,
  // for a long form only the table knows, the best passage that uses the abbreviation.
  let best: { passage: Passage; long: string; score: number; rank: number } | undefined;
  for (const [rank, { c }] of ranked.slice(0, SEARCHED).entries())
    for (const passage of lib.passagesOf(c.key)) {
      const folded = foldForMatch(passage.text);
      if (!short.test(folded)) continue;
      const long = longs.find((l) => folded.includes(l));
      const bracketed =
        !!long &&
        (folded.includes(`${long} (${word.toLowerCase()})`) ||
          folded.includes(`${word.toLowerCase()} (${long}`));
      // An agenda row names the abbreviation but says nothing of it.
      const score = (bracketed ? 2 : long ? 1 : 0) - (passage.kind === 'agenda' ? 0.5 : 0);
      if (!best || score > best.score || (score === best.score && rank < best.rank))
        best = { passage, long: long ?? longs.at(-1)!, score, rank };
    }
  if (!best || (best.score < 1 && !fromTable(best.long))) return null;
  const c = ranked[best.rank]!.c;
  const { passage, long } = best;
  const lines = [
    `${word} ${t(q.language, 'standsFor')} «${written(passage.text, long)}»${fromTable(long) ? ` (${t(q.language, 'abbreviationTable')})` : ''}.`,
    `${capital(t(q.language, best.score >= 1 ? 'from' : 'usedIn'))} ${caseRef(c, q.language)}:`,
    quote(passage.text),
  ];
  return result(q, lines, [{ citation: citation(c, passage, passage.kind), passage }]);

  function fromTable(l: string): boolean {
    return !own.some((o) => foldForMatch(o) === l);
  }
}

/** The long form as the passage writes it (its capitals), found by its folded words. */
function written(text: string, folded: string): string {
  const words = folded.split(' ').map(escapeRegExp);
  return new RegExp(words.join('\\s+'), 'iu').exec(text)?.[0] ?? folded;
}
