// A question about a meeting as a whole — when and where, who attended, the meeting after the one
// named — is answered from the meeting's header in the record.
import { osloToday } from '../meetings/clock.ts';
import { meetingLabel } from '../record/passages.ts';
import type { Meeting } from '../record/types.ts';
import { caseKey, type Case } from './cases.ts';
import type { MeetingRow } from '../store/types.ts';
import { foldForMatch } from '../record/normalize.ts';
import {
  abstain,
  agendaLines,
  capital,
  cite,
  quote,
  result,
  type OfflineResult,
  type Used,
} from './compose.ts';
import { holds, keyTerms } from './evidence.ts';
import type { Library } from './library.ts';
import { framesIntent, type Question } from './question.ts';
import { inMonth } from './rank.ts';
import { caseRef, formatDate, t } from './texts.ts';
import { topicWords } from '../search/terms.ts';
import type { AskOptions, Language } from './types.ts';

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

/**
 * The meeting "next" or "latest" places by the day the question is asked: the first not yet over,
 * or the last held by then (else the latest of all).
 */
function placedByToday(meetings: MeetingRow[], q: Question): MeetingRow | undefined {
  const today = q.today ?? osloToday();
  const dated = meetings.filter((m) => m.date).sort((a, b) => a.date!.localeCompare(b.date!));
  return q.upcoming === 'next'
    ? dated.find((m) => (m.dates.at(-1) ?? m.date!) >= today)
    : (dated.filter((m) => m.date! <= today).at(-1) ?? dated.at(-1));
}

const sameMeeting = (a: MeetingRow, b: MeetingRow) =>
  a.committee === b.committee && a.meeting === b.meeting && a.date === b.date;

/** The case a sak of this meeting is part of. */
function caseIn(lib: Library, m: MeetingRow, sak: string): Case | undefined {
  return lib.byKey.get(caseKey(m.committee, meetingLabel(m), sak));
}

