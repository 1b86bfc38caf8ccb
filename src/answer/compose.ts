// The parts answers are made of: citations of a sak's passages, quoted decisions and proposals,
// agenda facts, an abstention that names the nearest sak, and the result that carries them.
import { squash } from '../record/normalize.ts';
import type { Passage, PassageKind } from '../record/types.ts';
import type { Case } from './cases.ts';
import type { Library } from './library.ts';
import type { AgendaFact, Question } from './question.ts';
import { inTimeAsked, type Ranked } from './rank.ts';
import { keyTerms } from './evidence.ts';
import { caseRef, formatDate, t } from './texts.ts';
import type { AbstainReason, Answer, Citation, Language } from './types.ts';

/** A citation and the passage it quotes, as an answer uses them. */
export interface Used {
  citation: Citation;
  passage?: Passage;
}

/** What the offline answerer found, for the LLM path to build on. */
export interface OfflineResult {
  answer: Answer;
  /** Passages the answer rests on, best first (the LLM sees only these). */
  passages: Passage[];
}

export function citation(c: Case, p: Passage | undefined, kind: PassageKind): Citation {
  const src = c.sources[0]!;
  return {
    committee: c.committee,
    meeting: c.meeting,
    date: c.date,
    sak: c.item.sak,
    title: c.item.title,
    source: p?.source ?? src.source,
    kind: p?.kind ?? kind,
    quote: p?.text.slice(0, 600),
    passageId: p?.id,
    line: p?.locator.line ?? c.item.locator.line,
    page: p?.locator.page,
    headingPath: p?.locator.headingPath,
  };
}

export function passagesOf(lib: Library, c: Case, kind?: PassageKind): Passage[] {
  const all = lib.passagesOf(c.key);
  return kind ? all.filter((p) => p.kind === kind) : all;
}

export function cite(lib: Library, c: Case, kind: PassageKind): Used {
  const passage = passagesOf(lib, c, kind)[0];
  return { citation: citation(c, passage, kind), passage };
}

export function quote(s: string): string {
  return `«${squash(s)}»`;
}

export function decisionLines(lib: Library, c: Case, lang: Language, prefer: 'adopted' | 'proposed') {
  const lines: string[] = [];
  const used: Used[] = [];
  const { adopted_decision: adopted, proposed_decision: proposed } = c.item;
  const showAdopted = () => {
    lines.push(`${t(lang, prefer === 'adopted' ? 'adopted' : 'alsoAdopted')}: ${quote(adopted!)}`);
    used.push(cite(lib, c, 'adopted'));
  };
  const showProposed = () => {
    lines.push(`${t(lang, 'proposed')}: ${quote(proposed!)}`);
    used.push(cite(lib, c, 'proposed'));
  };
  if (prefer === 'adopted') {
    if (adopted) showAdopted();
    else if (proposed) {
      lines.push(t(lang, 'outcomeUnknown'));
      showProposed();
    }
  } else {
    if (proposed) showProposed();
    if (adopted) showAdopted();
    else if (proposed && c.sources.every((s) => s.meeting.role === 'innkalling'))
      lines.push(t(lang, 'outcomeUnknown'));
  }
  if (!adopted && !proposed) {
    lines.push(t(lang, 'noDecisionRecorded'));
    used.push(cite(lib, c, 'agenda'));
  }
  if (c.item.presenter) lines.push(`${t(lang, 'presentedBy')}: ${c.item.presenter}.`);
  return { lines, used };
}

/** A sak's agenda slot, line by line: every fact it has, or those asked for. */
export function agendaLines(c: Case, lang: Language, only?: ReadonlySet<AgendaFact>): string[] {
  const i = c.item;
  const out: string[] = [];
  const shown = (f: AgendaFact) => !only || only.has(f);
  if (i.sakstype && shown('sakstype')) out.push(`${t(lang, 'type')}: ${i.sakstype}`);
  if (i.start_time && shown('time')) {
    const span = i.end_time ? `${i.start_time}–${i.end_time}` : i.start_time;
    out.push(`${t(lang, 'time')}: ${span}${c.date ? `, ${formatDate(c.date, lang)}` : ''}`);
  }
  if (i.duration_minutes && shown('duration'))
    out.push(`${t(lang, 'duration')}: ${i.duration_minutes} ${t(lang, 'minutes')}`);
  if (i.presenter && shown('presenter')) out.push(`${t(lang, 'presentedBy')}: ${i.presenter}`);
  if (i.case_owner && shown('owner')) out.push(`${t(lang, 'owner')}: ${i.case_owner}`);
  if (i.case_handler && shown('handler')) out.push(`${t(lang, 'handler')}: ${i.case_handler}`);
  return out;
}

/**
 * "Not in the documents", with why where it can be said plainly (no meeting at the time asked, words
 * of the question the documents never use), naming the nearest sak so the member can look there.
 */
