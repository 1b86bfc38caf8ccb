// The pieces evidence is made of, without a store: where text breaks into quotable units, what
// kind of thing a question asks for, and when a number answers a "how many".
import { describe, expect, it } from 'vitest';
import {
  countedNoun,
  countsNoun,
  expectedKinds,
  holdsKind,
  headsList,
  listAfter,
  share,
  unitsOf,
} from '../src/answer/evidence.ts';
import { partsMatcher, type KeyTerm } from '../src/answer/matching.ts';
import { understand } from '../src/answer/question.ts';
import type { Passage } from '../src/record/types.ts';

function passage(text: string): Passage {
  return {
    id: 'd:1',
    committee: 'NUIT',
    meeting: '5/2020',
    date: '2020-09-09',
    sak: '29/20',
    title: 'T',
    kind: 'memo',
    text,
    source: 'f.txt',
    locator: { line: 1 },
  };
}

describe('quotable units', () => {
  it('break at sentence ends, bullets and line ends, but not inside a date or a time', () => {
    const units = unitsOf([
      passage(
        'Vurderingen leveres HOD 1. mai. Den neste leveres 1. oktober kl. 09.00 til HOD.\n• Første punkt - Andre punkt',
      ),
    ]).map((u) => u.text);
    expect(units).toEqual([
      'Vurderingen leveres HOD 1. mai.',
      'Den neste leveres 1. oktober kl. 09.00 til HOD.',
      '• Første punkt',
      'Andre punkt',
    ]);
  });

  it('keep a range of figures whole, but break a list of years', () => {
    const units = (t: string) => unitsOf([passage(t)]).map((u) => u.text);
    expect(units('Økonomisk ramme: 180 MNOK – 2 400 MNOK')).toEqual([
      'Økonomisk ramme: 180 MNOK – 2 400 MNOK',
    ]);
    expect(units('Planen gjelder 2019 - 2020 for alle')).toEqual(['Planen gjelder 2019 - 2020 for alle']);
    expect(units('Status - 2023: ferdig - 2024: start')).toEqual(['Status', '2023: ferdig', '2024: start']);
  });

  it('read a heading ending in a colon with the list it introduces, but a section label alone', () => {
    const units = unitsOf([
      passage('Deltagere:\n- Kari Nordmann\n- Ola Hansen\nSiri Utkilen'),
      passage(
        'Bakgrunn:\nDirektoratet har over lengre tid arbeidet med en plan for hvordan tjenestene skal henge sammen i sektoren.',
      ),
    ]);
    expect(listAfter(units, units[0]!)).toBe('Deltagere:\n- Kari Nordmann\n- Ola Hansen\nSiri Utkilen');
    const label = units.find((u) => u.text === 'Bakgrunn:')!;
    expect(listAfter(units, label)).toBe('Bakgrunn:');
  });

  it('end a list at the next heading, though the list runs on into the next passage', () => {
    const under = (text: string, heading: string): Passage => ({
      ...passage(text),
      locator: { line: 1, headingPath: [heading] },
    });
    const units = unitsOf([
      under('Aktuelle tema:\n- Personvern', 'Spørsmål 2 - Tema'),
      under('- Kompetanse', 'Spørsmål 2 - Tema'),
      under('Annet', 'Spørsmål 3 - Innretning'),
    ]);
    expect(listAfter(units, units[0]!)).toBe('Aktuelle tema:\n- Personvern\n- Kompetanse');
  });

  it('read a list as long as its heading says it is, beyond the usual length', () => {
    const items = Array.from({ length: 11 }, (_, i) => `• Register ${i + 1}`).join('\n');
    const counted = unitsOf([passage(`De 11 registrene er:\n${items}`)]);
    expect(listAfter(counted, counted[0]!).split('\n')).toHaveLength(12);
    const uncounted = unitsOf([passage(`Registrene er:\n${items}`)]);
    expect(listAfter(uncounted, uncounted[0]!).split('\n')).toHaveLength(9);
    // A date in the heading is no count.
    const dated = unitsOf([passage(`Status 15. mars 2023:\n${items}`)]);
    expect(listAfter(dated, dated[0]!).split('\n')).toHaveLength(9);
  });

  it('know a heading line without a colon by the bullet after it', () => {
    expect(headsList('Styringsgruppe', '- Helsedirektoratet')).toBe(true);
    expect(headsList('Deltagere:', 'Kari Nordmann')).toBe(true);
    expect(headsList('Styringsgruppe', 'Gruppen møtes hver måned.')).toBe(false);
    expect(headsList('Arbeidet er i gang.', '- Første punkt')).toBe(false);
    expect(headsList('Styringsgruppe', undefined)).toBe(false);
    // A slide's title and heading read as one line; its points numbered without a full stop.
    expect(
      headsList('Introduksjon til scenariofortellinger Forutsetninger for scenariene', '1 Demografi: …'),
    ).toBe(true);
    expect(headsList('Styringsgruppe', '3 kommuner deltar i arbeidet.')).toBe(false);
  });

  it('leave out a memo’s quotes of other meetings’ decisions unless asked for', () => {
    const quoted = passage('Vedtak fra tidligere behandlinger: 18/22 NUFA tar saken til etterretning.');
    expect(unitsOf([quoted])).toEqual([]);
    expect(unitsOf([quoted], true).map((u) => u.text)).toHaveLength(1);
  });
});