export async function answerMeeting(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  const committee = opts.committee ?? q.committee;
  let meetings = lib.meetings.filter((m) => !committee || m.committee === committee);
  if (q.meeting) meetings = meetings.filter((m) => m.meeting === q.meeting);
  if (q.date) meetings = meetings.filter((m) => m.dates.includes(q.date!));
  else if (q.month) meetings = meetings.filter((m) => m.dates.some((d) => inMonth(d, q.month!)));
  if (!meetings.length) return null;
  if (q.upcoming) {
    const m = placedByToday(meetings, q);
    if (!m) return abstain(lib, q, undefined, 'no_meeting');
    meetings = meetings.filter((x) => sameMeeting(x, m));
  }
  if (q.relative) {
    // "The next meeting after 9 September 2020": the meeting numbered after the one named, which
    // the record may not hold; then the documents do not say when or where it is.
    const neighbour = numberedNeighbour(lib, meetings[0]!, q.relative);
    if (!neighbour) return abstain(lib, q, undefined, 'no_meeting');
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
  const number = first.meeting ? ` ${first.meeting}` : '';
  const days = first.dates.map((d) => formatDate(d, lang)).join(lang === 'en' ? ' and ' : ' og ');
  const lines = [
    `${first.committee} ${t(lang, 'meeting').toLowerCase()}${number}: ${days || formatDate(first.date, lang)}`,
  ];
  const time = field('time');
  const place = field('place');
  if (time) lines.push(`${t(lang, 'when')}: ${time}`);
  if (place) lines.push(`${t(lang, 'place')}: ${place}`);
  let unrecorded = false;
  if (q.meetingFacts.has('attendance')) {
    // "Who represented Apotekforeningen?": the entries that name what the question names, if any do.
    const terms = keyTerms(lib, q);
    const named = (list: string[]) => {
      const hits = list.filter((x) => terms.some((k) => holds(k, foldForMatch(x))));
      return hits.length ? hits : list;
    };
    // "Who was absent?" is answered by who was not there and who stood in, not by the whole list.
    const onlyAbsent = q.meetingFacts.has('absence') && !q.meetingFacts.has('presence');
    if (present) {
      if (!onlyAbsent) lines.push(`${t(lang, 'present')}: ${named(present.members_present).join('; ')}`);
      if (present.members_absent.length)
        lines.push(`${t(lang, 'absent')}: ${named(present.members_absent).join('; ')}`);
      else if (onlyAbsent) lines.push(`${t(lang, 'absent')}: ${t(lang, 'noneRecorded')}`);
      const subs = present.members_substitutes ?? [];
      if (subs.length)
        lines.push(
          `${t(lang, 'substitutes')}: ${subs.map((x) => [x.name, x.for && `${t(lang, 'standingInFor')} ${x.for}`, x.from && `${t(lang, 'fromSak')} ${x.from}`].filter(Boolean).join(' ')).join('; ')}`,
        );
      if (present.secretariat?.length && !onlyAbsent)
        lines.push(`${t(lang, 'secretariat')}: ${present.secretariat.join('; ')}`);
    } else if (first.members_invited.length && !onlyAbsent)
      lines.push(`${t(lang, 'members')}: ${named(first.members_invited).join('; ')}`);
    // Who was there, or not, stands in a meeting's minutes: an invitation's member list says who
    // was asked to come, not who came or sent apologies.
    else unrecorded = true;
    // "Who are NUFA's members?" asks for a list of members, not who came.
    const asksMembers = !q.meetingFacts.has('presence') && !q.meetingFacts.has('absence');
    if (unrecorded) lines.push(t(lang, asksMembers ? 'membersUnknown' : 'attendanceUnknown'));
  }
  // The meeting is cited through its opening sak (approval of the agenda), where its header stands.
  const m = present ?? meetings.find((x) => x.place) ?? first;
  const opening = m.items[0];
  const c = opening ? caseIn(lib, m, opening.sak) : undefined;
  if (c) await lib.load([c.key]);
  const used = c ? [cite(lib, c, 'agenda')] : [];
  return result(q, lines, used, unrecorded ? 'no_attendance' : undefined);
}

const POSITION =
  /\b(siste|last|final|første|first|opening)\s+(?:(?:sak|saken|item|agenda item|punkt|post)\b|on the agenda|på (?:dagsorden|agendaen|sakslisten))/;
const DAY = /\b(?:dag|day)\s*(\d)\b/;

/**
 * The meeting the question names by number, date or month: its invitation (with the agenda) when
 * asked for, else the first the record holds (the invitation or the minutes).
 */
function namedMeeting(
  lib: Library,
  q: Question,
  opts: AskOptions,
  role?: MeetingRow['role'],
): MeetingRow | undefined {
  const committee = opts.committee ?? q.committee;
  const placed = q.upcoming
    ? placedByToday(
        lib.meetings.filter((m) => !committee || m.committee === committee),
        q,
      )
    : undefined;
  if (q.upcoming && !placed) return undefined;
  return lib.meetings.find(
    (m) =>
      (!placed || sameMeeting(m, placed)) &&
      (!role || m.role === role) &&
      (!committee || m.committee === committee) &&
      (!q.meeting || m.meeting === q.meeting) &&
      (!q.date || m.dates.includes(q.date)) &&
      (!q.month || m.dates.some((d) => inMonth(d, q.month!))),
  );
}

/** "NUIT møte 2/2023, 25.05.2023", or "NUFA 27.10.2021" for a meeting known by its date. */
function meetingTitle(m: MeetingRow, lang: Language): string {
  return m.meeting
    ? `${m.committee} ${t(lang, 'meeting').toLowerCase()} ${m.meeting}, ${formatDate(m.date, lang)}`
    : `${m.committee} ${formatDate(m.date, lang)}`;
}

/** Words by which a question asks for the action points of a meeting's minutes. */
const ACTION_POINTS =
  /(?<![\p{L}])(?:aksjonspunkt\p{L}*|action (?:points?|items?)|oppfølgingspunkt\p{L}*)(?![\p{L}])/iu;

/**
 * The action points a meeting's minutes record ("any action points from the February meeting?"),
 * sak by sak; that they record none; or, for a meeting whose minutes are not in the record, an
 * abstention that says so. Null for a question about no one meeting.
 */
export async function answerActionPoints(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  if (!ACTION_POINTS.test(q.text) || q.sakIds.length || !(q.meeting || q.date || q.month || q.upcoming))
    return null;
  const any = namedMeeting(lib, q, opts);
  if (!any) return null;
  const lang = q.language;
  const minutes = namedMeeting(lib, q, opts, 'referat');
  const m = minutes ?? any;
  const opening = m.items[0] && caseIn(lib, m, m.items[0].sak);
  if (opening) await lib.load([opening.key]);
  const header = `${t(lang, 'actionPointsOf')} ${meetingTitle(m, lang)}:`;
  if (!minutes)
    return result(
      q,
      [header, t(lang, 'minutesNotIngested')],
      opening ? [cite(lib, opening, 'agenda')] : [],
      'outcome_unknown',
    );
  const cases = m.items.flatMap((i) => (i.action_points.length ? (caseIn(lib, m, i.sak) ?? []) : []));
  if (!cases.length)
    return result(q, [header, t(lang, 'noActionPoints')], opening ? [cite(lib, opening, 'minutes')] : []);
  await lib.load(cases.map((c) => c.key));
  const lines = [
    header,
    ...cases.flatMap((c) => c.item.action_points.map((a) => `- ${capital(caseRef(c, lang))}: ${quote(a)}`)),
  ];
  return result(
    q,
    lines,
    cases.map((c) => cite(lib, c, 'minutes')),
  );
}

/** Words by which a question asks for a meeting's agenda as a whole: "what is on the agenda". */
const WHOLE_AGENDA =
  /(?<![\p{L}])(agenda\p{L}*|dagsorden\p{L}*|saksliste\p{L}*|items|\p{L}*saker|sakene|punkter|punktene)(?![\p{L}])/u;

/** The sakstype a question filters the agenda by ("which items are for discussion"). */
const SAKSTYPE_ASKED: [string, RegExp][] = [
  ['Drøfting', /(?<![\p{L}])(discussion|discuss(ed)?|drøfting\p{L}*|drøftes|drøfte)(?![\p{L}])/u],
  ['Beslutning', /(?<![\p{L}])(decision|decide[ds]?|beslutning\p{L}*|besluttes)(?![\p{L}])/u],
  ['Orientering', /(?<![\p{L}])(orientation|information|briefing|orientering\p{L}*)(?![\p{L}])/u],
  ['Godkjenning', /(?<![\p{L}])(approval|approve[ds]?|godkjenning\p{L}*|godkjennes)(?![\p{L}])/u],
];

/** Words that say nothing of a topic in a question about the agenda as a whole. */
const AGENDA_WORD =
  /^(items?|sak\p{L}*|dagsorden\p{L}*|saksliste\p{L}*|punkt\p{L}*|types?|kind|orientation|information|briefing|orientering\p{L}*|drøfting\p{L}*|drøftes|beslutning\p{L}*|besluttes|approval|approve[ds]?|godkjenning\p{L}*|godkjennes|on|listed|står|møte\p{L}*)$/u;

/**
 * Whether a question is about a meeting as a whole: it names the meeting (by number, date or
 * month) and no topic beyond agenda words ("NUIT-møtet" read as its parts).
 */
function aboutWholeMeeting(q: Question, types: string[] = []): boolean {
  return (
    !!(q.meeting || q.date || q.month || q.upcoming) &&
    topicWords(q.text.replace(/-/g, ' ')).every(
      (w) => AGENDA_WORD.test(w) || framesIntent(q, w) || types.some((t) => w.startsWith(t)),
    )
  );
}

/** The sakstyper the record's agendas use, folded ("tilslutning", "beslutning", …). */
function sakstyper(lib: Library): string[] {
  const known = typesOf.get(lib);
  if (known?.revision === lib.revision) return known.types;
  const types = [
    ...new Set(
      lib.meetings.flatMap((m) => m.items.flatMap((i) => (i.sakstype ? [foldForMatch(i.sakstype)] : []))),
    ),
  ];
  typesOf.set(lib, { revision: lib.revision, types });
  return types;
}
/** The sakstyper per library, read again when the record changes. */
const typesOf = new WeakMap<Library, { revision: number; types: string[] }>();

/**
 * "What did NUIT decide on 17 June 2020?", "Which decisions were made at the meeting in June
 * 2020?": every sak of the named meeting with its vedtak, or its proposal where the minutes are not
 * in the record — then, asked what was decided, the answer abstains but shows the proposals. Null
 * when the question names no meeting or asks about a topic.
 */
export async function answerMeetingDecisions(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  if (q.intent !== 'adopted_decision' && q.intent !== 'proposed_decision') return null;
  if (q.sakIds.length || !aboutWholeMeeting(q)) return null;
  const meeting = namedMeeting(lib, q, opts);
  if (!meeting) return null;
  const cases = [...new Set(meeting.items.map((i) => i.sak))].flatMap(
    (sak) => caseIn(lib, meeting, sak) ?? [],
  );
  if (!cases.length) return null;
  await lib.load(cases.map((c) => c.key));
  const lang = q.language;
  const adopted = q.intent === 'adopted_decision';
  // Asked what was decided where no vedtak is known: the proposals are shown, the outcome is not.
  const unknown = adopted && cases.every((c) => !c.item.adopted_decision);
  const lines: string[] = unknown ? [t(lang, 'outcomeUnknown')] : [];
  const used: Used[] = [];
  for (const c of cases) {
    const { adopted_decision: vedtak, proposed_decision: proposal } = c.item;
    const shown = adopted ? (vedtak ?? proposal) : (proposal ?? vedtak);
    if (!shown) continue;
    const kind = shown === vedtak ? 'adopted' : 'proposed';
    lines.push(`- ${capital(caseRef(c, lang))}: ${t(lang, kind)}: ${quote(shown)}`);
    used.push(cite(lib, c, kind));
  }
  if (!used.length) return null;
  return result(q, lines, used, unknown && !q.asksSummary ? 'outcome_unknown' : undefined);
}

/**
 * "What is on the agenda of NUIT on 25 May 2023?", "How many items …?", "Which items are for
 * discussion?": the named meeting's agenda, every sak with its type and time, or those of the type
 * asked for, counted. Null when the question names no meeting or is about a topic.
 */
export async function answerAgendaList(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  const folded = foldForMatch(q.text);
  // A sakstype the agendas use is an agenda word too: "which saker had sakstype Tilslutning?".
  // "Who presented what at the June meeting?" asks for the agenda with its presenters.
  const presenters = q.agendaFacts.has('presenter');
  if (!WHOLE_AGENDA.test(folded) && !presenters) return null;
  const types = sakstyper(lib);
  if (!aboutWholeMeeting(q, types)) return null;
  // The invitation's agenda; for a meeting the record knows only from its minutes, their saker.
  const meeting = namedMeeting(lib, q, opts, 'innkalling') ?? namedMeeting(lib, q, opts);
  if (!meeting && q.upcoming === 'next') return abstain(lib, q, undefined, 'no_meeting');
  if (!meeting?.items.length) return null;
  const written = types.find((type) => new RegExp(`(?<![\\p{L}])${type}`, 'u').test(folded));
  const type = written ?? SAKSTYPE_ASKED.find(([, re]) => re.test(folded))?.[0];
  const items = meeting.items.filter((i) => !type || foldForMatch(i.sakstype ?? '') === foldForMatch(type));
  const cases = items.flatMap((i) => caseIn(lib, meeting, i.sak) ?? []);
  if (!cases.length) return null;
  await lib.load(cases.map((c) => c.key));
  const lang = q.language;
  const label = meetingTitle(meeting, lang);
  const count = type
    ? `${items.length} ${t(lang, 'outOf')} ${meeting.items.length} ${t(lang, 'itemsWord')} ${t(lang, 'ofType')} ${items[0]?.sakstype ?? type}`
    : `${items.length} ${t(lang, 'itemsWord')}`;
  const lines = [
    `${t(lang, 'agendaOf')} ${label} (${count}):`,
    ...items.map((i) => {
      const span = i.end_time ? `${i.start_time}–${i.end_time}` : i.start_time;
      const slot = [i.sakstype, span].filter(Boolean).join(', ');
      const by = presenters && i.presenter ? ` – ${t(lang, 'presentedBy')}: ${i.presenter}` : '';
      return `- ${i.sak} «${i.title}»${slot ? ` – ${slot}` : ''}${by}`;
    }),
  ];
  return result(
    q,
    lines,
    cases.map((c) => cite(lib, c, 'agenda')),
  );
}

/**
 * "Which is the last sak on day 1 of NUFA 27 October 2021, and when does the day end?": a
 * position in a meeting's agenda, read from the order of its saker and their times.
 */
export async function answerAgendaPosition(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  const folded = q.text.toLowerCase();
  const position = POSITION.exec(folded);
  if (!position || !(q.meeting || q.date || q.month)) return null;
  const meeting = namedMeeting(lib, q, opts, 'innkalling');
  if (!meeting?.items.length) return null;
  const dayIndex = Number(DAY.exec(folded)?.[1] ?? 0) - 1;
  const day =
    dayIndex >= 0 ? meeting.dates[dayIndex] : q.date && meeting.dates.length > 1 ? q.date : undefined;
  const items = meeting.items.filter((i) => !day || (i.day ?? meeting.date) === day);
  const last = /siste|last|final/.test(position[1]!);
  const item = last ? items.at(-1) : items[0];
  if (!item) return null;
  const lang = q.language;
  const c = caseIn(lib, meeting, item.sak);
  if (!c) return null;
  await lib.load([c.key]);
  const span = item.end_time ? `${item.start_time}–${item.end_time}` : (item.start_time ?? '');
  const lines = [
    `${t(lang, last ? 'lastItem' : 'firstItem')}${day ? ` ${formatDate(day, lang)}` : ''}: sak ${item.sak} «${item.title}»${span ? `, ${span}` : ''}.`,
  ];
  const bound = last ? item.end_time : item.start_time;
  if (bound) lines.push(`${t(lang, last ? 'dayEnds' : 'dayStarts')} ${bound}.`);
  // "… who presents it, and of what type is it?": the agenda facts asked of that sak too (its time
  // is said already).
  lines.push(...agendaLines(c, lang, new Set([...q.agendaFacts].filter((f) => f !== 'time'))));
  return result(q, lines, [cite(lib, c, 'agenda')]);
}

/** A question for the meetings the documents hold: "which meetings are in the documents?". */
const MEETING_LIST =
  /(?<![\p{L}])(?:(?:which|what|how many) (?:(?:nuit|nufa)[\s-])?meetings|(?:hvilke|hvor mange) (?:(?:nuit|nufa)-)?møter|list (?:of |all )?(?:the )?meetings|liste over (?:alle )?møte\p{L}*|oversikt over (?:alle )?møte\p{L}*)(?![\p{L}])/u;
/** Words of such a question that name no topic. */
const LIST_WORD =
  /^(meetings?|møte\p{L}*|documents?|dokument\p{L}*|record|records|held|holdt|avholdt|hatt|gjennomført\p{L}*|covered|included|available|know|knows|kjenner|finnes|ligger|inne|lest|loaded|ingested)$/u;

/**
 * "Which meetings are in the documents?": every meeting of the record (of the committee named),
 * oldest first, with its date and number of saker, each cited by its opening sak.
 */
export async function answerMeetingList(
  lib: Library,
  q: Question,
  opts: AskOptions,
): Promise<OfflineResult | null> {
  const folded = foldForMatch(q.text);
  if (!MEETING_LIST.test(folded) || !topicWords(q.text.replace(/-/g, ' ')).every((w) => LIST_WORD.test(w)))
    return null;
  const committee = opts.committee ?? q.committee;
  // "How many meetings did NUIT hold in 2020?": the year's meetings of the record.
  const year = q.years.length === 1 ? q.years[0] : undefined;
  const held = new Map<string, MeetingRow>();
  for (const m of lib.meetings)
    if (m.date && (!committee || m.committee === committee) && (!year || m.date.startsWith(`${year}-`))) {
      const key = `${m.committee}|${m.meeting}|${m.date}`;
      // The innkalling lists the agenda; a referat alone may be all the record holds of a meeting.
      if (!held.has(key) || (m.role === 'innkalling' && held.get(key)!.role !== 'innkalling'))
        held.set(key, m);
    }
  const meetings = [...held.values()].sort((a, b) => a.date!.localeCompare(b.date!));
  if (!meetings.length) return null;
  const lang = q.language;
  const cases = meetings.flatMap((m) => (m.items[0] ? (caseIn(lib, m, m.items[0].sak) ?? []) : []));
  await lib.load(cases.map((c) => c.key));
  const lines = [
    `${t(lang, 'meetingsHeld')} (${meetings.length}):`,
    ...meetings.map(
      (m) =>
        `- ${m.committee}${m.meeting && m.meeting.includes('/') ? ` ${t(lang, 'meeting').toLowerCase()} ${m.meeting}` : ''}, ${m.dates.map((d) => formatDate(d, lang)).join(lang === 'en' ? ' and ' : ' og ') || formatDate(m.date, lang)}${m.place ? `, ${m.place}` : ''} – ${m.items.length} ${t(lang, 'itemsWord')}`,
    ),
  ];
  return result(
    q,
    lines,
    cases.map((c) => cite(lib, c, 'agenda')),
  );
}
