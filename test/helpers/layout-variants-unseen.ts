/**
 * Blind layout variants of committee meeting packages.
 *
 * Written from the corpus documents alone (../shared/corpus/*.txt and ARCHITECTURE.md), without
 * reading the parser or its tests. Each variant is a pure function over the whole document text
 * that changes its layout the way another secretariat's template or another PDF/DOCX converter
 * would, and leaves its meaning for a record unchanged: the meetings, their numbers and dates,
 * the saker with their ids, titles and sakstype, the proposals, the adopted decisions and the
 * attendance. Every variant acts on every occurrence of a pattern, never on a given line or sak.
 */
import { MONTHS } from './layout-variants.ts';

type Variant = (text: string) => string;

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

const mapLines = (text: string, fn: (line: string, index: number) => string): string =>
  text.split('\n').map(fn).join('\n');

const isBlank = (line: string): boolean => line.trim() === '';

/** The committee a package belongs to, for page furniture. */
const committeeOf = (text: string): string => /\b(NUIT|NUFA)\b/.exec(text)?.[1] ?? 'Nasjonalt utvalg';

/** Sakstype words as they stand in an agenda cell or a memo's "Type" field. */
const SAKSTYPE_WORDS = [
  'Godkjenning',
  'Orientering',
  'Drøfting',
  'Tilslutning',
  'Anbefaling',
  'Beslutning',
  'Diskusjon',
  'Informasjon',
];
const SAKSTYPE = `(?:${SAKSTYPE_WORDS.join('|')})(?:ssak)?`;

/**
 * Applies fn to every sakstype value: a cell of a tab table, the last word of an agenda row that
 * begins with a sak id, a line holding only the word (a wrapped agenda row or a memo's value
 * block), and a memo's "Type X" line. Words inside titles and running text are left alone.
 */
function mapSakstype(text: string, fn: (word: string) => string): string {
  const alone = new RegExp(`^([ \\t]*(?:<b>)?)(${SAKSTYPE})((?:</b>)?[ \\t]*)$`, 'u');
  const typeLine = new RegExp(`^([ \\t]*Type:?[ \\t]+)(${SAKSTYPE})([ \\t]*)$`, 'u');
  const cell = new RegExp(`(\\t[ ]*(?:<b>)?)(${SAKSTYPE})((?:</b>)?[ ]*)(?=\\t|$)`, 'gu');
  const idRow = new RegExp(
    `^([ \\t]*(?:<b>)?\\d{1,3}/\\d{2}(?:</b>)?[ \\t].*[ \\t])(${SAKSTYPE})((?:</b>)?[ \\t]*)$`,
    'u',
  );
  return mapLines(text, (line) => {
    const whole = alone.exec(line) ?? typeLine.exec(line);
    if (whole) return `${whole[1]}${fn(whole[2] ?? '')}${whole[3]}`;
    if (line.includes('\t')) {
      return line.replace(cell, (_m, pre: string, word: string, post: string) => pre + fn(word) + post);
    }
    const row = idRow.exec(line);
    if (row) return `${row[1]}${fn(row[2] ?? '')}${row[3]}`;
    return line;
  });
}

/**
 * A sak id at the start of a line (agenda rows, memo value blocks, slide headings "Sak 36/19:"),
 * optionally bold and optionally already prefixed by "Sak" / "Sak nr.".
 */
const LINE_START_SAK_ID =
  /^([ \t]*(?:<b>)?)((?:Sak|SAK)(?: nr\.?)?[ \t]+)?(\d{1,3})\/(\d{2})(?=(?:<\/b>)?(?:[\s:.,)]|$))/gm;

/** Every sak id N/YY in the text, except a meeting number ("Møte 2/23") and parts of URLs or numbers. */
const ANY_SAK_ID =
  /(?<![\p{L}\p{N}/.\-_%])(?<!møte[ \t\u00a0]{1,3})(?<!møte nr\.[ \t\u00a0]{1,3})(\d{1,3})\/(\d{2})(?![\p{N}/])/giu;

