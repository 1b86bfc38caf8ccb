// How a question is read: language, intent, and the sak/meeting/date it names.
import { definedWord } from '../src/answer/definition.ts';
import { describe, expect, it } from 'vitest';
import { framesIntent, understand } from '../src/answer/question.ts';
import { factDayForms } from '../src/answer/evidence.ts';
import { expansions } from '../src/search/lexicon.ts';
import { topicWords } from '../src/search/terms.ts';
import { expandShorthand } from '../src/search/shorthand.ts';

describe('understanding a question', () => {
  it.each([
    ['Hva ble vedtatt om felles journal?', 'adopted_decision', 'nb'],
    ['What did NUFA decide about cloud services?', 'adopted_decision', 'en'],
    ['Hva er forslag til vedtak i sak 16/23?', 'proposed_decision', 'nb'],
    ['What is the proposed decision for sak 12/22?', 'proposed_decision', 'en'],
    ['Hvem la frem saken om kjernejournal?', 'agenda', 'nb'],
    ['Who presents sak 31/21?', 'agenda', 'en'],
    ['whats TBU?', 'free_text', 'en'],
    ["who's presenting sak 31/21?", 'agenda', 'en'],
    ['Hvor lang tid er satt av til sak 4/24?', 'agenda', 'nb'],
    ['Hvor ble møtet i mars 2022 holdt?', 'meeting', 'nb'],
    ['Who attended the NUIT meeting on 3 May 2022?', 'meeting', 'en'],
    ['How did the work on welfare technology progress from 2019 to 2022?', 'history', 'en'],
    ['Hvilke spørsmål ba direktoratet NUFA drøfte i sak 9/21?', 'discussion', 'nb'],
    ['Which FHIR resources does the API use?', 'free_text', 'en'],
    ['Where and when was the NUFA meeting in November 2019?', 'meeting', 'en'],
    ['At what time is the item on cloud services on the NUFA agenda?', 'agenda', 'en'],
    ['Who are the case handlers for the item on welfare technology?', 'agenda', 'en'],
    ['What input does the directorate want from NUFA on the cloud strategy?', 'discussion', 'en'],
    ['Hvilke innspill ønsker direktoratet fra NUIT om velferdsteknologi?', 'discussion', 'nb'],
    ['Had the cloud strategy been discussed in another committee before?', 'history', 'en'],
    ['Who is responsible for the item on welfare technology?', 'agenda', 'en'],
    ['What item number does the cloud strategy have?', 'agenda', 'en'],
    ['Når på dagen behandles saken om skytjenester?', 'agenda', 'nb'],
    ['What is NUFA asked to do in the item on cloud services?', 'proposed_decision', 'en'],
    ['Har saken om skytjenester vært behandlet tidligere?', 'history', 'nb'],
    ['Hvilket spørsmål stilte presentasjonen om skytjenester til NUFA?', 'discussion', 'nb'],
    ['Which question did the memo on cloud services put to the members?', 'discussion', 'en'],
    ['Trace the discussions on cloud services across the meetings.', 'history', 'en'],
    ['How has the cloud strategy been handled across NUIT meetings?', 'history', 'en'],
    ['Hvordan endret planen for skytjenester seg fra juni til september?', 'history', 'nb'],
    ['How did the plan for cloud services change between the meetings?', 'history', 'en'],
    ['Hvilke tre spørsmål ba direktoratet NUIT svare på om skytjenester?', 'discussion', 'nb'],
    ['Hva ble NUFA bedt om å konkludere om internasjonale standarder?', 'proposed_decision', 'nb'],
    ['What was NUIT asked to conclude on cloud services?', 'proposed_decision', 'en'],
    ['What is NUIT asked to back on the operating costs?', 'proposed_decision', 'en'],
    ['Was NUFA invited to agree to the new roles?', 'proposed_decision', 'en'],
    ['Which two questions were put to NUFA on cloud services?', 'discussion', 'en'],
    ['Hvordan er skytjenester behandlet på tvers av møtene?', 'history', 'nb'],
    ['Hva ble bestemt om skytjenester?', 'adopted_decision', 'nb'],
    [
      'Når på dagen behandles forslaget til strategi for skytjenester, og hvilken sakstype er det?',
      'agenda',
      'nb',
    ],
    ['Hvem stilte som stedfortreder for KS på NUIT-møtet i mars 2022?', 'meeting', 'nb'],
    ['So did they ever agree on cloud services or not?', 'adopted_decision', 'en'],
    ['What does the framework agreement for cloud services cost?', 'free_text', 'en'],
    ['Hvilke drøftingsspørsmål hadde saken om skytjenester?', 'discussion', 'nb'],
    ['Hva ønsket direktoratet innspill på i saken om skytjenester?', 'discussion', 'nb'],
    ['How has cloud services been treated over the years?', 'history', 'en'],
    // When a committee treated a topic is the dates of its saker: a history.
    ['When did NUIT discuss cloud services?', 'history', 'en'],
    ['When was the cloud strategy on the agenda?', 'history', 'en'],
    ['Når ble skystrategien behandlet i NUFA?', 'history', 'nb'],
    // …but not the time of day of one meeting's sak, nor a date of something outside the committees.
    ['When was cloud services on the agenda on 9 September 2020?', 'agenda', 'en'],
    ['When was the cloud strategy presented to the ministry?', 'free_text', 'en'],
    // A proposal is also what was "put forward"; "what kind of item" asks for the sakstype.
    ['What decision text was put forward on cloud services?', 'proposed_decision', 'en'],
    ['When is the cloud item on, and what kind of item is it?', 'agenda', 'en'],
    // A memo's author is its case handler, an agenda fact.
    ['Who wrote the memo on reporting portals?', 'agenda', 'en'],
    ['Hvem skrev toppnotatet om skytjenester?', 'agenda', 'nb'],
    // Which day of a meeting, when an item ends and how long it lasts are agenda facts.
    ['Which day is the NILAR status on at the NUFA meeting?', 'agenda', 'en'],
    ['Hvilken dag står Akson på NUFA-møtet?', 'agenda', 'nb'],
    ['Når slutter saken om skytjenester?', 'agenda', 'nb'],
    ['Hvor lenge varer saken om Akson?', 'agenda', 'nb'],
    // A period written as one names the topic: no history over its two years.
    ['Hvilke spørsmål fikk NUFA om skyprogrammet 2022–2024?', 'discussion', 'nb'],
    // Whether a proposal was adopted, or what was actually decided, asks for the outcome.
    ['Was the proposal on reporting portals adopted?', 'adopted_decision', 'en'],
    ['Ble forslaget om måleindikatorer vedtatt?', 'adopted_decision', 'nb'],
    ['What did NUIT actually decide on cloud services?', 'adopted_decision', 'en'],
    // What the members said or raised is a discussion the minutes record.
    ['What concerns did members raise about the cloud strategy?', 'discussion', 'en'],
    ['Which comments were made on the roadmap?', 'discussion', 'en'],
    ['Hva sa medlemmene om skytjenester?', 'discussion', 'nb'],
    ['Hvilke bekymringer kom fram om finansieringen?', 'discussion', 'nb'],
    // What happened to a topic is its history; who was at a meeting, its attendance.
    ['Hva skjedde med Akson?', 'history', 'nb'],
    ['What happened to the reporting portals work?', 'history', 'en'],
    ['Hvem fra KS var med på møtet i februar 2023?', 'meeting', 'nb'],
    // A meeting or its minutes summarised is what was decided there.
    ['Summarise the minutes from February 2023', 'adopted_decision', 'en'],
    ['Oppsummer NUIT-møtet i juni 2020', 'adopted_decision', 'nb'],
    // Whether a committee took a stand asks what it decided.
    ['Did NUFA support the cloud strategy?', 'adopted_decision', 'en'],
    ['Has the committee endorsed the roadmap for welfare technology?', 'adopted_decision', 'en'],
    ['Støttet NUIT skystrategien i 2022?', 'adopted_decision', 'nb'],
    ['Har utvalget godkjent veikartet?', 'adopted_decision', 'nb'],
    // A meeting's season and a month are two times: a history; a fact's season is no meeting's.
    [
      "What came out of NUIT's autumn 2020 discussion on cloud services, and what had NUIT been told in June?",
      'history',
      'en',
    ],
    [
      'After the service took over in spring 2023, how many applications had it had by late April?',
      'free_text',
      'en',
    ],
    // Which saker dealt with a topic: its saker across meetings.
    ['Hvilke saker handlet om digital sikkerhet?', 'history', 'nb'],
    ['Which items were about cloud services?', 'history', 'en'],
    ['Which items were on the agenda on 25 May 2023?', 'agenda', 'en'],
    // English told by its function words even where no question word stands.
    ['Has NUIT discussed artificial intelligence?', 'free_text', 'en'],
    ['Any news on PLL?', 'free_text', 'en'],
  ] as const)('«%s» asks for %s in %s', (text, intent, language) => {
    const q = understand(text);
    expect(q.intent).toBe(intent);
    expect(q.language).toBe(language);
  });

  it('reads "the next meeting" and "siste møte" as placed by today, unless another time anchors them', () => {
    expect(understand('What is on the agenda for the next NUIT meeting?').upcoming).toBe('next');
    expect(understand('Når er neste NUFA-møte?').upcoming).toBe('next');
    expect(understand('Hvem var til stede på siste NUIT-møte?').upcoming).toBe('latest');
    const anchored = understand('When is the next NUIT meeting after 9 September 2020?');
    expect(anchored).toMatchObject({ upcoming: undefined, relative: 'next' });
    expect(understand('Which sak was last on day 1?').upcoming).toBeUndefined();
  });

  it('reads a question that only asks what an abbreviation stands for', () => {
    for (const [text, word] of [
      ['whats GNF', 'GNF'],
      ['What does KVU stand for?', 'KVU'],
      ['Hva står TBU for?', 'TBU'],
      ['hva er KS2', 'KS2'],
      ['What is the PLL?', 'PLL'],
    ] as const)
      expect(definedWord(text), text).toBe(word);
    for (const text of [
      'What is Akson?',
      'What is SFM pricing?',
      'Hva er status for PLL?',
      'What did KS say?',
    ])
      expect(definedWord(text), text).toBeNull();
  });

  it('reads a time after a limit ("by", "innen", "as of") as the fact’s, even after a decision word', () => {
    for (const text of [
      'How many decisions had been made by late April 2023?',
      'Hvor mange vedtak var fattet innen 1. mars 2023?',
      'How many applications had the committee received as of May 2023?',
    ])
      expect(understand(text).timeOfMeeting).toBe(false);
    expect(understand('What was decided at the meeting in May 2023?').timeOfMeeting).toBe(true);
    expect(understand('How many decisions were made in May 2023?').timeOfMeeting).toBe(true);
    expect(understand('What was proposed at the 9 September 2020 NUIT meeting?').timeOfMeeting).toBe(true);
    expect(understand('Hva ble foreslått på 16.02.2023-møtet?').timeOfMeeting).toBe(true);
    expect(understand('What happened on day 2 (28 Oct 2021) of the NUFA meeting?').timeOfMeeting).toBe(true);
    expect(understand('Hva skjedde 28. oktober 2021, på NUFA-møtet?').timeOfMeeting).toBe(true);
  });

  it('prints the day a fact is dated by as Norwegian text does, and no meeting’s date', () => {
    expect(factDayForms(understand('How many applications by 21 April 2023?'))).toEqual(
      expect.arrayContaining(['21. april 2023', '21.04.2023']),
    );
    expect(factDayForms(understand('What did NUIT decide at the meeting on 25 May 2023?'))).toEqual([]);
  });

  it('reads a price per unit as asking for an amount', () => {
    expect(understand('Hva koster et abonnement per kommune?').wantsAmount).toBe(true);
    expect(understand('What will municipalities pay per inhabitant in 2024?').wantsAmount).toBe(true);
    expect(understand('Who pays for the new platform?').wantsAmount).toBe(false);
  });

  it('reads a date opening the question after a limit as the fact’s, not a meeting’s', () => {
    const q = understand('By 21 April 2023, how many applications had Helsedataservice received?');
    expect(q.timeOfMeeting).toBe(false);
    expect(q.date).toBe('2023-04-21');
    expect(understand('9. september 2020: hva ble vedtatt?').timeOfMeeting).toBe(true);
  });

  it('reads a count of decisions outside a named meeting as a fact of the text, and over one as its decisions', () => {
    expect(understand('How many disclosure decisions had Helsedataservice made by April 2023?').intent).toBe(
      'free_text',
    );
    expect(understand('Hvor mange vedtak om utlevering var fattet?').intent).toBe('free_text');
    expect(understand('How many decisions were made in May 2023?').intent).toBe('adopted_decision');
    expect(understand('Hvor mange vedtak ble fattet i møte 2/2023?').intent).toBe('adopted_decision');
  });

  it('leaves the fillers of a quick chat question and a shortened year out of its topic', () => {
    expect(topicWords("quick q – what did HSØ say about the programme at the Feb '23 NUIT?")).toEqual([
      'hsø',
      'programme',
    ]);
    expect(topicWords('hey, btw, just wondering: what is PLL again?')).toEqual(['pll']);
    // A month and a year as Norwegian chat shortens them: "feb -23", "mai-23".
    expect(topicWords('hva ble bestemt om PLL på nuit i feb -23?')).toEqual(['pll']);
    expect(understand('hva ble bestemt om PLL på nuit i feb -23?').month).toEqual({ year: 2023, month: 2 });
    expect(understand('NUFA i nov -19, hva ble vist om NEO?').month).toEqual({ year: 2019, month: 11 });
    expect(understand('møtet i mai-23 om PLL').month).toEqual({ year: 2023, month: 5 });
    // Nor are an idiom's words ("i så fall" is no "fall").
    expect(topicWords('Har NUFA drøftet e-resept, og hva ble i så fall vedtatt?')).toEqual(['e-resept']);
    expect(topicWords('any decision on FKJ yet?')).toEqual(['fkj']);
    // A compound whose last part is a frame word names its topic by its first part.
    expect(topicWords('Hvem er saksbehandler for porteføljesaken?')).toContain('portefølje');
    expect(topicWords('Hva ble sagt i NAV-saken?')).toEqual(['nav']);
    expect(topicWords('Hva skjedde på dialogmøtet?')).toEqual(['dialog']);
    // A word that only ends like one is left whole.
    expect(topicWords('Hva er årsaken?')).toEqual(['årsaken']);
    // How long something lasts asks for a duration; the words are no topic.
    expect(topicWords('Hvor lenge varer saken om Akson?')).toEqual(['akson']);
    expect(topicWords('How long does the item on Akson last?')).toEqual(['akson']);
    // Seeing and showing are how a question points at a presentation, not what it is about.
    expect(topicWords('What did the slides NUFA saw show about NILAR?')).toEqual(['nilar']);
    expect(topicWords('Any news on PLL?')).toEqual(['pll']);
    // A period is when, however its dash is typed.
    expect(topicWords('Hva ble foreslått om strategisk analyse 2019-2020?')).toEqual([
      'strategisk',
      'analyse',
    ]);
    expect(topicWords('Hva ble foreslått om strategisk analyse 2019–2020?')).toEqual([
      'strategisk',
      'analyse',
    ]);
    expect(topicWords('Noe nytt om NILAR?')).toEqual(['nilar']);
    expect(topicWords('Who sits on the steering group?')).toEqual(['steering', 'group']);
    expect(topicWords('Hva ble sagt om Akson på møtene i NUIT?')).toEqual(['akson']);
    expect(topicWords('Har nødnett vært oppe i utvalgene, og hva fikk utvalget vite?')).toEqual(['nødnett']);
    expect(topicWords('On day two of the meeting, who presented Akson?')).toEqual(['akson']);
    expect(topicWords('How large a share of the budget goes to Helsenorge?')).toEqual([
      'share',
      'budget',
      'goes',
      'helsenorge',
    ]);
    expect(topicWords('Hvor høye er driftskostnadene?')).toEqual(['driftskostnadene']);
    expect(topicWords('What was done towards a shared record?')).toEqual(['done', 'shared', 'record']);
    // Norwegian 'new', 'last', 'next' frame a question as their English words do.
    expect(topicWords('Hva sier den nye planen om siste versjon?')).toEqual(['planen', 'versjon']);
    expect(topicWords('Hvor mye tid var satt av til Akson den andre dagen?')).toEqual(['akson']);
    expect(topicWords('Hva ble ekstramøtet bedt om å si om nødnett, blant annet samme år?')).toEqual([
      'nødnett',
    ]);
  });

  it('reads "the first meeting of 2023" as meeting 1/2023, in both languages', () => {
    expect(
      understand('What did NUIT decide in the first meeting of 2023 about the medicines plan?').meeting,
    ).toBe('1/2023');
    expect(understand('Hva ble vedtatt på andre møte i 2023 om portaler?').meeting).toBe('2/2023');
    expect(understand('What was on the 3rd meeting in 2020?').meeting).toBe('3/2020');
    expect(understand('What did NUIT decide in 2023?').meeting).toBeUndefined();
  });

  it('reads a season or part of a year as when, not what', () => {
    for (const text of [
      'Hva sa NUFA høsten 2019 om Akson?',
      'What did NUIT decide on PLL in spring 2023?',
      'What was decided at the start of 2023 on price models?',
    ])
      expect(
        topicWords(text).some((w) => /høst|spring|start/.test(w)),
        text,
      ).toBe(false);
  });

  it('runs a question over several months from the first to the last, naming no one meeting', () => {
    const q = understand('How did the view on the e-health portfolio change between June 2020 and May 2023?');
    expect(q.intent).toBe('history');
    expect(q.span).toEqual({ from: '2020-06', to: '2023-05' });
    expect(q.month).toBeUndefined();
    // Bare years may be the topic's: they narrow nothing.
    expect(understand('What share was expected to use Helsenorge in 2020 and in 2022?').span).toBeUndefined();
  });

  it('runs a question over the months it names without a year through the one year it names', () => {
    const q = understand('Hva fikk NUIT høre om e-resept i 2020, først i juni og så i september?');
    expect(q.intent).toBe('history');
    expect(q.span).toEqual({ from: '2020-06', to: '2020-09' });
    // A month that is a day's, or one month alone, is no span; nor is English "may".
    expect(understand('Hva ble vedtatt 9. juni 2020 i NUIT, og hva i september?').span).toBeUndefined();
    expect(understand('Hva skjedde i NUIT i juni 2020?').span).toBeUndefined();
    expect(understand('What may NUIT decide in June 2020?').span).toBeUndefined();
  });

  it('reads the minutes as the topic where they are what is approved, else as a source', () => {
    expect(topicWords('Which minutes did NUIT approve in September 2020?')).toContain('minutes');
    expect(topicWords('Hvilket referat skal NUIT godkjenne?')).toContain('referat');
    expect(topicWords('What do the minutes say about Akson?')).toEqual(['akson']);
  });

  it('reads which day of a meeting held over several a question names', () => {
    expect(understand('Who presents on day two of the NUFA meeting?').meetingDay).toBe(2);
    expect(understand('Hva står først på andre dag?').meetingDay).toBe(2);
    expect(understand('What is on dag 1 of NUFA?').meetingDay).toBe(1);
    expect(understand('What is the second item at NUFA?').meetingDay).toBeUndefined();
  });

  it('names sak ids and meeting numbers apart: 2/2023 is a meeting, 6/23 a sak', () => {
    const q = understand('Hva ble vedtatt i sak 6/23 på møte 2/2023?');
    expect(q.sakIds).toEqual(['6/23']);
    expect(q.meeting).toBe('2/2023');
  });

  it('reads a period like 2022–2024 as years, not as a sak', () => {
    const q = understand('Hvor stort budsjett har programmet for perioden 2022–2024?');
    expect(q.sakIds).toEqual([]);
    expect(q.years).toEqual([2022, 2024]);
    expect(q.wantsAmount).toBe(true);
  });

  it('reads exact dates and month-year in both languages', () => {
    expect(understand('Hva skjedde på NUIT-møtet 16. februar 2023?').date).toBe('2023-02-16');
    expect(understand('What was decided in February 2023?').month).toEqual({ year: 2023, month: 2 });
    expect(understand('Hva ble drøftet i oktober 2021?').month).toEqual({ year: 2021, month: 10 });
  });

  it('reads a month with a two-digit year as members write it, and not a time or a date', () => {
    expect(understand('quick q – what did nuit say about PLL in feb 23?').month).toEqual({
      year: 2023,
      month: 2,
    });
    expect(understand('whats GNF in the cloud slides (nufa nov 19)?').month).toEqual({
      year: 2019,
      month: 11,
    });
    expect(understand('NUFA møte 6. november 2019 kl. 10:20').month).toBeUndefined();
  });

  it('tells a year the meeting is put in from a year that belongs to the topic', () => {
    expect(understand('What did NUIT decide about chatbots in 2025?').meetingYear).toBe(2025);
    expect(understand('Hva ble vedtatt i møtet i 2023 om kjernejournal?').meetingYear).toBe(2023);
    expect(understand('Hva sa utvalget om kunstig intelligens i 2024?').meetingYear).toBe(2024);
    expect(
      understand('What share of citizens were expected to use Helsenorge in 2020?').meetingYear,
    ).toBeUndefined();
    expect(understand('Hvilke scenarioer mot 2035 ble presentert?').meetingYear).toBeUndefined();
  });

  it('reads a quarter the meeting is put in as its months, and leaves a topic’s quarter to the topic', () => {
    expect(understand('What did NUIT decide on the roadmap in Q1 2023?').span).toEqual({
      from: '2023-01',
      to: '2023-03',
    });
    expect(understand('Hva vedtok NUFA i fjerde kvartal 2021?').span).toEqual({
      from: '2021-10',
      to: '2021-12',
    });
    expect(topicWords('What did NUIT decide on the roadmap in Q1 2023?')).toEqual(['roadmap']);
    const topic = 'Hva ble vedtatt om rapporten for første kvartal 2023?';
    expect(understand(topic).span).toBeUndefined();
    expect(topicWords(topic)).toContain('kvartal');
  });

  it('reads the time of minutes whose approval is asked about as theirs, not the meeting’s', () => {
    const q = understand('Did NUIT approve the minutes from February 2023?');
    expect(q.minutesOf).toEqual({ month: { year: 2023, month: 2 } });
    expect(q.month).toBeUndefined();
    expect(q.intent).toBe('adopted_decision');
    expect(understand('Ble referatet fra NUIT-møtet 17. juni 2020 godkjent?').minutesOf).toEqual({
      date: '2020-06-17',
    });
    // The minutes as a source name the meeting they record.
    const source = understand('Hva sa NUIT om nødnett ifølge referatet fra juni 2020?');
    expect(source.minutesOf).toBeUndefined();
    expect(source.month).toEqual({ year: 2020, month: 6 });
  });

  it('puts a history from one year to another in no one year, and reads "behandlet" as its frame', () => {
    const q = understand(
      'Hvordan har skytjenester blitt behandlet i NUFA og NUIT, fra drøftingen i 2019 til planen i 2023?',
    );
    expect(q.intent).toBe('history');
    expect(q.meetingYear).toBeUndefined();
    expect(framesIntent(q, 'behandlet')).toBe(true);
    expect(framesIntent(understand('Hvor mange pasienter ble behandlet i 2022?'), 'behandlet')).toBe(false);
  });

  it('reads the phrase that asks for a decision as its frame, not its topic', () => {
    const q = understand('What was the draft decision on yearly cost increases?');
    expect(q.intent).toBe('proposed_decision');
    expect(framesIntent(q, 'draft')).toBe(true);
    expect(framesIntent(q, 'yearly')).toBe(false);
    expect(framesIntent(understand('Was the plan tabled in June?'), 'tabled')).toBe(true);
    // Elsewhere the same word is the topic: a draft of a plan.
    expect(framesIntent(understand('Who wrote the draft of the plan?'), 'draft')).toBe(false);
  });

  it('reads "what happened next" as a history, its phrase and the meetings it names as its frame', () => {
    const q = understand(
      'Akson var oppe i NUFA i 2019. Hva skjedde videre med Akson fram til NUIT-møtene i 2020?',
    );
    expect(q.intent).toBe('history');
    expect(framesIntent(q, 'videre')).toBe(true);
    expect(understand('What happened next with the cloud plans?').intent).toBe('history');
    expect(understand('Hva ble av planen om felles språk?').intent).toBe('history');
  });

  it('names the committee when the question does', () => {
    expect(understand('What did NUFA say?').committee).toBe('NUFA');
    expect(understand('hva mente nuit?').committee).toBe('NUIT');
    expect(understand('what was said?').committee).toBeUndefined();
  });
});

