// "abonner NUIT", "abonnement", "avslutt abonnement NUIT": which committees' agenda cards a
// conversation gets. Changing them is for the secretariat and the conversation's owner.
import { TurnContext } from 'botbuilder';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { ConversationRecord, Store } from '../../src/store/types.ts';
import { mayManageConversation } from './actor.ts';

type Lang = 'nb' | 'en';

export const COMMITTEES = ['NUIT', 'NUFA'] as const;

interface Deps {
  config: Config;
  store: Store;
  logger: Logger;
}

const TEXT = {
  nb: {
    which: 'Hvilket utvalg? Skriv for eksempel «abonner NUIT» eller «abonner NUFA».',
    which_stop: 'Hvilket utvalg? Skriv for eksempel «avslutt abonnement NUIT».',
    denied:
      'Bare sekretariatet eller den som la Møtebot til i samtalen (i et møte: møtearrangøren) kan endre abonnementene her.',
    subscribed: (c: string) =>
      `Denne samtalen følger nå ${c}. Jeg legger ut agendaen før hvert møte – skriv «agenda ${c}» for å se den nå.`,
    already: (c: string) => `Denne samtalen følger allerede ${c}.`,
    stopped: (c: string) => `Denne samtalen følger ikke lenger ${c}, og får ikke flere agendaer derfra.`,
    notFollowing: (c: string) => `Denne samtalen følger ikke ${c}.`,
    none: 'Denne samtalen følger ingen utvalg ennå. Skriv «abonner NUIT» eller «abonner NUFA».',
    list: (cs: string[]) => `Denne samtalen følger: ${cs.join(', ')}. Agendaen kommer før hvert møte.`,
  },
  en: {
    which: 'Which committee? Write for example "subscribe NUIT" or "subscribe NUFA".',
    which_stop: 'Which committee? Write for example "unsubscribe NUIT".',
    denied:
      'Only the secretariat or whoever added Møtebot to this conversation (in a meeting: the organiser) can change its subscriptions.',
    subscribed: (c: string) =>
      `This conversation now follows ${c}. I will post the agenda before each meeting – write "agenda ${c}" to see it now.`,
    already: (c: string) => `This conversation already follows ${c}.`,
    stopped: (c: string) => `This conversation no longer follows ${c} and will get no more agendas from it.`,
    notFollowing: (c: string) => `This conversation does not follow ${c}.`,
    none: 'This conversation follows no committee yet. Write "subscribe NUIT" or "subscribe NUFA".',
    list: (cs: string[]) =>
      `This conversation follows: ${cs.join(', ')}. The agenda arrives before each meeting.`,
  },
} as const;

function committeeIn(text: string): string | undefined {
  return COMMITTEES.find((c) => new RegExp(`\\b${c}\\b`, 'i').test(text));
}

export function conversationKind(type: string | undefined): ConversationRecord['kind'] {
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

/** The conversation as the store keeps it, with a fresh reference for posting into it later. */
export function conversationRecord(context: TurnContext): ConversationRecord {
  const a = context.activity;
  return {
    id: a.conversation.id,
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null,
    kind: conversationKind(a.conversation.conversationType),
    reference: TurnContext.getConversationReference(a),
    installedBy: a.from?.aadObjectId ?? null,
  };
}

export async function subscribe(context: TurnContext, rest: string, lang: Lang, deps: Deps): Promise<string> {
  const t = TEXT[lang];
  const committee = committeeIn(rest);
  if (!committee) return t.which;
  if (!(await mayManageConversation(context, deps))) return t.denied;
  const id = context.activity.conversation.id;
  const current = await deps.store.listSubscriptions({ conversationId: id, activeOnly: true });
  if (current.some((s) => s.committee === committee)) return t.already(committee);
  await deps.store.saveConversation(conversationRecord(context));
  await deps.store.setSubscription({
    conversationId: id,
    committee,
    active: true,
    changedBy: context.activity.from.aadObjectId ?? context.activity.from.id,
    endedReason: null,
  });
  deps.logger.info({ conversation: id, committee }, 'conversation subscribed');
  return t.subscribed(committee);
}

export async function unsubscribe(
  context: TurnContext,
  rest: string,
  lang: Lang,
  deps: Deps,
): Promise<string> {
  const t = TEXT[lang];
  const committee = committeeIn(rest);
  if (!committee) return t.which_stop;
  if (!(await mayManageConversation(context, deps))) return t.denied;
  const id = context.activity.conversation.id;
  const current = await deps.store.listSubscriptions({ conversationId: id, activeOnly: true });
  if (!current.some((s) => s.committee === committee)) return t.notFollowing(committee);
  await deps.store.setSubscription({
    conversationId: id,
    committee,
    active: false,
    changedBy: context.activity.from.aadObjectId ?? context.activity.from.id,
    endedReason: 'unsubscribed',
  });
  deps.logger.info({ conversation: id, committee }, 'conversation unsubscribed');
  return t.stopped(committee);
}

export async function listSubscriptions(context: TurnContext, lang: Lang, store: Store): Promise<string> {
  const active = await store.listSubscriptions({
    conversationId: context.activity.conversation.id,
    activeOnly: true,
  });
  return active.length ? TEXT[lang].list(active.map((s) => s.committee)) : TEXT[lang].none;
}
