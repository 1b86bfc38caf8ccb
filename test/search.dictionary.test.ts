// The general English→Norwegian dictionary: inflected English finds its headword, and the running
// bot reads only the committed data file (CI and production have no Debian dict package).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { dictionary, lemmas, parseDictionary, translate } from '../src/search/dictionary.ts';
import { translations } from '../src/search/lexicon.ts';

const small = parseDictionary(
  'plan\tplan\npolicy\tpolicy|retningslinje\nuse\tbruk\nwaiting list\tventeliste\n',
);

describe('English inflections', () => {
  it('finds plurals, pasts and participles under their headword', () => {
    expect(lemmas('prescriptions')).toContain('prescription');
    expect(lemmas('policies')).toContain('policy');
    expect(lemmas('boxes')).toContain('box');
    expect(lemmas('planned')).toContain('plan');
    expect(lemmas('planning')).toContain('plan');
    expect(lemmas('decided')).toContain('decide');
    expect(lemmas('using')).toContain('use');
  });

  it('finds irregular plurals and pasts under their headword', () => {
    expect(lemmas('children')).toContain('child');
    expect(lemmas('criteria')).toContain('criterion');
    expect(lemmas('analyses')).toContain('analysis');
    expect(lemmas('went')).toContain('go');
    expect(lemmas('chosen')).toContain('choose');
    expect(lemmas('formally')).toContain('formal');
    expect(lemmas('earliest')).toContain('early');
    expect(lemmas('interest')).toEqual(['interest']);
    expect(translate('children', parseDictionary('child\tbarn\n'))).toEqual(['barn']);
    // An irregular form the dictionary holds is its base word too.
    expect(translate('people', parseDictionary('people\tfolk\nperson\tperson\n'))).toEqual([
      'folk',
      'person',
    ]);
  });

  it('leaves out senses that are Norwegian function words: they stand in nearly every sentence', () => {
    const dict = parseDictionary('since\tda|fordi|siden\nwant\tmangel|behov|ville\none\tén|en\n');
    expect(translate('since', dict)).toEqual([]);
    expect(translate('wants', dict)).toEqual(['mangel', 'behov']);
    expect(translate('one', dict)).toEqual(['én']);
  });

  it('leaves words that only look inflected as they are first', () => {
    expect(lemmas('status')).toEqual(['status']);
    expect(lemmas('analysis')).toEqual(['analysis']);
  });

  it('translates an inflected word or the last word of a phrase', () => {
    expect(translate('policies', small)).toEqual(['policy', 'retningslinje']);
    expect(translate('planned', small)).toEqual(['plan']);
    expect(translate('waiting lists', small)).toEqual(['venteliste']);
    expect(translate('unknown', small)).toEqual([]);
  });
});

describe('the domain lexicon and the dictionary together', () => {
  it('prefers the committees’ own term, in any inflection, to a dictionary sense', () => {
    const t = translations(new Map([['plan', ['handlingsplan']]]), () => small);
    expect(t.get('plans')).toEqual(['handlingsplan']);
    expect(t.get('policies')).toEqual(['policy', 'retningslinje']);
    expect(t.get('unknown')).toBeUndefined();
  });

  it('leaves the dictionary out when none is given', () => {
    expect(translations(new Map(), undefined).get('policies')).toBeUndefined();
  });
});

describe('the committed dictionary', () => {
  it('loads from the data file alone, reading nothing the Debian package installs', async () => {
    const read = vi.spyOn(fs, 'readFileSync');
    syncBuiltinESMExports();
    try {
      vi.resetModules();
      const fresh = await import('../src/search/dictionary.ts');
      const d = fresh.dictionary();
      const paths = read.mock.calls.map((c) => String(c[0]));
      expect(paths.some((p) => p.endsWith('data/lexicon/freedict-eng-nor.tsv'))).toBe(true);
      expect(paths.filter((p) => p.includes('dictd'))).toEqual([]);
      expect(d.size).toBeGreaterThan(5000);
    } finally {
      read.mockRestore();
      syncBuiltinESMExports();
    }
  });

  it('translates ordinary English the domain lexicon need not hold', () => {
    expect(translate('prescriptions', dictionary())).toContain('resept');
    expect(translate('populations', dictionary())).toContain('befolkning');
  });
});
