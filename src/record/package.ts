// The written meeting package: møteinnkalling header and agenda with forslag til vedtak, the
// attached referat of the previous meeting with adopted vedtak and innspill, and the toppnotater.
import {
  DATE_TEXT,
  minutesOf,
  normalizeSakId,
  parseDates,
  parseTimes,
  PRINTED_SAK_ID,
  TIME_TEXT,
} from './dates.ts';
import { joinLines, MID_SENTENCE, toLines, type Line } from './lines.ts';
import { newAgendaItem } from './item.ts';
import { memoSections } from './memo.ts';
import { attendanceKey, brokenKey, names, people, substitutes, type AttendanceKey } from './attendance.ts';
import { attendanceTable } from './attendance-table.ts';
import { AKSJONSPUNKT, DECISION_CELL, FORSLAG, VEDTAK } from './labels.ts';
import { headerFields, meetingNumber, valuesBesideKeys } from './header-fields.ts';
import { squash } from './normalize.ts';
import {
  ASKED_FOR,
  bracketedSakstype,
  headerByPosition,
  headerColumns,
  isSakTableHeader,
  SAKSTYPE,
  sakstypeOf,
  timeOf,
  type Column,
} from './table.ts';
import type { AgendaItem, Meeting, Substitute } from './types.ts';

const SAKSTYPE_AT_END = new RegExp(`(?:^|\\s|\\t)${ASKED_FOR}${SAKSTYPE}\\s*$`, 'i');
/** A row's sak id, with the full stop, colon or dash some templates print after it ("12/24:", "12/24 –"). */
const SAK_AT_START = new RegExp(`^${PRINTED_SAK_ID}(?:[.:]|\\s+[–—-])?(?=\\s|$)\\s*`, 'i');
const COMMITTEE = /\b(NUIT|NUFA)\b/;
const NON_SAK_ROWS = /^(pause|lunsj|lunch|slutt|middag|velkommen)\b/i;
const isTableHeader = (text: string) => isSakTableHeader(text.trim());

/**
 * The columns of the table header at line i: one our header words name, or one whose names are new
 * to us but whose next line is a sak row to read them by (see headerByPosition). Null for no header.
 */
function tableHeaderAt(lines: Line[], i: number): Column[] | null {
  const text = lines[i]!.text.trim();
  if (isTableHeader(text)) return headerColumns(text);
  const next = lines.slice(i + 1, i + 3).find((l) => l.text.trim());
  return next && rowSak(next.text.trim()) ? headerByPosition(text, next.text.trim()) : null;
}

function sakIdAtStart(text: string): string | null {
  const m = SAK_AT_START.exec(text);
  return m ? normalizeSakId(m[0]) : null;
}

/** The sak an agenda row starts with, also when the time column comes first ("09:00  13/23  …"). */
function rowSak(text: string): string | null {
  const cells = text.split('\t');
  return (
    sakIdAtStart(text) ??
    (cells.length > 2 && timeOf(cells[0]!) ? sakIdAtStart(cells.slice(1).join('\t')) : null)
  );
}

function fullYearMeeting(num: string, year: string): string {
  return `${Number(num)}/${year.length === 2 ? `20${year}` : year}`;
}

interface Header {
  line: number;
  role: Meeting['role'];
  committee: string;
  /** "5/2020"; null for a meeting known by its date alone ("Referat fra møte i NUFA", "Dato …"). */
  meeting: string | null;
  kind: string | null;
}

/**
 * The kind of document a compound title names first: "Møtereferat", "Beslutningsreferat" (a state
 * agency's minutes of decisions), "Møteinnkalling".
 */
const KIND = String.raw`(?:møte|\p{L}{3,}s)?`;
/**
 * The minutes' title as secretaries write it: "Referat fra …", "Møtereferat", "Protokoll fra …",
 * an English template's "Minutes of the meeting of …".
 */
