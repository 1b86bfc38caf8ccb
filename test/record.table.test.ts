// Tables, labels and attendance read by meaning: a package written with another template's words
// must give the same record as the known one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from './helpers/corpus.ts';
import { attendanceKey, people, substitutes } from '../src/record/attendance.ts';
import { parseDates } from '../src/record/dates.ts';
import { FORSLAG, VEDTAK } from '../src/record/labels.ts';
import { normalizeText } from '../src/record/normalize.ts';
import { parseDocument } from '../src/record/parse.ts';
import { headerByPosition, headerColumns, sakstypeOf, timeOf } from '../src/record/table.ts';

/** A small referat in the shape of a written package, with the agenda table's header given. */
function referat(agendaHeader: string, rows: string[], attendance: string[]): string {
  return [
    'Referat fra møte i NUIT',
    'Møte\t1/2024',
    'Dato\t15.2.24',
    'Tid\tkl. 09.00 – 15.00',
    ...attendance,
    '',
    agendaHeader,
    ...rows,
    '',
    'Sak\tTema',
    '1/24\tGodkjenning av innkalling og dagsorden',
    '\tDet kom ingen innspill.',
    '\tVEDTAK',
    '\tNUIT godkjenner innkalling og dagsorden.',
    '2/24\tDigital samhandling',
    '\tNUIT drøftet saken.',
    '\tVedtak i saken: NUIT tar saken til orientering.',
  ].join('\n');
}

/** A small innkalling in the shape of a written package: header fields, agenda table, detail rows. */
function innkalling(fields: string[], agenda: string[], detail: string[]): string {
  return ['Møte i NUIT', 'Møte\t2/2024', ...fields, '', ...agenda, '', 'Sak\tTema\tSakstype', ...detail].join(
    '\n',
  );
}

const ROWS = [
  '1/24\tGodkjenning av innkalling og dagsorden\tGodkjenning',
  '2/24\tDigital samhandling\tOrientering',
];

