// Meaning-preserving layout changes of the kinds real committee documents show (another secretary,
// another template, another converter), and a comparison of the records parsed before and after.
// A variant never changes what a meeting decided: only how the page spells and lays it out.
import { squash, stripInlineHtml, stripMarkdown } from '../../src/record/normalize.ts';
import type { Meeting } from '../../src/record/types.ts';

export type Variant = (text: string) => string;

const mapLines = (text: string, f: (line: string, i: number) => string) => text.split('\n').map(f).join('\n');

/** A line's text without markup, for recognising what kind of line it is. */
const plain = (line: string) => squash(stripMarkdown(stripInlineHtml(line)).replace(/\t/g, ' '));

/** Agenda and detail table headers: "Sak  Agenda NUIT  Tidspunkt  Sakstype", "Saksnr. Tittel Sakstype …". */
const TABLE_HEADER = /^\s*(sak|saksnr\.?)\s+(agenda|tema|tittel)\b/i;

function renameHeaderWords(names: [RegExp, string][]): Variant {
  return (text) =>
    mapLines(text, (line) => {
      if (!TABLE_HEADER.test(plain(line))) return line;
      return names.reduce((l, [re, to]) => l.replace(re, to), line);
    });
}

/** Other templates' column names: "Saksnr. / Tittel på sak / Kl. / Type sak". */
export const headerSynonyms = renameHeaderWords([
  [/^(\s*)Sak\b(?!snr|stype)/, '$1Saksnr.'],
  [/\bAgenda (NUIT|NUFA)\b|\bTema\b/, 'Tittel på sak'],
  [/\bTidspunkt\b/, 'Kl.'],
  [/\bSakstype\b/, 'Type sak'],
]);

/** A second set: "Sak nr / Sakstittel / Tid / Type", and the deck's "Ansvarlig" and "Innleder". */
export const headerSynonyms2 = renameHeaderWords([
  [/^(\s*)Saksnr\.?|^(\s*)Sak\b(?!stype)/, '$1$2Sak nr'],
  [/\bAgenda (NUIT|NUFA)\b|\bTema\b|\bTittel\b/, 'Sakstittel'],
  [/\bTidspunkt\b/, 'Tid'],
  [/\bSakstype\b/, 'Type'],
  [/\bPresenterer saken\b/, 'Innleder'],
]);

/** Label lines ("Vedtak:", "Forslag til vedtak:") with whatever markup wraps them. */
const LABEL = (name: string) =>
  new RegExp(`^(\\s*(?:<p>)?(?:<b>|\\*\\*)?)(${name})(:?)((?:</b>|\\*\\*)?)`, 'i');

/** "VEDTAK:" in capitals. */
export const vedtakUpper: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(LABEL('vedtak'), (_m, pre, _w, colon, post) => `${pre}VEDTAK${colon}${post}`),
  );

/** "Vedtak" alone on a line, the decision on the next line. */
export const vedtakOwnLine: Variant = (text) =>
  mapLines(text, (line) => {
    const m = LABEL('vedtak').exec(line.replace(/^\t/, ''));
    if (!m) return line;
    const rest = line.replace(/^\t/, '').slice(m[0].length);
    const indent = line.startsWith('\t') ? '\t' : '';
    return `${indent}${m[1]}Vedtak${m[4]}\n${indent}${rest.replace(/^\s+/, '')}`;
  });

/** "Vedtak i saken:" — the label with its usual words after it. */
export const vedtakISaken: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(LABEL('vedtak'), (_m, pre, _w, _c, post) => `${pre}Vedtak i saken:${post}`),
  );

/** "Forslag til vedtak" as a heading of its own, the text on the lines below. */
export const forslagHeading: Variant = (text) =>
  mapLines(text, (line) => {
    const body = line.replace(/^\t/, '');
    const m = LABEL('forslag til vedtak').exec(body);
    if (!m) return line;
    const rest = body.slice(m[0].length).replace(/^\s+/, '');
    const indent = line.startsWith('\t') ? '\t' : '';
    return rest ? `${indent}${m[1]}Forslag til vedtak${m[4]}\n${indent}${rest}` : line;
  });

/** "Innstilling:" where others write "Forslag til vedtak:". */
export const innstilling: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(
      LABEL('forslag til vedtak'),
      (_m, pre, _w, colon, post) => `${pre}Innstilling${colon}${post}`,
    ),
  );

/** Attendance keys as other secretaries write them. */
export const attendanceWords: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<i>)?)Ikke til stede\b/, '$1Forfall')
      .replace(/^(\s*(?:<i>)?)Til stede\b/, '$1Tilstede')
      .replace(/^(\s*(?:<i>)?)Stedfortreder\b/, '$1Vara'),
  );

/** Keys that say whose list it is: "Til stede fra utvalget", "Ikke til stede (medlemmer)". */
export const attendanceWhose: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<i>)?)Ikke til stede\b/, '$1Ikke til stede (medlemmer)')
      .replace(/^(\s*(?:<i>)?)Til stede\b/, '$1Til stede fra utvalget'),
  );

/** "Fravær" and "Deltakere". */
export const attendanceWords2: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<i>)?)Ikke til stede\b/, '$1Fravær')
      .replace(/^(\s*(?:<i>)?)Til stede\b/, '$1Deltakere'),
  );

