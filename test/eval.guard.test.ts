// The gold questions are a development set, not a target. These guards read them and the source:
// no question text and no answer string (other than a real domain term) may stand in src/ or data/,
// and the split into a half that is read and a half that is only run stays fixed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCases, splitHalves, type EvalCase } from '../src/eval.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');

const gold: EvalCase[] = ['qa.json', 'qa-extended.json'].flatMap((f) =>
  evalCases(JSON.parse(readFileSync(path.join(SHARED, 'eval', f), 'utf8'))),
);

function files(dir: string, exts: string[]): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .map((f) => path.join(ROOT, dir, f));
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

/** Source text as it runs: comments may name an example, code and data may not. */
function codeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!/\.[jt]s$/.test(file)) return fold(text);
  return fold(text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\])\/\/[^\n]*/g, '$1'));
}

const sources = [...files('src', ['.ts']), ...files('data', ['.json', '.txt'])]
  .filter((f) => !f.endsWith('.test.ts'))
  .map((f) => ({ file: path.relative(ROOT, f), code: codeOf(f) }));

/**
 * A real domain term is vocabulary of the committees rather than a fact one question asks for:
 * an abbreviation or its expansion, or a word the documents use in most of the packages.
 */
function domainTerms(): (s: string) => boolean {
  const abbreviations = JSON.parse(
    readFileSync(path.join(ROOT, 'data/lexicon/abbreviations.json'), 'utf8'),
  ) as Record<string, string[] | string>;
  const known = new Set(
    Object.entries(abbreviations)
      .filter(([k]) => !k.startsWith('_'))
      .flatMap(([k, v]) => [k, ...(Array.isArray(v) ? v : [])])
      .map(fold),
  );
  const corpus = readdirSync(path.join(SHARED, 'corpus')).map((f) =>
    fold(readFileSync(path.join(SHARED, 'corpus', f), 'utf8')),
  );
  return (s) => known.has(fold(s)) || corpus.filter((t) => t.includes(fold(s))).length >= 3;
}

describe('the gold questions stay a development set', () => {
  it('has no question text in src/ or data/', () => {
    const hits: string[] = [];
    for (const c of gold) {
      const phrase = fold(c.question).slice(0, 40);
      for (const s of sources)
        if (phrase.length >= 25 && s.code.includes(phrase)) hits.push(`${s.file}: ${c.id}`);
    }
    expect(hits).toEqual([]);
  });

  it('has no answer string in src/ unless it is a real domain term', () => {
    const isDomainTerm = domainTerms();
    // Bare numbers ("20", "2022") stand in code for other reasons; names, phrases, times and dates do not.
    const strings = new Set(
      gold
        .flatMap((c) => c.must_mention)
        .filter((m) => m !== 'NOT_IN_CORPUS' && !/^[\d\s]+$/.test(m) && m.length >= 4),
    );
    const hits: string[] = [];
    for (const m of strings) {
      if (isDomainTerm(m)) continue;
      const needle = fold(m);
      const quoted = new RegExp(`['"\`/|(]${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`/|)]`);
      for (const s of sources.filter((x) => x.file.startsWith('src')))
        if (quoted.test(s.code)) hits.push(`${s.file}: ${m}`);
    }
    expect(hits).toEqual([]);
  });

  it('has no cited sak id in src/ or data/', () => {
    const ids = new Set(gold.flatMap((c) => c.citations.map((x) => x.sak)).filter((s): s is string => !!s));
    const hits: string[] = [];
    for (const id of ids) {
      const quoted = new RegExp(`['"\`]${id.replace('/', '\\/')}['"\`]`);
      for (const s of sources) if (quoted.test(s.code)) hits.push(`${s.file}: ${id}`);
    }
    expect(hits).toEqual([]);
  });

  it('splits each file the same way every time, type by type, whatever the order', () => {
    const extended = gold.filter((c) => c.id.startsWith('xv-'));
    const a = splitHalves(extended);
    const b = splitHalves([...extended].reverse());
    const ids = (cs: EvalCase[]) => cs.map((c) => c.id).sort();
    expect(ids(a.read)).toEqual(ids(b.read));
    expect(ids(a.held)).toEqual(ids(b.held));
    expect(new Set([...ids(a.read), ...ids(a.held)]).size).toBe(extended.length);
    const count = (cs: EvalCase[], type: string) => cs.filter((c) => c.type === type).length;
    for (const type of new Set(extended.map((c) => c.type)))
      expect(count(a.read, type) - count(a.held, type)).toBeGreaterThanOrEqual(0);
    for (const type of new Set(extended.map((c) => c.type)))
      expect(count(a.read, type) - count(a.held, type)).toBeLessThanOrEqual(1);
    // Another seed draws another split: the halves are random, not a fixed list.
    expect(ids(splitHalves(extended, 'another seed').read)).not.toEqual(ids(a.read));
  });
});
