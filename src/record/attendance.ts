// Who was at a meeting, from the key lines of a referat's header: present, absent, substitutes
// (who for whom, from when) and the secretariat, whatever words the secretary used for the keys.
import { squash } from './normalize.ts';
import type { Substitute } from './types.ts';

export type AttendanceKey = 'invited' | 'present' | 'absent' | 'substitutes' | 'secretariat' | 'other';

/**
 * Key words per list. A key may start as another list's does ("Møtt som stedfortreder" is a
 * substitute, "Ikke til stede" is absent), so a line's key is the longest that matches, whichever list
 * it names; the order here does not matter. Nynorsk and an English template's keys are the same lists.
 */
const KEYS: [AttendanceKey, string][] = [
  [
    'absent',
    'ikke til stede|ikke tilstede|ikkje til stades|ikke møtt|ikkje møtt|meldt forfall|forfall|frafall|forhindret|fravær|fraværende|apologies|absent',
  ],
  [
    'substitutes',
    '(?:(?:møtte?\\s+)?som\\s+|møtende\\s+)?(?:stedfortredere|stedfortreder|stadfortredarar|stadfortredar|varamedlemmer|varamedlem|vararepresentant|vara|substitutes|substitute)',
  ],
  [
    'present',
    'til stede|tilstede|til stades|møtende medlemmer|møtende|møtt|møtte|deltakere|deltagere|tilstedeværende|present',
  ],
  [
    'secretariat',
    'fra sekretariatet|sekretariatet|sekretariat|sekretærer|sekretær|referenter|referent|(?:fra )?direktoratet\\s+for\\s+e-helse|(?:fra )?helsedirektoratet',
  ],
  ['invited', 'medlemmer|medlemer|members'],
  [
    'other',
    'øvrige|observatører|observatørar|observatør|observers|gjester|andre møtende|andre|i tillegg (?:møtte|deltok)|also present',
  ],
];
/** Whose a key's list is, said after it: "Til stede fra utvalget:", "Forfall (medlemmer):". */
const WHOSE = String.raw`(?:\s+(?:fra|av)\s+(?:utvalget|nuit|nufa|medlemmene|medlemmer)|\s*\([^)]{1,30}\))?`;
/** A key said as a sentence's start, as minutes in prose print it: "Til stede var:", "Som stedfortreder møtte:". */
const SAID = String.raw`(?:\s+(?:var|møtte|were|was))?`;
const KEY_RES = KEYS.map(
  ([key, re]) => [key, new RegExp(`^(?:${re})${WHOSE}${SAID}\\s*:?(?=\\s|\\t|$)\\s*`, 'i')] as const,
);

/** The attendance key a header line starts with (its longest), and the rest of the line. */
export function attendanceKey(text: string): { key: AttendanceKey; rest: string } | null {
  const t = text.trim();
  let best: { key: AttendanceKey; length: number } | null = null;
  for (const [key, re] of KEY_RES) {
    const length = re.exec(t)?.[0].length ?? -1;
    if (length > (best?.length ?? -1)) best = { key, length };
  }
  return best && { key: best.key, rest: t.slice(best.length) };
}

/** A key broken over two lines in PDF text ("Direktoratet" / "for e-helse"). */
export function brokenKey(line: string, next: string): boolean {
  return !attendanceKey(line) && !!attendanceKey(`${line.trim()} ${next.trim()}`) && line.trim().length < 30;
}

/**
 * A note on the person before it, after a dash: "– til kl. 13.30", "- video". It ends where the
 * next name starts, at a capital letter or after a separator (";", ","), so it is not read as the
 * start of that name.
 */
const NOTE = String.raw`(?:\s*[-–]\s+([^\p{Lu}\s();,][^\s();,]*(?:\s+[^\p{Lu}\s();,][^\s();,]*)*))?`;
const PERSON = new RegExp(String.raw`([^()\t;]+?)\s*\(([^)]*)\)${NOTE}`, 'gu');

/**
 * "Name (Org) Name (Org) – note" runs, or a sentence's list ("Name (Org), Name (Org) og Name (Org).")
 * → one entry per person, its note kept: "Name (Org) – note".
 */
export function people(text: string): string[] {
  return [...squash(text).matchAll(PERSON)].map(
    (m) =>
      `${squash(m[1]!.replace(/^(?:[-–,\s]+|(?:og|and)\s+)+/, ''))} (${squash(m[2]!)})${m[3] ? ` – ${squash(m[3])}` : ''}`,
  );
}

/** Names as printed one per line or cell, or separated by commas: the secretariat. */
export function names(parts: string[]): string[] {
  return parts
    .flatMap((p) => p.split(/\t|,|;/))
    .map(squash)
    .filter((n) => n && /\p{Lu}/u.test(n));
}

const FROM = /\s*[,(]?\s*\bfra\s+((?:sak\s+)?\d{1,3}\s?\/\s?\d{2}|kl\.?\s*\d{1,2}[:.]\d{2})\)?\s*$/i;

/**
 * Substitutes as printed: "X for Y", "X (for Y)", "X møtte for Y", "X (vara for Y)",
 * "X stedfortreder for Y fra sak 5/24".
 */
export function substitutes(text: string): Substitute[] {
  const out: Substitute[] = [];
  // One entry per "X … for Y (Org)": split after each closing parenthesis that ends an entry, also
  // where a sentence lists them ("…(Org), X for Y (Org) og X for Y (Org).").
  const entries = squash(text)
    .replace(/\)\.$/, ')')
    .split(/(?<=\))\s*[;,]?\s+(?:(?:og|and)\s+)?(?=\p{Lu})|;\s*/u);
  for (const raw of entries) {
    let e = squash(raw);
    if (!e) continue;
    let from: string | undefined;
    const f = FROM.exec(e);
    if (f) {
      from = squash(f[1]!.replace(/^sak\s+/i, 'sak '));
      e = e.slice(0, f.index);
    }
    const m =
      /^(.+?)\s*\(\s*(?:vara|stedfortreder|møtte)?\s*for\s+(.+?)\s*\)$/i.exec(e) ??
      /^(.+?)\s+(?:møtte\s+for|stedfortreder\s+for|vara\s+for|for)\s+(.+)$/i.exec(e);
    const sub: Substitute = m ? { name: squash(m[1]!), for: squash(m[2]!) } : { name: e };
    if (from) sub.from = from;
    out.push(sub);
  }
  return out;
}