const MINUTES_TITLE = new RegExp(String.raw`\b(?:${KIND}(?:referat|protokoll)|minutes)\b`, 'iu');
/** A meeting package's or its minutes' title. */
const MEETING_TITLE = new RegExp(
  String.raw`\b(?:møte i|${KIND}(?:referat|protokoll|innkalling)|ekstramøte|meeting of|minutes)\b`,
  'iu',
);
/** An extra meeting's title: "Referat fra ekstramøte i …", "Minutes of the extraordinary meeting". */
const EXTRA_MEETING = /ekstramøte|extraordinary meeting/i;

/** Lines of text above a meeting number's key line in which its title is looked for, and how far. */
const TITLE_ABOVE = 4;
const TITLE_SEARCH = 8;

/**
 * Meeting headers: a meeting number's key line ("Møte 5/2020", "Møte nr.: 4/2020", "Møtenummer
 * 4/2020"), with the title a few lines above it.
 */
function findHeaders(lines: Line[], fallbackCommittee: string): Header[] {
  const out: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = meetingNumber(lines[i]!.text);
    if (!m) {
      const dated = datedTitle(lines, i);
      if (dated) out.push({ ...dated, committee: dated.committee ?? fallbackCommittee });
      continue;
    }
    // Blank lines do not count: an export may set the header table apart from its title by several.
    const above = lines
      .slice(Math.max(0, i - TITLE_SEARCH), i)
      .map((l) => l.text)
      .filter(Boolean)
      .slice(-TITLE_ABOVE);
    const title = above.reverse().find((t) => MEETING_TITLE.test(t));
    if (!title) continue;
    out.push({
      line: i,
      role: MINUTES_TITLE.test(title) ? 'referat' : 'innkalling',
      committee: COMMITTEE.exec(title)?.[1] ?? fallbackCommittee,
      meeting: fullYearMeeting(...m),
      kind: EXTRA_MEETING.test(title) ? 'ekstramøte' : null,
    });
  }
  return out;
}

/** Non-empty lines after a title in which its header keys (the date) are looked for. */
const TITLE_REACH = 5;

/**
 * A meeting's title with no meeting number under it, but its date ("Referat fra møte i NUFA" /
 * "Dato 27.10.2021"): a meeting known by its date, as the other committee numbers none. A title
 * line is short and no sentence; a numbered key line nearby makes it a numbered meeting instead.
 */
