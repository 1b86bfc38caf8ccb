// Which committees' agenda cards a conversation gets ("abonner NUIT", "avslutt abonnement NUIT",
// "abonnement"), and the conversations the bot may post into later. Changing subscriptions is for
// the secretariat, the meeting organiser and whoever installed Møtebot in the conversation.
import { mayManageConversation, type Actor } from '../actor.ts';
import { ok, refuse, type Result } from '../refusals.ts';
import type { ConversationRecord, Store } from '../store/types.ts';

export const COMMITTEES = ['NUIT', 'NUFA'] as const;

export type SubscriptionStore = Pick<
  Store,
  'getConversation' | 'saveConversation' | 'listSubscriptions' | 'setSubscription'
>;

/** The committee a text names ("abonner nuit"), if any. */
function committeeIn(text: string): string | undefined {
  return COMMITTEES.find((c) => new RegExp(`\\b${c}\\b`, 'i').test(text));
}

export class SubscriptionService {
  constructor(private readonly deps: { store: SubscriptionStore }) {}

  /** Keeps the conversation's latest reference; true the first time the bot hears of it. */
  async remember(conversation: ConversationRecord): Promise<boolean> {
    const known = await this.deps.store.getConversation(conversation.id);
    await this.deps.store.saveConversation(conversation);
    return !known;
  }

  async subscribe(
    actor: Actor,
    conversation: ConversationRecord,
    text: string,
  ): Promise<Result<{ committee: string }>> {
    const committee = committeeIn(text);
    if (!committee) return refuse('subscription_which');
    if (!mayManageConversation(actor)) return refuse('subscription_not_allowed');
    if ((await this.following(conversation.id)).includes(committee))
      return refuse('subscription_exists', { committee });
    // The agenda cards are posted into it later, through this reference.
    await this.deps.store.saveConversation(conversation);
    await this.deps.store.setSubscription({
      conversationId: conversation.id,
      committee,
      active: true,
      changedBy: actor.id,
      endedReason: null,
    });
    return ok({ committee });
  }

  async unsubscribe(
    actor: Actor,
    conversationId: string,
    text: string,
  ): Promise<Result<{ committee: string }>> {
    const committee = committeeIn(text);
    if (!committee) return refuse('unsubscription_which');
    if (!mayManageConversation(actor)) return refuse('subscription_not_allowed');
    if (!(await this.following(conversationId)).includes(committee))
      return refuse('subscription_missing', { committee });
    await this.deps.store.setSubscription({
      conversationId,
      committee,
      active: false,
      changedBy: actor.id,
      endedReason: 'unsubscribed',
    });
    return ok({ committee });
  }

  /** The committees the conversation follows now. */
  async following(conversationId: string): Promise<string[]> {
    const active = await this.deps.store.listSubscriptions({ conversationId, activeOnly: true });
    return active.map((s) => s.committee);
  }
}