export const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
/** The months as Norwegian texts abbreviate them ("9. sep. 2020"). */
export const MONTHS_SHORT = [
  'jan.',
  'feb.',
  'mars',
  'apr.',
  'mai',
  'juni',
  'juli',
  'aug.',
  'sep.',
  'okt.',
  'nov.',
  'des.',
];
const DATE_KEY = /^(\s*(?:<i>)?Dato(?:<\/i>)?\s*\t?\s*)(.*)$/;

/** The header's date in the other style: "9. september 2020" ↔ "09.09.2020". */
export const dateStyle: Variant = (text) =>
  mapLines(text, (line) => {
    const m = DATE_KEY.exec(line);
    if (!m) return line;
    const word = /\b(\d{1,2})\.\s+(\p{L}+)\s+(\d{4})\b/u.exec(m[2]!);
    if (word && MONTHS.includes(word[2]!.toLowerCase())) {
      const mm = String(MONTHS.indexOf(word[2]!.toLowerCase()) + 1).padStart(2, '0');
      return m[1] + m[2]!.replace(word[0], `${word[1]!.padStart(2, '0')}.${mm}.${word[3]}`);
    }
    const num = /\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/.exec(m[2]!);
    if (num) {
      const year = num[3]!.length === 2 ? `20${num[3]}` : num[3];
      return m[1] + m[2]!.replace(num[0], `${Number(num[1])}. ${MONTHS[Number(num[2]) - 1]} ${year}`);
    }
    return line;
  });

/** Short numeric dates: "9.9.20". */
export const dateShort: Variant = (text) =>
  mapLines(text, (line) => {
    const m = DATE_KEY.exec(dateStyle(line));
    if (!m) return line;
    return m[1] + m[2]!.replace(/\b0?(\d{1,2})\.0?(\d{1,2})\.20(\d{2})\b/, '$1.$2.$3');
  });

const TIME_CELL = /(^|\t| )([01]?\d|2[0-3]):([0-5]\d)(?=\s|\t|$)/g;

/** Agenda and header times as "kl. 09.00" where they were "09:00" (the row's first: a duration is no clock time). */
export const timeStyle: Variant = (text) =>
  mapLines(text, (line) => {
    const p = plain(line);
    const agendaRow = /^\d{1,3}\/\d{2}\s/.test(p) || /^(pause|lunsj|slutt)\b/i.test(p) || /^tid\b/i.test(p);
    const first = new RegExp(TIME_CELL.source);
    return agendaRow
      ? line.replace(first, (_m, pre, h, mm) => `${pre}kl. ${h.padStart(2, '0')}.${mm}`)
      : line;
  });

/** Table cells separated by runs of spaces instead of tabs (plain-text export). */
export const spacedColumns: Variant = (text) =>
  mapLines(text, (line) => line.replace(/\t+/g, (t) => ' '.repeat(2 + t.length)).replace(/^ +/, ''));

export const crlf: Variant = (text) => text.replace(/\r?\n/g, '\r\n');

/** Non-breaking spaces where word processors put them: after labels, in dates, between sak id and title. */
export const nbsp: Variant = (text) =>
  text
    .replace(/(\d{1,3}\/\d{2}) (?=\p{L})/gu, '$1\u00a0')
    .replace(/(vedtak:) /gi, '$1\u00a0')
    .replace(/(\d{1,2}\.) (?=\p{L})/gu, '$1\u00a0')
    .replace(/(til) (stede)/gi, '$1\u00a0$2');

/** A page footer ("Side 3 av 12") after the third row of every agenda table and before each Vedtak. */
export const pageLines: Variant = (text) => {
  let page = 2;
  let rows = 0;
  return mapLines(text, (line) => {
    const p = plain(line);
    if (TABLE_HEADER.test(p)) rows = 0;
    if (/^\d{1,3}\/\d{2}\s/.test(p) && ++rows === 3) return `${line}\nSide ${page++} av 40`;
    if (/^vedtak\s*:/i.test(p)) return `Side ${page++} av 40\n${line}`;
    return line;
  });
};

/** All HTML and markdown markup removed (a plain-text export). */
export const markupRemoved: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/<\/?(b|i|p|strong|em)>/gi, '')
      .replace(/\*\*/g, '')
      .replace(/^#{1,6}\s+/, ''),
  );

/** Markup added: bold sak ids, titles and labels, "**" labels, "#" before the referat's title. */
export const markupAdded: Variant = (text) =>
  mapLines(text, (line) => {
    if (/^\s*(referat fra|møte i)\b/i.test(line) && !/^#/.test(line)) return `## ${line.trim()}`;
    if (/^\s*(ikke til stede|til stede|stedfortreder|dato|tid|sted)\b/i.test(line))
      return line.replace(/^(\s*)(\p{L}[\p{L} ]*?)(\t| {2,}|\s(?=\p{Lu}|\d))/u, '$1**$2**$3');
    return line
      .replace(/^(\s*)(\d{1,3}\/\d{2})(?=[\t ])/, '$1<b>$2</b>')
      .replace(/^(\s*)(vedtak|forslag til vedtak):/i, '$1**$2:**');
  });

/** The meeting number's key as "Møte nr.:". */
export const meetingKey: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(/^(\s*(?:<i>)?)Møte((?:<\/i>)?)(\t| )(?=\d{1,2}\/\d{2,4}\s*$)/, '$1Møte nr.:$2$3'),
  );

