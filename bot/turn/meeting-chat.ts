// The chat's committee meeting and its current sak ("møte 2/2023", "sak 17/23", "neste sak"), and
// the Teams meeting's start and end events (scheduled meetings, RSC OnlineMeeting.ReadBasic.Chat):
// at start "Møtet er i gang", the agenda with the current sak and actions for innspill, polls and
// Q&A; at end the summary for the referat. The meeting chat and summary services decide; each event
// is handled once per meeting id, however often Teams repeats it.
import type { TurnContext } from 'botbuilder';
import { agendaCard } from '../../cards/agenda.ts';
import { meetingSummaryCard } from '../../cards/meeting-summary.ts';
import { meetingName } from '../../src/record/passages.ts';
import { refuse, refusalText } from '../../src/refusals.ts';
import { cardActivity } from '../activity.ts';
import { conversationRecord } from './conversation.ts';
import type { Command, TurnDeps } from './deps.ts';

const TEXT = {
  nb: {
    tiedTo: (name: string, sak: string | null) =>
      `Denne samtalen hører til ${name}${sak ? `; nå behandles sak ${sak}` : ''}.`,
    untied:
      'Denne samtalen er ikke knyttet til et møte. Sekretariatet kan skrive «møte» og møtets nummer, for eksempel «møte N/ÅÅÅÅ» (se «agenda»).',
    tied: (name: string, sak: string) =>
      `Denne samtalen hører nå til ${name}. Skriv «sak ${sak}» når behandlingen av en sak begynner.`,
    current: (sak: string, title: string) =>
      `Nå behandles sak ${sak} «${title}». Innspill, avstemninger og spørsmål gjelder denne saken.`,
  },
  en: {
    tiedTo: (name: string, sak: string | null) =>
      `This conversation belongs to ${name}${sak ? `; item ${sak} is being handled now` : ''}.`,
    untied:
      'This conversation is not tied to a meeting. The secretariat can write "meeting" and its number, for example "meeting N/YYYY" (see "agenda").',
    tied: (name: string, sak: string) =>
      `This conversation now belongs to ${name}. Write "item ${sak}" when an item is taken up.`,
    current: (sak: string, title: string) =>
      `Item ${sak} «${title}» is being handled now. Input, polls and questions go to this item.`,
  },
} as const;

const MEETING_STARTED_UNTIED =
  'Møtet er i gang. Sekretariatet kan knytte chatten til møtet i dokumentene med «møte» og møtets nummer (for eksempel «møte N/ÅÅÅÅ»), så viser jeg agendaen og tar imot innspill per sak.';

/** "møte" (which meeting), or "møte 2/2023": this chat is about that meeting from now on. */
export const meetingCommand: Command<string> = async (context, actor, rest, lang, deps) => {
  const { meetingChat } = deps.services;
  const conversationId = context.activity.conversation.id;
  if (!rest.trim()) {
    const current = await meetingChat.current(conversationId);
    return current ? TEXT[lang].tiedTo(meetingName(current), current.currentSak) : TEXT[lang].untied;
  }
  const set = await meetingChat.setMeeting(actor, conversationId, rest);
  if (!set.ok) return refusalText(set.refusal, lang);
  return TEXT[lang].tied(
    meetingName(set.value.chat),
    set.value.firstSak ?? (lang === 'en' ? 'N/YY' : 'N/ÅÅ'),
  );
};

/** "sak 17/23", or "neste sak" (which is then 'next'). */
/** Refusals that mean the member could not have meant to move the chat's current sak. */
const NOT_A_MODERATOR = new Set(['sak_change_not_allowed', 'sak_needs_meeting']);

/**
 * `sak 16/23`: moves the meeting chat's current sak. From a member who may not (or in a chat tied to
 * no meeting) it is a question about that sak: null, for the router to answer it as one.
 */
export const sakCommand: Command<string | null> = async (context, actor, which, lang, deps) => {
  let target: { sak: string } | 'next' = 'next';
  if (which !== 'next') {
    const sak = /\b(\d{1,3})\s?\/\s?(\d{2})\b/.exec(which);
    if (!sak) return refusalText(refuse('sak_which').refusal, lang);
    target = { sak: `${Number(sak[1])}/${sak[2]}` };
  }
  const set = await deps.services.meetingChat.setCurrentSak(actor, context.activity.conversation.id, target);
  if (!set.ok && target !== 'next' && NOT_A_MODERATOR.has(set.refusal.code)) return null;
  if (!set.ok) return refusalText(set.refusal, lang);
  deps.logger.info({ conversation: context.activity.conversation.id, sak: set.value.sak }, 'current sak set');
  return TEXT[lang].current(set.value.sak, set.value.title);
};

/** When the event happened, as Teams stamps it; the clock where it does not (or not readably). */
function eventTime(stamped: Date | string | undefined, deps: TurnDeps): Date {
  const t = stamped ? new Date(stamped) : null;
  return t && !Number.isNaN(t.getTime()) ? t : deps.clock.now();
}

function meetingIdOf(context: TurnContext, fallback: string | undefined): string | undefined {
  return (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id ?? fallback;
}

export async function meetingStarted(
  context: TurnContext,
  meeting: { id?: string; startTime?: Date | string },
  deps: TurnDeps,
) {
  const meetingId = meetingIdOf(context, meeting.id);
  if (!meetingId) return;
  const at = eventTime(meeting.startTime, deps);
  const start = await deps.services.meetingChat.started(conversationRecord(context), meetingId, at);
  if (start.kind === 'repeat') return;
  deps.logger.info({ meetingId, conversation: context.activity.conversation.id }, 'meeting started');
  await context.sendActivity(
    start.kind === 'untied'
      ? MEETING_STARTED_UNTIED
      : cardActivity(agendaCard(start.view, { live: true, currentSak: start.currentSak })),
  );
}

export async function meetingEnded(
  context: TurnContext,
  meeting: { id?: string; endTime?: Date | string },
  deps: TurnDeps,
) {
  const meetingId = meetingIdOf(context, meeting.id);
  if (!meetingId) return;
  const at = eventTime(meeting.endTime, deps);
  const summary = await deps.services.summary.ended(context.activity.conversation.id, meetingId, at);
  if (!summary) return;
  deps.logger.info(
    { meetingId, conversation: context.activity.conversation.id, meeting: summary.meeting },
    'meeting ended',
  );
  await context.sendActivity(cardActivity(meetingSummaryCard(summary)));
}
