// The recap a meeting chat gets when its Teams meeting ends: the saker handled, and per sak the
// innspill, poll results, open questions and action points the chat gave it, with a draft referat
// section (src/meetings/recap.ts). Once per occurrence.
import type { ActionPoint } from '../actions/types.ts';
import { findMeetingForExport } from '../innspill/meeting.ts';
import { meetingName } from '../record/passages.ts';
import type { Store } from '../store/types.ts';
import { gatherMeetingInput } from './input-export.ts';
import { occurrenceKey } from './occurrence.ts';
import { meetingRecap, type SakRecap } from './recap.ts';

export type SummaryStore = Pick<
  Store,
  | 'recordMeetingEvent'
  | 'getConversationMeeting'
  | 'listMeetings'
  | 'listInnspill'
  | 'listPolls'
  | 'countAnswers'
  | 'listQuestions'
  | 'listActionPoints'
>;

export interface MeetingSummary {
  committee: string;
  meeting: string;
  name: string;
  /** Every sak of the agenda in its order, then what the chat gave no sak of it. */
  saker: SakRecap[];
  /** The action points added in the chat during the meeting. */
  actionPoints: ActionPoint[];
}

export class MeetingSummaryService {
  constructor(private readonly deps: { store: SummaryStore }) {}

  /**
   * The recap when the meeting ends, once per occurrence; null for a repeated event or a chat tied
   * to no meeting.
   */
  async ended(conversationId: string, teamsMeetingId: string, at: Date): Promise<MeetingSummary | null> {
    const { store } = this.deps;
    const meetingId = occurrenceKey(teamsMeetingId, at);
    if (!(await store.recordMeetingEvent({ meetingId, kind: 'end', conversationId }))) return null;
    const target = await store.getConversationMeeting(conversationId);
    if (!target) return null;
    const { committee, meeting } = target;
    // A meeting the record no longer invites to still has what its chat gave it.
    const exported = (await findMeetingForExport(store, meeting, committee)) ?? {
      committee,
      meeting,
      date: null,
      saker: [],
    };
    const input = await gatherMeetingInput(store, exported, conversationId);
    return {
      committee,
      meeting,
      name: meetingName(target),
      saker: meetingRecap(exported, input),
      actionPoints: input.actionPoints,
    };
  }
}
