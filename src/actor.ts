// Who is acting, as the application layer sees them: resolved once per turn from the authenticated
// activity (never from card data) and handed to every service. The roles decide what they may do.
export const ROLES = ['secretariat', 'organiser', 'installer'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  /** The member's stable id (Entra ID object id where Teams gives one). */
  id: string;
  name: string;
  tenantId: string | null;
  /**
   * secretariat: SECRETARIAT_AAD_IDS; organiser: of the Teams meeting the chat belongs to;
   * installer: added Møtebot to this conversation (in a personal chat, its one member).
   */
  roles: readonly Role[];
}

/** Closing polls, moderating Q&A, changing the current sak, exporting: the secretariat and the organiser. */
export function mayModerate(actor: Actor): boolean {
  return actor.roles.includes('secretariat') || actor.roles.includes('organiser');
}

/** A conversation's settings (its subscriptions, its meeting): moderators and whoever installed Møtebot there. */
export function mayManageConversation(actor: Actor): boolean {
  return mayModerate(actor) || actor.roles.includes('installer');
}
