// English words the dictionary lacks reach the documents' own words by regular respelling.
import { describe, expect, it } from 'vitest';
import { cognates } from '../src/search/cognates.ts';
import { expansions } from '../src/search/lexicon.ts';

describe('English words respelled as Norwegian', () => {
  it('respells endings and letters the way loans of the same root are spelled', () => {
    expect(cognates('orientation')).toContain('orientering');
    expect(cognates('psychiatric')).toContain('psykiatrisk');
    expect(cognates('central')).toContain('sentral');
    expect(cognates('prioritisation')).toContain('prioritering');
    expect(cognates('prioritise')).toContain('prioritere');
    expect(cognates('coordination')).toContain('koordinering');
    expect(cognates('technology')).toContain('teknologi');
    expect(cognates('vaccines')).toContain('vaksine');
    expect(cognates('ICT')).toContain('ikt');
    // "Re-" doing a thing anew is "om-".
    expect(cognates('reorganisation')).toContain('omorganisering');
    expect(cognates('restructuring')).toContain('omstrukturing');
  });

  it('are searched for as well as looked for in the evidence', () => {
    expect(expansions("When did the directorate's reorganisation take effect?")).toContain('omorganisering');
  });

  it('offers nothing for a word no correspondence changes, or a short guess', () => {
    expect(cognates('deadline')).toEqual([]);
    expect(cognates('risk')).toEqual([]);
    // A Germanic word respelled is a false friend: "strength" would be "strengt" (strictly).
    expect(cognates('strengthening')).toEqual([]);
    // "cited" could be the dictionary form "cit": its respelling "sit" is inside too many words.
    expect(cognates('cited')).not.toContain('sit');
  });
});