describe('agenda tables by column meaning', () => {
  it('reads the sakstype of an agenda headed "Sak / Tittel på sak / Sakstype"', () => {
    const [m] = parseDocument(referat('Sak\tTittel på sak\tSakstype', ROWS, [])).meetings;
    expect(m!.items.map((i) => [i.sak, i.title, i.sakstype])).toEqual([
      ['1/24', 'Godkjenning av innkalling og dagsorden', 'Godkjenning'],
      ['2/24', 'Digital samhandling', 'Orientering'],
    ]);
    expect(m!.items.map((i) => i.adopted_decision)).toEqual([
      'NUIT godkjenner innkalling og dagsorden.',
      'NUIT tar saken til orientering.',
    ]);
  });

  it('reads a table with no header from its values, with the time column first and spaces between columns', () => {
    const rows = [
      '09:00   1/24   Godkjenning av innkalling og dagsorden   Godkjenning',
      'kl. 09.30   2/24   Digital samhandling   Til orientering',
    ];
    const [m] = parseDocument(referat('', rows, [])).meetings;
    expect(m!.items.map((i) => [i.sak, i.title, i.sakstype, i.start_time])).toEqual([
      ['1/24', 'Godkjenning av innkalling og dagsorden', 'Godkjenning', '09:00'],
      ['2/24', 'Digital samhandling', 'Orientering', '09:30'],
    ]);
  });

  it('names columns by their header words, whatever the template', () => {
    expect(headerColumns('Saksnr.\tTittel på sak\tKl.\tType sak')).toEqual([
      'sak',
      'title',
      'start',
      'sakstype',
    ]);
    expect(headerColumns('Sak nr  Sakstittel  Tidspunkt  Ansvarlig')).toEqual([
      'sak',
      'title',
      'start',
      'handler',
    ]);
    expect(headerColumns('Saksnr Tittel Sakstype Sakseier Saksbehandler Start Varighet Slutt')).toEqual([
      'sak',
      'title',
      'sakstype',
      'owner',
      'handler',
      'start',
      'duration',
      'end',
    ]);
    // An English template's names.
    expect(headerColumns('Item no.\tTitle\tType of item\tOwner')).toEqual([
      'sak',
      'title',
      'sakstype',
      'owner',
    ]);
    expect(headerColumns('Item Topic Type of item')).toEqual(['sak', 'title', 'sakstype']);
    // Nynorsk names.
    expect(headerColumns('Sak\tSakliste NUFA\tLegg fram saka\tKlokkeslett\tSakstype')).toEqual([
      'sak',
      'title',
      'handler',
      'start',
      'sakstype',
    ]);
    expect(headerColumns('Saksnr.\tTittel\tSakseigar\tSakshandsamar\tVarigheit')).toEqual([
      'sak',
      'title',
      'owner',
      'handler',
      'duration',
    ]);
    // A sentence is no header.
    expect(headerColumns('Sak om digital samhandling')).toBeNull();
  });

  it('reads a header of words it does not know by the values under it', () => {
    const rows = [
      '1/24\tGodkjenning av innkalling og dagsorden\t09:00\tGodkjenning',
      '2/24\tDigital samhandling\t09:30\tOrientering',
    ];
    const [m] = parseDocument(referat('Løpenr.\tSakens navn\tKlokka\tForm', rows, [])).meetings;
    expect(m!.items.map((i) => [i.sak, i.title, i.sakstype, i.start_time])).toEqual([
      ['1/24', 'Godkjenning av innkalling og dagsorden', 'Godkjenning', '09:00'],
      ['2/24', 'Digital samhandling', 'Orientering', '09:30'],
    ]);
    // Read by position, "Nr." holds the id and the second "Sak" column the title.
    expect(headerByPosition('Nr.\tSak\tTidsrom\tKategori', rows[0]!)).toEqual([
      'sak',
      'title',
      'start',
      'sakstype',
    ]);
    // A line of text before a sak row is no header.
    expect(headerByPosition('nasjonale e-helseløsninger', rows[0]!)).toBeNull();
    expect(headerByPosition('Pause', rows[0]!)).toBeNull();
  });

  it('takes a sakstype cell before the title as the type when the header puts it there', () => {
    const rows = [
      '1/24\tGodkjenning\tGodkjenning av innkalling og dagsorden',
      '2/24\tOrientering\tOrientering fra direktoratet',
    ];
    const [m] = parseDocument(referat('Sak\tSakstype\tTittel', rows, [])).meetings;
    expect(m!.items.map((i) => [i.title, i.sakstype])).toEqual([
      ['Godkjenning av innkalling og dagsorden', 'Godkjenning'],
      ['Orientering fra direktoratet', 'Orientering'],
    ]);
  });

  it('reads table rows left as HTML', () => {
    const rows = ROWS.map((r) => `<tr><td>${r.split('\t').join('</td><td>')}</td></tr>`);
    const [m] = parseDocument(
      referat('<tr><th>Sak</th><th>Tittel</th><th>Sakstype</th></tr>', rows, []),
    ).meetings;
    expect(m!.items.map((i) => [i.sak, i.title, i.sakstype])).toEqual([
      ['1/24', 'Godkjenning av innkalling og dagsorden', 'Godkjenning'],
      ['2/24', 'Digital samhandling', 'Orientering'],
    ]);
  });

  it('reads cells split by pipes only where the text writes its tables so', () => {
    const title = 'MF Helse | Skyvurderinger';
    expect(normalizeText(title)).toBe(title);
    expect(
      normalizeText(['Sak | Tittel | Sakstype', '1/24 | Godkjenning | Godkjenning', title].join('\n')),
    ).toBe('Sak\tTittel\tSakstype\n1/24\tGodkjenning\tGodkjenning\nMF Helse\tSkyvurderinger');
  });

  it('drops a list mark before a row, not before a sentence that starts with a fraction', () => {
    expect(normalizeText('1. 1/24\tGodkjenning\n• 2/24 Digital samhandling')).toBe(
      '1/24\tGodkjenning\n2/24 Digital samhandling',
    );
    expect(normalizeText('– 10/12 medlemmer stemte for')).toBe('– 10/12 medlemmer stemte for');
  });

  it('reads sak ids written with a hyphen only where a text writes its rows so', () => {
    const rows = [
      '1-24\tGodkjenning',
      '2-24\tDigital samhandling',
      'Sak 2-24: Digital samhandling',
      '15-21 NUFA Informasjonsutveksling',
    ];
    const prose = ['10-12 deltakere møtte', 'Strategisk analyse 2019-2020', 'Vedlegg 4_Sak 17-23_Notat'];
    expect(normalizeText([...rows, ...prose].join('\n')).split('\n')).toEqual([
      '1/24\tGodkjenning',
      '2/24\tDigital samhandling',
      'Sak 2/24: Digital samhandling',
      '15/21 NUFA Informasjonsutveksling',
      ...prose,
    ]);
    expect(normalizeText(['10-12\tPause', ...prose].join('\n'))).toBe(['10-12\tPause', ...prose].join('\n'));
  });

  it('reads the sakstype said as the treatment asked for ("For tilslutning"), in a cell or at a row\'s end', () => {
    expect(sakstypeOf('For tilslutning')).toBe('Tilslutning');
    const rows = [
      '1/24\tGodkjenning av innkalling og dagsorden\tTil godkjenning',
      '2/24 Digital samhandling For tilslutning',
    ];
    const [m] = parseDocument(referat('Sak\tTittel på sak\tSakstype', rows, [])).meetings;
    expect(m!.items.map((i) => [i.title, i.sakstype])).toEqual([
      ['Godkjenning av innkalling og dagsorden', 'Godkjenning'],
      ['Digital samhandling', 'Tilslutning'],
    ]);
  });

  it('reads one-letter sakstype codes by the key the package prints with its table', () => {
    const key = 'Sakstype: G = godkjenning, O = orientering, D = drøfting';
    const rows = [
      '1/24\tGodkjenning av innkalling og dagsorden\t09:00\tG',
      '2/24 Digital samhandling 09:10 D',
    ];
    const [m] = parseDocument(referat('Sak\tTittel på sak\tTid\tSakstype', [key, '', ...rows], [])).meetings;
    expect(m!.items.map((i) => [i.title, i.sakstype])).toEqual([
      ['Godkjenning av innkalling og dagsorden', 'Godkjenning'],
      ['Digital samhandling', 'Drøfting'],
    ]);
    // Without a key, a letter is no sakstype.
    const [n] = parseDocument(referat('Sak\tTittel på sak\tTid\tSakstype', rows, [])).meetings;
    expect(n!.items.map((i) => i.sakstype)).toEqual([null, null]);
  });

  it('reads a table exported a cell per line with a blank line after each row, empty cells left out', () => {
    const agenda = [
      ...['Sak', 'Tittel', 'Tid', 'Sakstype', ''],
      ...['1/24', 'Godkjenning av innkalling og dagsorden', '09:00', 'Godkjenning', ''],
      ...['Pause', '09:10', ''],
      ...['2/24', 'Digital samhandling', '09:20', 'Drøfting', ''],
      '',
      'Møte',
      '3/2024',
    ];
    const [m] = parseDocument(innkalling(['Dato\t15. februar 2024'], agenda, [])).meetings;
    expect(m!.items.map((i) => [i.sak, i.title, i.start_time, i.sakstype])).toEqual([
      ['1/24', 'Godkjenning av innkalling og dagsorden', '09:00', 'Godkjenning'],
      ['2/24', 'Digital samhandling', '09:20', 'Drøfting'],
    ]);
  });

  it('reads a table written as records of "Column: value" lines, one record a row', () => {
    const agenda = [
      ...[
        'Sak: 1/24',
        'Tittel: Godkjenning av innkalling og dagsorden',
        'Tid: 09:00',
        'Sakstype: Godkjenning',
        '',
      ],
      ...['Tittel: Pause', 'Tid: 09:10', ''],
      ...['Sak: 2/24', 'Tittel: Digital samhandling', 'Tid: 09:20', 'Sakstype: Drøfting', ''],
      // The detail table starts over with the first sak.
      ...['Sak: 1/24', 'Tema: Godkjenning av innkalling og dagsorden', ''],
      'Forslag til vedtak: NUIT godkjenner innkalling og dagsorden.',
      '',
      ...['Sak: 2/24', 'Tema: Digital samhandling', ''],
      'Forslag til vedtak: NUIT tar saken til orientering.',
    ];
    const [m] = parseDocument(
      ['Møte i NUIT', 'Møte\t2/2024', 'Dato\t15. februar 2024', '', ...agenda].join('\n'),
    ).meetings;
    expect(m!.items.map((i) => [i.sak, i.title, i.start_time, i.sakstype, i.proposed_decision])).toEqual([
      [
        '1/24',
        'Godkjenning av innkalling og dagsorden',
        '09:00',
        'Godkjenning',
        'NUIT godkjenner innkalling og dagsorden.',
      ],
      ['2/24', 'Digital samhandling', '09:20', 'Drøfting', 'NUIT tar saken til orientering.'],
    ]);
  });

  it('reads values by their shape', () => {
    expect(['Drøfting', 'Til drøfting', 'Orienteringssak', 'drøfting av tiltak'].map(sakstypeOf)).toEqual([
      'Drøfting',
      'Drøfting',
      'Orientering',
      null,
    ]);
    // Cut short to fit a narrow column: the one type it begins, and no word that begins none.
    expect(['Godkj.', 'Drøft.', 'Orient.', 'Tilsl.', 'inkl.', 'Godkj'].map(sakstypeOf)).toEqual([
      'Godkjenning',
      'Drøfting',
      'Orientering',
      'Tilslutning',
      null,
      null,
    ]);
    expect([timeOf('kl. 09.00'), timeOf('09:00–10:30'), timeOf('0900', true), timeOf('2024')]).toEqual([
      '09:00',
      '09:00',
      '09:00',
      null,
    ]);
  });
});

