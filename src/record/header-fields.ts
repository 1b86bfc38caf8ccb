// A meeting header's key fields (Møte, Dato, Tid, Sted) by meaning, as templates label them, and
// their values wherever they are printed: after the key on its line, or on the line below it (a
// header set as a two-row table, or a converter that reads a table's cells one by one).
import { attendanceKey } from './attendance.ts';
import { DATE_TEXT, parseDates, PRINTED_SAK_ID, TIME_SPAN } from './dates.ts';
import type { Line } from './lines.ts';
import { squash } from './normalize.ts';
import { isSakTableHeader } from './table.ts';

export type Field = 'meeting' | 'date' | 'time' | 'place';

/**
 * Key words per field, nynorsk's and an English template's too; "Møtedato" is tried before "Møte".
 * "Dato og tid" is a date whose value may carry the time too; "Tid og sted" (an occasion) carries
 * the date, the time and the place.
 */
const FIELDS: [Field | 'occasion', string][] = [
  ['occasion', '(?:dato,?\\s+)?tid\\s+og\\s+st(?:e|a)d|time\\s+and\\s+place'],
  ['date', 'møtedato|dato(?:\\s+og\\s+(?:tid|klokkeslett)|\\s*\\/\\s*tid)?|date'],
  ['time', 'møtetid|tidspunkt|tid|klokkeslett|kl\\.|time'],
  ['place', 'møtested|sted|stad|venue'],
  ['meeting', 'møte(?:\\s*nr\\.?|nummer)?|meeting(?:\\s*no\\.?)?'],
];
const KEY = new RegExp(`^(?:${FIELDS.map(([, re]) => `(${re})`).join('|')})(?=[\\s:]|$)\\s*:?\\s*`, 'i');

/** An occasion's value: its date (and time), then after a comma its place. */
const OCCASION = new RegExp(
  String.raw`^(?<when>(?:${DATE_TEXT.source})(?:[,;]?\s*(?:${TIME_SPAN}))?)\s*[,;]\s*(?<where>\S.*)$`,
  'i',
);

/** A header key line's field and the value after the key ("" for a key alone on its line). */
export function headerField(text: string): { field: Field | 'occasion'; value: string } | null {
  const t = text.trim();
  const m = KEY.exec(t);
  if (!m) return null;
  return {
    field: FIELDS[m.slice(1).findIndex(Boolean)]![0],
    value: squash(t.slice(m[0].length).replace(/\t/g, ' ')),
  };
}

/**
 * A line's header fields: its one, or several printed on one line ("Møte: 2/2023; Dato: 25. mai
 * 2023; Tid: 09:00; Sted: Oslo"), each part then a key with its value. A value that holds a
 * semicolon ("Sted: Oslo; møterom 4117") stays whole.
 */
export function headerFields(text: string): { field: Field; value: string }[] {
  const parts = text.split(/\s*[;|]\s*/).filter(Boolean);
  if (parts.length > 1) {
    const fields = parts.map(headerField);
    if (fields.every((f) => f !== null)) return fields.flatMap(ofOccasion);
  }
  const one = headerField(text);
  return one ? ofOccasion(one) : [];
}

/** An occasion as the date (with its time) and the place it names. */
function ofOccasion(f: { field: Field | 'occasion'; value: string }): { field: Field; value: string }[] {
  if (f.field !== 'occasion') return [{ field: f.field, value: f.value }];
  const m = OCCASION.exec(f.value);
  return m?.groups
    ? [
        { field: 'date', value: m.groups.when! },
        { field: 'place', value: m.groups.where! },
      ]
    : [{ field: 'date', value: f.value }];
}

/** "5/2020", "4/20": the meeting's number in its year. */
const MEETING_NUMBER = /^(\d{1,2})\s?\/\s?(\d{4}|\d{2})$/;

/** The meeting number of a "Møte 5/2020" key line as [number, year], or null. */
export function meetingNumber(text: string): [string, string] | null {
  const f = headerFields(text).find((x) => x.field === 'meeting');
  const m = f?.field === 'meeting' ? MEETING_NUMBER.exec(f.value) : null;
  return m ? [m[1]!, m[2]!] : null;
}

const SAK_ROW = new RegExp(`^${PRINTED_SAK_ID}`, 'i');

/** A key printed alone on its line: a header field's, or an attendance list's. */
type Key = Field | 'occasion' | 'list';

/**
 * Whether a line can be a field's value printed under its key: a meeting number, a date, a time.
 * A place has no shape of its own: it is any line the header reader would not read as something
 * else (a key, a sak row, a table header).
 */
function fits(field: Key, text: string): boolean {
  if (field === 'meeting') return MEETING_NUMBER.test(text);
  // "Kl. 09.00 – 15:45" reads as a key of its own, but is a time all the same.
  if (field === 'time') return /^(?:kl\.?\s*)?\d{1,2}[:.]\d{2}/i.test(text);
  if (SAK_ROW.test(text) || headerField(text) || attendanceKey(text) || isSakTableHeader(text)) return false;
  if (field === 'date' || field === 'occasion') return parseDates(text).length > 0;
  return field === 'list' || text.length <= 120;
}

/**
 * The lines with each header key that stands alone given the value printed below it: "Møte" /
 * "5/2020" reads as "Møte<tab>5/2020". A run of keys takes the run of values after it in order, as
 * a header printed as a column of keys and a column of values is read; a value must fit its key, so
 * a memo's key block ("Til", "Dato", "Saksnummer") is left to the memo reader. The value's line is
 * left out, as page furniture is: line numbers stay those of the input.
 */
export function valuesBesideKeys(lines: Line[]): Line[] {
  const out = lines.map((l) => ({ ...l }));
  const taken = new Set<number>();
  const nextText = (j: number) => {
    while (j < lines.length && !lines[j]!.text.trim()) j++;
    return j;
  };
  for (let i = 0; i < lines.length; i++) {
    const keys: { at: number; field: Key }[] = [];
    let j = nextText(i);
    for (let f; j < lines.length && (f = headerField(lines[j]!.text)) && !f.value; j = nextText(j + 1))
      keys.push({ at: j, field: f.field });
    // The column of keys may go on with the attendance lists' keys ("Medlemmer", "Observatører").
    while (keys.length && j < lines.length && attendanceKey(lines[j]!.text)?.rest === '') {
      keys.push({ at: j, field: 'list' });
      j = nextText(j + 1);
    }
    for (const k of keys) {
      if (j >= lines.length || !fits(k.field, lines[j]!.text.trim())) break;
      out[k.at]!.text = `${lines[k.at]!.text.trim()}\t${lines[j]!.text.trim()}`;
      taken.add(j);
      j = nextText(j + 1);
    }
    if (keys.length) i = Math.max(i, keys.at(-1)!.at);
  }
  return out.filter((_, i) => !taken.has(i));
}