/** The header row of an agenda or minutes table: "Sak  Tema  Sakstype", "Saksnr.\tTittel\t…", "Sak Agenda NUIT …". */
const AGENDA_HEADER =
  /^[ \t]*(?:<b>)?(?:Saksnummer|Saksnr\.?|Sak nr\.?|Sak)(?:<\/b>)?(?:\t|[ ]+)(?:<b>)?(?:Agenda|Tema|Tittel)(?![\p{L}])/u;

const stripTags = (s: string): string => s.replace(/<[^>\n]+>/g, '').trim();

interface Span {
  start: number;
  end: number; // exclusive
}

/**
 * Tables written with tabs: maximal runs of lines holding a tab (blank lines inside a run are kept
 * in it), split into separate tables where a header row starts a new one.
 */
function tabTables(lines: string[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!(lines[i] ?? '').includes('\t')) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    let j = i + 1;
    while (j < lines.length) {
      const line = lines[j] ?? '';
      if (line.includes('\t')) end = j + 1;
      else if (!isBlank(line)) break;
      j++;
    }
    let segStart = start;
    for (let k = start + 1; k < end; k++) {
      if (AGENDA_HEADER.test(lines[k] ?? '')) {
        spans.push({ start: segStart, end: k });
        segStart = k;
      }
    }
    spans.push({ start: segStart, end });
    i = end;
  }
  return spans;
}

const cellsOf = (line: string): string[] => line.split('\t');

const trimTrailingEmpty = (cells: string[]): string[] => {
  const out = [...cells];
  while (out.length > 1 && (out[out.length - 1] ?? '').trim() === '') out.pop();
  return out;
};

/** Re-renders every tab table with render(rows, headed); rows are the non-blank lines split into cells. */
function renderTabTables(text: string, render: (rows: string[][], headed: boolean) => string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let cursor = 0;
  for (const span of tabTables(lines)) {
    out.push(...lines.slice(cursor, span.start));
    const rows = lines
      .slice(span.start, span.end)
      .filter((l) => !isBlank(l))
      .map(cellsOf);
    const headed = AGENDA_HEADER.test(lines[span.start] ?? '');
    const rendered = render(rows, headed);
    if (out.length > 0 && !isBlank(out[out.length - 1] ?? '')) out.push('');
    out.push(...rendered);
    const next = lines[span.end];
    if (next !== undefined && !isBlank(next)) out.push('');
    cursor = span.end;
  }
  out.push(...lines.slice(cursor));
  return out.join('\n');
}

/** Moves the column whose header matches isColumn to position `to`, in header and rows alike. */
function moveAgendaColumn(text: string, isColumn: RegExp, to: number): string {
  const lines = text.split('\n');
  for (const span of tabTables(lines)) {
    const header = lines[span.start] ?? '';
    if (!AGENDA_HEADER.test(header) || !header.includes('\t')) continue;
    const names = cellsOf(header).map(stripTags);
    const from = names.findIndex((n) => isColumn.test(n));
    if (from < 0 || from === to) continue;
    for (let k = span.start; k < span.end; k++) {
      const line = lines[k] ?? '';
      if (isBlank(line)) continue;
      const cells = cellsOf(line);
      while (cells.length < Math.max(names.length, from + 1)) cells.push('');
      const [moved] = cells.splice(from, 1);
      cells.splice(to, 0, moved ?? '');
      lines[k] = trimTrailingEmpty(cells).join('\t');
    }
  }
  return lines.join('\n');
}

/** Indices of blank lines after which a page ends: the first blank line once `every` lines have passed. */
function pageBreaks(lines: string[], every: number): number[] {
  const breaks: number[] = [];
  let count = 0;
  lines.forEach((line, i) => {
    count++;
    if (count >= every && isBlank(line) && i < lines.length - 1) {
      breaks.push(i);
      count = 0;
    }
  });
  return breaks;
}

/** Inserts furniture(page, pages) after each page-ending blank line; `page` is the page that ends there. */
function withPageFurniture(
  text: string,
  every: number,
  furniture: (page: number, pages: number) => string[],
) {
  const lines = text.split('\n');
  const breaks = new Set(pageBreaks(lines, every));
  const pages = breaks.size + 1;
  const out: string[] = [];
  let page = 1;
  lines.forEach((line, i) => {
    out.push(line);
    if (breaks.has(i)) {
      out.push(...furniture(page, pages));
      page++;
    }
  });
  return out.join('\n');
}

