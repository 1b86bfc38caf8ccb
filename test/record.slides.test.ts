// The slide-deck parser on small decks written for the test: what it recognises as a deck, and
// what it reads from the agenda table and the slides of each sak.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/record/normalize.ts';
import { looksLikeSlideDeck, parseSlideDeck } from '../src/record/slides.ts';

const T = '\t';
const row = (...cells: string[]) => cells.join(T);

/** A two-day deck with Sakseier, Saksbehandler, Start, Varighet and Slutt columns. */
const twoDayDeck = [
  'Direktoratet for',
  'e-helse',
  '',
  'NUFA',
  '',
  '3. – 4. mars 2032',
  '',
  'Hotell Fjordgløtt, Molde',
  '',
  row('Tirsdag 3. mars 2032', '', '', ''),
  row('Saksnr.', 'Tittel', 'Sakstype', 'Sakseier', 'Saksbehandler', 'Start', 'Varighet', 'Slutt'),
  row('1/32', 'Godkjenning av innkalling', 'Godkjenning', 'Kari Fjell', '', '10:00', '00:10', '10:10'),
  row('2/32', 'Tema: Bookingløsninger', 'Drøfting', 'Kari Fjell', 'Ola Strand og Per Li'),
  row('', 'Innledning', '', '', '', '10:10', '00:30', '10:40'),
  row('', 'Lunsj', '', '', '', '10:40', '00:45', '11:25'),
  row('', 'Gruppearbeid', '', '', '', '11:25', '00:35', '12:00'),
  row('', 'Slutt dag 1', '', '', '', '12:00'),
  '',
  row('Onsdag 4. mars 2032', '', '', ''),
  row('Saksnr.', 'Tittel', 'Sakstype', 'Sakseier', 'Saksbehandler', 'Start', 'Varighet', 'Slutt'),
  row(
    '3/32',
    'Prismodell for meldinger',
    'Orientering',
    'Helsedirektoratet',
    'Per Li',
    '09:00',
    '00:20',
    '09:20',
  ),
  row('', 'Pause', '', '', '', '09:20', '00:10', '09:30'),
  row('', 'Fortsettelse: Prismodell', '', '', '', '09:30', '00:15', '09:45'),
  row('', 'Slutt dag 2', '', '', '', '09:45'),
  '',
  'Direktoratet for',
  'e-helse',
  '',
  'Sak 1/32: Godkjenning av innkalling',
  '',
  '- NUFA godkjenner innkalling og dagsorden',
  '- NUFA godkjenner referat fra forrige møte',
  '',
  'Direktoratet for',
  'e-helse',
  '',
  'Sak 2/32: Tema: Bookingløsninger',
  '',
  'Dagens **bookingløsninger** er mange 😊',
  '',
  'Tre kommuner prøver ut en felles løsning for timebestilling',
  '',
  'Direktoratet for',
  'e-helse',
  '',
  'Tre kommuner prøver ut en felles løsning for timebestilling',
  '',
  'Felles løsning eller lokale løsninger',
  '',
  'Drøfting og kommentarer',
  '',
  'Direktoratet for',
  'e-helse',
  '',
  'Stikkord:',
  '',
  '- Hvilke behov har kommunene',
  'for felles booking?',
  '- Hvem bør eie løsningen?',
  ' - Staten',
  ' - Kommunene',
  '',
  'NUFA tar innspill fra drøftingen med i det videre arbeidet.',
  'NUFA ber direktoratet komme tilbake med en plan.',
  '',
  'Sak 3/32: Prismodell for meldinger',
  '',
  'Forslag til vedtak',
  '',
  'NUFA tar saken til orientering.',
].join('\n');

/** A one-day deck with start times only (Tid) and the presenter's organisation in the same cell. */
const startTimesDeck = [
  'NUFA – Kongressenteret, Tromsø',
  '',
  '8. juni 2033',
  '',
  row('Sak', 'Agenda NUFA', 'Presenterer saken', 'Tid', 'Sakstype'),
  row('10/33', 'Status for kjernejournal', 'Kari Fjell Norsk helsenett SF', '09:00', 'Orientering'),
  row(
    '11/33',
    'Digital hjemmeoppfølging',
    'Ola Strand Helsedirektoratet Per Li Direktoratet for e-helse',
    '09:40',
    'Drøfting',
  ),
  row('', 'Slutt', '', '10:30'),
  '',
  'Sak 10/33: Status for kjernejournal',
  '',
  'NUFA tar saken til orientering.',
  '',
  'Sak 11/33: Digital hjemmeoppfølging',
  '',
  'NUFA drøftet saken.',
].join('\n');

const parse = (text: string) => parseSlideDeck(normalizeText(text));
const item = (text: string, sak: string) => parse(text)[0]!.items.find((i) => i.sak === sak)!;