describe('what a question asks for', () => {
  it.each([
    ['How many municipalities joined in 2021?', ['number']],
    ['Når skal utvalget levere?', ['date']],
    ['Who presented the item?', ['person']],
    ['Which consultancy reviewed the programme?', ['name']],
    ['Which IT vendor delivers the system?', ['name']],
    ['Hvilken EPJ-leverandør har flest kunder?', ['name', 'superlative']],
    ['Which of the options was chosen?', ['choice']],
    ['How often does the council meet?', ['frequency']],
    ['Hvor ofte skal gruppen rapportere?', ['frequency']],
    // A clause that sets the time before what is asked asks for no time.
    ['When NUIT was briefed on the portfolio in June 2020, how many projects were reported?', ['number']],
    ['Da NUFA møttes på Gardermoen, hvem la fram saken?', ['person']],
    ['Hvilken skyleverandør valgte Helse Vest?', ['name', 'choice']],
    ['Which vendor did they end up with?', ['name', 'choice']],
    ['What share of the municipalities use it?', ['number', 'percent']],
    ['Hvilken kommune har flest brukere?', ['superlative']],
    ['Hvor mye koster løsningen?', ['number', 'amount']],
    ['What does the memo say about the roadmap?', []],
  ])('«%s» asks for %j', (question, kinds) => {
    expect(expectedKinds(understand(question))).toEqual(kinds);
  });

  it('a name is one inside the text or a legal form, not the capital a sentence starts with', () => {
    expect(holdsKind('name', 'Programmet vurderes av Boston Consulting Group.')).toBe(true);
    expect(holdsKind('name', 'Leverandøren er Norsk helsenett SF')).toBe(true);
    expect(holdsKind('name', 'Planen er klar etter sommeren.')).toBe(false);
    // "Who leads it?" may be answered by a body as well as by a person.
    expect(holdsKind('person', 'Utvalget ledes av Direktoratet for e-helse.')).toBe(true);
    expect(holdsKind('person', 'Utvalget møtes hver vår.')).toBe(false);
  });

  it('a choice is answered by text that says it was made, not by text that names the options', () => {
    expect(holdsKind('choice', 'Rammeavtalen signert 21.08.2019')).toBe(true);
    expect(holdsKind('choice', 'Direktoratet har valgt å dele produktene i fire nivåer.')).toBe(true);
    expect(holdsKind('choice', 'Risikovurderinger av MS og AWS sine tilbud pågår.')).toBe(false);
    // A choice still to be made, or the word for one, says none was made.
    expect(holdsKind('choice', 'Ønsker å kunne ta valget mellom MS og AWS innen kort tid')).toBe(false);
    expect(holdsKind('choice', 'Kommunene skal velge leverandør i 2024.')).toBe(false);
    expect(holdsKind('choice', 'Helse Vest valgte Microsoft.')).toBe(true);
    expect(holdsKind('choice', 'They picked AWS.')).toBe(true);
  });

  it('a "how often" is answered by text that says how often, not by a date', () => {
    expect(holdsKind('frequency', 'Rådet møtes hver måned.')).toBe(true);
    expect(holdsKind('frequency', 'Gruppen møtes fire ganger i året.')).toBe(true);
    expect(holdsKind('frequency', 'The board meets quarterly.')).toBe(true);
    expect(holdsKind('frequency', 'Rådet ble etablert 15. mars 2023.')).toBe(false);
  });

  it('a share is answered by a percentage, a superlative by text that says which is most', () => {
    expect(holdsKind('percent', 'Sykmeldinger utgjør 94% av skjemaene.')).toBe(true);
    expect(holdsKind('percent', 'Kommunene skal betale en større andel.')).toBe(false);
    expect(holdsKind('superlative', 'Leverandøren med flest kommunekunder er …')).toBe(true);
    expect(holdsKind('superlative', 'Foreløpige resultater av kartleggingen ble presentert.')).toBe(false);
  });

  it('a "when" is answered by a time the text names in words too', () => {
    for (const t of [
      'Planen forelegges sektoren mot slutten av året.',
      'Utprøvingen starter andre halvår.',
      'Veilederen normeres i høst.',
    ])
      expect(holdsKind('date', t), t).toBe(true);
    expect(holdsKind('date', 'Planen forelegges sektoren for tilslutning.')).toBe(false);
  });

  it('a "how many" is answered by a number next to what is counted, not anywhere in the text', () => {
    const noun = countedNoun(understand('Hvor mange kommuner har tatt løsningen i bruk?'))!;
    expect(noun.length).toBeGreaterThan(0);
    expect(countsNoun('Målet er 50 foregangskommuner i løpet av 2021.', noun)).toBe(true);
    expect(countsNoun('I 2027 skal løsningen være tatt i bruk i de fleste kommuner.', noun)).toBe(false);
    expect(countedNoun(understand('When does the meeting start?'))).toBeNull();
  });

  it('"how many people" counts people as whatever they were: any number may answer', () => {
    // "person" would be found inside "personvern", next to no count of people at all.
    expect(countedNoun(understand('How many people took part in the webinar?'))).toBeNull();
    expect(countedNoun(understand('Hvor mange personer deltok på møtet?'))).toBeNull();
    expect(countedNoun(understand('How many municipalities took part?'))).not.toBeNull();
  });

  it('a count may be written as a word, but an article is no count', () => {
    const noun = countedNoun(understand('Hvor mange spor har arbeidet?'))!;
    expect(countsNoun('Arbeidet innrettes gjennom to spor.', noun)).toBe(true);
    expect(countsNoun('Arbeidet har åtte spor.', noun)).toBe(true);
    expect(countsNoun('Arbeidet innrettes gjennom ett felles spor.', noun)).toBe(false);
    expect(holdsKind('number', 'De tre gruppene møtes månedlig.')).toBe(true);
    expect(holdsKind('number', 'Gruppene møtes en gang i måneden.')).toBe(false);
  });

  it('a counted noun the record never uses is not looked for: any number may answer', () => {
    const q = understand('How many participants are there in the groups?');
    expect(countedNoun(q)).not.toBeNull();
    expect(countedNoun(q, () => false)).toBeNull();
  });

  it('a rating is asked for only when nothing else is', () => {
    expect(expectedKinds(understand('Hvordan rangerte NUIT forslagene?'))).toEqual(['rating']);
    expect(expectedKinds(understand('Hvilket konsulentselskap vurderte programmet?'))).toEqual(['name']);
  });
});

describe('how much of a question a text holds', () => {
  const terms: KeyTerm[] = [
    { word: 'samarbeidsgruppene', alts: ['samarbeidsgrupp'], weight: 2, known: true, heads: ['grupp'] },
    { word: 'nilar', alts: ['nilar'], weight: 2, known: true, heads: [] },
  ];

  it('gives a compound half its weight where only its head stands, and the same part by part', () => {
    expect(share(terms, 'nilar: samarbeidsgruppene møtes')).toBe(1);
    expect(share(terms, 'nilar: de tre gruppene teller 60 deltakere')).toBe(0.75);
    expect(share(terms, 'nilar: 60 deltakere')).toBe(0.5);
    const parts = partsMatcher(terms);
    expect(parts.share(['nilar', 'de tre gruppene'])).toBe(0.75);
    expect(parts.share(['nilar', 'samarbeidsgruppene', 'gruppene'])).toBe(1);
    expect(parts.share([])).toBe(0);
  });
});
