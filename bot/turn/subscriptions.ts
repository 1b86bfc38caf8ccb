// "abonner NUIT", "abonnement", "avslutt abonnement NUIT": which committees' agenda cards a
// conversation gets. Who may change them is the subscription service's rule.
import type { TurnContext } from 'botbuilder';
import type { Language } from '../../src/answer/types.ts';
import { refusalText, type Result } from '../../src/refusals.ts';
import { conversationRecord } from './conversation.ts';
import type { Command, TurnDeps } from './deps.ts';

const TEXT = {
  nb: {
    subscribed: (c: string) =>
      `Denne samtalen følger nå ${c}. Jeg legger ut agendaen før hvert møte – skriv «agenda ${c}» for å se den nå.`,
    stopped: (c: string) => `Denne samtalen følger ikke lenger ${c}, og får ikke flere agendaer derfra.`,
    none: 'Denne samtalen følger ingen utvalg ennå. Skriv «abonner NUIT» eller «abonner NUFA».',
    list: (cs: string[]) => `Denne samtalen følger: ${cs.join(', ')}. Agendaen kommer før hvert møte.`,
  },
  en: {
    subscribed: (c: string) =>
      `This conversation now follows ${c}. I will post the agenda before each meeting – write "agenda ${c}" to see it now.`,
    stopped: (c: string) => `This conversation no longer follows ${c} and will get no more agendas from it.`,
    none: 'This conversation follows no committee yet. Write "subscribe NUIT" or "subscribe NUFA".',
    list: (cs: string[]) =>
      `This conversation follows: ${cs.join(', ')}. The agenda arrives before each meeting.`,
  },
} as const;

export const subscribe: Command<string> = async (context, actor, rest, lang, deps) =>
  changed(
    context,
    await deps.services.subscriptions.subscribe(actor, conversationRecord(context), rest),
    'conversation subscribed',
    TEXT[lang].subscribed,
    lang,
    deps,
  );

export const unsubscribe: Command<string> = async (context, actor, rest, lang, deps) =>
  changed(
    context,
    await deps.services.subscriptions.unsubscribe(actor, context.activity.conversation.id, rest),
    'conversation unsubscribed',
    TEXT[lang].stopped,
    lang,
    deps,
  );

/** What to say about a change the service made (logged) or refused. */
function changed(
  context: TurnContext,
  done: Result<{ committee: string }>,
  event: string,
  said: (committee: string) => string,
  lang: Language,
  deps: TurnDeps,
): string {
  if (!done.ok) return refusalText(done.refusal, lang);
  deps.logger.info({ conversation: context.activity.conversation.id, ...done.value }, event);
  return said(done.value.committee);
}

export async function listSubscriptions(
  context: TurnContext,
  lang: Language,
  deps: TurnDeps,
): Promise<string> {
  const committees = await deps.services.subscriptions.following(context.activity.conversation.id);
  return committees.length ? TEXT[lang].list(committees) : TEXT[lang].none;
}
