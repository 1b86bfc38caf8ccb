// What members gave in a meeting, for the secretariat: the innspill per sak, and from the meeting's
// chat its poll results and audience questions, in one Excel workbook of three sheets; the other
// formats (Markdown, CSV, DOCX) hold the innspill (src/innspill/export.ts).
import { DateTime } from 'luxon';
import writeExcelFile from 'write-excel-file/node';
import {
  exportInnspill,
  innspillSheet,
  type ExportFormat,
  type ExportMeeting,
  type SheetCell,
} from '../innspill/export.ts';
import type { Innspill } from '../innspill/types.ts';
import { tally, type PollResults } from '../polls/tally.ts';
import type { Poll } from '../polls/types.ts';
import type { AudienceQuestion } from '../qna/types.ts';
import type { Store } from '../store/types.ts';
import { ZONE } from './schedule.ts';

export interface MeetingInput {
  innspill: Innspill[];
  polls: { poll: Poll; results: PollResults }[];
  questions: AudienceQuestion[];
}

/**
 * The meeting's innspill, and, where the export was asked for in a chat, that chat's polls and
 * questions of this meeting (a recurring meeting's chat holds other meetings' too).
 */
export async function gatherMeetingInput(
  store: Pick<Store, 'listInnspill' | 'listPolls' | 'countAnswers' | 'listQuestions'>,
  meeting: ExportMeeting,
  conversationId?: string,
): Promise<MeetingInput> {
  const { committee } = meeting;
  const ofMeeting = (x: { committee: string | null; meeting: string | null }) =>
    x.committee === committee && x.meeting === meeting.meeting;
  const innspill = await store.listInnspill({ committee, meeting: meeting.meeting });
  if (!conversationId) return { innspill, polls: [], questions: [] };
  const polls = await Promise.all(
    (await store.listPolls(conversationId))
      .filter(ofMeeting)
      .map(async (poll) => ({ poll, results: tally(poll, await store.countAnswers(poll.id)) })),
  );
  const questions = (await store.listQuestions({ conversationId })).filter(ofMeeting);
  return { innspill, polls, questions };
}

const osloTime = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE);

/** One row per option (or rating step, ranked place, word, text answer) of each poll. */
function pollSheet(polls: MeetingInput['polls']): SheetCell[][] {
  const header = [
    'sak',
    'spørsmål',
    'type',
    'anonym',
    'svar',
    'antall',
    'andel %',
    'snitt',
    'svarte',
    'lukket',
  ];
  const rows = polls.flatMap(({ poll, results: r }) => {
    const row = (answer: string, count: number | null, share: number | null, average: number | null) => [
      poll.sak ?? '',
      poll.question,
      poll.kind,
      poll.anonymous ? 'ja' : 'nei',
      answer,
      count,
      share,
      average,
      r.voters,
      poll.closedAt ? osloTime(poll.closedAt) : null,
    ];
    if (poll.kind === 'single' || poll.kind === 'multi')
      return r.options.map((o) => row(o.label, o.count, o.percent, null));
    if (poll.kind === 'rating' && r.rating)
      return r.rating.counts.map((n, i) =>
        row(String(i + 1), n, r.voters ? (100 * n) / r.voters : 0, r.rating!.average),
      );
    if (poll.kind === 'ranking')
      return r.ranking.map((x, i) => row(`${i + 1}. ${x.label}`, null, null, x.average));
    if (poll.kind === 'wordcloud') return r.words.map((w) => row(w.word, w.count, null, null));
    return r.texts.map((t) => row(t, null, null, null));
  });
  return [header, ...rows];
}

/** One row per question, hidden ones too (marked), most upvoted first as the chat lists them. */
function questionSheet(questions: AudienceQuestion[]): SheetCell[][] {
  const header = ['sak', 'spørsmål', 'stilt av', 'stemmer', 'status', 'stilt'];
  const status = { open: 'ubesvart', answered: 'besvart', hidden: 'skjult' } as const;
  return [
    header,
    ...questions.map((q) => [
      q.sak ?? '',
      q.text,
      q.anonymous ? 'anonym' : (q.authorName ?? ''),
      q.upvotes,
      status[q.status],
      osloTime(q.createdAt),
    ]),
  ];
}

/** A sheet's rows as the workbook writer takes them: a bold header, times as date cells. */
function sheetData(rows: SheetCell[][]) {
  const [header = [], ...body] = rows;
  return [
    header.map((value) => ({ value: String(value), fontWeight: 'bold' as const })),
    ...body.map((r) =>
      r.map((v) =>
        v instanceof DateTime
          ? {
              value: new Date(Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute)),
              type: Date,
              format: 'dd.mm.yyyy hh:mm',
            }
          : typeof v === 'number'
            ? { value: v, type: Number }
            : { value: v ?? '', wrap: true },
      ),
    ),
  ];
}

/**
 * The workbook: innspill, poll results and questions, each a sheet with a frozen header. A date
 * cell has no time zone, so it holds the Oslo wall-clock time the secretariat saw.
 */
export async function meetingWorkbook(meeting: ExportMeeting, input: MeetingInput): Promise<Uint8Array> {
  const sheet = (name: string, rows: SheetCell[][]) => ({
    data: sheetData(rows),
    sheet: name,
    stickyRowsCount: 1,
  });
  const buffer = await writeExcelFile([
    sheet('Innspill', innspillSheet(meeting, input.innspill)),
    sheet('Avstemninger', pollSheet(input.polls)),
    sheet('Spørsmål', questionSheet(input.questions)),
  ]).toBuffer();
  return new Uint8Array(buffer);
}

export function exportMeetingInput(
  meeting: ExportMeeting,
  input: MeetingInput,
  format: ExportFormat,
): Promise<Uint8Array> {
  return format === 'xlsx'
    ? meetingWorkbook(meeting, input)
    : exportInnspill(meeting, input.innspill, format);
}