function datedTitle(lines: Line[], i: number): (Omit<Header, 'committee'> & { committee?: string }) | null {
  const title = lines[i]!.text.trim();
  if (!title || title.length > 80 || /[.:]$/.test(title) || !MEETING_TITLE.test(title)) return null;
  if (!/^(?:#+\s*)?(?:møte|referat|protokoll|innkalling|ekstramøte|møtereferat|meeting|minutes)/i.test(title))
    return null;
  const after = lines
    .slice(i + 1, i + 1 + TITLE_REACH * 3)
    .filter((l) => l.text.trim())
    .slice(0, TITLE_REACH);
  if (after.some((l) => meetingNumber(l.text))) return null;
  if (!after.some((l) => headerFields(l.text).some((f) => f.field === 'date'))) return null;
  return {
    line: i,
    role: MINUTES_TITLE.test(title) ? 'referat' : 'innkalling',
    committee: COMMITTEE.exec(title)?.[1],
    meeting: null,
    kind: EXTRA_MEETING.test(title) ? 'ekstramøte' : null,
  };
}

interface HeaderFacts {
  date: string | null;
  dates: string[];
  time: string | null;
  place: string | null;
  invited: string[];
  present: string[];
  absent: string[];
  substitutes: Substitute[];
  secretariat: string[];
}

/** Key–value lines of a meeting header (Dato, Tid, Sted, Medlemmer, Til stede, Forfall, Vara …). */
function headerFacts(lines: Line[], from: number, to: number): HeaderFacts {
  const facts: HeaderFacts = {
    date: null,
    dates: [],
    time: null,
    place: null,
    invited: [],
    present: [],
    absent: [],
    substitutes: [],
    secretariat: [],
  };
  let current: AttendanceKey | null = null;
  let timeWithDate: string | null = null;
  const buf: Record<AttendanceKey, string[]> = {
    invited: [],
    present: [],
    absent: [],
    substitutes: [],
    secretariat: [],
    other: [],
  };
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text.trim();
    if (tableHeaderAt(lines, i) || rowSak(text)) break;
    const table = attendanceTable(lines, i, to);
    if (table) {
      for (const row of table.rows) buf[row.key].push(row.text);
      // What follows the table belongs to no list until a key names one.
      current = null;
      i = table.next - 1;
      continue;
    }
    const keys = current ? [] : headerFields(text).filter((k) => k.field !== 'meeting');
    for (const { field, value: v } of keys) {
      if (field === 'date') {
        if (!facts.date) {
          facts.dates = parseDates(v);
          facts.date = facts.dates[0] ?? null;
        }
        // The time printed with the date ("9. september 2020, 11:00 – 14:00"), unless a Tid key gives one.
        const time = squash(v.replace(DATE_TEXT, '')).replace(/^[,;]\s*/, '');
        if (parseTimes(time).length) timeWithDate ??= time;
      } else if (field === 'place') facts.place ??= v;
      else facts.time ??= v;
    }
    if (keys.length) continue;
    const found = attendanceKey(text);
    let j = i + 1;
    while (j < to && !lines[j]!.text.trim()) j++;
    // A key broken over two lines in PDF text ("Direktoratet" / "for e-helse"): read both as one.
    const broken =
      !found && j < to && brokenKey(text, lines[j]!.text)
        ? attendanceKey(`${text} ${lines[j]!.text.trim()}`)
        : null;
    if (found || broken) {
      current = (found ?? broken)!.key;
      buf[current].push((found ?? broken)!.rest);
      if (broken) i = j;
      continue;
    }
    // A list printed one bulleted person a line ("- Name (Org)"): the bullets are no part of it.
    if (current) buf[current].push(lines[i]!.text.replace(/^\s*[-–•*▪]\s+/, ''));
  }
  facts.time ??= timeWithDate;
  facts.invited = people(joinLines(buf.invited));
  facts.present = people(joinLines(buf.present));
  facts.absent = people(joinLines(buf.absent));
  facts.substitutes = substitutes(joinLines(buf.substitutes));
  facts.secretariat = names(buf.secretariat);
  return facts;
}

interface AgendaRow {
  sak: string | null;
  title: string;
  start: string | null;
  sakstype: string | null;
  presenter: string | null;
  line: number;
}

/**
 * One agenda row from its lines. Each cell is read by what its value is (sak id, time, sakstype);
 * the text cells go to the header's text columns in order, or all to the title. Cells that ran
 * together (PDF text) are read by pattern: a sakstype at the end, a time after the title.
 */
function readRow(parts: string[], header: Column[] | null, sak: string | null, line: number): AgendaRow {
  const timed = !!header?.includes('start');
  // A sakstype cell before any text is the title ("Orientering") unless the header puts the type first.
  const typeFirst =
    !!header && header.includes('sakstype') && header.indexOf('sakstype') < header.indexOf('title');
  let start: string | null = null;
  let sakstype: string | null = null;
  const texts: string[] = [];
  for (const cell of parts.flatMap((p) => p.split('\t')).map(squash)) {
    if (!cell) continue;
    const time = timeOf(cell, timed);
    const type = sakstypeOf(cell);
    if (sakIdAtStart(cell) && squash(cell.replace(SAK_AT_START, '')) === '') continue;
    if (time) start ??= time;
    else if (type && !sakstype && (texts.length || typeFirst)) sakstype = type;
    else texts.push(cell);
  }
  let text = joinLines(texts);
  const bracketed = sakstype ? null : bracketedSakstype(text);
  if (bracketed) ({ text, sakstype } = bracketed);
  const typeMatch = sakstype ? null : SAKSTYPE_AT_END.exec(text);
  if (typeMatch) {
    sakstype = sakstypeOf(typeMatch[1]!);
    text = text.slice(0, typeMatch.index).trim();
  }
  const inline = parseTimes(text)[0];
  if (inline && !start) {
    start = inline;
    text = text.replace(new RegExp(`\\s*(?:${TIME_TEXT}).*$`, 'i'), '');
  }
  const textCols = (header ?? []).filter((c) => c === 'title' || c === 'handler' || c === 'owner');
  const rest = texts.slice(1).map((t) => squash(t));
  const presenter =
    textCols.length > 1 && texts.length === textCols.length && textCols[0] === 'title'
      ? (rest[textCols.indexOf('handler') - 1] ?? null)
      : null;
  const title = presenter
    ? squash(texts[0]!.replace(SAK_AT_START, ''))
    : squash(text.replace(SAK_AT_START, ''));
  return { sak, title, start, sakstype, presenter, line };
}

/**
 * The agenda table after its header (or from its first row when it has none): one record per sak
 * or break row. Rows broken over several lines (PDF text) are joined until the next row starts.
 */
function agendaRows(
  lines: Line[],
  from: number,
  to: number,
  header: Column[] | null,
): { rows: AgendaRow[]; end: number } {
  const rows: AgendaRow[] = [];
  let cur: { sak: string | null; parts: string[]; line: number } | null = null;
  const flush = () => {
    if (cur) rows.push(readRow(cur.parts, header, cur.sak, cur.line));
    cur = null;
  };
  const complete = (parts: string[]) => {
    const text = joinLines(parts);
    return (
      SAKSTYPE_AT_END.test(text) || parts.some((p) => p.split('\t').some((c, k) => k > 0 && !!sakstypeOf(c)))
    );
  };
  let i = from;
  let wrapped = 0;
  for (; i < to; i++) {
    const text = lines[i]!.text.trim();
    if (!text) continue;
    if (tableHeaderAt(lines, i)) {
      if (repeatedHeader(lines, i, to, header, rows)) continue;
      break;
    }
    // A decision inside the table: this is the detail table itself (no separate agenda table).
    if (FORSLAG.test(text) || VEDTAK.test(text) || DECISION_CELL.test(text)) {
      return { rows: detailRows(lines, from, to), end: from };
    }
    const sak = rowSak(text);
    if (sak || NON_SAK_ROWS.test(text.replace(/^[\d:.\s]+\t/, ''))) {
      flush();
      cur = { sak, parts: [text], line: lines[i]!.n };
      wrapped = 0;
    } else if (cur) cur.parts.push(text);
    else if (
      rows.at(-1)?.sak &&
      wrapped < 2 &&
      text.length < 80 &&
      !/[.:]$/.test(text) &&
      !parseTimes(text).length
    ) {
      // The title cell wrapped onto the next line after the row's time and type (PDF layout).
      rows.at(-1)!.title = joinLines([rows.at(-1)!.title, text]);
      wrapped++;
      continue;
    } else break;
    // A row is complete once it has its sakstype (or, for break rows, its time).
    if (cur && (complete(cur.parts) || (!cur.sak && parseTimes(text).length))) flush();
  }
  flush();
  return { rows, end: i };
}

/**
 * A header row printed again where the table runs onto a new page (Word and PDF repeat it): the
 * same columns, with rows under it that go on with saker the table has not had yet. A table that
 * starts over with the saker already read (the detail table under the agenda) is another table.
 */
function repeatedHeader(
  lines: Line[],
  i: number,
  to: number,
  header: Column[] | null,
  rows: AgendaRow[],
): boolean {
  const again = tableHeaderAt(lines, i);
  if (!header || again?.join() !== header.join()) return false;
  const next = lines.slice(i + 1, to).find((l) => l.text.trim());
  const sak = next && rowSak(next.text.trim());
  return !!sak && rows.length > 0 && !rows.some((r) => r.sak === sak);
}

/** Saker of a detail table read as the agenda: every line that starts with a sak id, in order. */
function detailRows(lines: Line[], from: number, to: number): AgendaRow[] {
  const rows: AgendaRow[] = [];
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text.trim();
    const sak = sakIdAtStart(text);
    if (!sak || rows.some((r) => r.sak === sak)) continue;
    const cells = text
      .replace(SAK_AT_START, '')
      .split('\t')
      .map((c) => c.trim())
      .filter(Boolean);
    const typeMatch = SAKSTYPE_AT_END.exec(cells.at(-1) ?? '');
    const sakstype =
      cells.length > 1 && typeMatch && cells.at(-1)!.length < 20 ? sakstypeOf(typeMatch[1]!) : null;
    rows.push({
      sak,
      title: squash(cells[0] ?? ''),
      start: null,
      sakstype,
      presenter: null,
      line: lines[i]!.n,
    });
  }
  return rows;
}