/** A meeting's title: "Møte i NUIT", "Referat fra ekstramøte i NUIT". */
const MEETING_TITLE = /^\s*(?:#+\s*)?(?:møte i|referat fra (?:ekstra)?møte i) (?:NUIT|NUFA)\b/i;
/** A meeting header key line: "Møte<tab>5/2020", "Dato 25. mai 2023", "Tid", "Sted". */
const HEADER_KEY = /^(\s*(?:<i>)?)(Møte|Dato|Tid|Sted)((?:<\/i>)?)[\t ]+(\S.*?)\s*$/;

/**
 * Meeting header keys with their values on the next line ("Møte" / "5/2020", "Dato" / "25. mai
 * 2023"), as a template that sets the header as a two-row table prints it, and as a converter that
 * reads a table's cells one by one leaves it.
 */
export const headerValueNextLine: Variant = (text) => {
  let header = 0;
  return mapLines(text, (line) => {
    if (MEETING_TITLE.test(line)) header = 8;
    else if (header-- > 0) return line.replace(HEADER_KEY, '$1$2$3\n$4');
    return line;
  });
};

/** Agenda rows whose sak column says "Sak 16/23", as some templates print it. */
export const sakWord: Variant = (text) =>
  mapLines(text, (line) => line.replace(/^(\s*(?:<b>)?)(\d{1,3}\/\d{2})(?=(?:<\/b>)?\t)/, '$1Sak $2'));

/** Rows whose sak column says "Sak nr. 16/23", the words a memo's key line uses too. */
export const sakNrWords: Variant = (text) =>
  mapLines(text, (line) => line.replace(/^(\s*(?:<b>)?)(\d{1,3}\/\d{2})(?=(?:<\/b>)?\t)/, '$1Sak nr. $2'));

/**
 * "Sak nr." before every sak id that starts a row or a heading, tabbed or not, as some templates
 * print it: a deck's "Sak nr. 37/19: Orientering …", a PDF referat's "Sak nr. 12/23 Eventuelt".
 */
export const sakNrEverywhere: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<b>)?)(\d{1,3}\/\d{2})(?=(?:<\/b>)?[\t ]+\S)/, '$1Sak nr. $2')
      .replace(/^(\s*(?:#+\s*)?)Sak (\d{1,3}\/\d{2})(?=[:.\s]|$)/, '$1Sak nr. $2'),
  );

/** Tables with a running number in a column of their own before the sak id: "3.<tab>16/23<tab>…". */
export const runningNumbers: Variant = (text) => {
  let n = 0;
  return mapLines(text, (line) =>
    /^\s*(?:<b>)?\d{1,3}\/\d{2}(?:<\/b>)?\t/.test(line) ? `${(n++ % 20) + 1}.\t${line}` : line,
  );
};

/** Header keys with a colon: "Dato:<tab>9. september 2020", "Til stede:<tab>…". */
export const keyColons: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(
      /^(\s*(?:<i>)?)(Dato|Tid|Sted|Møte|Til stede|Forfall|Stedfortreder)((?:<\/i>)?)(?=\t|\s+\d)/,
      '$1$2:$3',
    ),
  );

/** Decisions labelled as conclusions: "Forslag til konklusjon:", "Utvalgets konklusjon:". */
export const konklusjon: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<b>)?)Forslag til vedtak(\s*:)/, '$1Forslag til konklusjon$2')
      .replace(/^(\s*(?:<b>)?)Vedtak(\s*:)/, '$1Utvalgets konklusjon$2'),
  );

/** Agenda rows whose sak ids carry the whole year: "16/2023". */
export const sakFullYear: Variant = (text) =>
  mapLines(text, (line) => line.replace(/^(\s*(?:<b>)?)(\d{1,3})\/(\d{2})(?=(?:<\/b>)?\t)/, '$1$2/20$3'));

/** Every table as a markdown pipe table (a converter's markdown export), with a rule under each header. */
export const pipeTables: Variant = (text) =>
  mapLines(text, (line) => {
    if (!/\S\t+\S/.test(line)) return line;
    const row = `| ${line.trim().split(/\t+/).join(' | ')} |`;
    return TABLE_HEADER.test(plain(line)) ? `${row}\n|---|---|` : row;
  });

/** Table headers in capitals ("SAK  TITTEL  SAKSTYPE"). */
export const headerCapitals: Variant = (text) =>
  mapLines(text, (line) => (TABLE_HEADER.test(plain(line)) ? line.toUpperCase() : line));

/** Soft hyphens inside long words, where a word processor may break them. */
export const softHyphens: Variant = (text) => text.replace(/(\p{Ll}{4})(\p{Ll}{4,})/gu, '$1\u00ad$2');

/** "Meldt forfall" for those absent, "Anbefalt vedtak" for the proposal. */
export const otherKeyWords: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<i>)?)Ikke til stede\b/, '$1Meldt forfall')
      .replace(
        LABEL('forslag til vedtak'),
        (_m, pre, _w, colon, post) => `${pre}Anbefalt vedtak${colon}${post}`,
      ),
  );

