// Which saker a question is about: text search over the record, narrowed by the meeting, date or
// month the question names, then reranked by how much of the question each sak's text and title
// cover.
import { MONTH_NAMES_NB, printedDayForms } from '../record/dates.ts';
import { foldForMatch } from '../record/normalize.ts';
import type { Case } from './cases.ts';
import { coverage, EARLIER_DECISIONS, titleCoverage } from './evidence.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import type { AskOptions } from './types.ts';

export interface Ranked {
  c: Case;
  score: number;
}

export function inMonth(iso: string | null, month: { year: number; month: number }): boolean {
  return !!iso && Number(iso.slice(0, 4)) === month.year && Number(iso.slice(5, 7)) === month.month;
}

function caseDates(c: Case): string[] {
  return [...new Set([c.date, ...c.sources.flatMap((s) => s.meeting.dates)].filter((d): d is string => !!d))];
}

/**
 * Whether a sak was handled when the question says its meeting was: on its date, in its month or
 * year. A date that belongs to the question's fact ("received by 21 April") says nothing of that.
 */
export function inTimeAsked(c: Case, q: Question): boolean {
  const dates = caseDates(c);
  if (q.date && q.timeOfMeeting) return dates.includes(q.date);
  if (q.month && q.timeOfMeeting) return dates.some((d) => inMonth(d, q.month!));
  if (q.meetingYear) return dates.some((d) => d.startsWith(String(q.meetingYear)));
  return true;
}

/** Whether folded text names a day ("16. februar 2023", "16.02.2023") or a month ("februar 2023"). */
function namesTime(folded: string, time: NonNullable<Question['minutesOf']>): boolean {
  if (time.date) return printedDayForms(time.date).some((f) => folded.includes(f));
  const { year, month } = time.month!;
  return folded.includes(`${MONTH_NAMES_NB[month - 1]} ${year}`);
}

/** Keeps the cases matching a constraint, unless none would be left. */
function narrow(list: Ranked[], keep: (c: Case) => boolean): Ranked[] {
  const kept = list.filter((r) => keep(r.c));
  return kept.length ? kept : list;
}

/**
 * Whether the record holds a meeting of the committee in a year the question names (or it names
 * none). "What did NUFA conclude in 2023" of a record without NUFA meetings that year is answered
 * from the other committee's memos, which quote NUFA's treatments.
 */
function heldIn(lib: Library, committee: string, years: number[]): boolean {
  if (!years.length) return true;
  return lib.meetings.some(
    (m) => m.committee === committee && years.some((y) => (m.date ?? '').startsWith(String(y))),
  );
}

/** Saker of the other committee, best by text, searched for quotes of the committee's treatments. */
const QUOTING_CASES = 5;

/** Whether a sak's memo quotes a treatment by the committee: "NUFA 14/23", "30/22 - NUFA". */
function quotesTreatment(lib: Library, c: Case, committee: string): boolean {
  const named = new RegExp(
    `\\b${committee}\\s+\\d{1,3}/\\d{2}\\b|\\b\\d{1,3}/\\d{2}\\s*[-–]\\s*${committee}\\b`,
  );
  return lib.passagesOf(c.key).some((p) => EARLIER_DECISIONS.test(p.text) && named.test(p.text));
}

/** Candidates whose coverage is computed; the rest are too far down the text ranking to matter. */
const RERANK = 10;

export interface Ranking {
  ranked: Ranked[];
  /** Saker the question names that the record does not hold (another committee's, an old year's). */
  absent: string[];
}

export async function rankCases(lib: Library, q: Question, opts: AskOptions): Promise<Ranking> {
  // A committee the record holds no meeting of in the year asked is looked for in the other
  // committee's memos too, which quote its treatments.
  const quoted =
    !opts.committee && q.committee && !heldIn(lib, q.committee, q.years) ? q.committee : undefined;
  const committee = opts.committee ?? (quoted ? undefined : q.committee);
  const named = opts.sak ? [opts.sak] : q.sakIds;
  // A named sak the record lacks is searched for by the question's topic, where it may be quoted.
  const sakIds = named.filter((id) => lib.cases.some((c) => c.item.sak === id));
  const absent = named.filter((id) => !sakIds.includes(id));
  const hits = await lib.index.search(q.text, { committee, meeting: opts.meeting }, 120);
  const scores = new Map<string, number>();
  for (const h of hits) {
    const cur = scores.get(h.section.caseKey);
    scores.set(h.section.caseKey, cur === undefined ? h.score : cur + 0.15 * h.score);
  }
  const minutes = q.minutesOf;
  let pool: Case[] = sakIds.length
    ? lib.cases.filter((c) => sakIds.includes(c.item.sak))
    : minutes
      ? // "The minutes from February 2023": the sak that approves them names their meeting's time;
        // none does, and the record does not hold their approval.
        lib.cases.filter((c) => namesTime(foldForMatch(c.item.title), minutes))
      : [...scores.keys()].flatMap((k) => lib.byKey.get(k) ?? []);
  if (committee) pool = pool.filter((c) => c.committee === committee);
  if (quoted) {
    const others = pool.filter((c) => c.committee !== quoted).slice(0, QUOTING_CASES);
    await lib.load(others.map((c) => c.key));
    const quoting = new Set(others.filter((c) => quotesTreatment(lib, c, quoted)));
    pool = pool.filter((c) => c.committee === quoted || quoting.has(c));
  }
  if (opts.meeting) pool = pool.filter((c) => c.meeting === opts.meeting);
  let ranked: Ranked[] = pool.map((c) => ({ c, score: scores.get(c.key) ?? 0 }));
  // A history spans the times it names ("in November 2019 … and in June 2020"): none narrows it.
  if (q.intent !== 'history') {
    if (q.meeting) ranked = narrow(ranked, (c) => c.meeting === q.meeting);
    if (q.date) ranked = narrow(ranked, (c) => caseDates(c).includes(q.date!));
    if (q.month) ranked = narrow(ranked, (c) => caseDates(c).some((d) => inMonth(d, q.month!)));
    else if (q.meetingYear)
      ranked = narrow(ranked, (c) => caseDates(c).some((d) => d.startsWith(String(q.meetingYear))));
    // "On day two" of a meeting held over several: the saker of that day.
    const day = q.meetingDay;
    if (day)
      ranked = narrow(ranked, (c) =>
        c.sources.some((s) => s.meeting.dates.length > 1 && s.meeting.dates[day - 1] === c.date),
      );
  }
  // Any other year may belong to the topic ("50 municipalities in 2021"): it favours a meeting of
  // that year, but does not rule the others out.
  const yearOf = (c: Case) => q.years.some((y) => caseDates(c).some((d) => d.startsWith(String(y))));
  // Text relevance alone favours long memos; what the question is about must also be in the sak.
  ranked.sort((a, b) => b.score - a.score);
  await lib.load(ranked.slice(0, RERANK).map((r) => r.c.key));
  ranked = ranked.slice(0, RERANK).map((r) => ({
    c: r.c,
    score: r.score + 2 * coverage(lib, r.c, q) + 1.5 * titleCoverage(lib, r.c, q) + (yearOf(r.c) ? 0.5 : 0),
  }));
  ranked.sort((a, b) => b.score - a.score);
  return { ranked, absent };
}
