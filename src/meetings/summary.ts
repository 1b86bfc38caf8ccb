// The summary a meeting chat gets when its Teams meeting ends: the innspill per sak (agenda titles),
// each poll's result, and the questions still unanswered, for the referat. Once per occurrence.
import { resultLine } from '../polls/summary.ts';
import { tally } from '../polls/tally.ts';
import { meetingLabel, meetingName } from '../record/passages.ts';
import type { Store } from '../store/types.ts';
import { occurrenceKey } from './occurrence.ts';

export type SummaryStore = Pick<
  Store,
  | 'recordMeetingEvent'
  | 'getConversationMeeting'
  | 'listMeetings'
  | 'listInnspill'
  | 'listPolls'
  | 'countAnswers'
  | 'listQuestions'
>;

export interface SummarySection {
  title: string;
  lines: string[];
}

export interface MeetingSummary {
  committee: string;
  meeting: string;
  name: string;
  sections: SummarySection[];
}

export class MeetingSummaryService {
  constructor(private readonly deps: { store: SummaryStore }) {}

  /**
   * The summary when the meeting ends, once per occurrence; null for a repeated event or a chat tied
   * to no meeting.
   */
  async ended(conversationId: string, teamsMeetingId: string, at: Date): Promise<MeetingSummary | null> {
    const { store } = this.deps;
    const meetingId = occurrenceKey(teamsMeetingId, at);
    if (!(await store.recordMeetingEvent({ meetingId, kind: 'end', conversationId }))) return null;
    const target = await store.getConversationMeeting(conversationId);
    if (!target) return null;
    const { committee, meeting } = target;
    const agenda = (await store.listMeetings({ summary: true })).find(
      (m) => m.role === 'innkalling' && m.committee === committee && meetingLabel(m) === meeting,
    );
    const titles = new Map((agenda?.items ?? []).map((i) => [i.sak, i.title]));
    const bySak = new Map<string, string[]>();
    for (const i of await store.listInnspill({ committee, meeting }))
      bySak.set(i.sak, [
        ...(bySak.get(i.sak) ?? []),
        `• ${i.text} (${i.organisation ? `${i.authorName}, ${i.organisation}` : i.authorName})`,
      ]);
    const sections: SummarySection[] = [...bySak].map(([sak, lines]) => ({
      title: `Innspill til sak ${sak} ${titles.get(sak) ?? ''}`.trim(),
      lines,
    }));
    if (!sections.length) sections.push({ title: 'Innspill', lines: [] });
    const polls = (await store.listPolls(conversationId)).filter(
      (p) => p.meeting === meeting && p.committee === committee,
    );
    sections.push({
      title: 'Avstemninger',
      lines: await Promise.all(
        polls.map(async (p) => `• ${resultLine(p, tally(p, await store.countAnswers(p.id)))}`),
      ),
    });
    // The chat may have held other meetings (a recurring Teams meeting): this one's questions only.
    const open = (await store.listQuestions({ conversationId })).filter(
      (q) => q.status === 'open' && q.committee === committee && q.meeting === meeting,
    );
    sections.push({
      title: 'Ubesvarte spørsmål',
      lines: open.map((q) => `• ${q.text} (${q.upvotes} 👍${q.sak ? `, sak ${q.sak}` : ''})`),
    });
    return { committee, meeting, name: meetingName(target), sections };
  }
}
