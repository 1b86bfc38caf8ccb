// Norwegian compounds split into the words a record uses alone, so that a question's part word finds
// the compound: "liste" finds "legemiddellisten", "journal" finds "kjernejournal".
import { describe, expect, it } from 'vitest';
import { compoundParts } from '../src/search/compounds.ts';
import { InvertedIndex } from '../src/search/inverted.ts';
import { containsTerm, stem } from '../src/search/terms.ts';

/** Document frequencies of the index terms (stems) of a small record. */
const record = new Map(
  Object.entries({
    list: 9,
    legemiddel: 1,
    journal: 14,
    modul: 1,
    hels: 100,
    løsning: 32,
    kommun: 20,
    tjenest: 24,
    helsetjenest: 12,
    middel: 1,
    ring: 1,
    investering: 10,
  }),
);
const frequency = (t: string) => record.get(t) ?? 0;
const parts = (word: string) => compoundParts(stem(word), frequency);

describe('compound splitting', () => {
  it('splits a compound into a modifier and a head the record uses', () => {
    expect(parts('legemiddellisten')).toEqual(['legemiddel', 'list']);
    expect(parts('helseløsninger')).toEqual(['hels', 'løsning']);
  });

  it('takes the linking s or e off the modifier', () => {
    expect(parts('forskrivningsmodulen')).toEqual(['forskrivning', 'modul']);
    expect(parts('kjernejournal')).toEqual(['kjern', 'journal']);
  });

  it('splits the head further, but not the modifier', () => {
    expect(parts('kommunehelsetjenesten')).toEqual(['kommun', 'helsetjenest', 'hels', 'tjenest']);
    expect(parts('legemiddel')).toEqual([]);
  });

  it('leaves words whose only cut has a short part never seen alone', () => {
    expect(parts('investering')).toEqual([]);
    expect(parts('journal')).toEqual([]);
    expect(compoundParts('covid19', frequency)).toEqual([]);
  });
});

describe('an index that counts compounds as their parts', () => {
  function index(): InvertedIndex {
    const ix = new InvertedIndex(
      (s) => s.split(' '),
      (t) => stem(t.toLowerCase()),
    );
    for (const text of [
      'pasientens legemiddelliste og kjernejournal',
      'en liste over tiltak',
      'liste liste legemiddellisten',
      'journal',
    ])
      ix.add(text);
    ix.countAlsoAs((t) => compoundParts(t, (x) => ix.frequency(x)));
    ix.seal();
    return ix;
  }

  it('finds a compound by its head, and adds to a document already holding the head', () => {
    const ix = index();
    expect(ix.search([stem('liste')], () => true).map((r) => r.doc)).toEqual([2, 0, 1]);
    expect(
      ix
        .search([stem('journal')], () => true)
        .map((r) => r.doc)
        .sort(),
    ).toEqual([0, 3]);
  });

  it('still tells how often a part stands alone', () => {
    const ix = index();
    expect(ix.frequency(stem('liste'))).toBe(3);
    expect(ix.frequencyAlone(stem('liste'))).toBe(2);
  });
});

describe('a short word in a text', () => {
  it('is found alone, inflected, or as the last part of a compound ("mål" in "hovedmål"), never inside a word', () => {
    expect(containsTerm('hovedmål for tjenesten', 'mål')).toBe(true);
    expect(containsTerm('nasjonalt fagråd', 'råd')).toBe(true);
    // Its inflections are the same word: "målet", "målene", "kvuen", "apier".
    expect(containsTerm('målet er', 'mål')).toBe(true);
    expect(containsTerm('målene for året', 'mål')).toBe(true);
    expect(containsTerm('kvuen skal leveres', 'kvu')).toBe(true);
    expect(containsTerm('nye apier', 'api')).toBe(true);
    expect(containsTerm('målbilde', 'mål')).toBe(false);
    expect(containsTerm('målingen', 'mål')).toBe(false);
    expect(containsTerm('oppmålingen', 'mål')).toBe(false);
    // Two letters stand alone only: "ks" is no ending of "kontoks".
    expect(containsTerm('kontoks', 'ks')).toBe(false);
    expect(containsTerm('ks og rhf', 'ks')).toBe(true);
  });
});