describe('recognising a slide deck', () => {
  it('takes an agenda table with times and sakstype followed by slides per sak as a deck', () => {
    expect(looksLikeSlideDeck(normalizeText(twoDayDeck))).toBe(true);
    expect(looksLikeSlideDeck(normalizeText(startTimesDeck))).toBe(true);
  });

  it('leaves a written innkalling with a Møte N/YYYY header to the other parser', () => {
    const written = ['Møte i NUFA', row('Møte', '3/2032'), row('Dato', '3. mars 2032'), twoDayDeck].join(
      '\n',
    );
    expect(looksLikeSlideDeck(normalizeText(written))).toBe(false);
  });

  it('reads a deck whose agenda has no sakstype column by its sak, title and time columns', () => {
    const untyped = twoDayDeck
      .split('\n')
      .map((l) =>
        l.includes(T)
          ? l
              .split(T)
              .filter((_, i) => i !== 2)
              .join(T)
          : l,
      )
      .join('\n');
    expect(looksLikeSlideDeck(normalizeText(untyped))).toBe(true);
    const [typed] = parseSlideDeck(normalizeText(twoDayDeck));
    const [m] = parseSlideDeck(normalizeText(untyped));
    expect(m!.items.map((i) => [i.sak, i.title, i.proposed_decision])).toEqual(
      typed!.items.map((i) => [i.sak, i.title, i.proposed_decision]),
    );
  });

  it('does not take slide headings without an agenda table for a deck', () => {
    const slidesOnly = twoDayDeck
      .split('\n')
      .filter((l) => !l.startsWith('Saksnr.'))
      .join('\n');
    expect(looksLikeSlideDeck(normalizeText(slidesOnly))).toBe(false);
  });
});

describe('reading the meeting and its agenda', () => {
  it('reads committee, every day, place and the day spans from the title slide and the tables', () => {
    const [m] = parse(twoDayDeck);
    expect(m).toMatchObject({
      committee: 'NUFA',
      meeting: null,
      role: 'innkalling',
      date: '2032-03-03',
      dates: ['2032-03-03', '2032-03-04'],
      place: 'Hotell Fjordgløtt, Molde',
      start_time: '10:00',
      end_time: '09:45',
    });
    expect(m!.items.map((i) => [i.sak, i.day])).toEqual([
      ['1/32', '2032-03-03'],
      ['2/32', '2032-03-03'],
      ['3/32', '2032-03-04'],
    ]);
  });

  it('gives a sak without times of its own the span of its sessions, minutes summed without lunch', () => {
    expect(item(twoDayDeck, '2/32')).toMatchObject({
      start_time: '10:10',
      end_time: '12:00',
      duration_minutes: 65,
      case_owner: 'Kari Fjell',
      presenter: 'Ola Strand og Per Li',
    });
  });

  it('extends a sak over its continuation after a break', () => {
    expect(item(twoDayDeck, '3/32')).toMatchObject({
      start_time: '09:00',
      end_time: '09:45',
      duration_minutes: 35,
    });
  });

  it('derives the end time from the next row when only start times are printed', () => {
    expect(item(startTimesDeck, '10/33')).toMatchObject({
      start_time: '09:00',
      end_time: '09:40',
      duration_minutes: 40,
    });
    expect(item(startTimesDeck, '11/33')).toMatchObject({ end_time: '10:30', duration_minutes: 50 });
  });

  it('splits presenter names from the organisations run into the same cell', () => {
    expect(item(startTimesDeck, '10/33').presenter).toBe('Kari Fjell');
    expect(item(startTimesDeck, '11/33').presenter).toBe('Ola Strand; Per Li');
    expect(parse(startTimesDeck)[0]!.place).toBe('Kongressenteret, Tromsø');
  });

  it('reads a table whose cells ran together and wrapped over lines, as PDF text gives it', () => {
    const pdf = [
      'NUFA',
      '3. mars 2032',
      'Saksnr.\tTittel\tSakstype\tSakseier\tSaksbehandler Start Varighet Slutt',
      '5/32\tNasjonal arkitektur for\tDrøfting Helsedirektoratet Ola Strand\t10:00 00:30\t10:30',
      'helse- og omsorgssektoren\tog Per Li',
      '6/32\tEventuelt\t10:30 00:05\t10:35',
      'Sak 5/32: Nasjonal arkitektur for helse- og omsorgssektoren',
      'NUFA tar saken til orientering.',
      'Sak 6/32: Eventuelt',
    ].join('\n');
    expect(item(pdf, '5/32')).toMatchObject({
      title: 'Nasjonal arkitektur for helse- og omsorgssektoren',
      sakstype: 'Drøfting',
      case_owner: 'Helsedirektoratet',
      presenter: 'Ola Strand og Per Li',
      start_time: '10:00',
      duration_minutes: 30,
    });
  });
  it('keeps a wrapped line of several cells with the title when no name column takes them', () => {
    const pdf = [
      'NUFA',
      '3. mars 2032',
      'Saksnr.\tTittel\tSakstype\tMerknad\tStart Varighet Slutt',
      '5/32\tNasjonal arkitektur for\tDrøfting\t10:00 00:30\t10:30',
      'helse- og omsorgssektoren\tdel 2',
      '6/32\tEventuelt\t10:30 00:05\t10:35',
      'Sak 5/32: Nasjonal arkitektur for helse- og omsorgssektoren',
      'NUFA tar saken til orientering.',
      'Sak 6/32: Eventuelt',
    ].join('\n');
    expect(item(pdf, '5/32')).toMatchObject({
      title: 'Nasjonal arkitektur for helse- og omsorgssektoren del 2',
      sakstype: 'Drøfting',
    });
  });

  it('keeps the cells of a row whose leading time cells are empty under their columns', () => {
    const deck = [
      'NUFA',
      '3. mars 2032',
      'Start\tSlutt\tSaksnr.\tSakstype\tTittel\tSakseier',
      '10:00\t10:30\t5/32\tOrientering\tArkitektur\tKari Fjell',
      '\t\t6/32\tDrøfting\tTema: Skytjenester\tKari Fjell',
      '10:30\t11:00\t\t\tIntro til skytjenester',
      '',
      'Sak 5/32: Arkitektur',
      'NUFA tar saken til orientering.',
      'Sak 6/32: Tema: Skytjenester',
      'NUFA tar saken til orientering.',
    ].join('\n');
    expect(item(deck, '6/32')).toMatchObject({ title: 'Tema: Skytjenester', sakstype: 'Drøfting' });
  });

  it('reads times without their colon and durations in words in columns headed as times', () => {
    const deck = [
      'NUFA',
      '3. mars 2032',
      'Saksnr.\tTittel\tSakstype\tStart\tVarighet\tSlutt',
      '5/32\tArkitektur\tOrientering\t1000\t30 min\t1030',
      '\tPause\t\t1030\t15 min\t1045',
      '6/32\tSkytjenester\tDrøfting\t1045\t1 t 15 min\t1200',
      '',
      'Sak 5/32: Arkitektur',
      'NUFA tar saken til orientering.',
      'Sak 6/32: Skytjenester',
      'NUFA tar saken til orientering.',
    ].join('\n');
    expect(item(deck, '5/32')).toMatchObject({
      title: 'Arkitektur',
      start_time: '10:00',
      duration_minutes: 30,
    });
    expect(item(deck, '6/32')).toMatchObject({
      title: 'Skytjenester',
      start_time: '10:45',
      duration_minutes: 75,
    });
  });

  it('reads the sakstype said as the treatment asked for ("Til drøfting") in cells that ran together', () => {
    const pdf = [
      'NUFA',
      '3. mars 2032',
      'Saksnr.\tTittel\tSakstype\tSakseier\tSaksbehandler Start Varighet Slutt',
      '5/32\tNasjonal arkitektur\tTil drøfting Helsedirektoratet Ola Strand\t10:00 00:30\t10:30',
      '6/32\tEventuelt\t10:30 00:05\t10:35',
      'Sak 5/32: Nasjonal arkitektur',
      'NUFA tar saken til orientering.',
      'Sak 6/32: Eventuelt',
    ].join('\n');
    expect(item(pdf, '5/32')).toMatchObject({ title: 'Nasjonal arkitektur', sakstype: 'Drøfting' });
  });
});

