// Fact answers — numbers, names, dates, "how many", what a slide or memo says — are the one to
// three best units of evidence, quoted verbatim and each cited with its passage. When the best
// evidence does not hold enough of the question, or none holds the kind of thing asked for, the
// answer is an abstention.
import { abstain, capital, citation, result, type OfflineResult, type Used } from './compose.ts';
import type { Case } from './cases.ts';
import type { Passage } from '../record/types.ts';
import { foldForMatch } from '../record/normalize.ts';
import {
  expectedKinds,
  factDayForms,
  headsList,
  holds,
  holdsKind,
  keyTerms,
  rankEvidence,
  sameKey,
  TWO_PARTS,
  type Evidence,
  type Expected,
} from './evidence.ts';
import { foldedHeading, foldedText, joinFolded } from './folded.ts';
import type { Library } from './library.ts';
import { readParts, type Question } from './question.ts';
import type { Ranked } from './rank.ts';
import { caseRef, t } from './texts.ts';
import type { Language } from './types.ts';

const LIST_QUESTION = /\b(hvilke|which|what (?:are|were) the|hva (?:er|var) de|list|name the|nevn)\b/i;

/** Saker whose text is searched for evidence: the best by rank; lower ones rarely hold it. */
const EVIDENCE_CASES = 6;

/**
 * Below this key-content coverage the best evidence does not hold what was asked: the answerer
 * abstains. Calibrated on the read half of the development set (see README, "Abstaining").
 */
const MIN_EVIDENCE_COVERAGE = 0.5;

/**
 * The share of the question's key content the leading unit itself must hold, when the question asks
 * for a kind of thing (a number, a date, a name). Calibrated over the read half and our own sets
 * (README, "Abstaining"): 0.3 → 0.4 abstains on one more off-topic question and loses no answer;
 * 0.45 and 0.5 begin to abstain on answerable ones.
 */
const MIN_LEAD_OWN = 0.4;

/** Quoted units beyond the best must hold at least this share of what the best one holds. */
const ALSO_QUOTED = 0.6;

export function answerFromEvidence(lib: Library, q: Question, ranked: Ranked[]): OfflineResult {
  const found = quoteEvidence(lib, q, ranked.slice(0, EVIDENCE_CASES));
  if (!found) return abstain(lib, q, ranked[0], 'evidence');
  const lines = [`${capital(t(q.language, 'from'))} ${caseRef(found.c, q.language)}:`, ...found.lines];
  return result(q, lines, found.used);
}

/** Quoted evidence of one sak: the lines that quote it and the passages they cite. */
export interface Quotes {
  c: Case;
  lines: string[];
  used: Used[];
}

/**
 * The best evidence over the candidate saker, quoted, or null when it does not hold enough of the
 * question or none of it holds the kind of thing asked for.
 */
export function quoteEvidence(lib: Library, q: Question, candidates: Ranked[]): Quotes | null {
  const lang = q.language;
  const evidence = rankEvidence(lib, q, candidates, (p) => p.kind === 'agenda');
  const best = evidence[0];
  if (!best || best.coverage < MIN_EVIDENCE_COVERAGE) return null;
  // The kind asked for must stand in what is quoted: a "how many" needs a number, in a unit that
  // is itself about the question, not only near it.
  const kinds = expectedKinds(q);
  const ofBest = evidence.filter((e) => e.c === best.c);
  const whole = kinds.length ? ofBest.find((e) => e.fits && e.joint >= MIN_LEAD_OWN) : best;
  // A question in two parts is answered part by part: where no unit answers the whole, a unit for
  // each part may; where one does, each part's own best unit is quoted with it.
  const byParts = answeredPartByPart(lib, q, best.c);
  const parts = whole ? byParts : ([answeredInParts(q, kinds, ofBest), byParts].find((p) => p.length) ?? []);
  const lead = whole ?? parts[0];
  if (!lead || !holdsSeveral(lib, q, lead)) return null;
  const list = LIST_QUESTION.test(q.text);
  const pool = evidence.filter((e) => e.c === lead.c);
  const quoted = pickQuotes(lead, pool, list ? 4 : 3, dated(q, pool));
  if (parts.length) {
    for (const e of parts)
      if (!quoted.some((x) => x.unit.passage === e.unit.passage && x.unit.text === e.unit.text))
        quoted.push(e);
    quoted.sort((a, b) => a.unit.order - b.unit.order);
  }
  const c = lead.c;
  const names = list ? c.item.named_items : [];
  const lines = [
    ...(names.length ? [`${t(lang, 'named')}: ${names.map((n) => `«${n}»`).join(', ')}`] : []),
    ...quotations(quoted, lang),
  ];
  return { c, lines, used: usedBy(c, quoted) };
}