/** Lines after a label ("Forslag til vedtak:", "Vedtak:") up to a stop line, joined. */
function labelledText(
  block: Line[],
  label: RegExp,
  stop: (text: string) => boolean,
): { text: string; at: number } | null {
  for (let i = 0; i < block.length; i++) {
    const cells = block[i]!.text.split('\t').map((c) => c.trim());
    const c = cells.findIndex((x) => label.test(x));
    if (c < 0) continue;
    // The label may stand in a cell of its own, the text in the next ("<b>Vedtak:</b>   NUIT …").
    const after = cells.slice(c + 1).find(Boolean) ?? '';
    const inline = cells[c]!.replace(label, '').trim() || (ATTACHMENT.test(after) ? '' : after);
    const parts: string[] = inline ? [inline] : [];
    // Text after the label in a line of its own ("Forslag til vedtak: 1. NUIT …") runs on as it does
    // under a label alone on its line; in a table row it is a cell, wrapped at most.
    if (inline && cells.filter(Boolean).length > 1) {
      // An inline text may wrap onto the next lines (PDF layout); its first cell only, since
      // the attachment column shares those lines.
      for (let j = i + 1; j < block.length; j++) {
        const next = (block[j]!.text.split('\t').find(Boolean) ?? '').trim();
        // A sentence cut off by a page break runs on after the blank lines around it.
        if (!next && MID_SENTENCE.test(parts.at(-1)!)) continue;
        if (!next || stop(next) || !!sakIdAtStart(next) || label.test(next)) break;
        parts.push(next);
      }
      return { text: joinLines(parts), at: i };
    }
    for (let j = i + 1; j < block.length; j++) {
      const t = block[j]!.text.trim();
      if (!t) continue;
      if (stop(t)) break;
      parts.push(t);
    }
    return parts.length ? { text: joinLines(parts), at: i } : null;
  }
  return null;
}

