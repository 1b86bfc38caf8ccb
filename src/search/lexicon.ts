// English questions reach Norwegian text through a small bilingual domain lexicon and the
// abbreviation table — both data files under data/lexicon, so they can be edited without code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LEXICON_DIR = path.resolve(import.meta.dirname, '../../data/lexicon');

const termMap = z.record(z.string(), z.union([z.array(z.string()), z.string()]));

function load(file: string): Map<string, string[]> {
  const raw = termMap.parse(JSON.parse(readFileSync(path.join(LEXICON_DIR, file), 'utf8')));
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(raw))
    if (!k.startsWith('_') && Array.isArray(v)) out.set(k.toLowerCase(), v);
  return out;
}

export interface Lexicon {
  /** English word or phrase → Norwegian terms. */
  enNb: Map<string, string[]>;
  /** Abbreviation (lower-cased) → expansions. */
  abbreviations: Map<string, string[]>;
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  cached ??= { enNb: load('en-nb.json'), abbreviations: load('abbreviations.json') };
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
 * words) and expansions of abbreviations. The question's own words are not repeated.
 */
export function expansions(question: string, lex: Lexicon = lexicon()): string[] {
  const words = (question.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/-+$/, ''));
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const phrase = words.slice(i, i + n).join(' ');
      for (const t of lex.enNb.get(phrase) ?? []) out.add(t);
    }
    for (const t of abbreviation(words[i]!, lex)) out.add(t);
  }
  return [...out];
}
