// Tables the secretariat opens in Excel: CSV as Norwegian Excel reads it (";" between fields, the
// comma being the decimal sign, and a byte-order mark for æ, ø, å), and workbooks of named sheets
// with a bold, frozen header and times as date cells. A cell has no time zone, so a time is written
// as the Oslo wall-clock time the secretariat saw.
import { DateTime } from 'luxon';
import writeExcelFile from 'write-excel-file/node';
import { ZONE } from './meetings/schedule.ts';

/** A cell: text, a number, a time (a stored UTC instant as Oslo time) or nothing. */
export type TableCell = string | number | DateTime | null;

/** A table: its header row first. */
export type Table = TableCell[][];

/** A stored time (UTC, ISO) as the clock on the wall in Oslo. */
export function osloTime(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE);
}

const SEPARATOR = ';';
const csvCell = (c: TableCell) => {
  const s = c instanceof DateTime ? c.toFormat('dd.MM.yyyy HH:mm') : c === null ? '' : String(c);
  return /[";\n\r,]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function csvTable(rows: Table): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(SEPARATOR)).join('\r\n')}\r\n`;
}

function sheetData(rows: Table) {
  const [header = [], ...body] = rows;
  return [
    header.map((value) => ({ value: String(value), fontWeight: 'bold' as const })),
    ...body.map((r) =>
      r.map((v) =>
        v instanceof DateTime
          ? {
              value: new Date(Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute)),
              type: Date,
              format: 'dd.mm.yyyy hh:mm',
            }
          : typeof v === 'number'
            ? { value: v, type: Number }
            : { value: v ?? '', wrap: true },
      ),
    ),
  ];
}

export async function workbook(sheets: { name: string; rows: Table }[]): Promise<Uint8Array> {
  const buffer = await writeExcelFile(
    sheets.map((s) => ({ data: sheetData(s.rows), sheet: s.name, stickyRowsCount: 1 })),
  ).toBuffer();
  return new Uint8Array(buffer);
}
