// Builds data/lexicon/freedict-eng-nor.tsv, the general English→Norwegian dictionary, from the
// FreeDict English–Norwegian dictionary as Debian ships it. Run by hand when FreeDict updates:
//
//   apt-get install -y dict-freedict-eng-nor
//   node --import tsx scripts/build-dictionary.ts [/usr/share/dictd]
//
// The running bot reads only the committed TSV, so it needs neither the package nor this script.
// Each line is `english<TAB>norsk|norsk|…`: the first translations of the headword's senses in
// FreeDict's order, at most MAX_TRANSLATIONS, without the English glosses that explain them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const DICT_DIR = process.argv[2] ?? '/usr/share/dictd';
const OUT = path.resolve(import.meta.dirname, '../data/lexicon/freedict-eng-nor.tsv');

/** More translations of one word add noise sooner than recall: the first ones are the common senses. */
const MAX_TRANSLATIONS = 3;
/** Headwords of more words than an English question phrase the lexicon looks up. */
const MAX_HEADWORD_WORDS = 3;
/**
 * A translation of several words is an explanation ("be om", "forestille seg"): searched word by
 * word, its little words match everywhere. Phrases the committees use stand in the domain lexicon.
 */
const MAX_TRANSLATION_WORDS = 1;

/** dictd writes offsets and lengths as base-64 numbers, most significant digit first. */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (s: string) => [...s].reduce((n, ch) => n * 64 + B64.indexOf(ch), 0);

/**
 * The Norwegian translations of one entry. An entry is a header line (`word /ipa/ <pos>`), then per
 * sense a line of translations, optionally numbered (`1. x, y`, sometimes ending in the number of
 * the next gloss, `2.`), followed by English gloss lines (indented when numbered).
 */
function translationsOf(entry: string): string[] {
  const lines = entry.split('\n').slice(1);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && !/^\d+\.\s/.test(line)) return;
    const text = line
      .replace(/^\d+\.\s*/, '')
      .replace(/\s*\d+\.\s*$/, '')
      .replace(/\([^)]*\)/g, ' ');
    for (const t of text.split(/[,;]/)) {
      const term = t.trim().replace(/\s+/g, ' ').toLowerCase();
      if (term && /^[\p{L}][\p{L} -]*$/u.test(term) && term.split(' ').length <= MAX_TRANSLATION_WORDS)
        out.push(term);
    }
  });
  return out;
}

function build(): Map<string, string[]> {
  const text = gunzipSync(readFileSync(path.join(DICT_DIR, 'freedict-eng-nor.dict.dz'))).toString('utf8');
  const bytes = Buffer.from(text, 'utf8');
  const index = readFileSync(path.join(DICT_DIR, 'freedict-eng-nor.index'), 'utf8');
  const dictionary = new Map<string, string[]>();
  for (const line of index.split('\n')) {
    const [word, offset, length] = line.split('\t');
    if (!word || !offset || !length || word.startsWith('00database')) continue;
    const headword = word.toLowerCase().trim();
    if (!/^[a-z][a-z' -]*$/.test(headword) || headword.split(' ').length > MAX_HEADWORD_WORDS) continue;
    const entry = bytes.subarray(b64(offset), b64(offset) + b64(length)).toString('utf8');
    // A headword may have several entries (noun, verb): their translations join, in FreeDict's order.
    const all = [...(dictionary.get(headword) ?? []), ...translationsOf(entry)];
    dictionary.set(headword, [...new Set(all)]);
  }
  for (const [k, v] of dictionary) {
    if (v.length) dictionary.set(k, v.slice(0, MAX_TRANSLATIONS));
    else dictionary.delete(k);
  }
  return dictionary;
}

const dictionary = build();
const lines = [...dictionary]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([k, v]) => `${k}\t${v.join('|')}`);
writeFileSync(OUT, `${lines.join('\n')}\n`);
console.log(`${lines.length} headwords → ${path.relative(process.cwd(), OUT)}`);