export function abstain(
  lib: Library,
  q: Question,
  nearest: Ranked | undefined,
  because: AbstainReason,
): OfflineResult {
  const lang = q.language;
  const why =
    because === 'time'
      ? noMeetingThen(lib, q)
      : because === 'after_record'
        ? afterRecord(lib, q)
        : because === 'topic' || because === 'no_match'
          ? neverMentioned(lib, q)
          : because === 'no_meeting' && q.upcoming === 'next'
            ? noMeetingAhead(lib, q)
            : '';
  const near = nearest ? ` ${t(lang, 'nearest')} ${caseRef(nearest.c, lang)}.` : '';
  return {
    answer: {
      answer: `${t(lang, 'abstain')}${why}${near}`,
      citations: nearest ? [cite(lib, nearest.c, 'agenda').citation] : [],
      abstained: true,
      abstainedBecause: because,
      intent: q.intent,
      language: lang,
      generated: false,
    },
    passages: [],
  };
}

const LOCALE = { nb: 'nb-NO', en: 'en-GB' } as const;

/** "on 9 September 2020", "in February 2023" or "in 2023": the time a question names, as it reads. */
function timeNamed(q: Question): string {
  const lang = q.language;
  const month = (y: number, m: number) =>
    new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, 1)),
    );
  return q.date
    ? `${t(lang, 'onDate')} ${formatDate(q.date, lang)}`
    : q.month
      ? `${t(lang, 'inTime')} ${month(q.month.year, q.month.month)}`
      : q.meetingYear
        ? `${t(lang, 'inTime')} ${q.meetingYear}`
        : '';
}

/** The end of a year as a question dates a fact by it: "ved utgangen av 2023", "by the end of 2023". */
export const YEAR_END = /(?:utgangen|slutten|end)\s+(?:av|of)\s+((?:19|20)\d\d)\b/i;

/** The date of the record's last meeting, ISO; '' for an empty record. */
export function lastMeetingDate(lib: Library): string {
  return lib.meetings.reduce((a, m) => ((m.date ?? '') > a ? (m.date ?? '') : a), '');
}

/** " The documents go no further than the meeting of 25.05.2023, so they cannot tell what happened in October 2023." */
function afterRecord(lib: Library, q: Question): string {
  const lang = q.language;
  const end = YEAR_END.exec(q.text);
  const when = timeNamed(q) || (end ? `${t(lang, 'byEndOf')} ${end[1]}` : '');
  return ` ${t(lang, 'afterRecord')
    .replace('{last}', formatDate(lastMeetingDate(lib), lang))
    .replace('{when}', when)}.`;
}

/** " The documents hold no NUFA meeting after today; the latest is NUFA 27.10.2021." */
function noMeetingAhead(lib: Library, q: Question): string {
  const lang = q.language;
  const held = lib.meetings
    .filter((m) => m.date && (!q.committee || m.committee === q.committee))
    .sort((a, b) => a.date!.localeCompare(b.date!))
    .at(-1);
  // "no NUFA meeting", "ikke noe NUFA-møte".
  const committee = q.committee ? `${q.committee}${lang === 'en' ? ' ' : '-'}` : '';
  const latest = held
    ? ` ${t(lang, 'latestHeld')} ${held.committee}${held.meeting?.includes('/') ? ` ${held.meeting}` : ''} ${formatDate(held.date, lang)}`
    : '';
  return ` ${t(lang, 'noMeetingAhead').replace('{committee}', committee)}${latest}.`;
}

/** " The documents hold no meeting in February 2023." for the date, month or year the question put its meeting at. */
function noMeetingThen(lib: Library, q: Question): string {
  const lang = q.language;
  const when = timeNamed(q);
  if (!when) return '';
  // A meeting held then that says nothing of the question is not "no meeting".
  const held = lib.cases.some((c) => inTimeAsked(c, q));
  return held
    ? ` ${t(lang, 'nothingThen').replace('{when}', when)}.`
    : ` ${t(lang, 'noMeetingThen')} ${when}.`;
}

/**
 * " The documents never mention «X»." for the question's names and Norwegian words the record does
 * not use in any form. An English word nothing translates is left out: the documents may well say
 * it in Norwegian.
 */
function neverMentioned(lib: Library, q: Question): string {
  const absent = keyTerms(lib, q)
    .filter((k) => !k.known && k.weight > 0)
    .map((k) => `«${k.word}»`);
  return absent.length ? ` ${t(q.language, 'neverMentioned')} ${absent.join(', ')}.` : '';
}

/**
 * An answer from its lines and what they cite. `abstained` marks an answer that shows related
 * evidence but not what was asked (a proposal when the adopted decision was asked for).
 */
export function result(q: Question, lines: string[], used: Used[], abstained?: AbstainReason): OfflineResult {
  const seen = new Set<string>();
  const citations = used
    .map((u) => u.citation)
    .filter((c) => {
      // Each quoted passage is cited with its own locator; a sak's kind once where none is quoted.
      const k = c.passageId ?? `${c.committee}|${c.meeting}|${c.sak}|${c.kind}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
  return {
    answer: {
      answer: lines.join('\n'),
      citations,
      abstained: !!abstained,
      ...(abstained ? { abstainedBecause: abstained } : {}),
      intent: q.intent,
      language: q.language,
      generated: false,
    },
    passages: used.flatMap((u) => (u.passage ? [u.passage] : [])),
  };
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
