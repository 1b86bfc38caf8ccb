// The extractive answerer: finds the sak (or meeting) a question is about and answers from the
// record's own fields — adopted decision, proposal, agenda facts, meeting facts, discussion
// prompts — from a topic's history across meetings, or from quoted evidence. Works with no API key.
import { topicWords } from '../search/terms.ts';
import {
  abstain,
  agendaLines,
  capital,
  cite,
  citation,
  decisionLines,
  lastMeetingDate,
  YEAR_END,
  passagesOf,
  result,
  type OfflineResult,
  type Used,
} from './compose.ts';
import {
  coverage,
  EARLIER_DECISIONS,
  expectedKinds,
  fieldCoverage,
  keyTerms,
  rankEvidence,
  share,
  type Evidence,
  titleCoverage,
  unitsOf,
  type Unit,
} from './evidence.ts';
import { MONTH_NAMES_NB } from '../record/dates.ts';
import { foldForMatch } from '../record/normalize.ts';
import { answerDefinition } from './definition.ts';
import { answerFromEvidence, quoteEvidence, type Quotes } from './facts.ts';
import { answerHistory } from './history.ts';
import {
  answerAgendaList,
  answerAgendaPosition,
  answerMeeting,
  answerMeetingDecisions,
  answerActionPoints,
  answerMeetingList,
} from './meeting.ts';
import { answerMentions } from './mentions.ts';
import { answerSpeaker } from './speakers.ts';
import type { Case } from './cases.ts';
import type { Passage } from '../record/types.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import { inTimeAsked, rankCases, type Ranked } from './rank.ts';
import { caseRef, t } from './texts.ts';
import type { AskOptions } from './types.ts';

export type { OfflineResult } from './compose.ts';

/** Saker, best first, searched for one that speaks of a year or month no meeting was held in with the topic. */
const TIME_CANDIDATES = 3;

/** Lines a date heading a table row is read with: the row's title and what it says. */
const TIME_ROW = 4;
/** A date in figures, "10.6.21" or "09.09.2020": where a dated row of a table begins. */
const NUMERIC_DATE = /\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\b/;

/** Below this share of the question's key content in its text, a sak is not what was asked about. */
const MIN_CASE_COVERAGE = 0.5;

/**
 * Below this share of the question's key content in the fields a structured answer shows (title,
 * decision, agenda slot), the sak's text is quoted too: what was asked stands there. 0.5 let a
 * title holding two of three words ("felles journalløft", not "utprøvingsperioden") answer alone;
 * 0.6 and 0.5 score the same over our sets, 0.75 loses one.
 */
const FIELDS_COVERAGE = 0.6;

/**
 * A question put to the committee: one ending in a question mark, or one that asks ("Hvilke
 * forhold …, f.eks:") and ends in a colon before its examples.
 */
const ASKS =
  /\?\s*$|^(?:[\p{L}-]+\s+){0,2}(?:hvilke[nt]?|hva|hvordan|hvorfor|hvor|når|which|what|how|why|where|when)\s[^!?]*:\s*$/iu;

