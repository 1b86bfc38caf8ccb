// Attendance as a table, one row per person, where other minutes list people under keys: a name,
// an organisation and a status ("Til stede", "Forfall", "Stedfortreder for …"), in any order and
// under any header words. A row is known by its status cell, read with the lists' own keys; each row
// becomes the entry its list would print ("Name (Org)", "Name for Member (Org)"), so the lists'
// parsers read both layouts alike.
import { attendanceKey, substitutes, type AttendanceKey } from './attendance.ts';
import type { Line } from './lines.ts';
import { squash } from './normalize.ts';
import { isHeaderCell } from './table.ts';

/** A note on a status: "Til stede (til kl. 13.30)", "Møtt – video". */
const NOTE = /\s*(?:\(([^)]*)\)|\s[–-]\s+(.+))$/;
/** A person's name in a cell of its own: two to five words, the first capitalised, no figures. */
const NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){1,4}$/u;
/** Header words of the name and the organisation columns; a header without them puts the name first. */
const NAME_HEADER = /^(?:navn|deltakere?|deltagere?|medlem(?:mer)?|person|representant)\b/i;
const ORG_HEADER = /^(?:virksomhet|organisasjon|etat|instans|representerer|arbeidsgiver|org\b)/i;

interface Status {
  key: AttendanceKey;
  /** A note on presence or absence ("til kl. 13.30"); for a substitute, whom and from when ("for X"). */
  rest: string;
}

/** A cell that says only a status: its key, with nothing after it but a note, or whom a substitute stood in for. */
function status(cell: string): Status | null {
  const note = NOTE.exec(cell);
  const bare = attendanceKey(note ? cell.slice(0, note.index) : cell);
  if (bare && !bare.rest && bare.key !== 'substitutes' && bare.key !== 'invited')
    return { key: bare.key, rest: squash(note?.[1] ?? note?.[2] ?? '') };
  const full = attendanceKey(cell);
  return full?.key === 'substitutes' && (!full.rest || /^for\s/i.test(full.rest)) ? full : null;
}

const cellsOf = (line: Line | undefined) => (line?.text ?? '').split('\t').map(squash);

/** The cells after the first that say a status (a status first is a list's key). */
const statusCells = (cells: string[]) => cells.flatMap((c, k) => (k && status(c) ? [k] : []));

/** A row's name and organisation: the cells the header's words name, else the first name-shaped cell and the other. */
function person(cells: string[], statusAt: number, header: string[] | null) {
  const others = cells.flatMap((c, k) => (k !== statusAt && c ? [k] : []));
  const named = (re: RegExp) => others.find((k) => re.test(header?.[k] ?? ''));
  const name = named(NAME_HEADER) ?? others.find((k) => NAME.test(cells[k]!));
  if (name === undefined || !NAME.test(cells[name]!)) return null;
  const org = named(ORG_HEADER) ?? others.find((k) => k !== name);
  return { name: cells[name]!, org: org === undefined ? '' : cells[org]! };
}

interface Row {
  key: AttendanceKey;
  /** The entry as its list prints it. */
  text: string;
}

/** The entry a row stands for, as its list would print it. */
function entry(cells: string[], statusAt: number, header: string[] | null): Row | null {
  const s = status(cells[statusAt]!)!;
  const p = person(cells, statusAt, header);
  if (!p) return null;
  if (s.key === 'secretariat') return { key: s.key, text: p.name };
  if (s.key !== 'substitutes')
    return { key: s.key, text: `${p.name}${p.org ? ` (${p.org})` : ''}${s.rest ? ` – ${s.rest}` : ''}` };
  // A substitute's organisation is printed after the member stood in for, as the list prints it.
  const [sub] = substitutes(`${p.name} ${s.rest}`);
  const withOrg = (who: string) => (p.org && !who.includes('(') ? `${who} (${p.org})` : who);
  const text = sub!.for ? `${sub!.name} for ${withOrg(sub!.for)}` : withOrg(sub!.name);
  return { key: s.key, text: `${text}${sub!.from ? ` fra ${sub!.from}` : ''};` };
}

/**
 * Rows from line j on: the status column is the one every row has a status in (an organisation
 * cell may read as one too: "Helsedirektoratet" is also the secretariat's key), and each row names
 * a person.
 */
function rowsFrom(lines: Line[], j: number, to: number, header: string[] | null) {
  let columns: number[] = [];
  const table: string[][] = [];
  for (; j < to; j++) {
    const cells = cellsOf(lines[j]);
    const k = statusCells(cells).filter((c) => !table.length || columns.includes(c));
    // Without a header to say the first column is an organisation, a line that starts with a key is a list.
    if (!k.length || (!header && attendanceKey(cells[0]!)) || !person(cells, k.at(-1)!, header)) break;
    columns = k;
    table.push(cells);
  }
  const rows = table.map((cells) => entry(cells, columns.at(-1)!, header));
  return { rows: rows.filter((r): r is Row => !!r), next: j };
}

/**
 * The attendance table at line i, with its header (a line of as many short names as the first row
 * has cells, right above it) if it has one: the entry each row gives its list, and the line after
 * the table. Null when no table starts at line i.
 */
export function attendanceTable(lines: Line[], i: number, to: number): { rows: Row[]; next: number } | null {
  const plain = rowsFrom(lines, i, to, null);
  if (plain.rows.length) return plain;
  const header = cellsOf(lines[i]);
  if (header.length < 2 || header.length !== cellsOf(lines[i + 1]).length || !header.every(isHeaderCell))
    return null;
  const headed = rowsFrom(lines, i + 1, to, header);
  return headed.rows.length ? headed : null;
}
