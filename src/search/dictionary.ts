// The general English→Norwegian dictionary: ordinary English words of a question ("list",
// "population", "support") reach the Norwegian words of the documents without anyone adding them by
// hand. Data: data/lexicon/freedict-eng-nor.tsv, made from FreeDict by scripts/build-dictionary.ts
// (CC BY-SA 3.0, see the .LICENSE.md beside it). Read on first use: a process that never meets an
// English question never pays for it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stopwords } from '@orama/stopwords/norwegian';

const FILE = path.resolve(import.meta.dirname, '../../data/lexicon/freedict-eng-nor.tsv');

/** Headword → its translations joined by `|`: one string per entry, split only when looked up. */
export type Dictionary = Map<string, string>;

export function parseDictionary(tsv: string): Dictionary {
  const out: Dictionary = new Map();
  for (const line of tsv.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
}

let cached: Dictionary | undefined;

export function dictionary(): Dictionary {
  cached ??= parseDictionary(readFileSync(FILE, 'utf8'));
  return cached;
}

const VOWEL = /[aeiou]/;

/**
 * English forms no ending rule undoes: irregular plurals and the pasts of common irregular verbs,
 * each with its dictionary form ("children" is looked up as "child").
 */
const IRREGULAR = new Map(
  `children child|men man|women woman|people person|feet foot|teeth tooth|mice mouse|geese goose
   criteria criterion|phenomena phenomenon|analyses analysis|crises crisis|diagnoses diagnosis
   bases basis|hypotheses hypothesis|indices index|matrices matrix|appendices appendix|lives life
   wives wife|knives knife|leaves leaf|halves half|shelves shelf|thieves thief
   went go|gone go|made make|took take|taken take|gave give|given give|held hold|met meet
   brought bring|thought think|sought seek|bought buy|found find|told tell|said say|began begin
   begun begin|chose choose|chosen choose|wrote write|written write|spoke speak|spoken speak
   led lead|left leave|kept keep|sent send|spent spend|built build|paid pay|won win|lost lose
   ran run|came come|became become|got get|gotten get|knew know|known know|saw see|seen see
   grew grow|grown grow|drew draw|drawn draw|fell fall|fallen fall|felt feel|heard hear|meant mean
   rose rise|risen rise|sold sell|stood stand|understood understand|taught teach|caught catch`
    .trim()
    .split(/\s*\|\s*|\n\s*/)
    .map((pair) => pair.split(' ') as [string, string]),
);

/**
 * The forms an English word may have in a dictionary, the word itself first: an irregular form's
 * base ("children", "went"), a plural (-s, -es, -ies), a past (-ed, -ied), a present participle
 * (-ing), an adverb (-ly) or a superlative in -iest, with a doubled final consonant undone ("planned",
 * "planning") and a dropped -e put back ("used", "using").
 */
export function lemmas(word: string): string[] {
  const out = [word];
  const irregular = IRREGULAR.get(word);
  if (irregular) out.push(irregular);
  const add = (base: string) => {
    if (base.length >= 2 && VOWEL.test(base)) out.push(base);
  };
  const undouble = (base: string) => {
    add(base);
    if (/([^aeiouls])\1$/.test(base)) add(base.slice(0, -1));
    add(`${base}e`);
  };
  if (word.endsWith('ies') || word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (/(?:s|x|z|ch|sh)es$/.test(word)) add(word.slice(0, -2));
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) add(word.slice(0, -1));
  if (word.endsWith('ed')) undouble(word.slice(0, -2));
  if (word.endsWith('ing')) undouble(word.slice(0, -3));
  if (word.endsWith("'s")) add(word.slice(0, -2));
  // An adverb or a superlative in -iest under its adjective ("formally", "easily", "earliest").
  if (word.endsWith('ily') || word.endsWith('iest')) add(`${word.slice(0, word.endsWith('ily') ? -3 : -4)}y`);
  else if (word.endsWith('ly') && word.length > 5) add(word.slice(0, -2));
  return [...new Set(out)];
}

/**
 * Norwegian translations of an English word or phrase (lower case), through the first of its forms
 * the dictionary holds; a phrase is inflected on its last word ("waiting lists").
 */
export function translate(phrase: string, dict: Dictionary = dictionary()): string[] {
  const at = phrase.lastIndexOf(' ') + 1;
  const word = phrase.slice(at);
  for (const last of lemmas(word)) {
    const hit = dict.get(phrase.slice(0, at) + last);
    if (!hit) continue;
    // An irregular form is its base word too: "people" is "folk" and "personer".
    const base = IRREGULAR.get(word);
    const more = base && base !== last ? dict.get(phrase.slice(0, at) + base) : undefined;
    // A sense that is a Norwegian function word ("since" → "da", "fordi"; "one" → "en") is found in
    // nearly every sentence and says nothing of a topic: a word with only such senses is none.
    return [...new Set([...hit.split('|'), ...(more?.split('|') ?? [])])].filter(
      (t) => !FUNCTION_WORDS.has(t),
    );
  }
  return [];
}

const FUNCTION_WORDS = new Set(stopwords);