/** The share of the question's key content a unit answering one part of a question in two must hold. */
const MIN_PART_OWN = 0.2;

/**
 * Units of one sak that answer a question in two parts between them ("which consultancy …, and
 * how many deaths …"): for each kind asked for, the best unit holding it, the first of them
 * holding as much of the question as a lead must. Empty where the question is in one part or a
 * kind stands nowhere.
 */
function answeredInParts(q: Question, kinds: Expected[], pool: Evidence[]): Evidence[] {
  if (kinds.length < 2 || !TWO_PARTS.test(foldForMatch(q.text))) return [];
  const each = kinds.map((k) => pool.find((e) => e.joint >= MIN_PART_OWN && holdsKind(k, e.reach)));
  const found = each.filter((e): e is Evidence => !!e);
  const first = found.find((e) => e.joint >= MIN_LEAD_OWN);
  return first && found.length === kinds.length ? [first, ...found.filter((e) => e !== first)] : [];
}

/** Where a question asks a second thing: "…, and how many …", "… og hvem …", or a second sentence. */
const SECOND_PART =
  /(?<=[.?!])\s+(?=\p{L})|,?\s+(?:and|og)\s+(?=(?:how|what|which|who|when|where|hvor|hva|hvordan|hvilke\p{L}*|hvem|når)(?![\p{L}]))/iu;

/**
 * The parts of a question that asks two things, each read as a question of its own (with the
 * whole question's intent), or none: a part needs a topic word of its own ("… and when?" has none).
 */
export function questionParts(q: Question): Question[] {
  return readParts(q, q.text.split(SECOND_PART), 1);
}

/**
 * Units of one sak that answer a question in two parts, each part by the best unit for it alone
 * (holding the kind of thing that part asks for and as much of that part as a lead must). Empty
 * unless every part is answered.
 */
function answeredPartByPart(lib: Library, q: Question, c: Case): Evidence[] {
  // An agenda question's parts ("when does it start, and who handles it") are the agenda's facts.
  const parts = q.intent === 'agenda' ? [] : questionParts(q);
  const leads: Evidence[] = [];
  for (const part of parts) {
    const lead = rankEvidence(lib, part, [{ c, score: 1 }], (p) => p.kind === 'agenda').find(
      (e) => e.fits && e.joint >= MIN_LEAD_OWN,
    );
    if (!lead) return [];
    if (!leads.includes(lead)) leads.push(lead);
  }
  return leads;
}

/** A question about this many things or more… */
const SEVERAL_TERMS = 3;
/** …is answered only by a passage (with its headings) that holds at least this many of them. */
const SEVERAL_HELD = 2;

/**
 * Whether the lead's passage, read with its headings and the list it heads, holds more than one of
 * the things a question about several asks about. Coverage weighs terms by rarity, so one rare word the record
 * uses elsewhere ("executive" in an English slide, "blodprøver" in a table of samples) could cover
 * half of a question about a person's title at a body, or about a way of transporting samples.
 */
function holdsSeveral(lib: Library, q: Question, lead: Evidence): boolean {
  const terms = keyTerms(lib, q).filter((k) => k.weight > 0);
  if (terms.length < SEVERAL_TERMS) return true;
  const p = lead.unit.passage;
  // A heading's list may run on into the next passage: what the lead reaches counts too.
  const text = joinFolded([foldedHeading(p), foldedText(p), foldForMatch(lead.reach)]);
  return terms.filter((k) => holds(k, text)).length >= SEVERAL_HELD;
}

/**
 * The best unit of a sak that holds the day the question dates its fact by ("how many applications
 * by 21 April 2023"): the figure asked for stands with it, often sentences after what the question
 * otherwise names.
 */
function dated(q: Question, pool: Evidence[]): Evidence | undefined {
  const forms = factDayForms(q);
  return forms.length ? pool.find((e) => e.fits && forms.some((f) => e.unit.folded.includes(f))) : undefined;
}

/** The passages quoted units stand in, each cited once with its own locator. */
function usedBy(c: Case, quoted: Evidence[]): Used[] {
  return [...new Set(quoted.map((e) => e.unit.passage))].map((p) => ({
    citation: citation(c, p, p.kind),
    passage: p,
  }));
}

/** An answer that quotes the given units of one sak's text, in the order given. */
export function quotedAnswer(lib: Library, q: Question, c: Case, units: Evidence[]): OfflineResult {
  const lines = [
    `${capital(t(q.language, 'from'))} ${caseRef(c, q.language)}:`,
    ...quotations(units, q.language),
  ];
  return result(q, lines, usedBy(c, units));
}

