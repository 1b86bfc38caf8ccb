// A meeting's innspill grouped by sak, as a draft for the referat: Markdown (to paste), CSV (to sort
// and filter; written as Norwegian Excel reads it), DOCX (to edit, written with the `docx` library)
// and the innspill sheet of the meeting's Excel workbook (src/meetings/input-export.ts).
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { meetingName } from '../record/passages.ts';
import { csvTable, osloTime, type Table } from '../tables.ts';
import type { Innspill } from './types.ts';

/**
 * A meeting's exports: the innspill as Markdown, CSV or DOCX, the chat's poll results and questions
 * as CSV, all three as one workbook, and the draft referat (src/meetings/referat-draft.ts) as DOCX.
 */
export const EXPORT_FORMATS = [
  'md',
  'csv',
  'polls-csv',
  'questions-csv',
  'xlsx',
  'docx',
  'referat-docx',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CSV = 'text/csv; charset=utf-8';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const EXPORT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: CSV,
  'polls-csv': CSV,
  'questions-csv': CSV,
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: DOCX,
  'referat-docx': DOCX,
};

/** The end of an export's file name. */
export const EXPORT_FILES: Record<ExportFormat, string> = {
  md: 'innspill.md',
  csv: 'innspill.csv',
  'polls-csv': 'avstemninger.csv',
  'questions-csv': 'sporsmal.csv',
  xlsx: 'innspill-avstemninger-sporsmal.xlsx',
  docx: 'innspill.docx',
  'referat-docx': 'utkast-referat.docx',
};

export interface ExportMeeting {
  committee: string;
  /** Meeting label ("2/2023", "NUFA 27.10.2021"). */
  meeting: string;
  date: string | null;
  /** The agenda's saker in order, so the draft follows the agenda, each with its proposal. */
  saker: { sak: string; title: string; proposal: string | null }[];
}

interface SakGroup {
  sak: string;
  title: string;
  innspill: Innspill[];
}

/** Saker in agenda order with their innspill; saker without any are left out. */
function grouped(meeting: ExportMeeting, innspill: Innspill[]): SakGroup[] {
  const bySak = new Map<string, Innspill[]>();
  for (const i of innspill) bySak.set(i.sak, [...(bySak.get(i.sak) ?? []), i]);
  const order = [...meeting.saker];
  for (const sak of bySak.keys())
    if (!order.some((s) => s.sak === sak)) order.push({ sak, title: '', proposal: null });
  return order.flatMap((s) =>
    bySak.has(s.sak) ? [{ sak: s.sak, title: s.title, innspill: bySak.get(s.sak)! }] : [],
  );
}

function heading(m: ExportMeeting): string {
  const name = meetingName(m);
  const date = m.date ? ` (${m.date.split('-').reverse().join('.')})` : '';
  return `Innspill – ${name}${date}`;
}

const who = (i: Innspill) =>
  i.organisation ? `${i.authorName}, på vegne av ${i.organisation}` : i.authorName;
const sakHeading = (g: SakGroup) => `Sak ${g.sak}${g.title ? ` ${g.title}` : ''}`;

export function innspillMarkdown(meeting: ExportMeeting, innspill: Innspill[]): string {
  const groups = grouped(meeting, innspill);
  const lines = [`# ${heading(meeting)}`, ''];
  if (!groups.length) lines.push('Ingen innspill er registrert.');
  for (const g of groups) {
    lines.push(`## ${sakHeading(g)}`, '');
    for (const i of g.innspill) lines.push(`- ${i.text.replace(/\s*\n\s*/g, ' ')} (${who(i)})`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The columns of the innspill table. */
const COLUMNS = [
  'utvalg',
  'møte',
  'sak',
  'sakstittel',
  'navn',
  'på vegne av',
  'innspill',
  'registrert',
  'endret',
];

export function innspillCsv(meeting: ExportMeeting, innspill: Innspill[]): string {
  return csvTable(innspillSheet(meeting, innspill));
}

/** The innspill as a table, one row each in agenda order, header first: the CSV and the workbook's first sheet. */
export function innspillSheet(meeting: ExportMeeting, innspill: Innspill[]): Table {
  const rows = grouped(meeting, innspill).flatMap((g) =>
    g.innspill.map((i) => [
      meeting.committee,
      meeting.meeting,
      g.sak,
      g.title,
      i.authorName,
      i.organisation ?? '',
      i.text,
      osloTime(i.createdAt),
      osloTime(i.updatedAt),
    ]),
  );
  return [COLUMNS, ...rows];
}

export async function innspillDocx(meeting: ExportMeeting, innspill: Innspill[]): Promise<Uint8Array> {
  const groups = grouped(meeting, innspill);
  const children = [
    new Paragraph({ text: heading(meeting), heading: HeadingLevel.HEADING_1 }),
    ...(groups.length ? [] : [new Paragraph('Ingen innspill er registrert.')]),
    ...groups.flatMap((g) => [
      new Paragraph({ text: sakHeading(g), heading: HeadingLevel.HEADING_2 }),
      ...g.innspill.map(
        (i) =>
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun(i.text), new TextRun({ text: ` (${who(i)})`, italics: true })],
          }),
      ),
    ]),
  ];
  const doc = new Document({ creator: 'Møtebot', title: heading(meeting), sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function exportInnspill(
  meeting: ExportMeeting,
  innspill: Innspill[],
  format: 'md' | 'csv' | 'docx',
): Promise<Uint8Array> {
  if (format === 'docx') return innspillDocx(meeting, innspill);
  return new TextEncoder().encode(
    format === 'md' ? innspillMarkdown(meeting, innspill) : innspillCsv(meeting, innspill),
  );
}
