// The agenda of an invited meeting as members see it: which meeting "agenda …" means, and the
// agenda view (times, presenters, proposals, earlier treatments, open action points) that the
// agenda card shows.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { openActionPoints, type ActionPointStore, type ActionPointView } from '../actions/service.ts';
import type { Answerer, EarlierTreatment } from '../answer/types.ts';
import { parseDate } from '../record/dates.ts';
import { isFormality } from '../record/item.ts';
import { meetingLabel } from '../record/passages.ts';
import type { MemoSection } from '../record/types.ts';
import type { MeetingRow, Store } from '../store/types.ts';
import { meetingKey, ZONE } from './schedule.ts';

/** What "agenda NUIT", "agenda 2/2023", "agenda NUFA 27.10.2021" or "agenda 12/24" asks for. */
export interface AgendaRequest {
  committee?: string;
  /** Meeting number "N/YYYY". */
  meeting?: string;
  /** ISO date of the meeting. */
  date?: string;
  /** A sak id "N/YY": the meeting that handles it. */
  sak?: string;
}

export function parseAgendaRequest(text: string): AgendaRequest {
  const req: AgendaRequest = {};
  const committee = /\b(NUIT|NUFA)\b/i.exec(text);
  if (committee) req.committee = committee[1]!.toUpperCase();
  const meeting = /\b(\d{1,2})\s?\/\s?((?:19|20)\d\d)\b/.exec(text);
  if (meeting) req.meeting = `${Number(meeting[1])}/${meeting[2]}`;
  else {
    const sak = /\b(\d{1,3})\s?\/\s?(\d\d)\b/.exec(text);
    if (sak) req.sak = `${Number(sak[1])}/${sak[2]}`;
  }
  const date = parseDate(text);
  if (date) req.date = date;
  return req;
}

/**
 * The invited meeting a request names; with no meeting, date or sak named, the next meeting of the
 * committee (or of the committees the conversation follows), else the latest one.
 */
export async function findAgendaMeeting(
  store: Pick<Store, 'listMeetings'>,
  req: AgendaRequest,
  today: string,
  followed: string[] = [],
): Promise<MeetingRow | null> {
  const committees = req.committee ? [req.committee] : followed;
  const invited = (await store.listMeetings())
    .filter((m) => m.role === 'innkalling' && (!committees.length || committees.includes(m.committee)))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  if (req.meeting) return invited.find((m) => m.meeting === req.meeting) ?? null;
  if (req.date) return invited.find((m) => m.dates.includes(req.date!)) ?? null;
  if (req.sak) return invited.find((m) => m.items.some((i) => i.sak === req.sak)) ?? null;
  return invited.find((m) => m.date && m.date >= today) ?? invited.at(-1) ?? null;
}

export interface AgendaViewItem {
  sak: string;
  title: string;
  sakstype: string | null;
  /** "10:10–11:00", "10:10" or "" */
  time: string;
  presenter: string | null;
  proposal: string | null;
  earlier: EarlierTreatment[];
  /** Open action points of this sak (given at this meeting, or at one that handled the same sak). */
  followUps: ActionPointView[];
  hasMemo: boolean;
  /** A formality (approvals, eventuelt): listed without details. */
  formality: boolean;
}

export interface AgendaView {
  committee: string;
  /** The meeting's label in the record ("3/2031", "NUFA 27.10.2021"). */
  meeting: string;
  key: string;
  /** "torsdag 4. september 2031" */
  dateText: string;
  time: string | null;
  place: string | null;
  /** A Teams (or other) meeting link printed in the package. */
  link: string | null;
  /** The meeting's last day is before today: it takes no more input, only questions. */
  past: boolean;
  items: AgendaViewItem[];
  /** The committee's open action points of saker not on this agenda ("Oppfølging"). */
  followUps: ActionPointView[];
}

/** What an agenda view is drawn from besides the meeting: earlier treatments, and open action points. */
export interface AgendaSources {
  answerer: Pick<Answerer, 'earlierTreatments'>;
  store: ActionPointStore;
}

/** Whether a meeting is over: its last day (a NUFA meeting may run two) is before `today`. */
export function isPast(meeting: { date: string | null; dates: string[] }, today: string): boolean {
  const last = meeting.dates.at(-1) ?? meeting.date;
  return !!last && last < today;
}

const URL_IN_TEXT = /https?:\/\/\S+/;

function longDate(iso: string | null): string {
  if (!iso) return 'dato ikke oppgitt';
  return DateTime.fromISO(iso, { zone: ZONE }).setLocale('nb').toFormat('cccc d. LLLL yyyy');
}

function timeSpan(start: string | null, end: string | null): string {
  return start && end ? `${start}–${end}` : (start ?? '');
}

/**
 * What the agenda card shows of a meeting. Given `today`, a meeting already held is marked past;
 * without it (agenda cards posted ahead of a meeting) it is not.
 */
export async function agendaView(
  meeting: MeetingRow,
  { answerer, store }: AgendaSources,
  today?: string,
): Promise<AgendaView> {
  const label = meetingLabel(meeting);
  const open = await openActionPoints(store, meeting.committee);
  const onAgenda = new Set(meeting.items.map((i) => i.sak));
  const link = URL_IN_TEXT.exec(meeting.place ?? '')?.[0] ?? null;
  const items = await Promise.all(
    meeting.items.map(async (i, n) => ({
      sak: i.sak,
      title: i.title,
      sakstype: i.sakstype,
      // The last sak ends when the meeting does.
      time: timeSpan(i.start_time, i.end_time ?? (n === meeting.items.length - 1 ? meeting.end_time : null)),
      presenter: i.presenter,
      proposal: i.proposed_decision,
      earlier: await answerer.earlierTreatments({ committee: meeting.committee, meeting: label, sak: i.sak }),
      followUps: open.filter((p) => p.sak === i.sak),
      hasMemo: (i.memo ?? []).length > 0,
      formality: isFormality(i.title),
    })),
  );
  return {
    committee: meeting.committee,
    meeting: label,
    key: meetingKey(meeting),
    dateText: longDate(meeting.date),
    time: meeting.time,
    place: meeting.place?.replace(URL_IN_TEXT, '').trim() || null,
    link,
    past: today !== undefined && isPast(meeting, today),
    items,
    followUps: open.filter((p) => !onAgenda.has(p.sak)),
  };
}

/** Changes exactly when what the card shows changes: a posted card is updated when it moves. */
export function agendaHash(view: AgendaView): string {
  return createHash('sha256').update(JSON.stringify(view)).digest('hex').slice(0, 32);
}

/** "Spør om saken": the member's question about the sak, or, asked none, what the sak proposes and why. */
export function questionAboutSak(sak: string, question?: string): string {
  return question?.trim() || `Hva er forslag til vedtak og bakgrunnen for sak ${sak}?`;
}

/** A sak's memo ("Vis toppnotat"): the sak's title and the memo's sections, none when it has no memo. */
export async function memoOf(
  store: Pick<Store, 'listMeetings'>,
  ref: { committee: string; meeting: string; sak: string },
): Promise<{ title: string; sections: MemoSection[] }> {
  const item = (await store.listMeetings())
    .filter((m) => m.committee === ref.committee && meetingLabel(m) === ref.meeting)
    .flatMap((m) => m.items)
    .find((i) => i.sak === ref.sak && (i.memo ?? []).length);
  return { title: item?.title ?? '', sections: memoSections(item?.memo ?? []) };
}

/** The memo as a member reads it: every section with text, in the memo's order. */
export function memoSections(memo: MemoSection[]): MemoSection[] {
  return memo.filter((s) => s.text.trim());
}