/** Units after a lead that ends in a colon: the list it introduces. */
const LIST_ITEMS = 8;
/** A unit longer than this is no short follow-up to quote for context. */
const CONTEXT_CHARS = 300;

/**
 * What goes with the lead in its text: the list a "Følgende …:" introduces, or else the short
 * units around it, which often complete it ("… utløper 22.12.2026" – "kan forlenges til …").
 */
function continuation(lead: Evidence, pool: Evidence[], withNext = true): Evidence[] {
  const next = pool
    // A list may run on into the next passage of the same text.
    .filter((e) => e.unit.passage.kind === lead.unit.passage.kind && e.unit.order > lead.unit.order)
    .sort((a, b) => a.unit.order - b.unit.order);
  const run = next.filter((e, i) => e.unit.order === lead.unit.order + i + 1);
  if (headsList(lead.unit.text, run[0]?.unit.text)) return run.slice(0, LIST_ITEMS);
  // "… prioriteringsrekkefølgen vist over": the list it points to stands just before it.
  if (POINTS_UP.test(lead.unit.text)) {
    const above = pool
      .filter((e) => e.unit.order < lead.unit.order && NUMBERED_LIST.test(e.unit.text))
      .sort((a, b) => b.unit.order - a.unit.order)[0];
    if (above && lead.unit.order - above.unit.order <= POINTS_REACH) return [above];
  }
  if (!withNext) return [];
  // Mid-paragraph, the sentence before often says who speaks ("Helse Nord RHF uttalte …").
  const before = pool.find(
    (e) => e.unit.passage === lead.unit.passage && e.unit.order === lead.unit.order - 1,
  );
  return [
    ...(before && before.unit.text.length < CONTEXT_CHARS && !/:\s*$/.test(before.unit.text) ? [before] : []),
    ...run.slice(0, 1).filter((e) => e.unit.text.length < CONTEXT_CHARS),
  ];
}

/** A sentence that refers to what stands above it: "vist over", "nevnt ovenfor", "shown above". */
const POINTS_UP =
  /(?<![\p{L}])(?:vist|nevnt|beskrevet|omtalt|listet|shown|listed|described|mentioned)\s+(?:over|ovenfor|above)(?![\p{L}])/iu;
/** How many units back the list a sentence points to may stand. */
const POINTS_REACH = 4;
/** A numbered list in one unit: "1. PLL 2. Pasientens prøvesvar …". */
const NUMBERED_LIST = /(?:^|\s)1[.)]\s\S[\s\S]*\s2[.)]\s\S/;

/** A passage up to this long is quoted whole: the bullet or paragraph says who said what. */
const WHOLE_PASSAGE = 560;

/**
 * What is quoted for the picked units: a short passage whole, once; else the units themselves. A
 * quote of a proposal or a decision says which it is, so the one is never read as the other.
 */
function quotations(picked: Evidence[], lang: Language): string[] {
  const out: string[] = [];
  const whole = new Set<Passage>();
  const label = (p: Passage) =>
    p.kind === 'proposed'
      ? `${t(lang, 'proposed')}: `
      : p.kind === 'adopted'
        ? `${t(lang, 'adopted')}: `
        : '';
  for (const e of picked) {
    const p = e.unit.passage;
    if (p.text.length <= WHOLE_PASSAGE) {
      if (!whole.has(p)) out.push(`${label(p)}«${p.text.replace(/\s+/g, ' ').trim()}»`);
      whole.add(p);
    } else out.push(`${label(p)}«${e.unit.text}»`);
  }
  return out;
}

/**
 * The lead unit and the next best units of its sak that hold nearly as much, each with what
 * continues it, in reading order, once each.
 */
function pickQuotes(lead: Evidence, pool: Evidence[], max: number, dayUnit?: Evidence): Evidence[] {
  const best = [lead];
  for (const e of pool) {
    if (best.length >= max) break;
    if (e === lead || e.own < lead.own * ALSO_QUOTED || e.coverage < lead.coverage * ALSO_QUOTED) continue;
    best.push(e);
  }
  // The day the question dates its fact by is quoted where it stands, if no quote holds it.
  if (dayUnit && !best.includes(dayUnit)) best.push(dayUnit);
  const seen = new Set<string>();
  const picked: Evidence[] = [];
  for (const e of best.flatMap((b) => [b, ...continuation(b, pool, b === lead)])) {
    const key = sameKey(e.unit);
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(e);
  }
  return picked.sort((a, b) => a.unit.order - b.unit.order);
}