describe('documents and their parts by other names', () => {
  it('reads minutes whose title names their kind in a compound ("Beslutningsreferat")', () => {
    const text = referat('Sak\tTittel på sak\tSakstype', ROWS, []).replace(
      'Referat fra møte',
      'Beslutningsreferat fra møte',
    );
    const [m] = parseDocument(text).meetings;
    expect([m?.role, m?.meeting, m?.items.length]).toEqual(['referat', '1/2024', 2]);
  });

  it('finds the title of a header table an export sets apart by blank lines and a markdown rule', () => {
    const text = referat('Sak\tTittel på sak\tSakstype', ROWS, []).replace(
      'Referat fra møte i NUIT\n',
      '## Referat fra møte i NUIT\n\n\n|  |  |\n|---|---|\n',
    );
    const [m] = parseDocument(text).meetings;
    expect([m?.role, m?.meeting, m?.date]).toEqual(['referat', '1/2024', '2024-02-15']);
  });

  it('ends a proposal at an attachment an English template lists under it', () => {
    const [m] = parseDocument(
      innkalling(
        ['Date\t15. februar 2024'],
        ['Sak\tTema\tSakstype', '1/24\tGodkjenning av referat\tGodkjenning'],
        [
          '1/24\tGodkjenning av referat\tGodkjenning',
          '\tForslag til vedtak:',
          '\tNUIT godkjenner referatet.',
          '\tAttachment 1: Referat fra møtet 15. februar 2024',
        ],
      ),
    ).meetings;
    expect(m!.items[0]!.proposed_decision).toBe('NUIT godkjenner referatet.');
  });
});

