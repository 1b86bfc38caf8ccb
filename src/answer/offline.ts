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
  passagesOf,
  result,
  type OfflineResult,
  type Used,
} from './compose.ts';
import { coverage, expectedKinds, rankEvidence } from './evidence.ts';
import { answerFromEvidence } from './facts.ts';
import { answerHistory } from './history.ts';
import { answerMentions } from './mentions.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import { inMonth, inTimeAsked, rankCases, type Ranked } from './rank.ts';
import { caseRef, formatDate, t } from './texts.ts';
import type { AskOptions } from './types.ts';
import type { Meeting } from '../record/types.ts';
import type { MeetingRow } from '../store/types.ts';

export type { OfflineResult } from './compose.ts';

/** Below this share of the question's key content in its text, a sak is not what was asked about. */
const MIN_CASE_COVERAGE = 0.5;

/** A question ending in a question mark: what a memo or slide asks the committee to discuss. */
const ASKS = /\?\s*$/;

/** The meeting numbered right after (or before) this one of its committee: 5/2020 → 6/2020 or 1/2021. */
function numberedNeighbour(lib: Library, m: Meeting, way: 'next' | 'previous'): MeetingRow | undefined {
  const [n, y] = (m.meeting ?? '').split('/').map(Number);
  if (!n || !y) return undefined;
  const same = lib.meetings.filter((x) => x.committee === m.committee && x.meeting);
  const numbered = (label: string) => same.find((x) => x.meeting === label);
  if (way === 'next') return numbered(`${n + 1}/${y}`) ?? numbered(`1/${y + 1}`);
  if (n > 1) return numbered(`${n - 1}/${y}`);
  // The last meeting of the year before: the highest number that year.
  return same
    .filter((x) => x.meeting!.endsWith(`/${y - 1}`))
    .sort((a, b) => Number(b.meeting!.split('/')[0]) - Number(a.meeting!.split('/')[0]))[0];
}

async function answerMeeting(lib: Library, q: Question, opts: AskOptions): Promise<OfflineResult | null> {
  const committee = opts.committee ?? q.committee;
  let meetings = lib.meetings.filter((m) => !committee || m.committee === committee);
  if (q.meeting) meetings = meetings.filter((m) => m.meeting === q.meeting);
  if (q.date) meetings = meetings.filter((m) => m.dates.includes(q.date!));
  else if (q.month) meetings = meetings.filter((m) => m.dates.some((d) => inMonth(d, q.month!)));
  if (!meetings.length) return null;
  if (q.relative) {
    // "The next meeting after 9 September 2020": the meeting numbered after the one named, which
    // the record may not hold; then the documents do not say when or where it is.
    const neighbour = numberedNeighbour(lib, meetings[0]!, q.relative);
    if (!neighbour) return abstain(lib, q, undefined);
    meetings = [neighbour];
  }
  // With no time named, the latest meeting is meant ("who are NUIT's members?").
  if (!q.meeting && !q.date && !q.month) {
    const latest = meetings.reduce((a, b) => ((b.date ?? '') > (a.date ?? '') ? b : a));
    meetings = meetings.filter((m) => m.meeting === latest.meeting && m.date === latest.date);
  }
  const lang = q.language;
  const first = meetings[0]!;
  const field = <K extends 'place' | 'time'>(k: K) => meetings.map((m) => m[k]).find(Boolean) ?? null;
  const present = meetings.find((m) => m.members_present.length);
  const label = first.meeting ?? first.committee;
  const lines = [
    `${first.committee} ${t(lang, 'meeting').toLowerCase()} ${label}: ${first.dates.map((d) => formatDate(d, lang)).join(' og ') || formatDate(first.date, lang)}`,
  ];
  const time = field('time');
  const place = field('place');
  if (time) lines.push(`${t(lang, 'when')}: ${time}`);
  if (place) lines.push(`${t(lang, 'place')}: ${place}`);
  if (q.meetingFacts.has('attendance')) {
    if (present) {
      lines.push(`${t(lang, 'present')}: ${present.members_present.join('; ')}`);
      if (present.members_absent.length)
        lines.push(`${t(lang, 'absent')}: ${present.members_absent.join('; ')}`);
    } else if (first.members_invited.length)
      lines.push(`${t(lang, 'members')}: ${first.members_invited.join('; ')}`);
  }
  // The meeting is cited through its opening sak (approval of the agenda), where its header stands.
  const m = present ?? meetings.find((x) => x.place) ?? first;
  const opening = m.items[0];
  const c = opening
    ? lib.cases.find(
        (x) =>
          x.committee === m.committee && x.item.sak === opening.sak && x.sources.some((s) => s.meeting === m),
      )
    : undefined;
  if (c) await lib.load([c.key]);
  const used = c ? [cite(lib, c, 'agenda')] : [];
  return result(q, lines, used);
}