/**
 * Keys with a verb, as minutes written from a membership roll put them: "Møtt:", "Meldt forfall:",
 * "Møtt som stedfortreder:" (a substitute, though the key starts as the present members' does).
 */
export const attendanceMoett: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<i>)?)Ikke til stede\b/, '$1Meldt forfall:')
      .replace(/^(\s*(?:<i>)?)Til stede\b/, '$1Møtt:')
      .replace(/^(\s*(?:<i>)?)Stedfortreder\b/, '$1Møtt som stedfortreder:'),
  );

/**
 * The secretariat's people under a key naming their role, where the minutes name the directorate:
 * "Sekretær", "Sekretærer", "Referent", "Fra sekretariatet". Only the key under the attendance lists
 * (whole, or broken over two lines in PDF text) changes, not the directorate named elsewhere.
 */
const SECRETARIAT_KEY =
  /^(\s*(?:<i>)?)Direktoratet(?:[ \t]*\n)?[ \t]*for e-helse((?:<\/i>)?)[ \t]*(?=\t|\n)/m;
const secretariatKey =
  (label: string): Variant =>
  (text) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^\s*(?:<i>)?Ikke til stede\b/.test(l));
    if (at < 0) return text;
    const block = lines
      .slice(at, at + 20)
      .join('\n')
      .replace(SECRETARIAT_KEY, `$1${label}$2`);
    return [...lines.slice(0, at), block, ...lines.slice(at + 20)].join('\n');
  };

/** The keys of the attendance lists a table replaces. */
const ATTENDANCE_LISTS = /^\s*(?:<i>)?(Til stede|Ikke til stede|Stedfortreder)(?:<\/i>)?(?=[\t ])/;
/** "Name (Org)", perhaps with a note after a dash: "Asbjørn Finstad (KS) – til kl. 13.30". */
const LISTED = /(\p{Lu}[^()]*?)\s*\(([^)]*)\)(?:\s*[-–]\s+((?:[^\p{Lu}\s()][^\s()]*\s*)+))?/gu;

/**
 * Attendance as a table, one row per person, where the minutes list people under keys: minutes kept
 * from a registration list print "Navn / Virksomhet / Oppmøte" with "Til stede", "Ikke til stede" or
 * "Stedfortreder for …" in the last column (a note in brackets), or other words and another order.
 * A list whose columns a PDF ran into each other (a cell with half an entry) is left as it is.
 */
const attendanceTable =
  (
    header: string,
    status: Record<string, string>,
    row: (name: string, org: string, status: string) => string,
  ): Variant =>
  (text) => {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => ATTENDANCE_LISTS.test(l));
    if (start < 0) return text;
    let end = start + 1;
    while (
      end < lines.length &&
      !/^\s*(?:<i>)?(?:Øvrige|Direktoratet)\b/.test(lines[end]!) &&
      !TABLE_HEADER.test(plain(lines[end]!))
    )
      end++;
    const block = lines.slice(start, end);
    if (
      block.some(
        (l) => l.includes('\t') && l.split('\t').some((c) => c.split('(').length !== c.split(')').length),
      )
    )
      return text;
    // Each list's text, its lines joined: a PDF breaks an entry over lines.
    const lists: [string, string][] = [];
    for (const line of block) {
      const key = ATTENDANCE_LISTS.exec(line);
      if (key) lists.push([key[1]!, '']);
      lists.at(-1)![1] += ` ${plain(key ? line.slice(key[0].length) : line)}`;
    }
    const rows = lists.flatMap(([list, body]) =>
      [...body.matchAll(LISTED)].map(([, who, org, note]) => {
        const sub = list === 'Stedfortreder' ? /^(.+?) for (.+)$/.exec(who!.trim()) : null;
        const said = sub ? `${status[list]} ${sub[2]}` : status[list]!;
        return row(sub ? sub[1]! : who!.trim(), org!, note ? `${said} (${note.trim()})` : said);
      }),
    );
    return [...lines.slice(0, start), header, ...rows, '', ...lines.slice(end)].join('\n');
  };
export const attendanceAsTable = attendanceTable(
  'Navn\tVirksomhet\tOppmøte',
  { 'Til stede': 'Til stede', 'Ikke til stede': 'Ikke til stede', Stedfortreder: 'Stedfortreder for' },
  (name, org, status) => `${name}\t${org}\t${status}`,
);
/** The same table in another template's words and order: "Virksomhet / Deltaker / Status". */
export const attendanceTableOrgFirst = attendanceTable(
  'Virksomhet\tDeltaker\tStatus',
  { 'Til stede': 'Møtt', 'Ikke til stede': 'Forfall', Stedfortreder: 'Møtt som vara for' },
  (name, org, status) => `${org}\t${name}\t${status}`,
);

/** The decision label with whose it is: "Utvalgets vedtak:". */
export const vedtakWhose: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(LABEL('vedtak'), (_m, pre, _w, colon, post) => `${pre}Utvalgets vedtak${colon}${post}`),
  );