describe('a meeting known by its date', () => {
  it('reads minutes whose header gives no meeting number, as the other committee writes them', () => {
    const text = referat('Sak\tTittel på sak\tSakstype', ROWS, [
      'Til stede\tOle Johan Kvan (Helse Sør-Øst RHF)',
    ])
      .replace('Referat fra møte i NUIT', 'Referat fra møte i NUFA')
      .replace(/^Møte\t1\/2024\n/m, '');
    const [m] = parseDocument(text).meetings;
    expect(m).toMatchObject({ committee: 'NUFA', meeting: null, role: 'referat', date: '2024-02-15' });
    expect(m!.items.map((i) => [i.sak, i.adopted_decision])).toEqual([
      ['1/24', 'NUIT godkjenner innkalling og dagsorden.'],
      ['2/24', 'NUIT tar saken til orientering.'],
    ]);
    expect(m!.members_present).toEqual(['Ole Johan Kvan (Helse Sør-Øst RHF)']);
  });

  it('does not take a line of text about a meeting for a meeting’s title', () => {
    const text = [
      'Møte for orientering ble gjennomført 26. august.',
      'Dato for neste møte er ikke satt.',
      '',
    ].join('\n');
    expect(parseDocument(text).meetings).toEqual([]);
  });
});

describe('meeting header fields', () => {
  it('reads a header whose values stand under their keys, pair by pair or as a column', () => {
    const body = ['', 'Sak\tTema\tSakstype', ...ROWS];
    for (const header of [
      ['Møte', '1/2024', 'Dato', '15. februar 2024', 'Tid', 'Kl. 09.00 – 15.00', 'Sted', 'Teams'],
      ['Møte', 'Dato', 'Tid', 'Sted', '1/2024', '15. februar 2024', 'kl. 09.00 – 15.00', 'Teams'],
    ]) {
      const [m, ...rest] = parseDocument(['Møte i NUIT', ...header, ...body].join('\n')).meetings;
      expect(rest).toEqual([]);
      expect([m!.meeting, m!.date, m!.start_time, m!.end_time, m!.place]).toEqual([
        '1/2024',
        '2024-02-15',
        '09:00',
        '15:00',
        'Teams',
      ]);
      expect(m!.items.map((i) => i.sak)).toEqual(['1/24', '2/24']);
    }
  });
  it("reads a column of keys that goes on with the attendance lists' keys, their values under them", () => {
    const header = [
      ...['Møte', 'Dato', 'Sted', 'Medlemmer', 'Observatører', ''],
      ...[
        '1/2024',
        '15. februar 2024',
        'Teams',
        'Ole Johan Kvan (Helse Sør-Øst RHF) Bjørn Nilsen (Helse Nord RHF)',
      ],
      'Bodil Rabben (Norsk helsenett SF)',
    ];
    const [m] = parseDocument(
      ['Møte i NUIT', ...header, '', 'Sak\tTema\tSakstype', ...ROWS].join('\n'),
    ).meetings;
    expect([m!.meeting, m!.date, m!.place]).toEqual(['1/2024', '2024-02-15', 'Teams']);
    expect(m!.members_invited).toEqual([
      'Ole Johan Kvan (Helse Sør-Øst RHF)',
      'Bjørn Nilsen (Helse Nord RHF)',
    ]);
  });

  it('reads one "Tid og sted" field as the date, the time and the place', () => {
    for (const occasion of [
      'Tid og sted\t15. februar 2024, kl. 09.00 – 15.00, Teams',
      'Tid og sted 15.02.2024, 09:00–15:00, Teams',
    ]) {
      const [m] = parseDocument(innkalling([occasion], ['Sak\tTema\tSakstype', ...ROWS], [])).meetings;
      expect([m!.date, m!.start_time, m!.end_time, m!.place], occasion).toEqual([
        '2024-02-15',
        '09:00',
        '15:00',
        'Teams',
      ]);
    }
  });
});