export async function answerOffline(
  lib: Library,
  q: Question,
  opts: AskOptions = {},
): Promise<OfflineResult> {
  const lang = q.language;
  if (!lib.cases.length) {
    const none = abstain(lib, q, undefined, 'empty');
    return { ...none, answer: { ...none.answer, answer: t(lang, 'nothing') } };
  }
  const defined = await answerDefinition(lib, q, opts);
  if (defined) return defined;
  // A question about a meeting's agenda or decisions as a whole: a position in it, its list, its vedtak.
  const wholeMeeting =
    (await answerActionPoints(lib, q, opts)) ??
    (await answerMeetingList(lib, q, opts)) ??
    (await answerAgendaPosition(lib, q, opts)) ??
    (await answerAgendaList(lib, q, opts)) ??
    (await answerMeetingDecisions(lib, q, opts));
  if (wholeMeeting) return wholeMeeting;
  // A question about a meeting as a whole: its intent says so, or it names a meeting or date and
  // nothing else ("When does the NUIT meeting on 25 May 2023 start?").
  // The saker are ranked first only where they decide whether the question is about a meeting.
  // A question with a sak's topic is about that sak even when it names its meeting and its people
  // ("What input did the members give on the Helsenorge roadmap in February 2023?").
  // "NUIT-møtet" is the committee's meeting, no topic.
  const topical = topicWords(q.text.replace(/(?<![\p{L}])(nuit|nufa)-(?=møte)/giu, '$1 ')).length > 0;
  let ranking =
    q.intent === 'meeting' && (topical || !q.namesMeeting) ? await rankCases(lib, q, opts) : undefined;
  const aboutMeeting =
    (q.intent === 'meeting' && ((q.namesMeeting && !topical) || !aboutSak(lib, q, ranking?.ranked[0]))) ||
    ((q.intent === 'agenda' || q.intent === 'free_text') &&
      (q.meeting || q.date || q.month || q.upcoming) &&
      !topical);
  if (aboutMeeting && !q.sakIds.length) {
    const m = await answerMeeting(lib, q, opts);
    if (m) return m;
  }
  ranking ??= await rankCases(lib, q, opts);
  const { absent } = ranking;
  let { ranked } = ranking;
  // The minutes of a meeting name the sak that approves them as a sak id would.
  const named = !!opts.sak || q.sakIds.length > absent.length || !!q.minutesOf;
  if (absent.length && !named) return answerMentions(lib, q, opts, absent);
  if (!ranked[0]) return abstain(lib, q, undefined, 'no_match');
  // What happened after the record's last meeting ("what did the report of October 2023
  // recommend", "hvor mange vedtak hadde de fattet ved utgangen av 2023") is not in its documents.
  if (q.intent !== 'history' && !q.timeOfMeeting && afterTheRecord(lib, q) && ASKS_WHAT_HAPPENED.test(q.text))
    return abstain(lib, q, ranked[0], 'after_record');
  // A time the question puts the meeting in must hold: no meeting then, no answer. A year or month
  // no meeting was held in may be the topic's, in the best saker that speak of it with the topic. A
  // history runs over the times it names; its steps are kept to them (history.ts).
  let timeOfTopic = false;
  let quotedThen: Row | undefined;
  if (q.intent !== 'history' && !inTimeAsked(ranked[0].c, q)) {
    const dated = ranked
      .slice(0, TIME_CANDIDATES)
      .map((r) => ({ r, row: yearOfTopic(lib, q, r) }))
      .filter((d) => d.row);
    if (!dated.length) return abstain(lib, q, ranked[0], 'time');
    ranked = dated.map((d) => d.r);
    quotedThen = dated[0]!.row!;
    timeOfTopic = true;
  }
  const best = ranked[0]!;
  if (!named && (!knowsTopic(lib, q) || coverage(lib, best.c, q) < MIN_CASE_COVERAGE))
    return abstain(lib, q, best, 'topic');
  // "How many …" is a fact question, even when it speaks of decisions ("decision authority");
  // asked of one meeting's sak ("… how many projects, and what did NUIT decide?"), the decision
  // is answered with what its text holds of the rest.
  const fact =
    (q.intent === 'adopted_decision' || q.intent === 'proposed_decision') &&
    expectedKinds(q).some((k) => k === 'number' || k === 'amount');
  // Nothing but the topic pins the question down: "what did NUIT decide on X" is X's history. A
  // year alone pins no meeting either: "in 2020" is that year's steps of the history; nor does a
  // month that is the topic's.
  const pinned = named || !!(opts.meeting || q.meeting || q.date || (q.month && !timeOfTopic));

  // What was decided then, where the record has no meeting of that time, is what a memo quotes
  // of it: another body's decision in its table of earlier treatments.
  if (quotedThen?.earlier && (q.intent === 'adopted_decision' || q.intent === 'proposed_decision'))
    return quotedRow(q, best.c, quotedThen.units);
  switch (fact && !pinned ? 'free_text' : q.intent) {
    case 'adopted_decision':
      if (!pinned) return answerHistory(lib, q, ranked);
      return answerDecision(lib, q, best);
    case 'proposed_decision':
      return answerDecision(lib, q, best);
    case 'agenda': {
      const lines = agendaLines(best.c, lang);
      if (!lines.length) break;
      // "When does the first trial period start?" asks about the sak's text, not its agenda slot.
      const quotes = beyondFields(lib, q, best, [best.c.item.title, ...lines]);
      if (quotes) return answerFromEvidence(lib, q, [best]);
      return result(q, [`${capital(caseRef(best.c, lang))}:`, ...lines], [cite(lib, best.c, 'agenda')]);
    }
    case 'history':
      return answerHistory(lib, q, ranked);
    default:
      break;
  }
  // "Hvilke innspill ga KS om X?": what the body named said comes before what all were asked.
  const spoken = answerSpeaker(lib, q, ranked);
  if (!spoken && q.intent === 'discussion') {
    const d = answerDiscussion(lib, q, best);
    if (d) return d;
  }
  const found = spoken ?? answerFromEvidence(lib, q, ranked);
  // "When was X discussed?": where no text says when X was treated elsewhere, the committees'
  // treatments of X are the answer, each dated.
  if (found.answer.abstained && q.whenTreated) {
    const treated = answerHistory(lib, { ...q, intent: 'history' }, ranked);
    if (!treated.answer.abstained) return treated;
  }
  return found;
}