/** An attachment's label: "Vedlegg 2:", an English template's "Attachment 2:". */
const ATTACHMENT_WORD = '(?:vedlegg|attachment)';
const ATTACHMENT = new RegExp(String.raw`^(${ATTACHMENT_WORD}\s*\d*[a-z]?\s*:?|toppnotat\b)`, 'i');
/** An attachment's label alone on its line, its title on the lines below. */
const ATTACHMENT_ALONE = new RegExp(String.raw`^${ATTACHMENT_WORD}\s*\d*[a-z]?\s*:\s*$`, 'i');
const NUMBERED_ATTACHMENT = String.raw`${ATTACHMENT_WORD}\s*\d+[a-z]?:`;
/** An attachment listed by its number ("Vedlegg 1: Referat …"). */
const ATTACHMENT_ITEM = new RegExp(`^${NUMBERED_ATTACHMENT}`, 'i');
/** The attachment column's text where it shares a line with other text. */
const ATTACHMENT_AFTER_TEXT = new RegExp(String.raw`(\S)\s+${NUMBERED_ATTACHMENT}.*$`, 'i');
/** Lines of the interleaved attachment column in PDF text ("Vedlegg 6:", "Toppnotat …" and its wrapped title). */
function attachmentLines(block: Line[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < block.length; i++) {
    if (!ATTACHMENT_ALONE.test(block[i]!.text.trim())) continue;
    out.add(i);
    // The attachment's title wraps over a few short lines, up to a blank line or the next label.
    for (let j = i + 1; j < Math.min(block.length, i + 7); j++) {
      const t = block[j]!.text.trim();
      if (!t || FORSLAG.test(t) || VEDTAK.test(t) || sakIdAtStart(t) || t.length > 60) break;
      out.add(j);
    }
  }
  return out;
}