describe('memos (toppnotater) of another template', () => {
  it('are read alike when their keys and headings use other words ("Saksnr.", "Innstilling", "Formålet med saken")', () => {
    const text = readFileSync(path.join(SHARED, 'corpus', '001_3b351634044a7914.txt'), 'utf8');
    const other = text
      .replace(/^(\s*)Saksnummer\b/gm, '$1Saksnr.')
      .replace(/^(\s*)Forslag til vedtak\s*$/gm, '$1Innstilling')
      .replace(/^(\s*)Hensikt med saken\s*$/gm, '$1Formålet med saken');
    const memos = (t: string) =>
      parseDocument(t).meetings.flatMap((m) =>
        m.items.map((i) => [i.sak, i.memo?.length ?? 0, i.case_handler, i.proposed_decision]),
      );
    const before = memos(text);
    expect(before.filter(([, n]) => n).length).toBeGreaterThan(5);
    expect(memos(other)).toEqual(before);
  });
});

describe('attendance', () => {
  it('reads "Ikke til stede" and "Stedfortreder" rows', () => {
    const [m] = parseDocument(
      referat('Sak\tTittel på sak\tSakstype', ROWS, [
        'Til stede\tOle Johan Kvan (Helse Sør-Øst RHF) Terje Wistner (KS)',
        'Ikke til stede\tAnne-Lise Härter (Apotekforeningen)',
        'Stedfortreder\tMaren Krogh for Anne-Lise Härter (Apotekforeningen)',
        'Sekretariat\tSiv Ingebrigtsen, Lucie Aunan',
      ]),
    ).meetings;
    expect(m!.members_present).toEqual(['Ole Johan Kvan (Helse Sør-Øst RHF)', 'Terje Wistner (KS)']);
    expect(m!.members_absent).toEqual(['Anne-Lise Härter (Apotekforeningen)']);
    expect(m!.members_substitutes).toEqual([
      { name: 'Maren Krogh', for: 'Anne-Lise Härter (Apotekforeningen)' },
    ]);
    expect(m!.secretariat).toEqual(['Siv Ingebrigtsen', 'Lucie Aunan']);
    expect(m!.date).toBe('2024-02-15');
    expect(m!.start_time).toBe('09:00');
  });

  it('reads the other words for the same rows', () => {
    const [m] = parseDocument(
      referat('Sak\tTittel på sak\tSakstype', ROWS, [
        'Møtt: Ole Johan Kvan (Helse Sør-Øst RHF)',
        'Forfall: Anne-Lise Härter (Apotekforeningen)',
        'Vara: Maren Krogh (for Anne-Lise Härter)',
        'Fra Helsedirektoratet\tSiv Ingebrigtsen',
      ]),
    ).meetings;
    expect(m!.members_present).toEqual(['Ole Johan Kvan (Helse Sør-Øst RHF)']);
    expect(m!.members_absent).toEqual(['Anne-Lise Härter (Apotekforeningen)']);
    expect(m!.members_substitutes).toEqual([{ name: 'Maren Krogh', for: 'Anne-Lise Härter' }]);
    expect(m!.secretariat).toEqual(['Siv Ingebrigtsen']);
  });

  it('leaves out a running header that starts every page, after the form feed of a page break', () => {
    const page = (n: number) => ['', `Side ${n} av 3`, '\fMøtedokumenter – rådsmodellen', ''];
    const text = referat('Sak\tTittel på sak\tSakstype', ROWS, [
      'Til stede\tOle Johan Kvan (Helse Sør-Øst RHF)',
      'Erik M. Hansen (Helse Vest RHF)',
      ...page(1),
      'Bjørn Nilsen (Helse Nord RHF)',
    ]);
    const [m] = parseDocument([text, ...page(2), 'Referatet er godkjent.'].join('\n')).meetings;
    expect(m!.members_present).toEqual([
      'Ole Johan Kvan (Helse Sør-Øst RHF)',
      'Erik M. Hansen (Helse Vest RHF)',
      'Bjørn Nilsen (Helse Nord RHF)',
    ]);
  });

  it('reads who else took part, said as a sentence\'s start ("I tillegg deltok")', () => {
    expect(attendanceKey('I tillegg deltok\tBodil Rabben (NHN)')?.key).toBe('other');
  });

  it('reads "Møtende", "Frafall" and "Referent" rows', () => {
    const [m] = parseDocument(
      referat('Sak\tTittel på sak\tSakstype', ROWS, [
        'Møtende\tOle Johan Kvan (Helse Sør-Øst RHF)',
        'Frafall\tAnne-Lise Härter (Apotekforeningen)',
        'Referent\tSiv Ingebrigtsen',
      ]),
    ).meetings;
    expect(m!.members_present).toEqual(['Ole Johan Kvan (Helse Sør-Øst RHF)']);
    expect(m!.members_absent).toEqual(['Anne-Lise Härter (Apotekforeningen)']);
    expect(m!.secretariat).toEqual(['Siv Ingebrigtsen']);
  });

  it("takes a line's longest key, whichever list it names", () => {
    expect(attendanceKey('Møtt som stedfortreder: Maren Krogh')?.key).toBe('substitutes');
    expect(attendanceKey('Møtt: Maren Krogh')?.key).toBe('present');
    expect(attendanceKey('Ikke møtt: Maren Krogh')?.key).toBe('absent');
    expect(attendanceKey('Møtende vara Maren Krogh')).toEqual({ key: 'substitutes', rest: 'Maren Krogh' });
  });

  it('knows the secretariat under the names of its role', () => {
    for (const k of ['Sekretær', 'Sekretærer', 'Referent', 'Referenter', 'Fra sekretariatet', 'Sekretariat'])
      expect(attendanceKey(`${k}\tSiv Ingebrigtsen`), k).toEqual({
        key: 'secretariat',
        rest: 'Siv Ingebrigtsen',
      });
  });

  it('keeps a note on a member with that member, not the next', () => {
    expect(
      people('Asbjørn Finstad (KS) – til kl. 13.30 Terje Wistner (KS) Bente Christensen (NSF) - video'),
    ).toEqual([
      'Asbjørn Finstad (KS) – til kl. 13.30',
      'Terje Wistner (KS)',
      'Bente Christensen (NSF) – video',
    ]);
    expect(people('Asbjørn Finstad (KS) – til kl. 13.30; Terje Wistner (KS)')).toEqual([
      'Asbjørn Finstad (KS) – til kl. 13.30',
      'Terje Wistner (KS)',
    ]);
  });

  it('reads a table of attendance by what its columns hold, whatever its header words', () => {
    const [m] = parseDocument(
      referat('Sak\tTittel på sak\tSakstype', ROWS, [
        'Medlemmer',
        'Representerer\tNavn\tFremmøte',
        'Helsedirektoratet\tJo Winding Harbitz\tTil stede (til kl. 13.30)',
        'Apotekforeningen\tAnne-Lise Härter\tMeldt forfall',
        'Apotekforeningen\tMaren Krogh\tMøtt som vara for Anne-Lise Härter fra sak 2/24',
        'Direktoratet for e-helse\tSiv Ingebrigtsen\tReferent',
      ]),
    ).meetings;
    expect(m!.members_present).toEqual(['Jo Winding Harbitz (Helsedirektoratet) – til kl. 13.30']);
    expect(m!.members_absent).toEqual(['Anne-Lise Härter (Apotekforeningen)']);
    expect(m!.members_substitutes).toEqual([
      { name: 'Maren Krogh', for: 'Anne-Lise Härter (Apotekforeningen)', from: 'sak 2/24' },
    ]);
    expect(m!.secretariat).toEqual(['Siv Ingebrigtsen']);
  });

  it('reads a line that starts with a key as a list, not as a table row', () => {
    const [m] = parseDocument(
      referat('Sak\tTittel på sak\tSakstype', ROWS, [
        'Til stede\tOle Johan Kvan (Helse Sør-Øst RHF)\tTerje Wistner (KS)',
        'Stedfortreder\tMaren Krogh\tIkke til stede',
        'Referent\tSiv Ingebrigtsen',
        '\tLucie Aunan',
      ]),
    ).meetings;
    expect(m!.members_present).toEqual(['Ole Johan Kvan (Helse Sør-Øst RHF)', 'Terje Wistner (KS)']);
    expect(m!.members_absent).toEqual([]);
    expect(m!.secretariat).toEqual(['Siv Ingebrigtsen', 'Lucie Aunan']);
  });

  it('reads who a substitute stood in for and from when', () => {
    expect(substitutes('Maren Krogh møtte for Anne-Lise Härter fra sak 5/24')).toEqual([
      { name: 'Maren Krogh', for: 'Anne-Lise Härter', from: 'sak 5/24' },
    ]);
    expect(substitutes('Kari Nordmann stedfortreder for Ola Nordmann (KS)')).toEqual([
      { name: 'Kari Nordmann', for: 'Ola Nordmann (KS)' },
    ]);
  });
});