/**
 * The decision label saying how the decision was made, as some minutes print it: "Enstemmig vedtak:",
 * "Vedtak (enstemmig):", "Utvalget fattet følgende vedtak:", "NUIT fattet slikt vedtak:", in turn.
 */
export const vedtakHowMade: Variant = (text) => {
  const labels = [
    'Enstemmig vedtak',
    'Vedtak (enstemmig)',
    'Utvalget fattet følgende vedtak',
    'NUIT fattet slikt vedtak',
  ];
  let n = 0;
  return mapLines(text, (line) =>
    line.replace(LABEL('vedtak'), (m, pre, _w, colon, post) =>
      colon ? `${pre}${labels[n++ % labels.length]}:${post}` : m,
    ),
  );
};

/** The minutes titled "Protokoll fra …", as some committees call them. */
export const protokoll: Variant = (text) =>
  mapLines(text, (line) => line.replace(/^(\s*(?:#+\s*)?)Referat fra\b/i, '$1Protokoll fra'));

/** An empty line after every line, as some PDF converters write. */
export const doubleSpaced: Variant = (text) => text.replace(/\n/g, '\n\n');

/** "Nr. / Sak / Tidsrom / Kategori": the id column named "Nr.", the title column "Sak". */
export const headerSynonyms3 = renameHeaderWords([
  [/^(\s*)(?:Saksnr\.|Sak)\b(?!stype)/, '$1Nr.'],
  [/\bAgenda (NUIT|NUFA)\b|\bTema\b|\bTittel\b/, 'Sak'],
  [/\bTidspunkt\b/, 'Tidsrom'],
  [/\bSakstype\b/, 'Kategori'],
]);

/** "Saksnummer / Beskrivelse / Klokkeslett / Behandling". */
export const headerSynonyms4 = renameHeaderWords([
  [/^(\s*)(?:Saksnr\.|Sak)\b(?!stype)/, '$1Saksnummer'],
  [/\bAgenda (NUIT|NUFA)\b|\bTema\b|\bTittel\b/, 'Beskrivelse'],
  [/\bTidspunkt\b/, 'Klokkeslett'],
  [/\bSakstype\b/, 'Behandling'],
]);

/** A tab table whose sakstype column stands before the title, header and rows alike. */
export const typeBeforeTitle: Variant = (text) => {
  let inTable = false;
  return mapLines(text, (line) => {
    if (TABLE_HEADER.test(plain(line)) && line.includes('\t')) inTable = /\tSakstype\s*$/.test(line);
    // The table ends at a line that is neither a sak row nor a row's continuation under it.
    else if (!/^(?:\s*(?:<b>)?\d{1,3}\/\d{2}\b|\t)/.test(line)) inTable = false;
    const cells = line.split('\t');
    if (!inTable || cells.length < 3) return line;
    cells.splice(1, 0, cells.pop()!);
    return cells.join('\t');
  });
};

/** "Vedtak – …" and "Forslag til vedtak – …": a dash after the label instead of a colon. */
export const labelDash: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(LABEL('vedtak|forslag til vedtak'), (_m, pre, w, colon, post) =>
      colon ? `${pre}${w} –${post}` : _m,
    ),
  );

/** Long lines wrapped at 72 characters, as a converter with narrower pages writes them. */
export const rewrapped: Variant = (text) =>
  mapLines(text, (line) => {
    if (line.includes('\t') || line.length <= 100 || /^\s*(?:<b>)?\d{1,3}\/\d{2}\b/.test(line)) return line;
    const out: string[] = [];
    let cur = '';
    for (const w of line.split(' ')) {
      if (cur && `${cur} ${w}`.length > 72) {
        out.push(cur);
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    return [...out, cur].join('\n');
  });

/** Every tab table row as an HTML row, as an HTML-to-text converter may leave it. */
export const htmlRows: Variant = (text) =>
  mapLines(text, (line) =>
    /\S\t+\S/.test(line) ? `<tr><td>${line.trim().split(/\t+/).join('</td><td>')}</td></tr>` : line,
  );

/** A deck's sak headings with a dash after the id: "Sak 28/21 – Tittel". */
export const slideHeadingDash: Variant = (text) =>
  text.replace(/^(\s*(?:#+\s*)?)Sak (\d{1,3}\/\d{2}):\s*/gm, '$1Sak $2 – ');

/** A deck's sak headings as the bare id: "28/21: Tittel". */
export const slideHeadingBareId: Variant = (text) =>
  text.replace(/^(\s*(?:#+\s*)?)Sak (\d{1,3}\/\d{2}):\s*/gm, '$1$2: ');

/** A deck's sak headings numbered as outline sections: "2.1 Sak 37/19: Tittel", "2.2 Sak 38/19: …". */
export const slideHeadingNumbered: Variant = (text) => {
  let n = 0;
  return text.replace(/^Sak (\d{1,3}\/\d{2})(?=[:.])/gm, (m) => `2.${++n} ${m}`);
};

/** "Forslag til vedtak: NUFA …" on one line, where a deck puts the label on a line of its own. */
export const forslagInline: Variant = (text) =>
  text.replace(/^Forslag til vedtak\s*\n+\s*((?:NUFA|NUIT) .*)$/gm, 'Forslag til vedtak: $1');

/** A day range in figures: "27.–28.10.2021" for "27. – 28. oktober 2021". */
export const dayRangeFigures: Variant = (text) =>
  mapLines(text, (line) =>
    line.replace(
      /^(\s*)(\d{1,2})\.\s*[–-]\s*(\d{1,2})\.\s+(\p{L}+)\s+(\d{4})(\s*)$/u,
      (whole, pre, a, b, month, y, post) => {
        const mm = MONTHS.indexOf(month.toLowerCase()) + 1;
        return mm ? `${pre}${a}.–${b}.${String(mm).padStart(2, '0')}.${y}${post}` : whole;
      },
    ),
  );

/**
 * A line that is a meeting's date or days: after a "Dato" key, as a day heading ("Onsdag 6. november
 * 2019", "Dag 1 – onsdag 27. oktober 2021"), a deck's title or footer ("NUFA 6. - 7. november 2019").
 */
const DATE_LINE = new RegExp(
  String.raw`^(\s*(?:(?:<i>)?Dato(?:<\/i>)?[\t ]+|Dag \d+ – |(?:NUFA|NUIT) )?)(\p{L}+dag\s+)?(\d{1,2})\.(?:\s*([–-])\s*(?:\p{L}+dag\s+)?(\d{1,2})\.)?\s+(\p{L}+)\s+(\d{4})(\s*)$`,
  'iu',
);
export const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface DateLine {
  days: number[];
  /** 0-based. */
  month: number;
  year: number;
  dash: string;
  /** The line names the weekday ("Onsdag 6. november 2019"). */
  named: boolean;
}

/** Each date line written anew from its days, month and year; other lines as they are. */
function rewriteDates(write: (d: DateLine) => string): Variant {
  return (text) =>
    mapLines(text, (line) =>
      line.replace(DATE_LINE, (whole, pre, wd, d1, dash, d2, month, year, post) => {
        const m = MONTHS.indexOf(month.toLowerCase());
        const days = [Number(d1), ...(d2 ? [Number(d2)] : [])];
        const date = { days, month: m, year: Number(year), dash: dash ?? '–', named: !!wd };
        return m < 0 ? whole : `${pre}${write(date)}${post}`;
      }),
    );
}
const weekday = (d: DateLine, day: number) => new Date(Date.UTC(d.year, d.month, day)).getUTCDay();
const isoDay = (d: DateLine, day: number) =>
  `${d.year}-${String(d.month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The weekday before each day: "Dato onsdag 9. september 2020", "onsdag 6. – torsdag 7. november 2019". */
export const weekdayBeforeDates = rewriteDates(
  (d) =>
    `${d.days.map((day) => `${WEEKDAYS[weekday(d, day)]} ${day}.`).join(` ${d.dash} `)} ${MONTHS[d.month]} ${d.year}`,
);

/** Dates in English, as an English template prints them: "Wednesday 6 November 2019", "6 – 7 November 2019". */
export const englishDates = rewriteDates((d) => {
  const days = d.days.map((day) => (d.named ? `${WEEKDAYS_EN[weekday(d, day)]} ${day}` : `${day}`));
  return `${days.join(` ${d.dash} `)} ${MONTHS_EN[d.month]} ${d.year}`;
});

/** ISO dates: "Dato 2020-09-09", "2019-11-06 – 2019-11-07", a day heading "Onsdag 2019-11-06". */
export const isoDates = rewriteDates((d) => {
  const days = d.days.map((day) => isoDay(d, day)).join(` ${d.dash} `);
  return d.named
    ? `${WEEKDAYS[weekday(d, d.days[0]!)]!.replace(/^./, (c) => c.toUpperCase())} ${days}`
    : days;
});

/** A header's date and time in one field: "Dato og tid<tab>9. september 2020, 11:00 – 14:00". */
export const dateTimeMerged: Variant = (text) =>
  text.replace(
    /^(\s*(?:<i>)?)Dato((?:<\/i>)?)([\t ]+)(\S.*?)[\t ]*\n\s*(?:<i>)?Tid(?:<\/i>)?[\t ]+(\S.*?)[\t ]*$/gm,
    '$1Dato og tid$2$3$4, $5',
  );

/** Header keys with "Møte-" before them: "Møtenr.", "Møtedato", "Møtetid", "Møtested". */
export const headerKeysMoete: Variant = (text) => {
  const keys: Record<string, string> = {
    Møte: 'Møtenr.',
    Dato: 'Møtedato',
    Tid: 'Møtetid',
    Sted: 'Møtested',
  };
  let header = 0;
  return mapLines(text, (line) => {
    if (MEETING_TITLE.test(line)) header = 8;
    else if (header-- > 0)
      return line.replace(
        /^(\s*(?:<i>)?)(Møte|Dato|Tid|Sted)(?=(?:<\/i>)?[\t ]+\S)/,
        (_m, pre, key) => pre + keys[key],
      );
    return line;
  });
};

/** A line inserted every `every` lines, with blank lines around it, as a PDF's page breaks put them. */
function everyPage(every: number, furniture: (page: number) => string): Variant {
  return (text) =>
    text
      .split('\n')
      .flatMap((line, i) => (i > 40 && i % every === 0 ? [line, '', furniture(i / every), ''] : [line]))
      .join('\n');
}

/** A running header with the page number: "NUIT – møteinnkalling – side 3". */
export const runningHeader = everyPage(60, (page) => `NUIT – møteinnkalling – side ${page}`);

/** A running footer: "Direktoratet for e-helse · 25.05.2023 · Side 3 av 40". */
export const runningFooter = everyPage(
  50,
  (page) => `Direktoratet for e-helse · 25.05.2023 · Side ${page} av 40`,
);

/** A header row set in bold, cell by cell, as an HTML or Word template sets it: "<b>Sak</b>\t<b>Tittel</b>". */
export const headerBold: Variant = (text) =>
  mapLines(text, (line) =>
    TABLE_HEADER.test(plain(line))
      ? line.replace(/[^\t]+/g, (cell) => (cell.trim() ? `<b>${cell}</b>` : cell))
      : line,
  );

/** Agenda and detail rows whose sak id ends in a colon or a full stop: "12/24:", "12/24.". */
const sakIdPunctuated =
  (mark: string): Variant =>
  (text) =>
    mapLines(text, (line) =>
      line.replace(/^(\s*(?:<b>)?)(\d{1,3}\/\d{2})(?=(?:<\/b>)?[\t ])/, `$1$2${mark}`),
    );
export const sakIdColon = sakIdPunctuated(':');
export const sakIdStop = sakIdPunctuated('.');

/** A sak row, as the other variants find one: its id (bold or not) first, a cell after it. */
const SAK_ROW = /^(\s*)((?:<b>)?\d{1,3}\/\d{2})(?=(?:<\/b>)?[\t ]+\S)/;

/**
 * The table's header row printed again before its fifth sak row, as Word and PDF repeat a header
 * row at the top of every page a table runs onto.
 */
export const repeatedHeader: Variant = (text) => {
  let header: string | null = null;
  let rows = 0;
  return mapLines(text, (line) => {
    if (TABLE_HEADER.test(plain(line))) [header, rows] = [line, 0];
    else if (header && SAK_ROW.test(line) && ++rows === 5) return `${header}\n${line}`;
    return line;
  });
};

/** Agenda rows numbered as a list, "1. 26/20<tab>…", numbering again in each table. */
export const rowListNumbers: Variant = (text) => {
  let n = 0;
  return mapLines(text, (line) => {
    if (TABLE_HEADER.test(plain(line))) n = 0;
    return line.replace(SAK_ROW, (_m, pre, id) => `${pre}${++n}. ${id}`);
  });
};

/** Agenda rows as a bulleted list: "• 26/20<tab>…". */
export const rowBullets: Variant = (text) => mapLines(text, (line) => line.replace(SAK_ROW, '$1• $2'));

/** Cells split by " | " with no pipes at the row's ends, empty cells at its end left out (a text export). */
export const innerPipes: Variant = (text) =>
  mapLines(text, (line) =>
    line.includes('\t')
      ? line
          .split('\t')
          .join(' | ')
          .replace(/[\s|]+$/, '')
      : line,
  );

const SAKSTYPE = '(Godkjenning|Orientering|Drøfting|Tilslutning|Anbefaling)';
/** A sakstype word that ends a cell: at the line's end or before a tab, bold or not. */
const SAKSTYPE_CELL_END = new RegExp(`(^|[\\t ]|<b>)${SAKSTYPE}(?=(?:<\\/b>)?(?:[\\t ]*$|\\t))`, 'g');

/**
 * Sakstype written as a kind of sak, "Godkjenningssak", "Drøftingssak", as some templates do: in
 * sak rows, and in the lines a wrapped row leaves its type on ("09:40 Drøfting", "Drøfting").
 */
export const sakstypeSak: Variant = (text) =>
  mapLines(text, (line) => {
    const p = plain(line);
    const row =
      SAK_ROW.test(line) || new RegExp(`^(\\d{2}[:.]\\d{2}\\s+)?${SAKSTYPE}$`).test(p) || line.includes('\t');
    return row ? line.replace(SAKSTYPE_CELL_END, '$1$2ssak') : line;
  });

/**
 * Sak ids with a hyphen, "26-20", as file names and some templates write them: in rows, on a line
 * of their own, and after "Sak" or "Saksnummer" (a deck's "Sak 26-20:", a memo's key).
 */
export const sakIdHyphen: Variant = (text) =>
  mapLines(text, (line) =>
    line
      .replace(/^(\s*(?:<b>)?)(\d{1,3})\/(\d{2})(?=(?:<\/b>)?(?:[\t ]|$))/, '$1$2-$3')
      .replace(/\b(Sak|Saksnummer)(\s+)(\d{1,3})\/(\d{2})\b/g, '$1$2$3-$4'),
  );

export const VARIANTS: Record<string, Variant> = {
  headerSynonyms,
  headerSynonyms2,
  vedtakUpper,
  vedtakOwnLine,
  vedtakISaken,
  forslagHeading,
  innstilling,
  attendanceWords,
  attendanceWords2,
  dateStyle,
  dateShort,
  timeStyle,
  spacedColumns,
  meetingKey,
  headerValueNextLine,
  crlf,
  nbsp,
  pageLines,
  markupRemoved,
  markupAdded,
  sakWord,
  sakFullYear,
  pipeTables,
  headerCapitals,
  softHyphens,
  otherKeyWords,
  vedtakWhose,
  vedtakHowMade,
  protokoll,
  doubleSpaced,
  headerSynonyms3,
  headerSynonyms4,
  typeBeforeTitle,
  labelDash,
  rewrapped,
  htmlRows,
  slideHeadingDash,
  slideHeadingBareId,
  slideHeadingNumbered,
  forslagInline,
  dayRangeFigures,
  weekdayBeforeDates,
  englishDates,
  isoDates,
  dateTimeMerged,
  headerKeysMoete,
  runningHeader,
  runningFooter,
  sakIdColon,
  sakIdStop,
  sakNrWords,
  sakNrEverywhere,
  runningNumbers,
  keyColons,
  konklusjon,
  attendanceWhose,
  attendanceMoett,
  'secretariat: Sekretær': secretariatKey('Sekretær'),
  'secretariat: Sekretærer': secretariatKey('Sekretærer'),
  'secretariat: Referent': secretariatKey('Referent'),
  'secretariat: Fra sekretariatet': secretariatKey('Fra sekretariatet'),
  attendanceAsTable,
  attendanceTableOrgFirst,
  headerBold,
  repeatedHeader,
  rowListNumbers,
  rowBullets,
  innerPipes,
  sakstypeSak,
  sakIdHyphen,
  'combined: headers+spaces+CRLF': (t) => crlf(spacedColumns(headerSynonyms(t))),
  'combined: labels+attendance+dates': (t) => dateStyle(attendanceWords(forslagHeading(vedtakUpper(t)))),
  'combined: markup+page+nbsp+time': (t) => nbsp(pageLines(timeStyle(markupAdded(t)))),
  'combined: attendance table+spaces': (t) => spacedColumns(attendanceAsTable(t)),
};

/** Text for comparing decisions and titles: markup removed, white space collapsed. */
// A numbered list's marks are layout: "1)" and "1." number the same points; so is the glyph of a
// dash set between words ("NEO - status", "NEO – status").
export const normText = (s: string | null | undefined) =>
  squash(stripMarkdown(stripInlineHtml(s ?? '')).replace(/\*\*/g, ''))
    .replace(/(^|\s)(\d{1,2})\)(?=\s)/g, '$1$2.')
    .replace(/ [-–—] /g, ' – ')
    .replace(/[.\s]+$/, '')
    .toLowerCase();

export interface Kept {
  meetings: [number, number];
  saker: [number, number];
  decisions: [number, number];
  attendance: [number, number];
  misses: string[];
}

const key = (m: Meeting) => `${m.committee} ${m.meeting ?? m.date} ${m.role}`;

/**
 * What of the base record the variant's record keeps: meetings, saker (id, title, type), decisions,
 * attendance. A sak the variant's record gains is a miss too.
 */
export function kept(base: Meeting[], variant: Meeting[]): Kept {
  const out: Kept = { meetings: [0, 0], saker: [0, 0], decisions: [0, 0], attendance: [0, 0], misses: [] };
  const tally = (k: 'meetings' | 'saker' | 'decisions' | 'attendance', ok: boolean, miss: string) => {
    out[k][1]++;
    if (ok) out[k][0]++;
    else out.misses.push(miss);
  };
  for (const b of base) {
    const v = variant.find((m) => key(m) === key(b));
    tally(
      'meetings',
      !!v && v.date === b.date,
      `meeting ${key(b)}: ${v ? `date ${v.date} ≠ ${b.date}` : 'lost'}`,
    );
    for (const f of ['members_present', 'members_absent', 'members_substitutes', 'secretariat'] as const) {
      const [bv, vv] = [JSON.stringify(b[f] ?? []), JSON.stringify(v?.[f] ?? [])];
      if (bv !== '[]') tally('attendance', bv === vv, `${key(b)} ${f}: ${vv} ≠ ${bv}`);
    }
    // A sak the variant's record has and the base's has not was read out of layout, not text.
    for (const vi of v?.items ?? [])
      if (!b.items.some((bi) => bi.sak === vi.sak)) out.misses.push(`${key(b)} ${vi.sak}: gained`);
    for (const [n, bi] of b.items.entries()) {
      // A sak id printed twice (a deck's "46/19 Eventuelt") is matched by its occurrence.
      const nth = b.items.slice(0, n).filter((x) => x.sak === bi.sak).length;
      const vi = v?.items.filter((x) => x.sak === bi.sak)[nth];
      tally(
        'saker',
        !!vi && normText(vi.title) === normText(bi.title) && vi.sakstype === bi.sakstype,
        `${key(b)} ${bi.sak}: ${vi ? `«${vi.title}» ${vi.sakstype} ≠ «${bi.title}» ${bi.sakstype}` : 'lost'}`,
      );
      for (const f of ['proposed_decision', 'adopted_decision'] as const) {
        if (!bi[f]) continue;
        tally(
          'decisions',
          normText(vi?.[f]) === normText(bi[f]),
          `${key(b)} ${bi.sak} ${f}: «${vi?.[f]}» ≠ «${bi[f]}»`,
        );
      }
    }
  }
  return out;
}
