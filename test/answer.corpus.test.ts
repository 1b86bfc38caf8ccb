// Answers over the real corpus for questions written by us (not the gold set): the right sak,
// the right kind of source, and abstention where the documents have no answer.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../src/record/normalize.ts';
import { SHARED, useCorpus } from './helpers/corpus.ts';
import { coverage, holds, keyTerms, rankEvidence } from '../src/answer/evidence.ts';
import { rankCases } from '../src/answer/rank.ts';
import { createAnswerer } from '../src/answer/index.ts';
import { loadLibrary } from '../src/answer/library.ts';
import { understand } from '../src/answer/question.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { openStore } from '../src/store/index.ts';

const corpus = useCorpus();

describe('a topic’s timeline', () => {
  // Topics of the corpus that the gold files do not ask about.
  it.each([
    ['felles grunnmur', ['22/20', '30/20']],
    ['nasjonal e-helseportefølje', ['21/20', '20/23']],
    ['digital hjemmeoppfølging', ['28/20', '21/23']],
  ])('«%s» lists its saker across meetings, oldest first, each cited', async (topic, saker) => {
    const steps = await corpus.answerer.timeline(topic);
    expect(steps.map((s) => s.citation.sak)).toEqual(expect.arrayContaining(saker));
    const dates = steps.map((s) => s.citation.date ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBeGreaterThan(1);
    for (const s of steps) expect(s.citation).toMatchObject({ sak: expect.stringMatching(/^\d+\/\d\d$/) });
  });

  it('keeps up to eight steps of a topic treated at many meetings, oldest first', async () => {
    const steps = await corpus.answerer.timeline('kjernejournal');
    expect(steps.length).toBeGreaterThan(6);
    expect(steps.length).toBeLessThanOrEqual(8);
    const dates = steps.map((s) => s.citation.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('dates a step by the sentence after its best one in the paragraph, which need not name the topic again', async () => {
    const steps = await corpus.answerer.timeline('informasjonssikkerhet');
    const step = steps.find((s) => s.citation.sak === '31/20');
    expect(step).toBeDefined();
    expect(step!.quotes[1]).toMatch(/\b20\d\d\b/);
    expect(step!.quotes[1]).not.toMatch(/informasjonssikkerhet/i);
  });

  it('never quotes a sentence that only points to another document as what a step says', async () => {
    const steps = await corpus.answerer.timeline('neste generasjons nødnett');
    const step = steps.find((s) => s.citation.sak === '24/20');
    expect(step).toBeDefined();
    for (const q of step!.quotes) expect(q).not.toMatch(/^Se presentasjon/);
    expect(step!.quotes.join(' ')).toMatch(/nødkommunikasjon|Nødnett/);
  });

  it('quotes a label that ends in a colon with what it introduces, never alone', async () => {
    const steps = await corpus.answerer.timeline('normerende produkter');
    const quotes = steps.flatMap((s) => s.quotes);
    expect(quotes.some((q) => /^Hensikt med saken:\s*\S/.test(q))).toBe(true);
    for (const q of quotes) expect(q).not.toMatch(/:\s*$/);
    // An item quoted with its label is not quoted again on its own.
    for (const s of steps)
      for (const q of s.quotes) expect(s.quotes.filter((o) => o !== q && o.includes(q))).toEqual([]);
  });

  it('quotes, beside its best unit, the one that says most of what the best does not name', async () => {
    const steps = await corpus.answerer.timeline(
      'direktoratets normerende rolle forvaltningsmodellen normeringen',
    );
    const step = steps.find((s) => s.citation.sak === '32/20');
    expect(step?.quotes[0]).toMatch(/normerende rolle/);
    expect(step!.quotes.join(' ')).toMatch(/fire nivåer/);
  });

  it('never quotes a memo’s copy of the proposal as what a step says: the proposal is shown already', async () => {
    const steps = await corpus.answerer.timeline('felles grunnmur');
    const step = steps.find((s) => s.citation.sak === '30/20');
    expect(step?.proposal).toBeTruthy();
    for (const q of step!.quotes) expect(q).not.toMatch(/^Forslag til vedtak:/);
    for (const s of steps) for (const q of s.quotes) expect(q).not.toMatch(/^Se presentasjon/);
    // A slide's copy has no colon: its title line runs into the proposal.
    const deck = await corpus.answerer.timeline('e-helsestrategi kunnskapsgrunnlag');
    const nufa = deck.find((s) => s.citation.sak === '32/21');
    expect(nufa?.proposal).toBeTruthy();
    expect(nufa!.quotes.length).toBeGreaterThan(0);
    for (const q of nufa!.quotes) expect(q).not.toMatch(/^Forslag til vedtak/);
  });

  it('quotes, beside what a step says of the topic, where its text dates it', async () => {
    const steps = await corpus.answerer.timeline('digital hjemmeoppfølging');
    const dated = steps.filter((s) => s.quotes.slice(1).some((q) => /\b(19|20)\d\d\b/.test(q)));
    expect(dated.length).toBeGreaterThan(0);
    // A step says up to three things of the topic: its best sentence, where it stood, one more.
    expect(Math.max(...steps.map((s) => s.quotes.length))).toBe(3);
  });

  it('reads "through the years" as when, not what, and leaves out a memo’s "N/A" for earlier treatments', async () => {
    const a = await corpus.answerer.ask('Hva har NUIT og NUFA sagt om velferdsteknologi gjennom årene?');
    expect(a.abstained).toBe(false);
    const saker = new Set(a.citations.map((c) => c.sak));
    expect(saker).toContain('31/21');
    expect(saker.size).toBeGreaterThan(2);
    expect(a.answer).not.toMatch(/«N\/A/);
  });

  it('reads "what did NUIT conclude on X" as X’s history, the conclusion word no part of X', async () => {
    const a = await corpus.answerer.ask("What was NUIT's conclusion on MyHealth@EU?");
    expect(a.abstained).toBe(false);
    expect(a.citations).toContainEqual(expect.objectContaining({ sak: '10/23', kind: 'adopted' }));
  });

  it('takes as a step each sak that holds one part of a question in several parts', async () => {
    const steps = await corpus.answerer.timeline(
      'How did the target architecture for data sharing develop? It was out for comments in 2020, and NUIT got one for digital home follow-up in 2023.',
    );
    expect(steps.map((s) => s.citation.sak)).toEqual(expect.arrayContaining(['22/20', '21/23']));
    const dates = steps.map((s) => s.citation.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('takes the two ends of a history "from X to Y" as parts, each naming a step', async () => {
    const a = await corpus.answerer.ask(
      "How has NUIT dealt with the directorate's role in standards over the years, from the management model for its normative products in 2020 to strengthening normeringskraften in 2023?",
    );
    expect(a.abstained).toBe(false);
    for (const sak of ['32/20', '11/23']) expect(a.citations.some((c) => c.sak === sak)).toBe(true);
  });

  it('answers when a committee treated a topic with the meetings and dates of its saker', async () => {
    const a = await corpus.answerer.ask('When was the contact point for MyHealth@EU presented to NUIT?');
    expect(a).toMatchObject({ intent: 'history', abstained: false });
    expect(a.citations[0]).toMatchObject({ sak: '10/23', date: '2023-02-16' });
    expect(a.answer).toContain('16.02.2023');
  });

  it('spells out an abbreviation from the passage that defines it, cited, in the asker’s language', async () => {
    const en = await corpus.answerer.ask('whats GNF');
    expect(en.answer).toMatch(/^GNF stands for «Grunnleggende nasjonale funksjoner»/);
    expect(en.citations[0]).toMatchObject({ sak: '39/19', kind: 'slides' });
    const nb = await corpus.answerer.ask('Hva står TBU for?');
    expect(nb.answer).toMatch(/^TBU står for «Teknisk Beregningsutvalg»/);
    expect(nb.abstained).toBe(false);
  });

  it('says where a long form comes from the abbreviation table, not the documents', async () => {
    // The documents use "PDS" but never spell it out beside it.
    const a = await corpus.answerer.ask('what is PDS');
    expect(a.answer).toMatch(
      /^PDS stands for «program digital samhandling» \(per Møtebot’s list of abbreviations\)\.\nUsed in sak/,
    );
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!.kind).not.toBe('agenda');
  });

  it.each([
    ['What is NUFA?', /^NUFA stands for «nasjonalt fagutvalg»/, 'NUFA'],
    ['Hva er NUIT?', /^NUIT står for «nasjonalt utvalg for it-prioritering»/, 'NUIT'],
  ])('spells out a committee’s own name, asked «%s», from its saker', async (text, opening, committee) => {
    const a = await corpus.answerer.ask(text);
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(opening);
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!.committee).toBe(committee);
  });

  it('summarises a meeting’s minutes as its decisions, sak by sak', async () => {
    const a = await corpus.answerer.ask('Summarise the minutes from February 2023');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/^- Sak 1\/23 .*Decision \(Vedtak\)/);
    expect(new Set(a.citations.map((c) => c.meeting))).toEqual(new Set(['1/2023']));
    expect(a.citations.length).toBeGreaterThan(5);
    // A meeting whose minutes are not in is summarised by its proposals, said to be only proposals;
    // asked what it decided, the answer abstains.
    const b = await corpus.answerer.ask('Can you summarise the NUIT meeting of 9 September 2020?');
    expect(b.abstained).toBe(false);
    expect(b.answer).toMatch(/^The outcome is not in the documents/);
    expect(
      (await corpus.answerer.ask('What did NUIT decide at its meeting on 9 September 2020?')).abstained,
    ).toBe(true);
  });

  it.each([
    ['Summarise sak 17/23.', 'en', 'From sak 17/23'],
    ['Oppsummer sak 17/23', 'nb', 'Fra sak 17/23'],
  ] as const)(
    'reads «%s» as asking for the named sak as a whole, in its language',
    async (text, lang, opening) => {
      const a = await corpus.answerer.ask(text);
      expect(a).toMatchObject({ abstained: false, language: lang });
      expect(a.answer.startsWith(opening)).toBe(true);
      expect(a.citations.every((c) => c.sak === '17/23')).toBe(true);
    },
  );

  it.each([
    ['Was anyone absent from the NUIT meeting on 16 February 2023?', 'Absent: Anne-Lise Härter'],
    ['Hvem hadde forfall på NUIT-møtet 16. februar 2023?', 'Ikke til stede: Anne-Lise Härter'],
    ['Who substituted for whom in February 2023?', 'Substitutes (stedfortredere): Maren Krogh for'],
    ['Hvem møtte som vara i februar 2023?', 'Stedfortredere: Maren Krogh for'],
  ])('answers «%s» with who was away and who stood in, not the whole list', async (text, line) => {
    const a = await corpus.answerer.ask(text);
    expect(a).toMatchObject({ intent: 'meeting', abstained: false });
    expect(a.answer).toContain(line);
    expect(a.answer).toContain('Maren Krogh');
    expect(a.answer).not.toContain('Mariann Hornnes');
  });

  it.each([
    // No list of members at all: a NUFA meeting known from its slides.
    ['Who sent apologies for the NUFA meeting on 27 October 2021?', 'The documents do not say who attended'],
    ['Hvem deltok på NUFA-møtet 27. oktober 2021?', 'Dokumentene sier ikke hvem som var til stede'],
    // An invitation's members: who was asked to come, not who stayed away.
    ['Who was absent from the NUIT meeting on 25 May 2023?', 'The documents do not say who attended'],
  ])('abstains on «%s», where the record holds no attendance, showing the meeting', async (text, line) => {
    const a = await corpus.answerer.ask(text);
    expect(a).toMatchObject({ intent: 'meeting', abstained: true, abstainedBecause: 'no_attendance' });
    expect(a.answer).toContain(line);
    expect(a.citations).toHaveLength(1);
    expect(a.answer).not.toMatch(/Present|Absent|Til stede:/);
  });

  it('lists an invitation’s members when asked who the members are', async () => {
    const a = await corpus.answerer.ask('Hvem var medlemmer av NUIT på møtet 25. mai 2023?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('Medlemmer: Mariann Hornnes');
  });

  it('answers "when was X discussed" with the committees’ treatments of X, but not when X was treated elsewhere', async () => {
    for (const q of ['When was MyHealth@EU discussed?', 'Når ble veikartet for Helsenorge drøftet?']) {
      const a = await corpus.answerer.ask(q);
      expect(a.abstained, q).toBe(false);
      expect(a.answer, q).toMatch(/16\.02\.2023: Sak (10|4)\/23/);
    }
    expect(
      (await corpus.answerer.ask('When was the cloud strategy presented to the ministry?')).abstained,
    ).toBe(true);
  });

  it('places "the next meeting" by the day asked, and says so when the documents hold none after it', async () => {
    const config = loadConfig({ DATA_DIR: os.tmpdir() });
    const on = async (day: string) =>
      createAnswerer({
        store: corpus.store,
        config,
        logger: createLogger('silent'),
        followChanges: false,
        clock: { now: () => new Date(`${day}T12:00:00Z`) },
      });
    const spring = await (await on('2023-03-01')).ask('What is on the agenda for the next NUIT meeting?');
    expect(spring.abstained).toBe(false);
    expect(spring.answer).toMatch(/^Agenda of NUIT meeting 2\/2023, 25\.05\.2023/);
    const later = await (await on('2026-12-07')).ask('Når er neste NUIT-møte?');
    expect(later).toMatchObject({ abstained: true, abstainedBecause: 'no_meeting' });
    expect(later.answer).toContain('ikke noe NUIT-møte etter i dag; det siste er NUIT 2/2023 25.05.2023');
    const latest = await (await on('2026-12-07')).ask('Hvor var siste NUIT-møte?');
    expect(latest.answer).toMatch(/^NUIT møte 2\/2023: 25\.05\.2023/);
  });

  it('lists the meetings the documents hold, oldest first, of the committee named', async () => {
    const all = await corpus.answerer.ask('Which meetings are in the documents?');
    const rows = all.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^- NUFA, 06\.11\.2019 and 07\.11\.2019/);
    expect(rows.at(-1)).toMatch(/^- NUIT meeting 2\/2023, 25\.05\.2023.* – 14 items$/);
    const nuit = await corpus.answerer.ask('Hvilke NUIT-møter finnes?');
    expect(nuit.answer.split('\n').filter((l) => l.startsWith('- NUIT møte'))).toHaveLength(4);
    // A topic is no list of meetings.
    expect((await corpus.answerer.ask('Which meetings discussed cloud services?')).answer).not.toMatch(
      /^The meetings in the documents/,
    );
  });

  it('counts the meetings of a year the documents hold', async () => {
    const a = await corpus.answerer.ask('Hvor mange møter har NUIT hatt i 2020?');
    expect(a.answer).toMatch(/^Møtene i dokumentene, eldst først \(2\):\n- NUIT møte 4\/2020, 17\.06\.2020/);
    const b = await corpus.answerer.ask('How many NUFA meetings are in the documents?');
    expect(b.answer).toMatch(/^The meetings in the documents, oldest first \(2\):/);
  });

  it('says the documents hold no list of members where a meeting has none, in the asker’s words', async () => {
    const a = await corpus.answerer.ask('Who are the members of NUFA?');
    expect(a).toMatchObject({ abstained: true, abstainedBecause: 'no_attendance' });
    expect(a.answer).toMatch(/^NUFA meeting: 27\.10\.2021 and 28\.10\.2021\n/);
    expect(a.answer).toContain('The documents hold no list of the members for this meeting.');
  });

  it('lists the saker of a meeting by a sakstype the agenda uses, whatever its name', async () => {
    const a = await corpus.answerer.ask('Which items had sakstype Tilslutning at NUIT on 9 September 2020?');
    expect(a.answer).toMatch(
      /^Agenda of NUIT meeting 5\/2020, 09\.09\.2020 \(2 of 9 items of type Tilslutning\)/,
    );
    expect(a.citations.map((c) => c.sak)).toEqual(['29/20', '33/20']);
  });

  it('lists who presents each sak when asked who presented what, from the minutes where no invitation is in', async () => {
    const a = await corpus.answerer.ask('Who presented what at the NUIT meeting in June 2020?');
    expect(a.answer).toMatch(/^Agenda of NUIT meeting 4\/2020, 17\.06\.2020 \(8 items\)/);
    expect(a.answer).toContain(
      '20/20 «Orientering fra Direktoratet for e-helse» – Orientering – Presented by: Karl Vestli',
    );
    const b = await corpus.answerer.ask('Hvem la fram sakene på NUFA-møtet i oktober 2021?');
    expect(b.answer).toContain(
      '33/21 «Status NILAR» – Orientering, 14:20–14:40 – Lagt fram av: Thomas Grimeland',
    );
  });

  it('reads "what are we asked to decide at the May meeting" as that meeting’s proposals, not a topic', async () => {
    const a = await corpus.answerer.ask('What are we asked to decide at the May 2023 NUIT meeting?');
    expect(a.abstained).toBe(false);
    const rows = a.answer.split('\n').filter((l) => l.startsWith('- Sak '));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.every((r) => r.includes('(NUIT, meeting 2/2023, 25.05.2023): Proposed decision'))).toBe(true);
  });

  it('answers a position on the agenda with the agenda facts asked of that sak', async () => {
    const a = await corpus.answerer.ask(
      'Who presents the first item at NUFA on 27 October 2021, and what type is it?',
    );
    expect(a.answer).toMatch(/^First item 27\.10\.2021: sak 28\/21/);
    expect(a.answer).toContain('\nPresented by: Hans Löwe Larsen');
    expect(a.answer).toContain('\nType (sakstype): Godkjenning');
  });

  it('is empty for a topic the documents never treat', async () => {
    expect(await corpus.answerer.timeline('jetpacks')).toEqual([]);
  });
});

describe('what a question is about', () => {
  /** The key term of a question for one of its words. */
  const termOf = async (question: string, word: string) =>
    keyTerms(await loadLibrary(corpus.store), understand(question)).find((t) => t.word === word);

  it('matches a sak by where its meeting was held: "the NUFA meeting at Gardermoen"', async () => {
    const lib = await loadLibrary(corpus.store);
    const at = lib.cases.filter((c) => c.committee === 'NUFA' && c.date?.startsWith('2021-10'));
    expect(at.length).toBeGreaterThan(5);
    for (const c of at) expect(lib.caseText(c)).toContain('gardermoen');
    const q = understand('Who presented the NILAR status at the NUFA meeting at Gardermoen?');
    expect(
      coverage(
        lib,
        at.find((c) => c.item.sak === '33/21')!,
        q,
      ),
    ).toBeGreaterThan(0.9);
  });

  it('finds a translation whose stem is too short to stand inside words by the word itself', async () => {
    // FreeDict gives "varighet" for "duration"; its stem "var" only matches standing alone.
    const term = await termOf('What was the duration of the framework agreement?', 'duration');
    expect(term).toBeDefined();
    expect(holds(term!, 'varighet: 2+2+2 år')).toBe(true);
  });

  it('reads words glossed in brackets and their gloss as one concept: "shared language (felles språk)"', async () => {
    const lib = await loadLibrary(corpus.store);
    const words = keyTerms(lib, understand('Who presented shared language (felles språk) to NUFA?')).map(
      (t) => t.word,
    );
    expect(words).toContain('felles språk');
    for (const w of ['shared', 'language', 'felles', 'språk']) expect(words).not.toContain(w);
    // An abbreviation in brackets is the abbreviation table's.
    const pll = keyTerms(lib, understand('Hva sier dokumentene om pasientens legemiddelliste (PLL)?'));
    expect(pll.map((t) => t.word)).not.toContain('pasientens legemiddelliste');
    // A name in brackets glosses nothing: it is a term of its own.
    const named = keyTerms(
      lib,
      understand('How did the shared record solution (Akson and its successor) develop?'),
    );
    expect(named.find((t) => t.word === 'akson')?.weight).toBeGreaterThan(0);
    // Examples listed in brackets gloss nothing: each is a term, and "etc." none.
    const listed = keyTerms(
      lib,
      understand(
        'What did NUIT say about the directorate’s normative products (veiledere, standarder etc.)?',
      ),
    ).map((t) => t.word);
    expect(listed).toEqual(expect.arrayContaining(['normative', 'veiledere', 'standarder']));
    expect(listed).not.toContain('etc');
  });

  it('finds a gloss as the bracket writes it, small words and all: "(portaler for rapportering)"', async () => {
    const lib = await loadLibrary(corpus.store);
    const [gloss] = keyTerms(
      lib,
      understand('What was proposed for the GP reporting item (portaler for rapportering) in May 2023?'),
    ).filter((t) => t.word.includes(' '));
    expect(gloss).toBeDefined();
    expect(holds(gloss!, foldForMatch('Sak 22/23 Portaler for rapportering for helsepersonell'))).toBe(true);
  });

  it('reads English words an abbreviation in brackets spells out as that one concept: "concept study (KVU)"', async () => {
    const lib = await loadLibrary(corpus.store);
    const q = understand('What did the concept study (KVU) for the emergency network conclude in the end?');
    const terms = keyTerms(lib, q);
    const kvu = terms.find((t) => t.word === 'kvu');
    expect(kvu?.alts).toEqual(expect.arrayContaining(['konseptvalgutredning', 'concept study']));
    for (const w of ['concept', 'study']) expect(terms.map((t) => t.word)).not.toContain(w);
    // No more words than the abbreviation has letters, and none past a word that is no topic.
    const short = keyTerms(lib, understand('What about the national core journal (KJ)?')).map((t) => t.word);
    expect(short).toContain('national');
  });

  it('weighs a phrase ending in a hyphenated word by how often the record uses it, not as the rarest word', async () => {
    const lib = await loadLibrary(corpus.store);
    const terms = keyTerms(lib, understand('What did the e-health directorate say about NILAR?'));
    const directorate = terms.find((t) => t.word === 'e-health directorate')!;
    const nilar = terms.find((t) => t.word === 'nilar')!;
    expect(directorate.alts).toContain('direktoratet for e-helse');
    expect(directorate.weight).toBeLessThan(nilar.weight);
  });

  it('reads "day 1" of a meeting as when, not as a topic word', async () => {
    const lib = await loadLibrary(corpus.store);
    const terms = keyTerms(lib, understand('On day 1 of the NUFA meeting, who presented the NILAR status?'));
    expect(terms.map((t) => t.word)).not.toContain('1');
  });

  it('counts an abbreviation and its spelled-out form, asked together, as one concept', async () => {
    const lib = await loadLibrary(corpus.store);
    const terms = keyTerms(lib, understand('Hva sier dokumentene om sentral forskrivningsmodul (SFM)?'));
    expect(terms.filter((t) => t.alts.some((a) => a.includes('forskrivningsmodul')))).toHaveLength(1);
    expect(terms.map((t) => t.word)).not.toContain('sentral');
  });

  it('reaches the documents’ own word for an English word the dictionary lacks', async () => {
    const term = await termOf('What about psychiatric care?', 'psychiatric');
    expect(term?.alts).toContain('psykiatrisk');
  });

  it('finds a name joined of capitalised parts only whole: "Nord-Norge" is not "Norge"', async () => {
    const term = await termOf('Hva ble bestemt om felles journal i Nord-Norge?', 'nord-norge');
    expect(term).toBeDefined();
    expect(holds(term!, 'pasienter i hele norge')).toBe(false);
    expect(holds(term!, 'helse nord-norge')).toBe(true);
    // An ending on an abbreviation is no part of it, hyphenated or not.
    for (const q of ['Hva sier KVU-en om journal?', 'Hva sier KVUen om journal?'])
      expect((await termOf(q, 'kvu'))?.alts, q).toContain('konseptvalgutredning');
  });

  it('reads a word and an abbreviation joined by a hyphen as two terms, each found alone', async () => {
    const q = 'Når skulle Nødnett-KVUen leveres?';
    const kvu = await termOf(q, 'kvu');
    const nodnett = await termOf(q, 'nødnett');
    expect(kvu && nodnett).toBeTruthy();
    expect(holds(kvu!, foldForMatch("KVU'en skal leveres 1. juni 2020"))).toBe(true);
    expect(holds(nodnett!, foldForMatch('Dagens avtale om drift av Nødnett går ut i 2026'))).toBe(true);
    const a = await corpus.answerer.ask('Hvordan har Nødnett-KVUen vært behandlet i utvalgene?');
    expect(a.abstained).toBe(false);
    expect(a.citations.some((c) => c.sak === '24/20' || c.sak === '42/19')).toBe(true);
  });

  it('reaches an abbreviation written with a Norwegian ending in the question', async () => {
    const a = await corpus.answerer.ask('Hva sa RHFene om prismodellene?');
    expect(a.abstained).toBe(false);
    expect(a.citations.every((c) => c.sak === '6/23')).toBe(true);
  });
});

describe('a typing slip', () => {
  it('is read as the record’s word it is one or two letters from, keeping its first letters', async () => {
    const lib = await loadLibrary(corpus.store);
    expect(lib.index.corrected('prismodeler')).toBe('prismodell');
    expect(lib.index.corrected('kjernejornal')).toBe('kjernejournal');
    expect(lib.index.corrected('institusjonsopfold')).toBe('institusjonsopphold');
    // A word the record uses, a short word, an English word the dictionary knows, or a near word
    // that starts otherwise is no slip.
    expect(lib.index.corrected('prismodeller')).toBeNull();
    expect(lib.index.corrected('helsnorg')).toBe('helsenorg');
    expect(lib.index.corrected('kostnd')).toBeNull();
    expect(lib.index.corrected('minister')).toBeNull();
    expect(lib.index.corrected('vannføring')).toBeNull();
  });

  it.each([
    ['hva ble vedtatt om prismodeler i februar 2023?', 'hva ble vedtatt om prismodeller i februar 2023?'],
    ['Hva koster kjernejornal for kommunene?', 'Hva koster kjernejournal for kommunene?'],
  ])('leaves «%s» answered as «%s» is', async (slipped, written) => {
    const [a, b] = await Promise.all([corpus.answerer.ask(slipped), corpus.answerer.ask(written)]);
    expect(a.abstained).toBe(b.abstained);
    expect(new Set(a.citations.map((c) => c.sak))).toEqual(new Set(b.citations.map((c) => c.sak)));
  });
});

describe('questions in time', () => {
  it('answers "what did NUIT decide on X in 2020" from that year’s steps, the adopted one among them', async () => {
    const a = await corpus.answerer.ask('What did NUIT decide about Felles grunnmur in 2020?');
    expect(a.abstained).toBe(false);
    expect(a.citations.filter((c) => c.kind === 'adopted').map((c) => c.sak)).toContain('22/20');
    expect(a.citations.every((c) => c.date?.startsWith('2020'))).toBe(true);
  });

  it('weighs a part of a history that names one year against that year’s saker, so its brief step is kept', async () => {
    const a = await corpus.answerer.ask(
      'Målarkitekturen for datadeling var på innspillsrunde i 2020. Hvordan ledet det fram til målarkitekturen for digital hjemmeoppfølging i 2023?',
    );
    expect(a.citations.map((c) => c.sak)).toEqual(expect.arrayContaining(['22/20', '21/23']));
    expect(a.answer).toMatch(/innspillsrunde med frist 15\. juni/);
    expect(a.answer.indexOf('22/20')).toBeLessThan(a.answer.indexOf('21/23'));
  });

  it('answers a decision put in a quarter from that quarter’s meetings, and abstains on a quarter with none', async () => {
    const a = await corpus.answerer.ask('What did NUIT decide about the Helsenorge roadmap in Q1 2023?');
    expect(a.abstained).toBe(false);
    expect(a.citations.some((c) => c.sak === '4/23' && c.kind === 'adopted')).toBe(true);
    expect(
      (await corpus.answerer.ask('Hva vedtok NUIT om veikartet for Helsenorge i 3. kvartal 2023?')).abstained,
    ).toBe(true);
  });

  it('answers whether minutes were approved from the sak that approves them, at the next meeting', async () => {
    const a = await corpus.answerer.ask('Did NUIT approve the minutes from February 2023?');
    expect(a.citations[0]).toMatchObject({ sak: '14/23', meeting: '2/2023' });
    // The May 2023 minutes are not in the record: the proposal shows, the outcome is unknown.
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/NUIT godkjenner referatet fra NUIT 16\. februar 2023/);
    const none = await corpus.answerer.ask('Were the minutes of the 9 September 2020 meeting approved?');
    expect(none.abstained).toBe(true);
    expect(none.citations).toEqual([]);
  });

  it('keeps a history between two months to the steps between them', async () => {
    const a = await corpus.answerer.ask(
      'How did the national e-health portfolio develop between September 2020 and May 2023?',
    );
    expect(a.abstained).toBe(false);
    const dates = a.citations.map((c) => c.date ?? '');
    expect(dates.every((d) => d >= '2020-09' && d <= '2023-05-31')).toBe(true);
    expect(new Set(dates).size).toBeGreaterThan(1);
  });
});

describe('who said what, and what came before', () => {
  it('takes a name as the speaker only next to the verb of speech, not where the speaking took place', async () => {
    // KiNS hosted the webinar; the municipalities spoke there, under a label naming the webinar.
    for (const q of [
      'At the KiNS webinar, what did the participating municipalities say was hardest for them on security?',
      'Hva sa kommunene på webinaret med KiNS om sin største utfordring?',
    ]) {
      const a = await corpus.answerer.ask(q);
      expect(a.abstained, q).toBe(false);
      expect(a.citations[0], q).toMatchObject({ sak: '31/20' });
      expect(a.answer, q).toMatch(/manglende kompetanse \(53%\)/);
    }
  });

  it('quotes every unit of the minutes that names the body asked about, in their order', async () => {
    const a = await corpus.answerer.ask(
      'What did Helse Nord RHF say about the Norwegian contact point for MyHealth@EU?',
    );
    expect(a.abstained).toBe(false);
    const quoted = a.answer.split('\n').filter((l) => l.startsWith('«'));
    expect(quoted.length).toBeGreaterThan(2);
    for (const l of quoted) expect(l).toContain('Helse Nord');
    expect(a.citations.every((c) => c.sak === '10/23' && c.kind === 'minutes')).toBe(true);
  });

  it('does not quote a body on another topic as what it said on the one asked about', async () => {
    const a = await corpus.answerer.ask('What did Helse Nord say about felles kommunal journal?');
    // Helse Nord RHF speaks in the price-model minutes, of price models.
    expect(a.citations.some((c) => c.sak === '6/23')).toBe(false);
    expect(a.answer).not.toMatch(/Helse Nord RHF sa at/);
  });

  it.each([
    'What input did Helse Nord give on the price models?',
    'Hvilke innspill ga Helse Nord om prismodellene?',
  ])('quotes what the body named gave as input, asked «%s»', async (text) => {
    const a = await corpus.answerer.ask(text);
    expect(a.abstained).toBe(false);
    const quoted = a.answer.split('\n').filter((l) => l.startsWith('«'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const l of quoted) expect(l).toContain('Helse Nord');
    expect(a.citations.every((c) => c.sak === '6/23')).toBe(true);
  });

  it('takes an abbreviation opening the question, possessive and all, as the speaker', async () => {
    const a = await corpus.answerer.ask("NHN's view on the price models?");
    expect(a.abstained).toBe(false);
    const quoted = a.answer
      .split('\n')
      .slice(1)
      .filter((l) => l.includes('«'));
    expect(quoted.length).toBeGreaterThan(1);
    for (const l of quoted) expect(l).toContain('Norsk helsenett');
  });

  it('reaches a body by the initials members write it with', async () => {
    const a = await corpus.answerer.ask('What did HSØ think of MyHealth@EU?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('Helse Sør-Øst');
  });

  it('quotes the sak where the body spoke of the topic, of saker ranked level with it', async () => {
    const a = await corpus.answerer.ask("hey – what did HSØ say on the digital collab programme, Feb '23?");
    expect(a.abstained).toBe(false);
    expect(a.citations.every((c) => c.sak === '3/23')).toBe(true);
    expect(a.answer).toMatch(/Helse Sør-Øst RHF kommenterte[^»]*program digital samhandling/);
  });

  it('answers what a committee decided in a year the record holds none of its meetings from the other committee’s memo', async () => {
    // The record holds NUFA meetings of 2019 and 2021 only; a NUIT memo of 2023 quotes NUFA 14/23.
    const a = await corpus.answerer.ask(
      'What did NUFA decide on the reporting portals for health personnel in 2023?',
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/NUFA 14\/23 Portaler for rapportering for helsepersonell/);
    expect(a.citations.some((c) => c.sak === '22/23' && c.kind === 'memo')).toBe(true);
  });

  it('lists the earlier treatments a memo quotes, in other committees too, cited to the memo', async () => {
    const a = await corpus.answerer.ask(
      'Has information exchange between NAV and the health service been discussed before?',
    );
    expect(a.answer).toMatch(/Earlier treatments as quoted in the memo of sak 23\/23/);
    expect(a.answer).toContain('19/22 NUIT');
    const memo = a.citations.filter((c) => c.sak === '23/23' && c.kind === 'memo');
    expect(memo.some((c) => c.headingPath?.some((h) => /tidligere behandlinger/i.test(h)))).toBe(true);
  });
});

describe('answers over the corpus', () => {
  it.each([
    ['What did NUIT decide about the Helsenorge roadmap?', '4/23', 'adopted'],
    ['Who presents the item on information exchange between NAV and the health service?', '23/23', 'agenda'],
    ['How long is the NUFA discussion on the new e-health organisation (NEO)?', '40/19', 'agenda'],
    ['What did NUIT decide about the national e-health portfolio in June 2020?', '21/20', 'adopted'],
    ['Hva er vedtaket om NILAR?', '33/21', 'proposed'],
    ['Hvor mye bevilget HOD til digitaliseringstiltak i koronaporteføljen?', '21/20', 'minutes'],
    ['What questions were put to NUFA about Helsenorge?', '43/19', 'slides'],
    // The words that ask what the committee was asked ("questions", "members", "answer") are no topic.
    [
      'Which questions did the directorate want the NUIT members to answer on reporting portals?',
      '22/23',
      'memo',
    ],
    // "Helsenorge-presentasjonen" is Helsenorge and a presentation, not a presentation of anything.
    ['Hvilket spørsmål stilte Helsenorge-presentasjonen til NUFA?', '43/19', 'slides'],
  ])('«%s» is answered from sak %s (%s)', async (question, sak, kind) => {
    const a = await corpus.answerer.ask(question);
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak });
    expect(a.citations.some((c) => c.sak === sak && c.kind === kind)).toBe(true);
  });

  it.each([
    // What members said or raised is what the minutes record, point by point.
    [
      'What did members say about the price models in February 2023?',
      'discussion',
      '6/23',
      'Input and questions from the meeting',
    ],
    [
      'Hva sa medlemmene om målbildet for Helsenorge?',
      'discussion',
      '4/23',
      'Innspill og spørsmål fra møtet',
    ],
    // Which day an item is on and how long it lasts stand in its agenda slot.
    [
      'Which day is the NILAR status on at the NUFA meeting in October 2021?',
      'agenda',
      '33/21',
      'Time: 14:20–14:40, 27.10.2021',
    ],
    ['Hvor lenge varer saken om Akson på NUFA i november 2019?', 'agenda', '44/19', 'Satt av: 90 min'],
  ])('answers «%s» as %s from sak %s, with «%s»', async (text, intent, sak, line) => {
    const a = await corpus.answerer.ask(text);
    expect(a).toMatchObject({ intent, abstained: false });
    expect(a.answer).toContain(line);
    expect(a.citations.every((c) => c.sak === sak && (intent !== 'discussion' || c.kind === 'minutes'))).toBe(
      true,
    );
  });

  it.each([
    [
      'What were the four future scenarios shown to NUFA for the new e-health strategy?',
      'Named in the sak: ',
    ],
    ['Hva var de fire framtidsscenarioene NUFA fikk se?', 'Nevnt i saken: '],
  ])('lists what the sak names in quotes for a list question put as «%s»', async (text, label) => {
    const a = await corpus.answerer.ask(text);
    expect(a.abstained).toBe(false);
    const named = a.answer.split('\n').find((l) => l.startsWith(label));
    for (const scenario of ['«Helseøyene»', '«Stein-på-stein»']) expect(named).toContain(scenario);
  });

  it('answers a question in two parts part by part, where no one sentence holds both', async () => {
    const a = await corpus.answerer.ask(
      'In the 2020 plan revision for Felles grunnmur, when was grunndata om person due, and which terminologies does felles språk build on?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations.every((c) => c.sak === '30/20')).toBe(true);
    expect(a.answer).toMatch(/ferdigstilt ved utgangen av 2022/);
    expect(a.answer).toMatch(/SNOMED CT og ICNP/);
  });

  it("answers a question with meeting words but a sak's topic from the sak, not the meeting header", async () => {
    const a = await corpus.answerer.ask('Hvor mange deltakere har samarbeidsgruppene i NILAR?');
    expect(a.abstained).toBe(false);
    expect(a.citations.every((c) => c.sak === '33/21')).toBe(true);
    expect(a.answer).not.toMatch(/Til stede|Medlemmer/);
  });

  it("quotes the sak's text beside its proposal when the proposal does not hold what was asked", async () => {
    const a = await corpus.answerer.ask(
      'Hva ble foreslått om velferdsteknologi i orienteringen til NUIT i september 2020?',
    );
    expect(a.citations.map((c) => [c.sak, c.kind])).toEqual(
      expect.arrayContaining([
        ['28/20', 'proposed'],
        ['28/20', 'memo'],
      ]),
    );
    expect(a.answer).toMatch(/Forslag til vedtak: «NUIT tar sakene til orientering\.»/);
    expect(a.answer).toMatch(/velferdsteknologi/i);
  });

  it('answers a "when does it start" about a sak\'s text from the text, not from its agenda slot', async () => {
    const a = await corpus.answerer.ask('Når starter den første utprøvingsperioden i felles journalløft?');
    expect(a.abstained).toBe(false);
    expect(a.citations.some((c) => c.sak === '18/23' && c.kind === 'memo')).toBe(true);
    expect(a.answer).toMatch(/utprøvingsperiode starter tidligst/);
    expect(a.answer).not.toMatch(/Sakstype|Tidspunkt/);
  });

  it('abstains, showing the proposal, when asked what was actually decided of a topic only proposed', async () => {
    for (const q of [
      'What did NUIT actually decide on the DHO target architecture?',
      'Ble forslaget om måleindikatorer vedtatt?',
    ]) {
      const a = await corpus.answerer.ask(q);
      expect(a.abstained, q).toBe(true);
      expect(a.answer, q).toMatch(/Forslag til vedtak/);
      expect(
        a.citations.some((c) => c.kind === 'proposed'),
        q,
      ).toBe(true);
    }
  });

  it('says when only the proposal is known, for a sak whose minutes are not in the record', async () => {
    const a = await corpus.answerer.ask('Hva ble vedtatt om NILAR?');
    expect(a.answer).toMatch(/Utfallet er ikke i dokumentene/);
  });

  it.each([
    ['What did NUIT decide about AI chatbots for GPs in 2025?'],
    ['What is the annual licence cost of Kjernejournal?'],
    ['Hvor mye koster nødnett?'],
    // A full name is matched as written: its stem would find other words ("stør" in "større").
    ['What did Jonas Gahr Støre say about pasientens legemiddelliste?'],
    // Every topic word is one the record never uses: nothing of the question is covered.
    ['What did NUIT decide about jetpacks?'],
    // No meeting of the record was held in 2025, and the sak on the portfolio does not speak of it.
    ['What did NUIT decide in 2025 about the e-health portfolio?'],
  ])('abstains on «%s»', async (question) => {
    expect((await corpus.answerer.ask(question)).abstained).toBe(true);
  });

  it.each([
    ['What did NUIT decide in 2025 about the e-health portfolio?', 'The documents hold no meeting in 2025.'],
    ['Hva ble vedtatt på NUIT-møtet i mars 2021?', 'Dokumentene har ikke noe møte i mars 2021.'],
    ['Hva vedtok NUIT om droner?', 'Møtedokumentene nevner ikke «droner».'],
  ])('says why it abstains on «%s»', async (question, why) => {
    const a = await corpus.answerer.ask(question);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain(why);
  });

  it('does not claim the documents never mention an English word nothing translates', async () => {
    // "jetpacks" may be written in Norwegian there: the answer abstains without saying so.
    const a = await corpus.answerer.ask('What did NUIT decide about jetpacks?');
    expect(a.abstained).toBe(true);
    expect(a.answer).not.toMatch(/never mention/);
  });

  it("reads a year no meeting was held in as the topic's when the sak speaks of it with the topic", async () => {
    // Held in May 2023, the sak is about "tiltak for 2024".
    const a = await corpus.answerer.ask(
      'What measures did NUIT discuss in 2024 for the national e-health portfolio?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '20/23' });
  });

  it("reads a month no meeting was held in as the topic's when the sak dates the fact by it", async () => {
    const a = await corpus.answerer.ask(
      'For how many central health registries did Helsedataservice take over the decision authority in March 2023?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '15/23' });
    expect(a.answer).toMatch(/15\. mars 2023 overtok Direktoratet for e-helse vedtaksmyndigheten for 11/);
    // A month with neither a meeting nor the topic stays the meeting's: no meeting then, no answer.
    const none = await corpus.answerer.ask('What did NUIT decide on the health registries in March 2021?');
    expect(none.abstained).toBe(true);
  });

  it('answers what was decided at a time the record holds no meeting of from the memo that quotes it', async () => {
    // NUIT 8/22 (17.2.22) stands in the table of earlier treatments of a 2023 memo.
    const a = await corpus.answerer.ask(
      'What did NUIT decide in February 2022 about the digital security strategy?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '25/23', kind: 'memo' });
    expect(a.answer).toMatch(/NUIT 8\/22 \(17\.2\.22\)/);
    expect(a.answer).toMatch(/høringsversjonen/);
  });

  it('abstains on what happened after the record’s last meeting, saying where the documents end', async () => {
    const a = await corpus.answerer.ask(
      'Hvor mange søknader hadde Helsedataservice mottatt innen november 2023?',
    );
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/går ikke lenger enn til møtet 25\.05\.2023/);
    const end = await corpus.answerer.ask(
      'How many disclosure decisions had Helsedataservice made by the end of 2023?',
    );
    expect(end.abstained).toBe(true);
    expect(end.answer).toMatch(
      /go no further than the meeting of 25\.05\.2023, so they cannot tell what happened by the end of 2023\./,
    );
    // Before the record ends, the same question is answered.
    const b = await corpus.answerer.ask(
      'Hvor mange søknader hadde Helsedataservice mottatt per 21. april 2023?',
    );
    expect(b.abstained).toBe(false);
    expect(b.answer).toMatch(/67 søknader/);
  });

  it("answers a question naming a meeting and its members about a sak's topic from the sak", async () => {
    const a = await corpus.answerer.ask(
      'What input did the members give on the Helsenorge roadmap in February 2023?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '4/23' });
    // Without a topic, the same words ask about the meeting.
    const who = await corpus.answerer.ask('Which members attended the NUIT meeting in February 2023?');
    expect(who.answer).toMatch(/Present: .*Ole Johan Kvan/);
  });

  it('answers what was raised on a sak with the points of its minutes, each whole, in order', async () => {
    const a = await corpus.answerer.ask(
      'Hvilke innspill ga medlemmene om målbilde og veikart for Helsenorge i februar 2023?',
    );
    const points = a.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points[0]).toMatch(/^- Legeforeningen uttrykte bekymring .*konsulenttjenester/);
    expect(points.some((p) => /^- Helse Nord RHF ga skryt/.test(p))).toBe(true);
    expect(a.citations.every((c) => c.sak === '4/23' && c.kind === 'minutes')).toBe(true);
  });

  it('answers a question about a meeting with its time and place', async () => {
    const a = await corpus.answerer.ask('When does the NUIT meeting on 25 May 2023 start and end?');
    expect(a.answer).toContain('09.00');
    expect(a.answer).toContain('15:45');
    expect(a.answer).toContain('Verkstedveien');
  });

  it('answers "what did NUIT decide on X" as a history, oldest first, saying when nothing was settled', async () => {
    const a = await corpus.answerer.ask(
      'What has NUIT decided about price models for the national solutions?',
    );
    expect(a.abstained).toBe(false);
    expect(a.intent).toBe('adopted_decision');
    const saker = a.citations.map((c) => c.sak);
    expect(saker).toContain('6/23');
    // Oldest first: the dates of the cited saker never go back in time.
    const dates = a.citations.map((c) => c.date ?? '');
    expect([...dates].sort()).toEqual(dates);
    // 6/23 only took the matter to discussion: the answer must not pass that off as adopted.
    expect(a.answer).toMatch(/None of the decisions above settles the matter/);
  });

  it('quotes a fact verbatim from the passage that holds it, with its locator', async () => {
    const a = await corpus.answerer.ask('Hvor mange foregangskommuner skulle få kjernejournal?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/«[^»]*50 foregangskommuner[^»]*»/);
    const cited = a.citations.find((c) => c.quote?.includes('50 foregangskommuner'));
    expect(cited).toMatchObject({ sak: '28/20', kind: 'memo' });
    expect(cited!.line).toBeGreaterThan(1);
  });

  it('asked what was decided where only a proposal exists, shows the proposal but abstains', async () => {
    const a = await corpus.answerer.ask('What did NUFA decide in sak 33/21?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/Proposed decision/);
    expect(a.citations[0]).toMatchObject({ sak: '33/21', kind: 'proposed' });
  });

  it('answers about a sak the record only quotes from the sak that quotes it', async () => {
    // NUFA 18/22 is not in the corpus; the memo of NUIT 23/23 quotes its decision.
    const a = await corpus.answerer.ask('What did NUFA conclude in sak 18/22?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('18/22');
    expect(a.citations[0]).toMatchObject({ committee: 'NUIT', sak: '23/23', kind: 'memo' });
  });

  it('abstains on the meeting after the last one the record holds, instead of describing that one', async () => {
    const a = await corpus.answerer.ask('Where is the next NUIT meeting after 25 May 2023 held?');
    expect(a.abstained).toBe(true);
    const b = await corpus.answerer.ask('Where is the next NUIT meeting after 16 February 2023 held?');
    expect(b.abstained).toBe(false);
    expect(b.answer).toContain('Verkstedveien');
  });

  it.each([
    ['Any action points from the February 2023 meeting?', false, 'The minutes record no action points.'],
    [
      'Hvilke aksjonspunkter ble satt på NUIT-møtet 25. mai 2023?',
      true,
      'Referatet fra dette møtet er ikke lest inn',
    ],
  ])('answers «%s» from the meeting’s minutes, or says they are not in', async (text, abstained, line) => {
    const a = await corpus.answerer.ask(text);
    expect(a.abstained).toBe(abstained);
    expect(a.answer).toContain(line);
    expect(a.citations).toHaveLength(1);
  });

  it('lists the action points a meeting’s minutes record, each cited to its sak', async () => {
    const own = await mkdtemp(path.join(os.tmpdir(), 'motebot-actions-'));
    const config = loadConfig({ DATA_DIR: own });
    const s = await openStore(config);
    try {
      // The February 2023 minutes with an action point under their first sak.
      const source = await readFile(path.join(SHARED, 'corpus', '001_3b351634044a7914.txt'), 'utf8');
      const point = 'Sekretariatet sender ut revidert dagsorden innen 1. mars 2023.';
      const changed = source.replace(
        ' Det kom ingen innspill til innkalling og dagsorden. \n',
        ` Det kom ingen innspill til innkalling og dagsorden. \n Aksjonspunkt: ${point}\n`,
      );
      expect(changed).not.toBe(source);
      await writeFile(path.join(own, 'package.txt'), changed);
      await ingestPaths([path.join(own, 'package.txt')], { store: s, maxBytes: 5e7 });
      const a = await (
        await createAnswerer({ store: s, config, logger: createLogger('silent') })
      ).ask('Hvilke aksjonspunkter kom ut av møtet i februar 2023?');
      expect(a.abstained).toBe(false);
      expect(a.answer).toContain(`Sak 1/23 «Godkjenning av innkalling og dagsorden»`);
      expect(a.answer).toContain(point);
      expect(a.citations).toEqual([expect.objectContaining({ sak: '1/23', kind: 'minutes' })]);
    } finally {
      await s.close();
      await rm(own, { recursive: true, force: true });
    }
  });

  it('shows a later proposal on a topic as a step whose outcome is not known, beside the adopted ones', async () => {
    // A fictional package with a proposal on SFM pricing, in a store of its own with the corpus.
    const own = await mkdtemp(path.join(os.tmpdir(), 'motebot-sfm-'));
    const config = loadConfig({ DATA_DIR: own });
    const s = await openStore(config);
    try {
      await ingestPaths(
        [
          path.resolve(import.meta.dirname, '../../shared/corpus'),
          path.resolve(import.meta.dirname, 'fixtures/sfm'),
        ],
        { store: s, maxBytes: 5e7 },
      );
      const a = await (
        await createAnswerer({ store: s, config, logger: createLogger('silent') })
      ).ask('What has NUIT decided about the pricing of SFM?');
      expect(a.abstained).toBe(false);
      expect(a.citations).toContainEqual(expect.objectContaining({ sak: '6/23', kind: 'adopted' }));
      expect(a.citations).toContainEqual(expect.objectContaining({ sak: '17/24', kind: 'proposed' }));
      // The proposal is shown as one, its outcome unknown, and it comes last (newest).
      expect(a.answer).toMatch(/17\/24[^\n]*Proposed decision[^\n]*The outcome is not in the documents/);
      expect(a.citations.at(-1)).toMatchObject({ sak: '17/24' });
    } finally {
      await s.close();
      await rm(own, { recursive: true, force: true });
    }
  });

  it('answers a position in the agenda from the order of its saker, day by day', async () => {
    const a = await corpus.answerer.ask(
      'What is the last sak on day 2 of the NUFA meeting in November 2019, and when does the day end?',
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Last item 07\.11\.2019: sak 46\/19/);
    expect(a.answer).toContain('The day ends at 13:35');
    const b = await corpus.answerer.ask('Hva er første sak på NUIT-møtet 25. mai 2023?');
    expect(b.answer).toMatch(/Første sak: sak 13\/23/);
    expect(b.citations[0]).toMatchObject({ sak: '13/23', kind: 'agenda' });
  });

  it('answers what is on a meeting’s agenda, counted, and only the saker of a type asked for', async () => {
    const a = await corpus.answerer.ask('How many items are on the NUIT agenda for 25 May 2023?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/^Agenda of NUIT meeting 2\/2023, 25\.05\.2023 \(14 items\):/);
    expect(a.answer.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(14);
    expect(a.citations.every((c) => c.kind === 'agenda' && c.meeting === '2/2023')).toBe(true);
    const b = await corpus.answerer.ask('Hvilke orienteringssaker var på NUFA-møtet i november 2019?');
    const listed = b.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(listed.length).toBeGreaterThan(1);
    for (const l of listed) expect(l).toMatch(/– Orientering, /);
    expect(b.answer).toMatch(/\(\d+ av 12 saker av typen Orientering\)/);
    const c = await corpus.answerer.ask("What's first on the agenda at the NUFA meeting in October 2021?");
    expect(c.answer).toMatch(/First item: sak 28\/21/);
  });

  it('reads the verbs of an agenda question ("sto", "står") as what is asked, not its topic', async () => {
    const a = await corpus.answerer.ask('Hvor mange saker sto på agendaen i møte 2/2023?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/\(14 saker\):/);
  });

  it('finds a count by any number in a sak that never uses the counted noun’s translations', async () => {
    // "applications" translates to "applikasjon"; the sak counts "søknader".
    const lib = await loadLibrary(corpus.store);
    const q = understand('How many applications had Helsedataservice received?');
    const { ranked } = await rankCases(lib, q, {});
    const units = rankEvidence(lib, q, ranked.slice(0, 6)).filter((e) => /67 søknader/.test(e.unit.text));
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((e) => e.c.item.sak === '15/23' && e.fits)).toBe(true);
  });

  it('answers a count asked beside "what did NUIT decide" at one meeting with the decision, not an abstention', async () => {
    const a = await corpus.answerer.ask(
      'How many price models were assessed, and what did NUIT decide on price models at the meeting on 16 February 2023?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '6/23', kind: 'adopted' });
    expect(a.answer).toMatch(/Decision \(Vedtak\): «NUIT drøftet/);
  });

  it('lists a question put to the committee with the examples under its label', async () => {
    const a = await corpus.answerer.ask(
      'Which questions did the directorate put to NUIT on a security strategy in September 2020?',
    );
    const tema = a.answer.split('\n').find((l) => /Hvilke temaer er viktige/.test(l));
    expect(tema).toMatch(/Aktuelle tema: Innebygget personvern; Beredskap og hendelseshåndtering/);
    const innretning = a.answer.split('\n').find((l) => /Hvilke forhold mener NUIT/.test(l));
    expect(innretning).toMatch(/f\.eks: Behov for en kartlegging av status i sektoren; .*Virkemidler/);
  });

  it('lists among the questions put to the committee one that ends in a colon before its examples', async () => {
    const a = await corpus.answerer.ask(
      'What questions was NUIT asked to discuss on a possible digital security strategy in September 2020?',
    );
    expect(a.abstained).toBe(false);
    const asked = a.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(asked.some((l) => /Hvilke forhold mener NUIT .*f\.eks:/.test(l))).toBe(true);
    expect(asked.some((l) => /\?$/.test(l))).toBe(true);
  });

  it('answers a question in two parts from two sentences in a row, each holding one part', async () => {
    const a = await corpus.answerer.ask(
      'Hvor stor andel av befolkningen har kritisk informasjon, og hvor mange av dem er faktisk registrert i kjernejournal?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '16/23' });
    expect(a.answer).toMatch(/fem prosent av befolkningen/);
    expect(a.answer).toMatch(/en tredjedel/);
  });

  it('answers a question in two parts, each asking for a different kind of thing, from two sentences', async () => {
    const a = await corpus.answerer.ask(
      'Which consulting firm reviewed the medicines programme, and how many die each year from wrong medication?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '20/20' });
    expect(a.answer).toMatch(/Boston Consulting Group/);
    expect(a.answer).toMatch(/1000 dødsfall i året/);
  });

  it('quotes the sentence holding the day a fact is dated by, when the best sentence does not', async () => {
    const a = await corpus.answerer.ask(
      'Since taking over as the authority for the central health registries, how many disclosure decisions had Helsedataservice made by 21 April 2023?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '15/23' });
    expect(a.answer).toMatch(/Per 21\. april 2023 er det mottatt 67 søknader/);
  });

  it('abstains on a choice the documents never say was made, and answers one they do', async () => {
    const unsettled = await corpus.answerer.ask(
      'Hvilken skyleverandør valgte Norsk helsenett for rammeavtalen?',
    );
    expect(unsettled.abstained).toBe(true);
    const signed = await corpus.answerer.ask("When was NHN's public cloud framework agreement signed?");
    expect(signed.abstained).toBe(false);
    expect(signed.answer).toMatch(/Rammeavtalen signert 21\.08\.2019/);
  });

  it('abstains on a share or a "most" the documents never state, though they treat the topic', async () => {
    for (const q of [
      'Hvor stor andel av kostnadene for kjernejournal betaler RHF-ene?',
      'Which municipality has the most users of digital home follow-up?',
    ])
      expect((await corpus.answerer.ask(q)).abstained, q).toBe(true);
  });

  it('abstains where the best passage holds one of the several things asked, however rare that one is', async () => {
    // "Executive" stands in an English slide on US rules; nothing there is about Norsk helsenett.
    const a = await corpus.answerer.ask('Who is the executive chairman of Norsk helsenett?');
    expect(a.abstained).toBe(true);
    // A passage holding two of them still answers.
    const b = await corpus.answerer.ask("What was the financial frame of NHN's cloud framework agreement?");
    expect(b.abstained).toBe(false);
    expect(b.citations[0]).toMatchObject({ sak: '39/19' });
  });

  it('answers which minutes a meeting approves from the sak that approves them', async () => {
    const a = await corpus.answerer.ask('Hvilket referat skulle NUIT godkjenne i september 2020?');
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '27/20' });
    expect(a.answer).toMatch(/referatet fra 17\. juni 2020/);
  });

  it('finds a word whose stem keeps a doubled consonant in the form that ends in one ("programmet", "program")', async () => {
    const a = await corpus.answerer.ask(
      'Hvem presenterer saken om velferdsteknologiprogrammet på NUFA, og når starter den?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '31/21', kind: 'agenda' });
    expect(a.answer).toMatch(/Bjørnar Andreassen/);
  });

  it('looks for an item "on day two" among the saker of the meeting’s second day', async () => {
    const a = await corpus.answerer.ask(
      "Who's handling the item on language on day two of the NUFA meeting in November 2019?",
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '46/19', kind: 'agenda', date: '2019-11-07' });
    expect(a.answer).toMatch(/Case handler \(saksbehandler\): Alfhild Stokke/);
  });

  it('reads who owns or handles an item as the agenda facts asked for, not as its topic', async () => {
    const a = await corpus.answerer.ask('Who owns the felles språk item at NUFA?');
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '46/19', kind: 'agenda' });
    expect(a.answer).toMatch(/Case owner \(sakseier\): Christine Bergland/);
  });

  it('abstains on how often a body meets where the documents never say, though they describe it', async () => {
    for (const q of [
      'Hvor ofte møtes styringsgruppen for portaler for rapportering?',
      'How often does the sector council for the NAV pre-project meet?',
    ])
      expect((await corpus.answerer.ask(q)).abstained, q).toBe(true);
  });

  it('abstains on a price per unit the documents never give, though they treat what is priced', async () => {
    for (const q of [
      'What do the municipalities pay per user for kjernejournal?',
      'Hva betaler kommunene per innbygger for e-resept?',
    ])
      expect((await corpus.answerer.ask(q)).abstained, q).toBe(true);
  });

  it('says the meeting of the time asked holds nothing on the topic, not that there was no meeting', async () => {
    const a = await corpus.answerer.ask('What did NUIT say about MyHealth@EU in June 2020?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/The documents of the meeting in June 2020 say nothing on this\./);
    expect(a.answer).not.toMatch(/hold no meeting/);
    const b = await corpus.answerer.ask('What did NUIT say about MyHealth@EU in March 2021?');
    expect(b.answer).toMatch(/The documents hold no meeting in March 2021\./);
  });

  it('answers a history between two times of a year without holding it to the first', async () => {
    const a = await corpus.answerer.ask(
      'Hvordan endret arbeidet med det strategiske veikartet seg fra møtet i juni 2020 til møtet i september samme år?',
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/^(How the documents record it|Behandlinger i dokumentene), /);
    expect(a.citations.map((c) => c.sak)).toContain('23/20');
  });

  it('quotes with a sentence that points to the list "vist over" the list it points to', async () => {
    const a = await corpus.answerer.ask(
      'How should NUIT rank the FKJ pilots against the priority order in PDS and PLL?',
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/vist over/);
    expect(a.answer).toMatch(/1\. PLL 2\. Pasientens prøvesvar/);
  });

  it('answers what a meeting decided with every sak’s vedtak, and abstains where only proposals are known', async () => {
    const a = await corpus.answerer.ask('Which decisions were made at the NUIT meeting in June 2020?');
    expect(a.abstained).toBe(false);
    expect(a.citations.filter((c) => c.kind === 'adopted').map((c) => c.sak)).toEqual(
      expect.arrayContaining(['18/20', '21/20', '22/20']),
    );
    const b = await corpus.answerer.ask('What did NUIT decide on 9 September 2020?');
    expect(b.abstained).toBe(true);
    expect(b.answer).toMatch(/The outcome is not in the documents/);
    expect(b.citations.filter((c) => c.kind === 'proposed').length).toBeGreaterThan(5);
  });

  it('reads "legge fram", "dag" and "startet" in an agenda question as what is asked, not its topic', async () => {
    const a = await corpus.answerer.ask(
      'Hvem skulle legge fram saken om nasjonal e-helseportefølje på NUFA-møtet i november 2019, og når startet den?',
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ sak: '45/19', kind: 'agenda' });
    expect(a.answer).toMatch(/Tidspunkt: 10:20/);
  });

  it('answers who stood in for a member, from the attendance of the minutes', async () => {
    const a = await corpus.answerer.ask(
      'Who represented Apotekforeningen at the NUIT meeting in February 2023?',
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Absent: Anne-Lise Härter \(Apotekforeningen\)/);
    expect(a.answer).toMatch(/Substitutes \(stedfortredere\): Maren Krogh for Anne-Lise Härter/);
    const b = await corpus.answerer.ask(
      'Hvem stilte som stedfortreder for Apotekforeningen på NUIT-møtet 16. februar 2023?',
    );
    expect(b.answer).toMatch(/Stedfortredere: Maren Krogh for Anne-Lise Härter/);
  });
});