function proposal(block: Line[]): string | null {
  const skip = attachmentLines(block);
  // The attachment column may share a line with the proposal ("… referatet Vedlegg 1: Referat …").
  // Once it has, the lines below carry its wrapped title in their last cell: keep their first.
  let column = false;
  const kept = block
    .filter((_, i) => !skip.has(i))
    .map((l) => {
      const cut = l.text.replace(ATTACHMENT_AFTER_TEXT, '$1');
      const cells = l.text.trim().split('\t');
      const text = column && cells.length > 1 ? cells[0]! : cut;
      column ||= cut !== l.text;
      return { ...l, text };
    });
  const found = labelledText(
    kept,
    FORSLAG,
    (t) => ATTACHMENT.test(t) || !!sakIdAtStart(t) || isTableHeader(t),
  );
  return found?.text ?? null;
}

/** Numbered lists keep their numbers; the text runs to the end of the sak's block. */
function adopted(block: Line[]): { text: string; at: number } | null {
  let last: { text: string; at: number } | null = null;
  for (let i = 0; i < block.length; i++) {
    const cells = block[i]!.text.split('\t').map((c) => c.trim());
    if (!cells.some((x) => VEDTAK.test(x))) continue;
    const found = labelledText(block.slice(i), VEDTAK, (t) => AKSJONSPUNKT.test(t));
    if (found) last = { text: found.text, at: i };
  }
  return last;
}

const PRESENTING =
  /^(.*?)\s+(orienterte|presenterte|la frem|la fram|ønsket|innledet|gikk gjennom|informerte|redegjorde|viste|ga en)\b/;

/** "Name, Org, orienterte …" at the start of a referat's sak text → "Name, Org". */
function referatPresenter(text: string): string | null {
  const m = PRESENTING.exec(text.slice(0, 300));
  if (!m) return null;
  const who = m[1]!.replace(/[,\s]+$/, '');
  return /^[A-ZÆØÅ][\p{L}.-]+\s+[A-ZÆØÅ]/u.test(who) && who.length < 200 ? who : null;
}

/** "Direktoratet for e-helse vil orientere …" at the start of an agenda description → the organisation. */
function innkallingPresenter(text: string): string | null {
  const m = /^(.{2,80}?)\s+(vil|ønsker å)\s+(orientere|drøfte|legge|presentere|gi|be|informere)\b/.exec(text);
  return m ? m[1]!.replace(/^(direktoratet for e-helses)$/i, 'Direktoratet for e-helse') : null;
}

/** End times from the next row's start (break rows included). */
function deriveEnds(rows: AgendaRow[], items: Map<string, AgendaItem>, meetingEnd: string | null): void {
  rows.forEach((row, i) => {
    const item = row.sak ? items.get(row.sak) : undefined;
    if (!item?.start_time) return;
    const next = rows.slice(i + 1).find((r) => r.start)?.start ?? (i === rows.length - 1 ? meetingEnd : null);
    if (!next || minutesOf(next) <= minutesOf(item.start_time)) return;
    item.end_time = next;
    item.duration_minutes = minutesOf(next) - minutesOf(item.start_time);
  });
}

