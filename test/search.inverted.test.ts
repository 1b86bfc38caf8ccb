// The inverted index behind search: BM25+ scores and their order exactly as MiniSearch gave them
// (the figures below are MiniSearch 7.2's for the same documents and queries), so replacing it
// changed no ranking.
import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../src/search/inverted.ts';

function index(): InvertedIndex {
  const ix = new InvertedIndex(
    (s) => s.split(' '),
    (t) => (t === 'og' ? null : t.toLowerCase()),
  );
  for (const text of ['Helse og data deling', 'data data plattform', 'kommune helse', 'data']) ix.add(text);
  ix.seal();
  return ix;
}

const ranked = (ix: InvertedIndex, terms: string[], keep = (_doc: number) => true) =>
  ix.search(terms, keep).map((r) => [r.doc, r.score]);

describe('the inverted index', () => {
  it('scores as MiniSearch does: BM25+ summed over the terms, times how many distinct terms match', () => {
    expect(ranked(index(), ['data', 'helse'])).toEqual([
      [0, 2.668706709005985],
      [2, 1.0704298231432068],
      [1, 0.6834994097366697],
      [3, 0.6310402854300651],
    ]);
    expect(ranked(index(), ['plattform'])).toEqual([[1, 1.8592997737691674]]);
  });

  it('counts a term given twice twice in the score but once in how many terms match', () => {
    expect(ranked(index(), ['helse', 'data', 'data'])).toEqual([
      [0, 3.575394416962389],
      [1, 1.3669988194733393],
      [3, 1.2620805708601301],
      [2, 1.0704298231432068],
    ]);
  });

  it('leaves out the documents not kept and knows in how many documents a term occurs', () => {
    const ix = index();
    expect(ranked(ix, ['data', 'helse'], (doc) => doc !== 0).map(([doc]) => doc)).toEqual([2, 1, 3]);
    expect([ix.frequency('data'), ix.frequency('helse'), ix.frequency('og'), ix.frequency('x')]).toEqual([
      3, 2, 0, 0,
    ]);
  });

  it('keeps equal scores in the order the documents were first met', () => {
    const ix = new InvertedIndex(
      (s) => s.split(' '),
      (t) => t,
    );
    for (const text of ['b', 'a', 'a', 'b']) ix.add(text);
    ix.seal();
    expect(ranked(ix, ['b', 'a']).map(([doc]) => doc)).toEqual([0, 3, 1, 2]);
  });
});

describe('the term nearest one the index lacks', () => {
  const ix = new InvertedIndex(
    (s) => s.split(' '),
    (t) => t.toLowerCase(),
  );
  for (const text of ['prismodell kostnad', 'prismodell vekst', 'prismodul', 'kjernejournal']) ix.add(text);
  ix.seal();

  it('is the indexed term within the edits allowed, the most used of those nearest', () => {
    expect(ix.nearest('prismodel', 1)).toBe('prismodell');
    expect(ix.nearest('kjernejornal', 1)).toBe('kjernejournal');
    // "prismodul" and "prismodell" are both two edits from "prismodll": the one in more documents wins.
    expect(ix.nearest('prismodll', 2)).toBe('prismodell');
    expect(ix.nearest('prismodellene', 1)).toBeNull();
    expect(ix.nearest('journal', 2)).toBeNull();
  });
});