export async function answerOffline(
  lib: Library,
  q: Question,
  opts: AskOptions = {},
): Promise<OfflineResult> {
  const lang = q.language;
  if (!lib.cases.length)
    return {
      ...abstain(lib, q, undefined),
      answer: { ...abstain(lib, q, undefined).answer, answer: t(lang, 'nothing') },
    };
  // A question about a meeting as a whole: its intent says so, or it names a meeting or date and
  // nothing else ("When does the NUIT meeting on 25 May 2023 start?").
  const aboutMeeting =
    q.intent === 'meeting' ||
    ((q.intent === 'agenda' || q.intent === 'free_text') &&
      (q.meeting || q.date || q.month) &&
      !topicWords(q.text).length);
  if (aboutMeeting && !q.sakIds.length) {
    const m = await answerMeeting(lib, q, opts);
    if (m) return m;
  }
  const { ranked, absent } = await rankCases(lib, q, opts);
  const named = !!opts.sak || q.sakIds.length > absent.length;
  if (absent.length && !named) {
    // Another committee's sak is quoted in this one's papers: search both.
    // The id's numbers are searched too, as the text quoting the sak prints them ("18/22").
    const text = `${q.text} ${absent.map((id) => id.replace('/', ' ')).join(' ')}`;
    const wide = await rankCases(
      lib,
      { ...q, text, committee: undefined },
      { ...opts, committee: undefined },
    );
    return answerMentions(lib, q, wide.ranked, absent);
  }
  const best = ranked[0];
  if (!best) return abstain(lib, q, undefined);
  // A time the question puts the meeting in must hold: no meeting then, no answer.
  if (!inTimeAsked(best.c, q)) return abstain(lib, q, best);
  if (!named && coverage(lib, best.c, q) < MIN_CASE_COVERAGE) return abstain(lib, q, best);
  // "How many …" is a fact question, even when it speaks of decisions ("decision authority").
  const fact =
    (q.intent === 'adopted_decision' || q.intent === 'proposed_decision') &&
    expectedKinds(q).some((k) => k === 'number' || k === 'amount');
  // Nothing but the topic pins the question down: "what did NUIT decide on X" is X's history.
  const pinned = named || !!(opts.meeting || q.meeting || q.date || q.month || q.meetingYear);

  switch (fact ? 'free_text' : q.intent) {
    case 'adopted_decision':
      if (!pinned) return answerHistory(lib, q, ranked);
      return answerDecision(lib, q, best);
    case 'proposed_decision':
      return answerDecision(lib, q, best);
    case 'agenda': {
      const lines = agendaLines(best.c, lang);
      if (lines.length)
        return result(q, [`${capital(caseRef(best.c, lang))}:`, ...lines], [cite(lib, best.c, 'agenda')]);
      break;
    }
    case 'history':
      return answerHistory(lib, q, ranked);
    case 'discussion': {
      const d = answerDiscussion(lib, q, best);
      if (d) return d;
      break;
    }
    default:
      break;
  }
  return answerFromEvidence(lib, q, ranked);
}

/**
 * The decision or proposal of one sak, quoted. Asked what was decided where only a proposal is
 * known, the answer shows the proposal but abstains: the outcome is not in the documents.
 */
function answerDecision(lib: Library, q: Question, best: Ranked): OfflineResult {
  const prefer = q.intent === 'adopted_decision' ? 'adopted' : 'proposed';
  const { lines, used } = decisionLines(lib, best.c, q.language, prefer);
  const unknown = prefer === 'adopted' && !best.c.item.adopted_decision;
  return result(q, [`${capital(caseRef(best.c, q.language))}:`, ...lines], used, unknown);
}

/**
 * What the committee was asked to discuss: the sak's discussion prompts, or else the questions its
 * memo or slides put, with the best context sentences.
 */
function answerDiscussion(lib: Library, q: Question, best: Ranked): OfflineResult | null {
  const lang = q.language;
  const c = best.c;
  const texts = passagesOf(lib, c).filter((p) => p.kind === 'slides' || p.kind === 'memo');
  const prompts = c.item.discussion_prompts.length
    ? c.item.discussion_prompts.map((text) => ({ text, passage: undefined }))
    : rankEvidence(lib, q, [{ c, score: 1 }], (p) => !texts.includes(p))
        .filter((e) => ASKS.test(e.unit.text))
        .sort((a, b) => a.unit.order - b.unit.order)
        .map((e) => ({ text: e.unit.text, passage: e.unit.passage }));
  if (!prompts.length) return null;
  const context = rankEvidence(lib, q, [{ c, score: 1 }], (p) => !texts.includes(p))
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