/** The detail part of a meeting: per sak, the block of lines from its id to the next sak's. */
function sakBlocks(lines: Line[], from: number, to: number, saker: string[]): Map<string, Line[]> {
  const blocks = new Map<string, Line[]>();
  const starts: { sak: string; i: number }[] = [];
  let i = from;
  for (const sak of saker) {
    for (let j = i; j < to; j++) {
      if (sakIdAtStart(lines[j]!.text.trim()) === sak) {
        starts.push({ sak, i: j });
        i = j + 1;
        break;
      }
    }
  }
  // A header row inside a block is the table's header repeated on a new page: no part of the sak.
  starts.forEach((s, k) =>
    blocks.set(
      s.sak,
      lines.slice(s.i, k + 1 < starts.length ? starts[k + 1]!.i : to).filter((l) => !isTableHeader(l.text)),
    ),
  );
  return blocks;
}

/** Title printed in the detail block, when the agenda's is cut short ("Prioritering av utprøving av"). */
function detailTitle(block: Line[]): string {
  const parts: string[] = [];
  for (const l of block.slice(0, 4)) {
    const t = l.text.trim();
    if (!t && parts.length) break;
    if (!t) continue;
    const first = t.split('\t').filter(Boolean);
    const cell = parts.length ? t : first.slice(0, 2).join(' ');
    if (parts.length && (SAKSTYPE_AT_END.test(t) || /^[-•]/.test(t) || t.length > 90)) break;
    parts.push(cell.replace(SAKSTYPE_AT_END, ''));
    if (SAKSTYPE_AT_END.test(t) || first.length > 1) break;
  }
  return joinLines(parts).replace(SAK_AT_START, '').trim();
}

/** An agenda title cut short by the table layout ends in a word no title ends in. */
const TRUNCATED = /\s(av|for|til|og|i|på|med|om|fra|innen|mellom|knyttet)$|-$/i;

/** The first line of a detail block after its sak id and title: text printed on the title's line. */
function restOfFirstLine(block: Line[], title: string): string {
  const first = block[0]!.text.replace(SAK_AT_START, '').replace(/\t/g, ' ').trim();
  return first.toLowerCase().startsWith(title.toLowerCase())
    ? first.slice(title.length).replace(SAKSTYPE_AT_END, '').trim()
    : '';
}

function fillFromBlock(item: AgendaItem, block: Line[], role: Meeting['role']): void {
  const dt = detailTitle(block);
  if (
    TRUNCATED.test(item.title) &&
    dt.length > item.title.length &&
    dt.toLowerCase().startsWith(item.title.toLowerCase())
  )
    item.title = dt;
  const rest = restOfFirstLine(block, item.title);
  let body = rest ? [{ n: block[0]!.n, text: rest }, ...block.slice(1)] : block.slice(1);
  // A title wrapped over lines (PDF text) ends with the sakstype on its own line or at a line's end.
  const typeLine = body
    .slice(0, 4)
    .findIndex((l) => SAKSTYPE_AT_END.test(l.text.trim()) && l.text.trim().length < 120);
  if (!rest && typeLine >= 0 && !block[0]!.text.match(SAKSTYPE_AT_END)) body = body.slice(typeLine + 1);
  if (role === 'innkalling') {
    item.proposed_decision = proposal(body);
    const skip = attachmentLines(body);
    const desc = body.filter((l, i) => !skip.has(i) && !FORSLAG.test(l.text.trim()));
    const until = desc.findIndex((l) => FORSLAG.test(l.text.trim()));
    const descText = joinLines(
      (until < 0 ? desc : desc.slice(0, until)).map((l) => l.text.split('\t').find(Boolean) ?? ''),
    );
    item.description = descText ? descText.slice(0, 2000) : null;
    item.presenter ??= descText ? innkallingPresenter(descText) : null;
    item.attachments = body
      .flatMap((l) => l.text.split('\t'))
      .filter((c) => ATTACHMENT_ITEM.test(c.trim()) && c.trim().length > 12)
      .map((c) => squash(c));
  } else {
    const found = adopted(body);
    item.adopted_decision = found?.text ?? null;
    const discussion = found ? body.slice(0, found.at) : body;
    const text = joinLines(discussion.map((l) => l.text));
    item.minutes = text || null;
    item.presenter ??= text ? referatPresenter(text) : null;
    item.innspill = discussion
      .map((l) => l.text.trim())
      .filter((t) => /^[•\-–]\s+/.test(t))
      .map((t) => t.replace(/^[•\-–]\s+/, ''));
    // Bullets wrap over lines in PDF text: split the joined text, not the lines.
    const bullets = text.split(/\s+•\s+/).slice(1);
    if (bullets.length >= item.innspill.length && bullets.length) item.innspill = bullets.map(squash);
    const aksjon = labelledText(body, AKSJONSPUNKT, (t) => VEDTAK.test(t));
    if (aksjon) item.action_points = [aksjon.text];
  }
}

