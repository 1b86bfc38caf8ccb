// Norwegian dates, times and sak ids as they are printed in meeting packages.

export const MONTHS_NB: Record<string, number> = {
  januar: 1,
  februar: 2,
  mars: 3,
  april: 4,
  mai: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  desember: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  des: 12,
};

/** The Norwegian month names, January first, as dates print them in full. */
export const MONTH_NAMES_NB = Object.keys(MONTHS_NB).slice(0, 12);

/** The ways Norwegian text prints a day (ISO "2023-02-16"), folded: "16. februar 2023", "16.02.2023" … */
export function printedDayForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const [dd, mm, month] = [String(d).padStart(2, '0'), String(m).padStart(2, '0'), MONTH_NAMES_NB[m - 1]!];
  return [
    `${d}. ${month} ${y}`,
    `${d} ${month} ${y}`,
    `${dd}.${mm}.${y}`,
    `${d}.${mm}.${y}`,
    `${d}.${m}.${y}`,
  ];
}

export const MONTHS_EN: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  oct: 10,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

const MONTH_NAMES = Object.keys({ ...MONTHS_NB, ...MONTHS_EN })
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Weekday names, which some templates print before a date ("onsdag 6. november", "Wednesday 6
 * November"), also cut short as a calendar does ("ons. 6. nov."): the stop after it is left to the text.
 */
export const WEEKDAY =
  '(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:man|tirs?|ons|tors?|fre|lør|søn|mon|tue|wed|thu|fri|sat|sun)(?=\\.)';

/**
 * Day range in words: "6. – 7. november 2019", "27.-28. oktober 2021", with the weekday before each
 * day ("onsdag 6. – torsdag 7. november 2019"). A weekday before the second day only needs one
 * before the first: "Dag 2 – torsdag 7. november" is one day.
 */
const WORD_RANGE = new RegExp(
  `\\b(?:(?:${WEEKDAY})\\.?,?\\s+(\\d{1,2})\\.?\\s*(?:[–-]|og|and)\\s*(?:${WEEKDAY})\\.?,?\\s+|(\\d{1,2})\\.?\\s*(?:[–-]|og|and)\\s*)(\\d{1,2})\\.?\\s+(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`,
  'i',
);
/** "27.–28.10.2021": days sharing their month and year. */
const NUMERIC_RANGE = /\b(\d{1,2})\.?\s*[–-]\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/;
/** "06.11.2019 – 07.11.2019": a range written as two whole dates. */
const NUMERIC_PAIR = /\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\s*[–-]\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/;
/** "9. september 2020", "16 February 2023". */
const WORD_DATE = new RegExp(`\\b(\\d{1,2})\\.?\\s+(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`, 'i');
/** "09.09.2020", "26.08.20", "1.1.2024". */
const NUMERIC_DATE = /\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
/** "25/5-2023", "25/5-23": day and month, then the year after a dash. */
const SLASH_DATE = /\b(\d{1,2})\/(\d{1,2})-(\d{4}|\d{2})\b/;
/** "2019-11-06 – 2019-11-07". */
const ISO_PAIR = /\b(\d{4})-(\d{2})-(\d{2})\s*[–-]\s*(\d{4})-(\d{2})-(\d{2})\b/;

/** Every written date and day range, in any of the styles above, for cutting dates out of text. */
export const DATE_TEXT = new RegExp(
  [WORD_RANGE, NUMERIC_PAIR, ISO_PAIR, NUMERIC_RANGE, WORD_DATE, NUMERIC_DATE, ISO_DATE, SLASH_DATE]
    .map((r) => r.source)
    .join('|'),
  'gi',
);

function monthNumber(name: string): number | undefined {
  const k = name.toLowerCase();
  return MONTHS_NB[k] ?? MONTHS_EN[k];
}

/** All ISO dates of the first date or day range found in `s` (a range gives every day in it). */
/** The days from one day to another of a month, a meeting's days at most a week. */
function days(year: number, month: number | undefined, from: number, to: number): string[] {
  if (!month || to < from || to - from >= 7) return [];
  const out: string[] = [];
  for (let d = from; d <= to; d++) {
    const iso = isoDate(year, month, d);
    if (iso) out.push(iso);
  }
  return out;
}

export function parseDates(s: string): string[] {
  let m = WORD_RANGE.exec(s);
  const range = m && days(Number(m[5]), monthNumber(m[4]!), Number(m[1] ?? m[2]), Number(m[3]));
  if (range?.length) return range;
  m = NUMERIC_PAIR.exec(s);
  const pair =
    m && m[2] === m[5] && m[3] === m[6] && days(fullYear(m[3]!), Number(m[2]), Number(m[1]), Number(m[4]));
  if (pair && pair.length) return pair;
  m = ISO_PAIR.exec(s);
  const iso =
    m && m[1] === m[4] && m[2] === m[5] && days(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[6]));
  if (iso && iso.length) return iso;
  m = NUMERIC_RANGE.exec(s);
  const numeric = m && days(fullYear(m[4]!), Number(m[3]), Number(m[1]), Number(m[2]));
  if (numeric?.length) return numeric;
  m = WORD_DATE.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    const iso = month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
    if (iso) return [iso];
  }
  m = NUMERIC_DATE.exec(s);
  if (m) {
    const iso = isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]));
    if (iso) return [iso];
  }
  m = ISO_DATE.exec(s);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return [iso];
  }
  m = SLASH_DATE.exec(s);
  if (m) {
    const iso = isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]));
    if (iso) return [iso];
  }
  return [];
}

