// Which committee meeting a chat is about, and the sak being handled now: "møte 2/2023" ties the
// chat to a meeting of the record; "sak 17/23" and "neste sak" set the current sak, which innspill,
// polls and questions default to.
import type { TurnContext } from 'botbuilder';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { findAgendaMeeting, parseAgendaRequest } from '../../src/meetings/agenda.ts';
import { osloToday, type Clock } from '../../src/meetings/clock.ts';
import { meetingLabel, meetingName } from '../../src/record/passages.ts';
import type { MeetingRow, Store } from '../../src/store/types.ts';
import { mayManageConversation, mayModerate, memberOf } from './actor.ts';

export interface MeetingChatDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
}

async function meetingOf(store: Store, committee: string, label: string): Promise<MeetingRow | undefined> {
  return (await store.listMeetings({ summary: true })).find(
    (m) => m.role === 'innkalling' && m.committee === committee && meetingLabel(m) === label,
  );
}

/** "møte 2/2023": this chat is about that meeting from now on. */
export async function setMeeting(context: TurnContext, rest: string, deps: MeetingChatDeps): Promise<string> {
  const conversationId = context.activity.conversation.id;
  if (!rest.trim()) {
    const current = await deps.store.getConversationMeeting(conversationId);
    return current
      ? `Denne samtalen hører til ${meetingName(current)}${current.currentSak ? `; nå behandles sak ${current.currentSak}` : ''}.`
      : 'Denne samtalen er ikke knyttet til et møte. Sekretariatet kan skrive «møte 2/2023».';
  }
  if (!(await mayManageConversation(context, deps)))
    return 'Bare sekretariatet eller møtearrangøren kan knytte samtalen til et møte.';
  const meeting = await findAgendaMeeting(deps.store, parseAgendaRequest(rest), osloToday(deps.clock.now()));
  if (!meeting) return `Jeg finner ingen møteinnkalling for «${rest.trim()}» i dokumentene.`;
  const label = meetingLabel(meeting);
  await deps.store.setConversationMeeting({
    conversationId,
    committee: meeting.committee,
    meeting: label,
    currentSak: null,
    changedBy: memberOf(context).id,
  });
  return `Denne samtalen hører nå til ${meetingName({ committee: meeting.committee, meeting: label })}. Skriv «sak ${meeting.items[0]?.sak ?? '1/23'}» når behandlingen av en sak begynner.`;
}

/** "sak 17/23" or "neste sak": the sak being handled now. */
export async function setCurrentSak(
  context: TurnContext,
  which: { sak: string } | 'next',
  deps: MeetingChatDeps,
): Promise<string> {
  const conversationId = context.activity.conversation.id;
  const current = await deps.store.getConversationMeeting(conversationId);
  if (!current) return 'Knytt først samtalen til et møte, for eksempel «møte 2/2023».';
  if (!(await mayModerate(context, deps))) return 'Bare sekretariatet og møtearrangøren kan bytte sak.';
  const meeting = await meetingOf(deps.store, current.committee, current.meeting);
  const items = meeting?.items ?? [];
  const index =
    which === 'next'
      ? items.findIndex((i) => i.sak === current.currentSak) + 1
      : items.findIndex((i) => i.sak === which.sak);
  const item = items[index];
  if (!item)
    return which === 'next'
      ? 'Det er ingen flere saker på agendaen.'
      : `Sak ${which.sak} står ikke på agendaen for ${meetingName(current)}.`;
  await deps.store.setConversationMeeting({
    ...current,
    currentSak: item.sak,
    changedBy: memberOf(context).id,
  });
  deps.logger.info({ conversation: conversationId, sak: item.sak }, 'current sak set');
  return `Nå behandles sak ${item.sak} «${item.title}». Innspill, avstemninger og spørsmål gjelder denne saken.`;
}