function committeeOfDocument(lines: Line[]): string {
  const counts = new Map<string, number>();
  for (const l of lines)
    for (const m of l.text.matchAll(/\b(NUIT|NUFA)\b/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'NUIT';
}

export function parsePackage(text: string): Meeting[] {
  const lines = valuesBesideKeys(toLines(text));
  const headers = findHeaders(lines, committeeOfDocument(lines));
  if (!headers.length) return [];
  const memos = memoSections(lines, headers.at(-1)!.line);
  const meetings: Meeting[] = [];
  headers.forEach((h, k) => {
    const to = k + 1 < headers.length ? headers[k + 1]!.line - 2 : memos.start;
    // From the meeting's own line: a header may print all its fields on it ("Møte: 2/2023; Dato: …").
    const facts = headerFacts(lines, h.line, to);
    // The agenda starts at its header, or at its first row when it has none.
    let agendaAt = -1;
    let header: Column[] | null = null;
    for (let i = h.line + 1; i < to && agendaAt < 0; i++) {
      const t = lines[i]!.text.trim();
      const columns = tableHeaderAt(lines, i);
      if (columns) [agendaAt, header] = [i + 1, columns];
      else if (rowSak(t)) agendaAt = i;
    }
    const { rows, end } =
      agendaAt >= 0 ? agendaRows(lines, agendaAt, to, header) : { rows: [] as AgendaRow[], end: h.line + 1 };
    const items = new Map<string, AgendaItem>();
    for (const row of rows)
      if (row.sak && !items.has(row.sak))
        items.set(
          row.sak,
          newAgendaItem(row.sak, row.title, row.line, {
            sakstype: row.sakstype,
            day: facts.date,
            start_time: row.start,
            presenter: row.presenter,
          }),
        );
    const times = parseTimes(facts.time ?? '');
    deriveEnds(rows, items, times[1] ?? null);
    const blocks = sakBlocks(lines, end, to, [...items.keys()]);
    for (const [sak, block] of blocks) fillFromBlock(items.get(sak)!, block, h.role);
    if (h.role === 'innkalling') {
      for (const memo of (h.meeting && memos.bySak.get(h.meeting)) || []) {
        const item = items.get(memo.sak);
        if (!item) continue;
        item.memo = memo.sections;
        item.case_owner = memo.owner;
        item.case_handler = memo.handler;
        item.proposed_decision ??= memo.proposal;
      }
    }
    meetings.push({
      committee: h.committee,
      meeting: h.meeting,
      date: facts.date,
      dates: facts.dates,
      time: facts.time,
      start_time: times[0] ?? null,
      end_time: times[1] ?? null,
      place: facts.place,
      role: h.role,
      meeting_kind: h.kind,
      members_invited: facts.invited,
      members_present: facts.present,
      members_absent: facts.absent,
      members_substitutes: facts.substitutes,
      secretariat: facts.secretariat,
      items: [...items.values()],
      locator: { line: lines[h.line]!.n },
    });
  });
  return meetings;
}
