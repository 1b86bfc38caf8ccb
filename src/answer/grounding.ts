// Whether an LLM claim is borne out by the passages it cites, not merely by citing ids it was given.
// A model that obeys an instruction hidden in a document still cites real passages; what gives it
// away is what the claim says: a decision no adopted-decision passage records, or a number, sak id,
// date or name the cited text does not hold. Both are checked here, and a claim failing either is
// dropped by the caller.
import { escapeRegExp, foldForMatch } from '../record/normalize.ts';
import type { Passage } from '../record/types.ts';

/** Why a claim is not borne out by its passages. */
export type Unsupported =
  { reason: 'decision-without-adopted-passage' } | { reason: 'not-in-passage'; token: string };

/**
 * Words that state an adopted outcome, for or against. "Forslag til vedtak" and a present-tense
 * proposal ("NUIT gir sin tilslutning") do not; a past act of the committee ("vedtok", "sluttet seg
 * til", "avviste") does.
 */
const STATES_DECISION =
  /(?<![\p{L}\p{N}])(?:vedtok|vedtatt|vedtatte|vedtaket|vedtakene|besluttet|besluttede|bestemte|fattet (?:et )?vedtak|ble enige|sluttet seg til|ga (?:sin )?tilslutning|godkjente|avviste|avvist|forkastet|decided|adopted|resolved|approved|agreed|endorsed|rejected|the decision)(?![\p{L}\p{N}])|(?<!forslag til )(?<![\p{L}\p{N}])vedtak\s*:/iu;

/** A decision word denied right before it: "ikke vedtatt", "no decision", "not been adopted". */
const DENIED =
  /(?<![\p{L}\p{N}])(?:ikke|not|no|ingen|never|aldri)(?:\s+\p{L}+){0,2}\s+(?:vedt\p{L}*|beslutt\p{L}*|decided|decision|adopted|resolved|approved)|(?<![\p{L}\p{N}])vedtaket\s+(?:er|var)\s+ikke|the decision\s+(?:is|was)\s+not/giu;

/** Dates as 4.9.2031, 04.09.2031 or 2031-09-04. */
const DATE = /(?<!\d)(?:(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})|(\d{4})-(\d{2})-(\d{2}))(?!\d)/g;
/** Sak ids (43/31) and numbered meetings (3/2031). */
const ID = /(?<![\d/])(\d{1,3})\s?\/\s?(\d{2}|\d{4})(?![\d/])/g;
/** A number: digit groups of three with a space, point or comma between, or a plain or decimal number. */
const NUMBER = /(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)|\d+(?:[.,:]\d+)?)(?:,\d+)?/g;
/** An abbreviation (SFM, NUIT, KS, HN2) or a capitalised word, possibly hyphenated. */
const NAME = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Lu}\p{N}]+|\p{Lu}\p{Ll}+)(?:-\p{L}+)*(?![\p{L}\p{N}])/gu;

const isoDate = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/**
 * One spelling per number: "5 000", "5.000" and "5000" are 5000; "1,5" and "1.5" are 1.5; "10:30"
 * is 10.3. A group of exactly three digits after a separator is taken for thousands.
 */
export function canonicalNumber(raw: string): string {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(compact) && /^\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+$/.test(raw);
  const plain = grouped ? compact.replace(/[.,]/g, '') : compact.replace(/[,:]/g, '.');
  const [int = '0', dec = ''] = plain.split('.');
  const decimals = dec.replace(/0+$/, '');
  return `${int.replace(/^0+(?=\d)/, '')}${decimals ? `.${decimals}` : ''}`;
}

interface Tokens {
  dates: Set<string>;
  ids: Set<string>;
  numbers: Set<string>;
}

/** Dates, ids and numbers of a text; with `parts`, a date's and an id's own numbers count as numbers too. */
function tokensOf(text: string, parts: boolean): Tokens {
  const dates = new Set<string>();
  const ids = new Set<string>();
  const numbers = new Set<string>();
  let rest = text.replace(DATE, (_m, d, m, y, iy, im, id) => {
    const iso = d ? isoDate(d, m, y) : `${iy}-${im}-${id}`;
    dates.add(iso);
    if (parts) for (const n of iso.split('-')) numbers.add(canonicalNumber(n));
    return ' ';
  });
  rest = rest.replace(ID, (_m, a: string, b: string) => {
    ids.add(`${Number(a)}/${b}`);
    if (parts) [a, b].forEach((n) => numbers.add(canonicalNumber(n)));
    return ' ';
  });
  for (const m of rest.matchAll(NUMBER)) numbers.add(canonicalNumber(m[0]));
  return { dates, ids, numbers };
}

/** What a claim may draw on from a passage: its text and where it stands (committee, meeting, date, sak, title). */
function haystack(passages: Passage[]): { folded: string; tokens: Tokens } {
  const text = passages
    .map((p) => [p.text, p.title ?? '', p.committee, p.meeting, p.sak ?? '', p.date ?? ''].join('\n'))
    .join('\n');
  return { folded: foldForMatch(text), tokens: tokensOf(text, true) };
}

/** Capitalised words that start a sentence, a quote or a label are not names. */
function namesOf(claim: string): string[] {
  const out: string[] = [];
  for (const m of claim.matchAll(NAME)) {
    const word = m[0];
    const before = claim.slice(0, m.index).trimEnd();
    const startsSentence = before === '' || /[.!?:;«»"“”'([\n–-]$/.test(before);
    const abbreviation = /^\p{Lu}[\p{Lu}\p{N}]+/u.test(word);
    if (abbreviation || !startsSentence) out.push(word);
  }
  return out;
}

/** Whether a name occurs in folded text at a word start; a genitive -s in the claim may be dropped. */
function occurs(name: string, folded: string): boolean {
  const n = foldForMatch(name);
  const at = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s)}`, 'u').test(folded);
  return at(n) || (n.endsWith('s') && n.length > 3 && at(n.slice(0, -1)));
}

/**
 * Checks a claim against the passages it cites. `language` decides what counts as a name: in
 * English every noun of a title may be capitalised, so only abbreviations are checked there.
 */
export function unsupported(claim: string, cited: Passage[], language: 'nb' | 'en'): Unsupported | null {
  const undenied = claim.replace(DENIED, ' ');
  if (STATES_DECISION.test(undenied) && !cited.some((p) => p.kind === 'adopted'))
    return { reason: 'decision-without-adopted-passage' };
  const { folded, tokens } = haystack(cited);
  const said = tokensOf(claim, false);
  for (const d of said.dates) if (!tokens.dates.has(d)) return { reason: 'not-in-passage', token: d };
  for (const id of said.ids) if (!tokens.ids.has(id)) return { reason: 'not-in-passage', token: id };
  for (const n of said.numbers) if (!tokens.numbers.has(n)) return { reason: 'not-in-passage', token: n };
  const names = namesOf(claim).filter((n) => language === 'nb' || /^\p{Lu}[\p{Lu}\p{N}]+/u.test(n));
  for (const name of names) if (!occurs(name, folded)) return { reason: 'not-in-passage', token: name };
  return null;
}
