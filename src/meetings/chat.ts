// Which committee meeting a chat is about, and the sak being handled now: "møte 2/2023" ties the
// chat to a meeting of the record (the secretariat, the organiser, whoever installed Møtebot
// there); "sak 17/23" and "neste sak" (the secretariat and the organiser) set the current sak,
// which innspill, polls and questions default to. When a Teams meeting starts, a chat that follows
// a committee is tied to that committee's next meeting.
import type { ActionPointStore } from '../actions/service.ts';
import { mayManageConversation, mayModerate, type Actor } from '../actor.ts';
import type { Answerer } from '../answer/types.ts';
import { meetingLabel } from '../record/passages.ts';
import { ok, refuse, type Result } from '../refusals.ts';
import type { ConversationMeeting, ConversationRecord, Store } from '../store/types.ts';
import { agendaView, findAgendaMeeting, isPast, parseAgendaRequest, type AgendaView } from './agenda.ts';
import { osloToday, type Clock } from './clock.ts';
import { occurrenceKey } from './occurrence.ts';

export type MeetingChatStore = Pick<
  Store,
  | 'getConversationMeeting'
  | 'setConversationMeeting'
  | 'listMeetings'
  | 'listSubscriptions'
  | 'recordMeetingEvent'
  | 'saveConversation'
> &
  ActionPointStore;

/** What the chat gets when its Teams meeting starts. */
export type MeetingStart =
  | { kind: 'repeat' }
  /** Neither tied to a meeting nor following a committee with one ahead. */
  | { kind: 'untied' }
  | { kind: 'agenda'; view: AgendaView; currentSak: string | null };

export class MeetingChatService {
  constructor(
    private readonly deps: {
      store: MeetingChatStore;
      clock: Clock;
      /** Earlier treatments of each sak, for the agenda shown at the start. */
      history: Pick<Answerer, 'earlierTreatments'>;
    },
  ) {}

  /** The meeting the chat is about, if any. */
  current(conversationId: string): Promise<ConversationMeeting | null> {
    return this.deps.store.getConversationMeeting(conversationId);
  }

  /** "møte 2/2023": this chat is about that meeting from now on (no sak handled yet). */
  async setMeeting(
    actor: Actor,
    conversationId: string,
    request: string,
  ): Promise<Result<{ chat: ConversationMeeting; firstSak: string | null }>> {
    if (!mayManageConversation(actor)) return refuse('meeting_set_not_allowed');
    const { store, clock } = this.deps;
    const meeting = await findAgendaMeeting(store, parseAgendaRequest(request), osloToday(clock.now()));
    if (!meeting) return refuse('meeting_not_found', { label: request.trim() });
    const chat: ConversationMeeting = {
      conversationId,
      committee: meeting.committee,
      meeting: meetingLabel(meeting),
      currentSak: null,
      changedBy: actor.id,
    };
    await store.setConversationMeeting(chat);
    return ok({ chat, firstSak: meeting.items[0]?.sak ?? null });
  }

  /** "sak 17/23" or "neste sak": the sak being handled now. */
  async setCurrentSak(
    actor: Actor,
    conversationId: string,
    which: { sak: string } | 'next',
  ): Promise<Result<{ sak: string; title: string }>> {
    const { store } = this.deps;
    const current = await store.getConversationMeeting(conversationId);
    if (!current) return refuse('sak_needs_meeting');
    if (!mayModerate(actor)) return refuse('sak_change_not_allowed');
    const items = (await this.invited(current.committee, current.meeting))?.items ?? [];
    const index =
      which === 'next'
        ? items.findIndex((i) => i.sak === current.currentSak) + 1
        : items.findIndex((i) => i.sak === which.sak);
    const item = items[index];
    if (!item)
      return which === 'next'
        ? refuse('sak_no_more')
        : refuse('sak_not_on_agenda', { sak: which.sak, meeting: current.meeting });
    await store.setConversationMeeting({ ...current, currentSak: item.sak, changedBy: actor.id });
    return ok({ sak: item.sak, title: item.title });
  }

  /**
   * The Teams meeting in this chat started: once per occurrence (a recurring meeting's id and the
   * day), however often Teams repeats the event. The agenda of the chat's committee meeting, with
   * the sak handled first.
   */
  async started(conversation: ConversationRecord, teamsMeetingId: string, at: Date): Promise<MeetingStart> {
    const { store } = this.deps;
    const conversationId = conversation.id;
    const meetingId = occurrenceKey(teamsMeetingId, at);
    if (!(await store.recordMeetingEvent({ meetingId, kind: 'start', conversationId })))
      return { kind: 'repeat' };
    // Whatever it shows, the chat can be posted into later (timed polls, the summary).
    await store.saveConversation(conversation);
    const target = await this.tiedOrNext(conversationId);
    const meeting = target && (await this.invited(target.committee, target.meeting, { full: true }));
    if (!target || !meeting) return { kind: 'untied' };
    const currentSak = target.currentSak ?? meeting.items[0]?.sak ?? null;
    if (currentSak !== target.currentSak) await store.setConversationMeeting({ ...target, currentSak });
    return {
      kind: 'agenda',
      view: await agendaView(meeting, { answerer: this.deps.history, store }),
      currentSak,
    };
  }

  /**
   * The meeting set with "møte …", else the next meeting of a committee the chat follows. A meeting
   * already held gives way to its committee's next one: a recurring Teams meeting's chat moves on
   * from March's committee meeting to May's, so May's innspill are not filed under March.
   */
  private async tiedOrNext(conversationId: string): Promise<ConversationMeeting | null> {
    const { store, clock } = this.deps;
    const today = osloToday(clock.now());
    const set = await store.getConversationMeeting(conversationId);
    const held = set && (await this.invited(set.committee, set.meeting));
    if (set && !(held && isPast(held, today))) return set;
    const followed = set
      ? [set.committee]
      : (await store.listSubscriptions({ conversationId, activeOnly: true })).map((s) => s.committee);
    if (!followed.length) return null;
    const next = await findAgendaMeeting(store, {}, today, followed);
    if (!next || isPast(next, today)) return set;
    const chosen: ConversationMeeting = {
      conversationId,
      committee: next.committee,
      meeting: meetingLabel(next),
      currentSak: next.items[0]?.sak ?? null,
      changedBy: 'motebot',
    };
    await store.setConversationMeeting(chosen);
    return chosen;
  }

  private async invited(committee: string, label: string, opts: { full?: boolean } = {}) {
    return (await this.deps.store.listMeetings({ summary: !opts.full })).find(
      (m) => m.role === 'innkalling' && m.committee === committee && meetingLabel(m) === label,
    );
  }
}
