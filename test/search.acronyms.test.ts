// Abbreviations a document defines itself are found the way Schwartz and Hearst find them, so a
// member asking "what's GNF" reaches the words the abbreviation stands for.
import { describe, expect, it } from 'vitest';
import { definitions, longForm } from '../src/search/acronyms.ts';

describe('abbreviations the record defines', () => {
  it('finds the long form by initials, by letters inside a compound, and past a legal form', () => {
    expect(longForm('GNF', 'kan inngå som Grunnleggende Nasjonal Funksjon')).toBe(
      'Grunnleggende Nasjonal Funksjon',
    );
    expect(longForm('KVU', 'utarbeide Konseptvalgutredningen')).toBe('Konseptvalgutredningen');
    expect(longForm('HDO', 'og Helsetjenestens driftsorganisasjon for nødnett HF')).toBe(
      'Helsetjenestens driftsorganisasjon for nødnett',
    );
  });

  it('refuses a parenthesis that is no definition', () => {
    expect(longForm('NB', 'dette er lagt fram')).toBeNull();
    expect(longForm('PLL', 'pasienten')).toBeNull();
  });

  it('collects every definition of a text, keyed by the short form in lower case', () => {
    const found = definitions(
      'felles kommunal journal (FKJ) og Helse- og omsorgsdepartementet (HOD). Se (vedlegg 2).',
    );
    expect([...found.entries()].map(([k, v]) => [k, [...v]])).toEqual([
      ['fkj', ['felles kommunal journal']],
      ['hod', ['helse- og omsorgsdepartementet']],
    ]);
  });

  it('knows a name the text never defines by its initials, a hyphen’s parts each an initial', () => {
    const found = definitions('Helse Sør-Øst RHF og Helse Midt-Norge RHF svarte. Kari Berg noterte.');
    expect([...(found.get('hsø') ?? [])]).toEqual(['helse sør-øst']);
    expect([...(found.get('hmn') ?? [])]).toEqual(['helse midt-norge']);
    // Two initials would spell every person's name.
    expect(found.has('kb')).toBe(false);
  });
});