/** A label at the start of a line (after indentation, markdown heading marks, bold/italic markup). */
function labelAtLineStart(labels: string[]): RegExp {
  const alternatives = [...labels].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(
    `^([ \\t]*(?:#{1,6}[ \\t]+)?(?:<[a-z]+>|\\*\\*)*)(${alternatives})` +
      `(?=(?:\\*\\*|</[a-z]+>)*(?:[ \\t]*:|[ \\t]*$|\\t| (?=\\p{Lu})))`,
    'gmu',
  );
}

// --- dates -----------------------------------------------------------------------------------

const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const MONTH_ALT = MONTHS.join('|');
const WEEKDAY_PREFIX = `(?:(?:${WEEKDAYS.join('|')}),?\\s+)?`;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const LONG_DATE = new RegExp(`^(${WEEKDAY_PREFIX})(\\d{1,2})\\.\\s*(${MONTH_ALT})\\s+(\\d{4})$`, 'iu');
const NUMERIC_DATE = new RegExp(`^(${WEEKDAY_PREFIX})(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})$`, 'iu');
const LONG_RANGE = new RegExp(`^(\\d{1,2})\\.\\s*[–-]\\s*(\\d{1,2})\\.\\s*(${MONTH_ALT})\\s+(\\d{4})$`, 'iu');

const valid = (d: Ymd): Ymd | null => (d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= 31 ? d : null);
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
const monthIndex = (name: string): number => MONTHS.indexOf(name.toLowerCase()) + 1;
const pad2 = (n: number): string => String(n).padStart(2, '0');
const weekday = (d: Ymd): string => WEEKDAYS[new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()] ?? '';
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface DateStyle {
  one: (d: Ymd) => string;
  range: (a: Ymd, b: Ymd) => string;
}

/** Converts a value that is wholly a date (or a date range) into `style`; null when it is not one. */
function restyleDate(value: string, style: DateStyle, labelled: boolean): string | null {
  const withWeekday = (hadWeekday: boolean, d: Ymd, s: string): string =>
    hadWeekday && !/^\p{L}/u.test(s) ? `${(labelled ? weekday(d) : capitalise(weekday(d))) + ' '}${s}` : s;
  let m = LONG_DATE.exec(value);
  if (m) {
    const d = valid({ y: Number(m[4]), m: monthIndex(m[3] ?? ''), d: Number(m[2]) });
    return d ? withWeekday(Boolean(m[1]), d, style.one(d)) : null;
  }
  m = NUMERIC_DATE.exec(value);
  if (m) {
    const d = valid({ y: fullYear(m[4] ?? ''), m: Number(m[3]), d: Number(m[2]) });
    return d ? withWeekday(Boolean(m[1]), d, style.one(d)) : null;
  }
  m = LONG_RANGE.exec(value);
  if (m) {
    const month = monthIndex(m[3] ?? '');
    const a = valid({ y: Number(m[4]), m: month, d: Number(m[1]) });
    const b = valid({ y: Number(m[4]), m: month, d: Number(m[2]) });
    return a && b ? style.range(a, b) : null;
  }
  return null;
}

/** Restyles the value of every "Dato" field and every line that holds only a date or a date range. */
function restyleDateFields(text: string, style: (labelled: boolean) => DateStyle): string {
  const field = /^([ \t]*(?:<i>)?Dato(?:<\/i>)?(?:[ \t]*:)?[ \t]+)(\S.*?)([ \t]*)$/;
  const alone = /^([ \t]*)(\S.*?)([ \t]*)$/;
  return mapLines(text, (line) => {
    const f = field.exec(line);
    if (f) {
      const value = restyleDate(f[2] ?? '', style(true), true);
      return value === null ? line : `${f[1]}${value}${f[3]}`;
    }
    const a = alone.exec(line);
    if (a) {
      const value = restyleDate(a[2] ?? '', style(false), false);
      return value === null ? line : `${a[1]}${value}${a[3]}`;
    }
    return line;
  });
}

// --- text wrapping ---------------------------------------------------------------------------

