// Who may do what. Conversation settings (subscriptions, its meeting): the secretariat
// (SECRETARIAT_AAD_IDS), the member who installed Møtebot there, the organiser of the meeting the
// chat belongs to, and anyone in their own personal chat. Moderation (closing polls, Q&A, export):
// the secretariat and the meeting organiser.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store/types.ts';

export function isSecretariat(config: Pick<Config, 'SECRETARIAT_AAD_IDS'>, context: TurnContext): boolean {
  const user = context.activity.from.aadObjectId;
  return !!user && config.SECRETARIAT_AAD_IDS.includes(user);
}

export async function mayManageConversation(
  context: TurnContext,
  deps: { config: Config; store: Store; logger: Logger },
): Promise<boolean> {
  const a = context.activity;
  if (isSecretariat(deps.config, context)) return true;
  if ((a.conversation.conversationType ?? 'personal') === 'personal') return true;
  const user = a.from.aadObjectId;
  if (!user) return false;
  if ((await deps.store.getConversation(a.conversation.id))?.installedBy === user) return true;
  return isMeetingOrganiser(context, deps.logger);
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

/** Closing and deleting polls, moderating Q&A and exporting: the secretariat and the meeting organiser. */
export async function mayModerate(
  context: TurnContext,
  deps: { config: Config; logger: Logger },
): Promise<boolean> {
  return isSecretariat(deps.config, context) || isMeetingOrganiser(context, deps.logger);
}

/** The member as the authenticated activity names them (never a value from card data). */
export function memberOf(context: TurnContext): { id: string; name: string; teamsId: string } {
  const from = context.activity.from;
  return { id: from.aadObjectId ?? from.id, name: from.name ?? 'Ukjent', teamsId: from.id };
}
