// Chat shorthand in a question ("mtg", "w/", "collab", "kjapt spm", "ifm") written out before the
// question is read, so its words are found as the documents spell them. The table is data
// (data/lexicon/shorthand.json), edited without code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const FILE = path.resolve(import.meta.dirname, '../../data/lexicon/shorthand.json');

let pattern: { re: RegExp; words: Map<string, string> } | undefined;

function table() {
  if (!pattern) {
    const raw = z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(FILE, 'utf8')));
    const words = new Map(
      Object.entries(raw)
        .filter(([k]) => !k.startsWith('_'))
        .map(([k, v]) => [k.toLowerCase(), v]),
    );
    // Longest first, so "kjapt spm" is written out before "spm"; bounded by anything but a letter
    // or digit (an apostrophe, a slash or a point may belong to the shorthand).
    const keys = [...words.keys()].sort((a, b) => b.length - a.length);
    const alternatives = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'));
    const re = new RegExp(`(?<![\\p{L}\\p{N}'’/])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}'’/])`, 'giu');
    pattern = { re, words };
  }
  return pattern;
}

/** The question with its chat shorthand written out; "’" read as "'". */
export function expandShorthand(question: string): string {
  const { re, words } = table();
  return question
    .replace(re, (m) => words.get(m.replace(/’/g, "'").replace(/\s+/g, ' ').toLowerCase()) ?? m)
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