describe('the bilingual lexicon', () => {
  // The committees' most used words, where the dictionary has another sense ("gudstjeneste" for
  // "service", "nennsomhet" for "care"), and every sakstype they use.
  it.each([
    ['What measures were proposed?', 'tiltak'],
    ['Which services are affected?', 'tjeneste'],
    ['What about the health and care sector?', 'omsorg'],
    ['What was the assignment?', 'oppdrag'],
    ['What is the purpose?', 'hensikt'],
    ['Which focus areas were named?', 'innsatsområde'],
    ['Which briefing items were there?', 'orientering'],
    ['Which discussion items were there?', 'drøfting'],
    ['Which items were for endorsement?', 'tilslutning'],
    ['Which items were for approval?', 'godkjenning'],
    ['Which recommendation was given?', 'anbefaling'],
    // Words the documents use often that the general dictionary does not reach.
    ['What is the deadline for the report?', 'frist'],
    ['How many general practitioners use it?', 'fastlege'],
    ['Who sits in the steering group?', 'styringsgruppe'],
    ['What were the expected benefits?', 'gevinst'],
    ['When does the consultation close?', 'høring'],
    ['What is the deadline for the report to the ministry?', 'departement'],
    ['What did the summary say?', 'oppsummering'],
  ])('reaches the committees’ word from «%s»: %s', (english, norwegian) => {
    expect(expansions(english)).toContain(norwegian);
  });

  it('takes English words and abbreviations to the Norwegian terms of the documents', () => {
    const terms = expansions('What did NUIT decide on SFM pricing?');
    expect(terms).toContain('sentral forskrivningsmodul');
    expect(terms).toContain('prismodeller');
    expect(terms).toContain('vedtak');
  });

  it('expands a plural abbreviation (RHFs) like its singular', () => {
    expect(expansions('did the RHFs agree?')).toContain('regionalt helseforetak');
  });

  it('expands the English abbreviations of the same bodies and systems', () => {
    expect(expansions('any news on the EHR for municipalities?')).toContain('elektronisk pasientjournal');
    expect(expansions('what did the RHAs say?')).toContain('regionalt helseforetak');
    expect(expansions('did NIPH agree?')).toContain('folkehelseinstituttet');
  });

  it('does not expand the name of the committee asked, which is not the topic', () => {
    expect(expansions('What did NUIT decide on SFM?')).not.toContain('nasjonalt utvalg for it-prioritering');
  });

  it('translates ordinary English words through the general dictionary, inflected too', () => {
    expect(expansions('Which prescriptions were discussed?')).toContain('resept');
  });
});

describe('chat shorthand', () => {
  it('is written out before the question is read, longest first, and a preface says nothing', () => {
    expect(
      expandShorthand("quick question: what did NHN say at the june mtg w/ KS? what'd they decide"),
    ).toBe(': what did NHN say at the june meeting with KS? what did they decide');
    expect(expandShorthand('kjapt spm – hva sa KS ifm. PLL, bl.a. om kostnader?')).toBe(
      '– hva sa KS i forbindelse med. PLL, blant annet om kostnader?',
    );
    // Only whole words: "org" is no part of "organisation", nor "info" of "informasjon".
    expect(expandShorthand('Which organisation gave informasjon?')).toBe(
      'Which organisation gave informasjon?',
    );
    expect(understand('any collab w/ NAV?').text).toBe('any collaboration with NAV?');
  });
});
