// English questions reach Norwegian text through the committees' domain lexicon (their terms and
// English equivalents), the abbreviation table — data files under data/lexicon, edited without
// code — and, for ordinary English words the lexicon does not hold, the general dictionary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cognates } from './cognates.ts';
import { dictionary, lemmas, translate, type Dictionary } from './dictionary.ts';
import { foldForMatch } from '../record/normalize.ts';
import { topicWords } from './terms.ts';

const LEXICON_DIR = path.resolve(import.meta.dirname, '../../data/lexicon');

const termMap = z.record(z.string(), z.union([z.array(z.string()), z.string()]));

function load(file: string): Map<string, string[]> {
  const raw = termMap.parse(JSON.parse(readFileSync(path.join(LEXICON_DIR, file), 'utf8')));
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(raw))
    if (!k.startsWith('_') && Array.isArray(v)) out.set(k.toLowerCase(), v);
  return out;
}

/** English word or phrase (lower case, any inflection) → Norwegian terms, or undefined if unknown. */
export interface Translations {
  get(phrase: string): string[] | undefined;
}

export interface Lexicon {
  /** The domain lexicon, then the general dictionary. */
  enNb: Translations;
  /** The domain lexicon alone. */
  domain: Translations;
  /** Abbreviation (lower-cased) → expansions. */
  abbreviations: Map<string, string[]>;
}

/**
 * Translations by the domain lexicon where it knows the phrase in any of its forms ("vendors" as
 * "vendor"), else by the general dictionary if one is given: the committees' own term beats a
 * dictionary sense.
 */
export function translations(domain: Map<string, string[]>, dict?: () => Dictionary): Translations {
  return {
    get(phrase) {
      const at = phrase.lastIndexOf(' ') + 1;
      for (const last of lemmas(phrase.slice(at))) {
        const hit = domain.get(phrase.slice(0, at) + last);
        if (hit) return hit;
      }
      const general = dict ? translate(phrase, dict()) : [];
      return general.length ? general : undefined;
    },
  };
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (!cached) {
    const domain = load('en-nb.json');
    cached = {
      enNb: translations(domain, dictionary),
      domain: translations(domain),
      abbreviations: load('abbreviations.json'),
    };
  }
  return cached;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}@-]*/gu;

/** Expansions of an abbreviation, also in the English plural or possessive ("RHFs", "NHN's"). */
export function abbreviation(word: string, lex: Lexicon = lexicon()): string[] {
  const w = word.toLowerCase();
  return lex.abbreviations.get(w) ?? lex.abbreviations.get(w.replace(/(?:['’]s|s)$/u, '')) ?? [];
}

/**
 * The Norwegian terms a question implies: translations of English words and phrases (up to three
 * words), expansions of abbreviations, and respellings of loans nothing translates
 * ("reorganisation" → "omorganisering"). The question's own words are not repeated. The general
 * dictionary translates only what the question is about ("what" and "did" have translations too),
 * and only those abbreviations are expanded: "NUIT" in "what did NUIT decide" names the committee,
 * and its expansion's words ("nasjonalt", "utvalg") would be searched as the topic.
 */
export function expansions(question: string, lex: Lexicon = lexicon()): string[] {
  const words = (foldForMatch(question).match(WORD) ?? []).map((w) => w.replace(/-+$/, ''));
  const topical = new Set(topicWords(question));
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const phrase = words.slice(i, i + n);
      const translate = phrase.every((w) => topical.has(w)) ? lex.enNb : lex.domain;
      for (const t of translate.get(phrase.join(' ')) ?? []) out.add(t);
    }
    if (!topical.has(words[i]!)) continue;
    const short = abbreviation(words[i]!, lex);
    for (const t of short) out.add(t);
    // A word nothing translates may be the documents' own word respelled, as the answer reads it.
    if (!short.length && !lex.enNb.get(words[i]!)) for (const t of cognates(words[i]!)) out.add(t);
  }
  return [...out];
}
