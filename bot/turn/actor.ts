// Who acts in a turn, resolved once from the authenticated activity (never from card data): the
// member's id and name, their tenant, and their roles here. The secretariat is configured
// (SECRETARIAT_AAD_IDS); the installer is whoever added Møtebot to the conversation (in a personal
// chat, its one member); the organiser is asked of Teams for the chat's meeting.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor, Role } from '../../src/actor.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store/types.ts';

export interface ActorDeps {
  config: Pick<Config, 'SECRETARIAT_AAD_IDS'>;
  store: Pick<Store, 'getConversation'>;
  logger: Logger;
}

export async function resolveActor(context: TurnContext, deps: ActorDeps): Promise<Actor> {
  const a = context.activity;
  const aad = a.from.aadObjectId;
  const roles: Role[] = [];
  if (aad && deps.config.SECRETARIAT_AAD_IDS.includes(aad)) roles.push('secretariat');
  // The secretariat may do all the others may: no need to ask the store or Teams.
  else {
    const personal = (a.conversation.conversationType ?? 'personal') === 'personal';
    if (personal || (aad && (await installerOf(a.conversation.id, deps)) === aad)) roles.push('installer');
    if (await isMeetingOrganiser(context, deps.logger)) roles.push('organiser');
  }
  return {
    id: aad ?? a.from.id,
    name: a.from.name ?? 'Ukjent',
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null,
    roles,
  };
}

/**
 * Who installed Møtebot in each conversation, as far as this process has read it from a store.
 * Every store keeps the first installer for good (the conversations contract holds them to it), so
 * a known one never goes stale; that none is known yet (a chat the bot was added to before it
 * recorded installers, or whose install another instance is recording) is read again after
 * UNKNOWN_INSTALLER_MS. This spares every card action (each vote) a store read. Kept per store, so
 * a process never mixes two.
 */
const installers = new WeakMap<object, Map<string, { installer: string | null; at: number }>>();
const MAX_INSTALLERS = 10_000;
const UNKNOWN_INSTALLER_MS = 30_000;

async function installerOf(conversationId: string, deps: ActorDeps): Promise<string | null> {
  let known = installers.get(deps.store);
  if (!known) installers.set(deps.store, (known = new Map()));
  const hit = known.get(conversationId);
  if (hit && (hit.installer || Date.now() - hit.at < UNKNOWN_INSTALLER_MS)) return hit.installer;
  const installer = (await deps.store.getConversation(conversationId))?.installedBy ?? null;
  // Oldest first out: a Map iterates in insertion order.
  known.delete(conversationId);
  if (known.size >= MAX_INSTALLERS) known.delete(known.keys().next().value!);
  known.set(conversationId, { installer, at: Date.now() });
  return installer;
}

/** The conversation's record was just written: its installer is read afresh on the next turn. */
export function forgetInstaller(store: object, conversationId: string): void {
  installers.get(store)?.delete(conversationId);
}

/** Meeting roles asked of Teams, by meeting and member: every vote card asks, Teams need not. */
const organisers = new Map<string, { organiser: boolean; at: number }>();
const ROLE_TTL_MS = 10 * 60_000;

async function isMeetingOrganiser(context: TurnContext, logger: Logger): Promise<boolean> {
  const a = context.activity;
  const meetingId = (a.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
  const user = a.from.aadObjectId;
  if (!meetingId || !user) return false;
  const key = `${meetingId}\n${user}`;
  const known = organisers.get(key);
  if (known && Date.now() - known.at < ROLE_TTL_MS) return known.organiser;
  try {
    const participant = await TeamsInfo.getMeetingParticipant(context, meetingId, user);
    const organiser = participant.meeting?.role === 'Organizer';
    organisers.set(key, { organiser, at: Date.now() });
    return organiser;
  } catch (err) {
    // Not kept: the next action asks Teams again.
    logger.warn({ err, meetingId }, 'could not read the meeting role');
    return false;
  }
}