describe('labels and dates', () => {
  it('knows a decision label in its spellings, and a lone "Beslutning" as a sakstype', () => {
    for (const l of [
      'Vedtak:',
      'VEDTAK:',
      'Vedtak',
      'Vedtak i saken:',
      'Beslutning:',
      'Vedtak – NUIT tar',
      'Vedtak -',
      'Enstemmig vedtak:',
      'Vedtak (enstemmig):',
      'Utvalget fattet følgende vedtak:',
      'NUIT fattet slikt vedtak: NUIT tar saken til orientering.',
      'Følgende vedtak ble fattet:',
      'Resolution:',
    ])
      expect(VEDTAK.test(l), l).toBe(true);
    expect('Forslag til vedtak – NUIT tar saken'.replace(FORSLAG, '')).toBe('NUIT tar saken');
    for (const l of [
      'Beslutning',
      'Vedtak fra tidligere behandlinger',
      'Vedtaksformulering',
      'NUIT fattet vedtak om å støtte planen.',
      'søknader og det er fattet 15 vedtak om utlevering.',
      'Enstemmig vedtatt.',
    ])
      expect(VEDTAK.test(l), l).toBe(false);
    for (const l of ['Forslag til vedtak', 'Forslag til vedtak:', 'Innstilling:', 'Innstilling'])
      expect(FORSLAG.test(l), l).toBe(true);
  });

  it('reads a meeting’s days in the styles packages print', () => {
    for (const text of [
      '27. – 28. oktober 2021',
      '27.–28.10.2021',
      '27.-28.10.21',
      '27.10.2021 – 28.10.2021',
      '27. og 28. oktober 2021',
      'onsdag 27. – torsdag 28. oktober 2021',
      'Wednesday 27 – Thursday 28 October 2021',
      '2021-10-27 – 2021-10-28',
      'ons. 27.–tor. 28. okt. 2021',
    ])
      expect(parseDates(text), text).toEqual(['2021-10-27', '2021-10-28']);
    // A day heading's number is no day of the month.
    expect(parseDates('Dag 2 – torsdag 28. oktober 2021')).toEqual(['2021-10-28']);
  });

  it('reads dates in the styles packages print', () => {
    expect(
      ['15.02.2024', '15.2.24', '15. februar 2024', '15. feb. 2024'].map((d) => parseDates(d)[0]),
    ).toEqual(['2024-02-15', '2024-02-15', '2024-02-15', '2024-02-15']);
  });
});
