// What members gave in a meeting, for the secretariat: the innspill per sak, and from the meeting's
// chat its poll results and audience questions, in one Excel workbook of three sheets or as a CSV
// each; Markdown and DOCX hold the innspill (src/innspill/export.ts), and a second DOCX the draft
// referat (src/meetings/referat-draft.ts).
import { exportInnspill, innspillSheet, type ExportFormat, type ExportMeeting } from '../innspill/export.ts';
import type { Innspill } from '../innspill/types.ts';
import type { ActionPoint } from '../actions/types.ts';
import { meetingRecap } from './recap.ts';
import { referatDraftDocx } from './referat-draft.ts';
import { tally, type PollResults } from '../polls/tally.ts';
import type { Poll } from '../polls/types.ts';
import type { AudienceQuestion } from '../qna/types.ts';
import type { Store } from '../store/types.ts';
import { csvTable, osloTime, workbook, type Table } from '../tables.ts';

export interface MeetingInput {
  innspill: Innspill[];
  polls: { poll: Poll; results: PollResults }[];
  questions: AudienceQuestion[];
  /** Action points added in the chat for this meeting. */
  actionPoints: ActionPoint[];
}

/**
 * The meeting's innspill, and, where the export was asked for in a chat, that chat's polls and
 * questions of this meeting (a recurring meeting's chat holds other meetings' too).
 */
export async function gatherMeetingInput(
  store: Pick<Store, 'listInnspill' | 'listPolls' | 'countAnswers' | 'listQuestions' | 'listActionPoints'>,
  meeting: ExportMeeting,
  conversationId?: string,
): Promise<MeetingInput> {
  const { committee } = meeting;
  const ofMeeting = (x: { committee: string | null; meeting: string | null }) =>
    x.committee === committee && x.meeting === meeting.meeting;
  const innspill = await store.listInnspill({ committee, meeting: meeting.meeting });
  if (!conversationId) return { innspill, polls: [], questions: [], actionPoints: [] };
  const polls = await Promise.all(
    (await store.listPolls(conversationId))
      .filter(ofMeeting)
      .map(async (poll) => ({ poll, results: tally(poll, await store.countAnswers(poll.id)) })),
  );
  const questions = (await store.listQuestions({ conversationId })).filter(ofMeeting);
  const actionPoints = await store.listActionPoints({ conversationId, committee, meeting: meeting.meeting });
  return { innspill, polls, questions, actionPoints };
}

/** One row per option (or rating step, ranked place, word, text answer) of each poll. */
function pollSheet(polls: MeetingInput['polls']): Table {
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
function questionSheet(questions: AudienceQuestion[]): Table {
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

/** The workbook: innspill, poll results and questions, each a sheet. */
export function meetingWorkbook(meeting: ExportMeeting, input: MeetingInput): Promise<Uint8Array> {
  return workbook([
    { name: 'Innspill', rows: innspillSheet(meeting, input.innspill) },
    { name: 'Avstemninger', rows: pollSheet(input.polls) },
    { name: 'Spørsmål', rows: questionSheet(input.questions) },
  ]);
}

export function exportMeetingInput(
  meeting: ExportMeeting,
  input: MeetingInput,
  format: ExportFormat,
): Promise<Uint8Array> {
  if (format === 'xlsx') return meetingWorkbook(meeting, input);
  if (format === 'referat-docx') return referatDraftDocx(meeting, meetingRecap(meeting, input));
  if (format === 'polls-csv')
    return Promise.resolve(new TextEncoder().encode(csvTable(pollSheet(input.polls))));
  if (format === 'questions-csv')
    return Promise.resolve(new TextEncoder().encode(csvTable(questionSheet(input.questions))));
  return exportInnspill(meeting, input.innspill, format);
}