/** The first date in `s` as ISO, or null. */
export function parseDate(s: string): string | null {
  return parseDates(s)[0] ?? null;
}

/**
 * A time: "09:00", "kl. 09.00", "09 : 00" (a colon set off by spaces, as some templates print it),
 * or a whole hour after "kl." ("kl. 9").
 */
export const TIME_TEXT = String.raw`(?:kl\.?\s*)?(?:[01]?\d|2[0-3])(?:[:.]| : )[0-5]\d\b|kl\.?\s*(?:[01]?\d|2[0-3])(?![\d:.])`;
const TIME = /\b(?:kl\.?\s*)?([01]?\d|2[0-3])(?:[:.]| : )([0-5]\d)\b|\bkl\.?\s*([01]?\d|2[0-3])(?![\d:.])/gi;
/** A time or a span of two: "09:00–10:30", "kl. 9 – kl. 10". */
export const TIME_SPAN = String.raw`(?:${TIME_TEXT})(?:\s*[–-]\s*(?:${TIME_TEXT}))?`;

/** All "HH:MM" times in `s` ("Kl. 09.00 – 16.00" → ["09:00", "16:00"], "kl. 9" → ["09:00"]). */
export function parseTimes(s: string): string[] {
  return [...s.matchAll(TIME)].map((m) => `${pad(Number(m[1] ?? m[3]))}:${m[2] ?? '00'}`);
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function hhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The word a printed sak id may follow: "Sak", "Sak nr.", the committee's own "NUIT-sak", an English
 * template's "Item", the case systems' "PS" (politisk sak) and "RS" (referatsak).
 */
export const SAK_WORD = String.raw`(?:(?:[a-zæøå]{2,6}-)?sak(?:\s*nr\.?)?|item(?:\s*no\.?)?|ps|rs)`;

/**
 * A sak id as a table row or slide heading prints it: "12/24", "12 / 2024", "Sak 12/24",
 * "Sak nr. 12/24". One pattern for every reader, so no template's spelling is known to one only.
 */
export const PRINTED_SAK_ID = String.raw`(?:${SAK_WORD}\s*)?\d{1,3}\s?\/\s?(?:(?:19|20)\d{2}|\d{2})(?!\d)`;

/** Sak id as printed ("12/24", "12 / 2024", "Sak 41/18") normalised to N/YY. */
export const SAK_ID = /\b(\d{1,3})\s?\/\s?(\d{4}|\d{2})\b/;

export function normalizeSakId(s: string): string | null {
  const m = SAK_ID.exec(s);
  if (!m) return null;
  return `${Number(m[1])}/${m[2]!.slice(-2)}`;
}
