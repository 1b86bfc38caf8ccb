// Teams meeting start and end (scheduled meetings, RSC OnlineMeeting.ReadBasic.Chat): at start the
// meeting chat gets "Møtet er i gang" — the agenda with the current sak and actions for innspill,
// polls and Q&A; at end a summary for the referat. Each is handled once per meeting id, however
// often Teams repeats the event. The chat maps to its committee meeting by "møte 2/2023", or by the
// committee it follows (its next meeting).
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { agendaCard } from '../../cards/agenda.ts';
import { meetingSummaryCard, type SummarySection } from '../../cards/meeting-summary.ts';
import { agendaView, findAgendaMeeting } from '../../src/meetings/agenda.ts';
import { osloToday } from '../../src/meetings/clock.ts';
import { resultLine } from '../../src/polls/summary.ts';
import { tally } from '../../src/polls/tally.ts';
import { meetingLabel, meetingName } from '../../src/record/passages.ts';
import type { ConversationMeeting } from '../../src/store/types.ts';
import type { TurnDeps } from './router.ts';
import { conversationRecord } from './subscriptions.ts';

const card = (json: object) => MessageFactory.attachment(CardFactory.adaptiveCard(json));

function meetingIdOf(context: TurnContext, fallback: string | undefined): string | undefined {
  return (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id ?? fallback;
}

/** The committee meeting this chat is about: set with "møte …", else the next of a followed committee. */
async function committeeMeeting(context: TurnContext, deps: TurnDeps): Promise<ConversationMeeting | null> {
  const conversationId = context.activity.conversation.id;
  const set = await deps.store.getConversationMeeting(conversationId);
  if (set) return set;
  const followed = (await deps.store.listSubscriptions({ conversationId, activeOnly: true })).map(
    (s) => s.committee,
  );
  if (!followed.length) return null;
  const next = await findAgendaMeeting(deps.store, {}, osloToday(deps.clock.now()), followed);
  if (!next) return null;
  const chosen: ConversationMeeting = {
    conversationId,
    committee: next.committee,
    meeting: meetingLabel(next),
    currentSak: next.items[0]?.sak ?? null,
    changedBy: 'motebot',
  };
  await deps.store.setConversationMeeting(chosen);
  return chosen;
}

/** The meeting id of a start or end event Teams has not sent before, else null (a repeat). */
async function firstEvent(
  context: TurnContext,
  teamsMeetingId: string | undefined,
  kind: 'start' | 'end',
  deps: TurnDeps,
): Promise<string | null> {
  const meetingId = meetingIdOf(context, teamsMeetingId);
  if (!meetingId) return null;
  const conversationId = context.activity.conversation.id;
  return (await deps.store.recordMeetingEvent({ meetingId, kind, conversationId })) ? meetingId : null;
}

export async function meetingStarted(
  context: TurnContext,
  teamsMeetingId: string | undefined,
  deps: TurnDeps,
): Promise<void> {
  const meetingId = await firstEvent(context, teamsMeetingId, 'start', deps);
  if (!meetingId) return;
  const conversationId = context.activity.conversation.id;
  await deps.store.saveConversation(conversationRecord(context));
  const target = await committeeMeeting(context, deps);
  const meeting = target
    ? (await deps.store.listMeetings()).find(
        (m) =>
          m.role === 'innkalling' && m.committee === target.committee && meetingLabel(m) === target.meeting,
      )
    : undefined;
  deps.logger.info({ meetingId, conversation: conversationId, meeting: target?.meeting }, 'meeting started');
  if (!target || !meeting) {
    await context.sendActivity(
      'Møtet er i gang. Sekretariatet kan knytte chatten til møtet i dokumentene med «møte 2/2023», så viser jeg agendaen og tar imot innspill per sak.',
    );
    return;
  }
  const currentSak = target.currentSak ?? meeting.items[0]?.sak ?? null;
  if (currentSak !== target.currentSak) await deps.store.setConversationMeeting({ ...target, currentSak });
  await context.sendActivity(
    card(agendaCard(await agendaView(meeting, deps.answerer), { live: true, currentSak })),
  );
}

export async function meetingEnded(
  context: TurnContext,
  teamsMeetingId: string | undefined,
  deps: TurnDeps,
): Promise<void> {
  const meetingId = await firstEvent(context, teamsMeetingId, 'end', deps);
  if (!meetingId) return;
  const conversationId = context.activity.conversation.id;
  const target = await deps.store.getConversationMeeting(conversationId);
  deps.logger.info({ meetingId, conversation: conversationId, meeting: target?.meeting }, 'meeting ended');
  if (!target) return;
  const agenda = (await deps.store.listMeetings({ summary: true })).find(
    (m) => m.role === 'innkalling' && m.committee === target.committee && meetingLabel(m) === target.meeting,
  );
  const titles = new Map((agenda?.items ?? []).map((i) => [i.sak, i.title]));
  const innspill = await deps.store.listInnspill({ committee: target.committee, meeting: target.meeting });
  const bySak = new Map<string, string[]>();
  for (const i of innspill)
    bySak.set(i.sak, [
      ...(bySak.get(i.sak) ?? []),
      `• ${i.text} (${i.organisation ? `${i.authorName}, ${i.organisation}` : i.authorName})`,
    ]);
  const sections: SummarySection[] = [...bySak].map(([sak, lines]) => ({
    title: `Innspill til sak ${sak} ${titles.get(sak) ?? ''}`.trim(),
    lines,
  }));
  if (!sections.length) sections.push({ title: 'Innspill', lines: [] });
  const polls = (await deps.store.listPolls(conversationId)).filter(
    (p) => p.meeting === target.meeting && p.committee === target.committee,
  );
  sections.push({
    title: 'Avstemninger',
    lines: await Promise.all(
      polls.map(async (p) => `• ${resultLine(p, tally(p, await deps.store.countAnswers(p.id)))}`),
    ),
  });
  const open = (await deps.store.listQuestions({ conversationId })).filter((q) => q.status === 'open');
  sections.push({
    title: 'Ubesvarte spørsmål',
    lines: open.map((q) => `• ${q.text} (${q.upvotes} 👍${q.sak ? `, sak ${q.sak}` : ''})`),
  });
  await context.sendActivity(card(meetingSummaryCard({ ...target, name: meetingName(target) }, sections)));
}