/** Words a wrapped line must not start with: they would read as a list item, a label or a sak id. */
const BAD_LINE_START =
  /^(?:\p{N}|[-•▪*–»«(]|Sak\b|Møte\b|Vedtak|Forslag til vedtak|Dato\b|Tid\b|Sted\b|Til stede|Ikke til stede|Stedfortreder|Type\b|https?:)/u;

function wrapLine(line: string, width: number): string[] {
  const indent = /^[ ]*/.exec(line)?.[0] ?? '';
  const words = line.slice(indent.length).split(' ');
  const out: string[] = [];
  let current = indent + (words[0] ?? '');
  for (let k = 1; k < words.length; k++) {
    const word = words[k] ?? '';
    const rest = words.slice(k).join(' ');
    if (current.length + 1 + word.length > width && word !== '' && !BAD_LINE_START.test(rest)) {
      out.push(current.trimEnd());
      current = word;
    } else {
      current += ' ' + word;
    }
  }
  out.push(current);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The variants
// ---------------------------------------------------------------------------------------------

export const UNSEEN_VARIANTS: Record<string, Variant> = {
  // A file saved on Windows (Word "Save as text", many PDF tools): CRLF line ends.
  crlfLineEnds: (text) => text.replace(/\r?\n/g, '\r\n'),

  // pdftotext's page separator: a form feed at the start of each new page's first line.
  formFeedPageBreaks: (text) => {
    const lines = text.split('\n');
    for (const i of pageBreaks(lines, 60)) lines[i + 1] = `\f${lines[i + 1] ?? ''}`;
    return lines.join('\n');
  },

  // A Word template's page footer, "Side 3 av 12", printed at the foot of every page.
  pageFooterSideAvN: (text) => withPageFurniture(text, 60, (page, pages) => [`Side ${page} av ${pages}`, '']),

  // A running page header with the publisher and the document's title, repeated on every page.
  runningHeaderHelsedirektoratet: (text) => {
    const committee = committeeOf(text);
    return withPageFurniture(text, 55, () => [
      `Helsedirektoratet${' '.repeat(24)}Møtedokumenter ${committee}`,
      '',
    ]);
  },

  // A converter that trims line ends: no trailing spaces, no trailing empty tab cells.
  trailingWhitespaceStripped: (text) => text.replace(/[ \t\u00a0]+$/gm, ''),

  // A converter that renders paragraph spacing as extra empty lines.
  extraBlankLines: (text) => text.replace(/\n([ \t]*\n)+/g, (m) => `${m}\n\n`),

  // Word's non-breaking spaces kept by the converter: "25. mai", "kl. 09.00", "Sak 17/23", "Møte 2/2023".
  nbspInDatesAndIds: (text) =>
    text
      .replace(/(\d\.?) (?=\p{L})/gu, '$1\u00a0')
      .replace(/(^|[^\p{L}])(Sak|sak|Møte|møte|kl\.|Kl\.|Vedlegg) (?=\d)/gmu, '$1$2\u00a0'),

  // Text extracted on macOS: Unicode in decomposed form (å = a + combining ring).
  unicodeNfd: (text) => text.normalize('NFD'),

  // PDF text extraction that keeps the font's ligature glyphs (ﬁ, ﬂ).
  pdfLigatures: (text) => text.replace(/fi/g, '\uFB01').replace(/fl/g, '\uFB02'),

  // Another template's bullet glyphs: ▪ for •, an en dash for a hyphen.
  bulletsRestyled: (text) =>
    text.replace(/^([ \t]*)•(?=[ \t])/gm, '$1▪').replace(/^([ \t]*)-(?=[ \t])/gm, '$1–'),

  // Numbered lists written "1)" instead of "1.".
  numberedListParen: (text) => text.replace(/^([ \t]*)(\d{1,2})\.([ \t]+)(?=\p{Lu})/gmu, '$1$2)$3'),

  // A template that prints its field and section labels in capitals.
  labelsUppercase: (text) =>
    text
      .replace(
        labelAtLineStart([
          'Forslag til vedtak',
          'Vedtak fra tidligere behandlinger i rådsmodellen',
          'Vedtak',
          'Hensikt med saken',
          'Bakgrunn',
          'Videre saksprosess',
          'Til stede',
          'Ikke til stede',
          'Stedfortreder',
          'Medlemmer',
        ]),
        (_m, pre: string, label: string) => pre + label.toUpperCase(),
      )
      .replace(
        /^([ \t]*(?:#{1,6}[ \t]+)?)(Referat fra [^\t\n]*?møte i (?:NUIT|NUFA)[^\t\n]*)$/gm,
        (_m, pre: string, heading: string) => pre + heading.toUpperCase(),
      ),

  // A secretariat that calls the proposal the "Innstilling".
  proposalLabelInnstilling: (text) => text.replace(labelAtLineStart(['Forslag til vedtak']), '$1Innstilling'),

  // A secretariat that writes "Forslag til beslutning".
  proposalLabelForslagTilBeslutning: (text) =>
    text.replace(labelAtLineStart(['Forslag til vedtak']), '$1Forslag til beslutning'),

  // A template where the proposal or decision follows its label on the same line ("Vedtak: NUIT …").
  labelsInlineWithText: (text) => {
    const lines = text.split('\n');
    const label = /^([ \t]*)(?:<b>)?(Forslag til vedtak|Vedtak)[ \t]*:?[ \t]*(?:<\/b>)?[ \t]*$/;
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const m = label.exec(line);
      if (m) {
        let j = i + 1;
        while (j < lines.length && j <= i + 3 && isBlank(lines[j] ?? '')) j++;
        const next = lines[j];
        if (
          next !== undefined &&
          !isBlank(next) &&
          !next.includes('\t') &&
          !/^[ \t]*(?:#|https?:|[-•▪*–])/.test(next) &&
          !label.test(next)
        ) {
          out.push(`${m[1]}${m[2]}: ${next.trim()}`);
          i = j;
          continue;
        }
      }
      out.push(line);
    }
    return out.join('\n');
  },

  // Minutes whose decision label reads "Beslutning" instead of "Vedtak".
  decisionLabelBeslutning: (text) =>
    text
      .replace(/(^|[\s>*])Vedtak(?=[ \t]*:)/gm, '$1Beslutning')
      .replace(/^([ \t]*)Vedtak([ \t]*)$/gm, '$1Beslutning$2'),

  // An agenda whose sakstype column is printed in capitals.
  sakstypeUppercase: (text) => mapSakstype(text, (w) => w.toUpperCase()),

  // A narrow agenda column with abbreviated sakstype words.
  sakstypeAbbreviated: (text) =>
    mapSakstype(text, (w) => {
      const short: Record<string, string> = {
        Godkjenning: 'Godkj.',
        Orientering: 'Orient.',
        Drøfting: 'Drøft.',
        Tilslutning: 'Tilsl.',
        Anbefaling: 'Anbef.',
        Beslutning: 'Beslutn.',
        Diskusjon: 'Disk.',
        Informasjon: 'Info.',
      };
      return short[w] ?? w;
    }),

  // A template naming the sakstype as a kind of sak: "Orienteringssak", "Drøftingssak".
  sakstypeSakSuffix: (text) => mapSakstype(text, (w) => (w.endsWith('sak') ? w : `${w}ssak`)),

  // Agenda rows whose id cell reads "Sak 17/23".
  sakIdSakPrefix: (text) =>
    text.replace(LINE_START_SAK_ID, (m, pre: string, sak: string | undefined, n: string, yy: string) =>
      sak ? m : `${pre}Sak ${n}/${yy}`,
    ),

  // Agenda rows and sak headings written "Sak nr. 17/23".
  sakIdNrPrefix: (text) =>
    text.replace(
      LINE_START_SAK_ID,
      (_m, pre: string, _sak: string | undefined, n: string, yy: string) => `${pre}Sak nr. ${n}/${yy}`,
    ),

  // A secretariat that writes sak ids with a four-digit year: "17/2023".
  sakIdYearExpanded: (text) =>
    text.replace(ANY_SAK_ID, (_m, n: string, yy: string) => `${n}/${Number(yy) < 70 ? '20' : '19'}${yy}`),

  // Sak ids written with a hyphen, as in file names ("Sak 17-23").
  sakIdHyphen: (text) =>
    text
      .replace(
        LINE_START_SAK_ID,
        (_m, pre: string, sak: string | undefined, n: string, yy: string) => `${pre}${sak ?? ''}${n}-${yy}`,
      )
      .replace(/^([ \t]*Saksnummer[ \t:]+)(\d{1,3})\/(\d{2})(?!\d)/gm, '$1$2-$3'),

  // Agenda header words of another template: Saksnummer / Sakstittel / Klokkeslett / Behandlingsform.
  agendaHeaderSynonymsA: (text) =>
    renameAgendaHeader(text, {
      sak: 'Saksnummer',
      title: 'Sakstittel',
      time: 'Klokkeslett',
      type: 'Behandlingsform',
      presenter: 'Innleder',
    }),

  // Agenda header words of a third template: Nr. / Emne / Kl. / Saksform.
  agendaHeaderSynonymsB: (text) =>
    renameAgendaHeader(text, {
      sak: 'Nr.',
      title: 'Emne',
      time: 'Kl.',
      type: 'Saksform',
      presenter: 'Ansvarlig',
    }),

  // An agenda laid out time first: Tidspunkt | Sak | Tittel | Sakstype.
  agendaTimeColumnFirst: (text) => moveAgendaColumn(text, /^(?:Tidspunkt|Tid|Start|Klokkeslett|Kl\.?)$/, 0),

  // An agenda with the sakstype column right after the sak id.
  agendaSakstypeBeforeTitle: (text) =>
    moveAgendaColumn(text, /^(?:Sakstype|Type|Saksform|Behandlingsform)$/, 1),

  // A DOCX → Markdown converter (pandoc style): tables as pipe tables, first row as header.
  tabTablesMarkdownPipes: (text) =>
    renderTabTables(text, (rows) => {
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]): string => {
        const full = [...cells];
        while (full.length < width) full.push('');
        return `| ${full.map((c) => c.trim().replace(/\|/g, '\\|')).join(' | ')} |`;
      };
      const [head, ...body] = rows;
      return [line(head ?? []), `|${' --- |'.repeat(width)}`, ...body.map(line)];
    }),

  // A DOCX → HTML converter (mammoth style): tables as <table><tr><td>, one row a line.
  tabTablesHtml: (text) =>
    renderTabTables(text, (rows, headed) => [
      '<table>',
      ...rows.map((cells, i) => {
        const tag = headed && i === 0 ? 'th' : 'td';
        return `<tr>${cells.map((c) => `<${tag}>${c.trim()}</${tag}>`).join('')}</tr>`;
      }),
      '</table>',
    ]),

  // A converter that separates table cells with " | " instead of tabs.
  tabCellsPipeSeparated: (text) =>
    mapLines(text, (line) =>
      line.includes('\t') ? trimTrailingEmpty(cellsOf(line)).join(' | ').trimEnd() : line,
    ),

  // pdftotext -layout: table cells aligned in columns with runs of spaces.
  tabTablesAlignedSpaces: (text) =>
    renderTabTables(text, (rows) => {
      // Runs of spaces inside a cell are collapsed, so that only a cell boundary is 2+ spaces wide.
      const cells = rows.map((row) => trimTrailingEmpty(row).map((c) => c.trim().replace(/ {2,}/g, ' ')));
      const widths: number[] = [];
      for (const row of cells) {
        row.forEach((c, i) => {
          widths[i] = Math.min(Math.max(widths[i] ?? 0, c.length), 40);
        });
      }
      return cells.map((row) =>
        row
          .map((cell, i, all) => {
            if (i === all.length - 1) return cell;
            return cell + ' '.repeat(Math.max(2, (widths[i] ?? 0) - cell.length + 2));
          })
          .join('')
          .trimEnd(),
      );
    }),

  // A template that writes meeting dates as "25.05.2023".
  dateNumeric: (text) =>
    restyleDateFields(text, () => ({
      one: (d) => `${pad2(d.d)}.${pad2(d.m)}.${d.y}`,
      range: (a, b) => `${pad2(a.d)}.${pad2(a.m)}.${a.y} – ${pad2(b.d)}.${pad2(b.m)}.${b.y}`,
    })),

  // A form (DOCX date control, web CMS export) that writes dates as ISO "2023-05-25".
  dateIso: (text) =>
    restyleDateFields(text, () => ({
      one: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}`,
      range: (a, b) => `${a.y}-${pad2(a.m)}-${pad2(a.d)} – ${b.y}-${pad2(b.m)}-${pad2(b.d)}`,
    })),

  // A template that writes the weekday before the date: "torsdag 25. mai 2023".
  dateWeekdayPrefixed: (text) =>
    restyleDateFields(text, (labelled) => {
      const wd = (d: Ymd): string => (labelled ? weekday(d) : capitalise(weekday(d)));
      return {
        one: (d) => `${wd(d)} ${d.d}. ${MONTHS[d.m - 1]} ${d.y}`,
        range: (a, b) => `${wd(a)} ${a.d}. – ${weekday(b)} ${b.d}. ${MONTHS[b.m - 1]} ${b.y}`,
      };
    }),

  // Times in the Norwegian standard style with a full stop: "09.00" for "09:00".
  timesWithDots: (text) => text.replace(/(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/g, '$1.$2'),

  // A meeting header whose time reads "0900-1500".
  timeRangeCompact: (text) =>
    text.replace(
      /^([ \t]*(?:<i>)?Tid(?:<\/i>)?(?:[ \t]*:)?[ \t]+)(?:[Kk]l\.?[ \t]*)?(\d{1,2})[:.](\d{2})[ \t]*[–-][ \t]*(?:[Kk]l\.?[ \t]*)?(\d{1,2})[:.](\d{2})/gm,
      (_m, pre: string, h1: string, m1: string, h2: string, m2: string) =>
        `${pre}${h1.padStart(2, '0')}${m1}-${h2.padStart(2, '0')}${m2}`,
    ),

  // Another invitation template's header labels: "Møte nr.", "Møtedato:", "Klokkeslett:", "Møtested:".
  headerLabelSynonyms: (text) =>
    text
      .replace(/^([ \t]*(?:<i>)?)Møte((?:<\/i>)?[ \t]+)(?=\d{1,2}\/\d{2,4})/gm, '$1Møte nr.$2')
      .replace(
        /^([ \t]*(?:<i>)?)(Dato|Tid|Sted)((?:<\/i>)?)(?=[ \t]+\S)(.*)$/gm,
        (m, pre: string, label: string, close: string, rest: string) => {
          if (label !== 'Sted' && !/\d/.test(rest)) return m;
          const name: Record<string, string> = { Dato: 'Møtedato:', Tid: 'Klokkeslett:', Sted: 'Møtested:' };
          return `${pre}${name[label] ?? label}${close}${rest}`;
        },
      ),

  // A compact invitation header on one line: "Møte: 2/2023; Dato: …; Tid: …; Sted: …".
  headerFieldsOnOneLine: (text) => {
    const field = /^[ \t]*(?:<i>)?(Møte|Dato|Tid|Sted)(?:<\/i>)?[ \t]+(\S.*?)[ \t]*$/;
    const parse = (line: string): string | null => {
      const m = field.exec(line);
      if (!m) return null;
      const value = (m[2] ?? '').replace(/\t+/g, ' ').trim();
      if (m[1] === 'Møte' && !/^\d{1,2}\/\d{2,4}\b/.test(value)) return null;
      return `${m[1]}: ${value}`;
    };
    const lines = text.split('\n');
    const out: string[] = [];
    for (let i = 0; i < lines.length;) {
      const group: string[] = [];
      let j = i;
      for (let f = parse(lines[j] ?? ''); f !== null && j < lines.length; f = parse(lines[++j] ?? ''))
        group.push(f);
      if (group.length >= 2) {
        out.push(group.join('; '));
        i = j;
      } else {
        out.push(lines[i] ?? '');
        i++;
      }
    }
    return out.join('\n');
  },

  // An invitation titled "Innkalling til møte i NUIT" rather than "Møte i NUIT".
  meetingTitleInnkalling: (text) =>
    text.replace(/^([ \t]*(?:<b>)?)Møte i (NUIT|NUFA)(?![\p{L}])/gmu, '$1Innkalling til møte i $2'),

  // Minutes with other attendance words: Deltakere / Forfall / Vara / Sekretariat.
  attendanceSynonyms: (text) => {
    const end = '(?=(?:</[ib]>)?(?:[\\s:]|$))';
    return text
      .replace(new RegExp(`^([ \\t]*(?:<[ib]>)?)Ikke til stede${end}`, 'gm'), '$1Forfall')
      .replace(new RegExp(`^([ \\t]*(?:<[ib]>)?)Til stede${end}`, 'gm'), '$1Deltakere')
      .replace(new RegExp(`^([ \\t]*(?:<[ib]>)?)Stedfortreder${end}`, 'gm'), '$1Vara')
      .replace(
        /^([ \t]*(?:<i>)?)Direktoratet for e-helse((?:<\/i>)?\t)/gm,
        '$1Sekretariat (Direktoratet for e-helse)$2',
      );
  },

  // A DOCX → Markdown export that marks sak headings, labels and attendance fields in bold.
  markdownMarkupAdded: (text) =>
    mapLines(text, (line) => {
      if (/^[ \t]*#/.test(line) || line.includes('\t') || line.includes('**')) return line;
      let m = /^([ \t]*)(Sak \d{1,3}\/\d{2}:?)(.*)$/.exec(line);
      if (m) return `${m[1]}**${m[2]}**${m[3]}`;
      m =
        /^([ \t]*)(Forslag til vedtak|Vedtak fra tidligere behandlinger i rådsmodellen|Vedtak|Hensikt med saken|Bakgrunn|Videre saksprosess)([ \t]*:?)[ \t]*$/.exec(
          line,
        );
      if (m) return `${m[1]}**${m[2]}${(m[3] ?? '').trim()}**`;
      m = /^([ \t]*)(Referat fra .*møte i (?:NUIT|NUFA).*?)[ \t]*$/.exec(line);
      if (m) return `## ${m[2]}`;
      m = /^([ \t]*)(Ikke til stede|Til stede|Stedfortreder|Medlemmer)(?=[ \t])(.*)$/.exec(line);
      if (m) return `${m[1]}**${m[2]}**${m[3]}`;
      return line;
    }),

  // A plain-text export: HTML tags, markdown heading marks, bold marks and link targets removed.
  markupStripped: (text) =>
    text
      .replace(/<a\s+href="([^"#][^"]*)"[^>]*>([^<]*)<\/a>/g, '$2 ($1)')
      .replace(/<\/(?:p|li|ul|ol|tr|td|th|table)>|<br\s*\/?>/g, ' ')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^>\n]*)?\/?>/g, '')
      .replace(/^#{1,6}[ \t]+/gm, '')
      .replace(/\*\*/g, '')
      .replace(/\[([^\]\n]*)\]\(#?\)/g, '$1')
      .replace(/\[([^\]\n]*)\]\(([^)\n]+)\)/g, '$1 ($2)'),

  // A PDF converter that breaks long paragraphs into ~80-character lines (at spaces only).
  longLinesWrapped: (text) =>
    text
      .split('\n')
      .flatMap((line) =>
        line.length <= 100 || line.includes('\t') || line.includes('<') || /^[ \t]*[#|]/.test(line)
          ? [line]
          : wrapLine(line, 80),
      )
      .join('\n'),
};

interface HeaderNames {
  sak: string;
  title: string;
  time: string;
  type: string;
  presenter: string;
}

/** Renames the column headers of every agenda/minutes table header row. */
function renameAgendaHeader(text: string, names: HeaderNames): string {
  return mapLines(text, (line) => {
    if (!AGENDA_HEADER.test(line)) return line;
    return line
      .replace(
        /^([ \t]*(?:<b>)?)(?:Saksnummer|Saksnr\.?|Sak nr\.?|Sak)(?=[\s<])/,
        (_m, pre: string) => pre + names.sak,
      )
      .replace(/(?<![\p{L}])(?:Agenda (?:NUIT|NUFA)|Agenda|Tema|Tittel)(?![\p{L}])/gu, () => names.title)
      .replace(/(?<![\p{L}])(?:Tidspunkt|Tid)(?![\p{L}])/gu, () => names.time)
      .replace(/(?<![\p{L}])Sakstype(?![\p{L}])/gu, () => names.type)
      .replace(/Presenterer saken/g, () => names.presenter);
  });
}
