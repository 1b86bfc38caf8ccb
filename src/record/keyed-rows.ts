// Tables written as records, as an accessible export writes them: each row a run of "Column: value"
// lines ("Sak: 26/20", "Tema: …", "Sakstype: Godkjenning"), a blank line between rows, empty cells
// left out. Put back as a header row and tab rows, so every table reader takes them as it takes a
// table.
import { normalizeSakId } from './dates.ts';
import { FORSLAG, VEDTAK } from './labels.ts';
import type { Line } from './lines.ts';
import { headerColumns, isHeaderCell, isSakTableHeader } from './table.ts';

/** A line "Column: value" whose key names one known column. */
function keyed(text: string): [string, string] | null {
  const m = /^([^:\t]{1,30}):\s+(\S.*)$/.exec(text.trim());
  if (!m || !isHeaderCell(m[1]!) || headerColumns(m[1]!)?.length !== 1) return null;
  // A label ("Forslag til vedtak:", "Vedlegg 1:") heads its text, not a column of the table.
  return FORSLAG.test(text) || VEDTAK.test(text) || ATTACHMENT.test(text) ? null : [m[1]!, m[2]!];
}

const ATTACHMENT = /^(?:vedlegg|attachment)\b/i;

/** The record of keyed lines from `i`: two or more, each key once; null if none starts there. */
function recordAt(lines: Line[], i: number): [string, string][] | null {
  const out: [string, string][] = [];
  for (let j = i; j < lines.length; j++) {
    const kv = keyed(lines[j]!.text);
    if (!kv) break;
    if (out.some(([k]) => k === kv[0])) return null;
    out.push(kv);
  }
  return out.length >= 2 ? out : null;
}

const meaning = (key: string) => headerColumns(key)![0];

/**
 * A record goes on a table unless it names a column the table has under another key ("Tema",
 * "Agenda"), or its sak is one the table has had: a table lists each sak once, so the detail table
 * under an agenda starts over.
 */
function sameTable(records: [string, string][][], next: [string, string][]): boolean {
  const keys = new Set(records.flatMap((r) => r.map(([k]) => k)));
  const meanings = new Set([...keys].map(meaning));
  const sak = (r: [string, string][]) => normalizeSakId(r.find(([k]) => meaning(k) === 'sak')?.[1] ?? '');
  const id = sak(next);
  return (
    next.every(([k]) => keys.has(k) || !meanings.has(meaning(k))) &&
    !(id && records.some((r) => sak(r) === id))
  );
}

/** Each key of the records once, in the order they print them: a key one record lacks keeps its place. */
function header(records: [string, string][][]): string[] {
  const out: string[] = [];
  for (const r of records)
    r.forEach(([k], n) => {
      if (out.includes(k)) return;
      const before = n > 0 ? out.indexOf(r[n - 1]![0]) : -1;
      out.splice(before + 1, 0, k);
    });
  return out;
}

/**
 * Runs of records with only blank lines between them, one of which names a sak and a title column,
 * as a header row on the first record's first line and a row on each record's second; the records'
 * other lines and the blank lines between them are left out, as page furniture is, so line numbers
 * stay those of the input.
 */
export function keyedRows(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const run: { at: number; record: [string, string][] }[] = [];
    let j = i;
    for (let r; (r = recordAt(lines, j));) {
      run.push({ at: j, record: r });
      j += r.length;
      let next = j;
      while (next < lines.length && !lines[next]!.text.trim()) next++;
      const more = recordAt(lines, next);
      if (
        !more ||
        !sameTable(
          run.map((x) => x.record),
          more,
        )
      )
        break;
      j = next;
    }
    const names = header(run.map((r) => r.record));
    if (!run.some((r) => isSakTableHeader(r.record.map(([k]) => k).join('\t')))) {
      out.push(lines[i]!);
      continue;
    }
    out.push({ n: lines[i]!.n, text: names.join('\t') });
    for (const { at, record } of run) {
      const cells = names.map((name) => record.find(([key]) => key === name)?.[1] ?? '');
      out.push({ n: lines[at + 1]!.n, text: cells.join('\t') });
    }
    i = j - 1;
  }
  return out;
}
