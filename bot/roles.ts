// Who may change a conversation's settings (subscriptions now, polls and moderation later): the
// secretariat (SECRETARIAT_AAD_IDS), the member who installed Møtebot in the conversation, the
// organiser of the meeting the chat belongs to, and anyone in their own personal chat.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/logger.ts';
import type { Store } from '../src/store/types.ts';

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
  const meetingId = (a.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
  if (!meetingId) return false;
  try {
    const participant = await TeamsInfo.getMeetingParticipant(context, meetingId, user);
    return participant.meeting?.role === 'Organizer';
  } catch (err) {
    deps.logger.warn({ err, meetingId }, 'could not read the meeting role');
    return false;
  }
}