describe('reading the slides of a sak', () => {
  it('takes the unlabelled decision sentences at the end of a sak as its proposal, joined', () => {
    expect(item(twoDayDeck, '2/32').proposed_decision).toBe(
      'NUFA tar innspill fra drøftingen med i det videre arbeidet. NUFA ber direktoratet komme tilbake med en plan.',
    );
    expect(item(twoDayDeck, '1/32').proposed_decision).toBe(
      'NUFA godkjenner innkalling og dagsorden NUFA godkjenner referat fra forrige møte',
    );
  });

  it('takes a labelled Forslag til vedtak and never records an adopted decision', () => {
    const sak = item(twoDayDeck, '3/32');
    expect(sak.proposed_decision).toBe('NUFA tar saken til orientering.');
    expect(parse(twoDayDeck)[0]!.items.every((i) => i.adopted_decision === null)).toBe(true);
  });

  it('keeps the prompts under a heading whole and leaves the short options out', () => {
    const prompts = item(twoDayDeck, '2/32').discussion_prompts;
    expect(prompts).toContain('Hvilke behov har kommunene for felles booking?');
    expect(prompts).toContain('Hvem bør eie løsningen?');
    expect(prompts).not.toContain('Staten');
  });

  it('names a bare discussion heading by the subject of its slide', () => {
    expect(item(twoDayDeck, '2/32').discussion_prompts).toContain(
      'Felles løsning eller lokale løsninger – Drøfting og kommentarer',
    );
  });

  it('drops a duplicated slide, logo lines, emoji and emphasis marks from the slide text', () => {
    const slides = item(twoDayDeck, '2/32').slides!;
    expect(slides.match(/Tre kommuner prøver ut/g)).toHaveLength(1);
    expect(slides).toContain('Dagens bookingløsninger er mange');
    expect(slides).not.toMatch(/\*\*|😊|Direktoratet for|^e-helse$/m);
  });
});