/**
 * Whether a year or month the question seems to put the meeting in is the topic's instead: no
 * meeting of the record was held then, but the sak it is about speaks of that time ("What measures
 * did NUIT discuss in 2024?" of a 2023 sak on "tiltak for 2024"; "the authority taken over in March
 * 2023" of a sak saying "15. mars 2023 overtok …"). A date stays the meeting's.
 */
function yearOfTopic(lib: Library, q: Question, best: Ranked): Row | undefined {
  if (q.date) return undefined;
  // A month after the record's last meeting holds events the documents cannot report, only plans.
  if (afterTheRecord(lib, q)) return undefined;
  // The month as a name or a number, the year in four digits or two ("10.6.21").
  const time = q.month
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${MONTH_NAMES_NB[q.month.month - 1]}|0?${q.month.month}\\.)\\s?(?:${q.month.year}|${String(q.month.year).slice(2)}(?![\\d.]))\\b`,
        'iu',
      )
    : q.meetingYear
      ? new RegExp(`\\b${q.meetingYear}\\b`)
      : null;
  if (!time) return undefined;
  const terms = keyTerms(lib, q);
  if (time.test(best.c.item.title) && share(terms, foldForMatch(best.c.item.title)) >= MIN_CASE_COVERAGE)
    return { units: [], earlier: false };
  // The time must stand with what the question asks about, not anywhere in a long text: in one
  // unit, or a table row's date on its own line with the lines after it. A memo's quotes of
  // earlier treatments are where other times stand most often.
  const units = unitsOf(passagesOf(lib, best.c), true);
  for (const [i, u] of units.entries()) {
    if (!time.test(u.text)) continue;
    // A row ends where the next dated one begins.
    const after = units.slice(i + 1, i + TIME_ROW).filter((v) => v.passage === u.passage);
    const next = after.findIndex((v) => NUMERIC_DATE.test(v.text));
    const row = [u, ...(next < 0 ? after : after.slice(0, next))];
    if (share(terms, foldForMatch(row.map((v) => v.text).join('\n'))) >= MIN_CASE_COVERAGE)
      return { units: row, earlier: EARLIER_DECISIONS.test(u.passage.text) };
  }
  return undefined;
}

/** Units of a sak's text quoted as one row, cited to their passage. */
function quotedRow(q: Question, c: Case, units: Unit[]): OfflineResult {
  const p = units[0]!.passage;
  const lines = [
    `${capital(t(q.language, 'from'))} ${caseRef(c, q.language)}:`,
    `«${units.map((u) => u.text).join(' ')}»`,
  ];
  return result(q, lines, [{ citation: citation(c, p, p.kind), passage: p }]);
}

/** Where a time the question names stands with its topic: the units, and whether a memo quotes them. */
interface Row {
  units: Unit[];
  earlier: boolean;
}

/** A question about what happened, in the past tense: "did … recommend", "had … made", "hadde … fattet". */
const ASKS_WHAT_HAPPENED = /(?<![\p{L}])(did|had|hadde|gjorde)(?![\p{L}])/iu;

/** Whether the date, month or year's end the question names lies after the record's last meeting. */
function afterTheRecord(lib: Library, q: Question): boolean {
  const last = lastMeetingDate(lib);
  if (!last) return false;
  if (q.date) return q.date > last;
  if (q.month) return `${q.month.year}-${String(q.month.month).padStart(2, '0')}` > last.slice(0, 7);
  const end = YEAR_END.exec(q.text);
  return !!end && `${end[1]}-12` > last.slice(0, 7);
}

/**
 * Whether the record uses any word of what the question is about. "How did NUIT vote on the
 * proposal to ban fax machines?" has topic words, none of which the record knows in any form: a
 * share of nothing covered would read as all of it.
 */
function knowsTopic(lib: Library, q: Question): boolean {
  const terms = keyTerms(lib, q);
  return !terms.length || terms.some((k) => k.known);
}

/**
 * Whether a question that names no meeting is about a sak's topic: its text holds the question and
 * its title names part of it. "How many participants are in the NILAR cooperation groups?" counts
 * people of a project, not of a meeting.
 */
function aboutSak(lib: Library, q: Question, best: Ranked | undefined): boolean {
  return !!best && coverage(lib, best.c, q) >= MIN_CASE_COVERAGE && titleCoverage(lib, best.c, q) > 0;
}

/**
 * Quoted evidence from a sak's text when the fields a structured answer shows (its title, decision
 * or agenda slot) do not hold what the question asks; null when they do, or the text holds no more.
 */
function beyondFields(lib: Library, q: Question, best: Ranked, fields: string[]): Quotes | null {
  const covered = fieldCoverage(lib, q, fields);
  return covered < FIELDS_COVERAGE ? quoteEvidence(lib, q, [best]) : null;
}

/**
 * The decision or proposal of one sak, quoted. Asked what was decided where only a proposal is
 * known, the answer shows the proposal but abstains: the outcome is not in the documents.
 */
function answerDecision(lib: Library, q: Question, best: Ranked): OfflineResult {
  const prefer = q.intent === 'adopted_decision' ? 'adopted' : 'proposed';
  const { lines, used } = decisionLines(lib, best.c, q.language, prefer);
  const unknown = prefer === 'adopted' && !best.c.item.adopted_decision;
  // "What activities were proposed for 2021?" may ask about what the sak's text proposes, not
  // its forslag til vedtak: when the decision does not hold the question, its text is quoted too.
  const { title, proposed_decision: proposed, adopted_decision: adopted } = best.c.item;
  const quotes = beyondFields(lib, q, best, [title, proposed ?? '', adopted ?? '']);
  return result(
    q,
    [`${capital(caseRef(best.c, q.language))}:`, ...lines, ...(quotes?.lines ?? [])],
    [...used, ...(quotes?.used ?? [])],
    unknown ? 'outcome_unknown' : undefined,
  );
}

/**
 * What the committee was asked to discuss: the sak's discussion prompts, or else the questions its
 * memo or slides put, with the best context sentences.
 */
function answerDiscussion(lib: Library, q: Question, best: Ranked): OfflineResult | null {
  const lang = q.language;
  const c = best.c;
  const texts = passagesOf(lib, c).filter((p) => p.kind === 'slides' || p.kind === 'memo');
  // Of a sak whose minutes are in the record and its papers are not, the discussion is what the
  // minutes say was raised: their points, in order.
  if (!texts.length) return minutesPoints(lib, q, c);
  // What the members raised is in the minutes, where the record has them; else what they were asked.
  if (q.asksRaised) {
    const raised = minutesPoints(lib, q, c);
    if (raised) return raised;
  }
  const ranked = c.item.discussion_prompts.length
    ? []
    : rankEvidence(lib, q, [{ c, score: 1 }], (p) => !texts.includes(p));
  const byOrder = new Map(ranked.map((e) => [e.unit.order, e]));
  const prompts = c.item.discussion_prompts.length
    ? c.item.discussion_prompts.map((text) => ({ text, passage: undefined }))
    : ranked
        .filter((e) => ASKS.test(e.unit.text))
        .sort((a, b) => a.unit.order - b.unit.order)
        .map((e) => ({ text: withExamples(e, byOrder.get(e.unit.order + 1)), passage: e.unit.passage }))
        .filter((p, i, all) => !all.some((o, j) => j < i && o.text.includes(p.text)));
  if (!prompts.length) return null;
  const context = (
    ranked.length ? ranked : rankEvidence(lib, q, [{ c, score: 1 }], (p) => !texts.includes(p))
  )
    .filter((e) => !ASKS.test(e.unit.text))
    .slice(0, 2);
  const lines = [
    `${t(lang, 'prompts')} ${caseRef(c, lang)}:`,
    ...prompts.slice(0, 15).map((p) => `- ${p.text}`),
    ...context.map((e) => `… ${e.unit.text}`),
  ];
  const used: Used[] = [
    cite(lib, c, passagesOf(lib, c, 'slides').length ? 'slides' : 'memo'),
    ...prompts.flatMap((p) =>
      p.passage ? [{ citation: citation(c, p.passage, p.passage.kind), passage: p.passage }] : [],
    ),
    ...context.map((e) => ({
      citation: citation(c, e.unit.passage, e.unit.passage.kind),
      passage: e.unit.passage,
    })),
  ];
  return result(q, lines, used);
}

/**
 * A question put to the committee with the examples it lists: those after its colon ("Hvilke
 * forhold …, f.eks:"), or under a label right after it ("Hvilke temaer …? Aktuelle tema:").
 */
function withExamples(asked: Evidence, next: Evidence | undefined): string {
  const label =
    next &&
    next.unit.passage === asked.unit.passage &&
    next.reach !== next.unit.text &&
    !ASKS.test(next.unit.text);
  const text = label ? `${asked.unit.text} ${next.reach}` : asked.reach;
  return text.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ');
}

/** Points of a list in the minutes: "• Helse Nord RHF ga skryt til …", "- KS stilte spørsmål om …". */
const POINT = /^\s*[•▪●\-–*]\s/;
/** Points quoted at most. */
const MAX_POINTS = 10;

/** What the minutes of a sak record as raised in the meeting: their points, or null when they list none. */
function minutesPoints(lib: Library, q: Question, c: Case): OfflineResult | null {
  const minutes = passagesOf(lib, c).filter((p) => p.kind === 'minutes');
  // A point runs on over the sentences after its mark, in its passage.
  const points: { text: string; passage: Passage }[] = [];
  for (const u of unitsOf(minutes)) {
    const open = points.at(-1);
    if (POINT.test(u.text)) points.push({ text: u.text.replace(POINT, ''), passage: u.passage });
    else if (open && open.passage === u.passage) open.text += ` ${u.text}`;
  }
  if (!points.length) return null;
  const shown = points.slice(0, MAX_POINTS);
  const lines = [`${t(q.language, 'raised')} ${caseRef(c, q.language)}:`, ...shown.map((u) => `- ${u.text}`)];
  const used: Used[] = [...new Set(shown.map((u) => u.passage))].map((p) => ({
    citation: citation(c, p, p.kind),
    passage: p,
  }));
  return result(q, lines, used);
}
