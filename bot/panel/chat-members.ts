// Whether a member belongs to a chat, asked of Teams (the chat's roster, through the stored
// conversation reference): the meeting panel shows a chat's state to its own members only.
// Answers are kept five minutes per chat and member.
import { TeamsInfo, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Store } from '../../src/store/types.ts';

const TTL_MS = 5 * 60_000;

export interface ChatMembers {
  isMember(conversationId: string, aadObjectId: string): Promise<boolean>;
}

export class TeamsChatMembers implements ChatMembers {
  private readonly known = new Map<string, { member: boolean; at: number }>();

  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      appId: string;
      store: Store;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async isMember(conversationId: string, aadObjectId: string): Promise<boolean> {
    const key = `${conversationId}\n${aadObjectId}`;
    const now = this.deps.clock.now().getTime();
    const hit = this.known.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.member;
    const member = await this.ask(conversationId, aadObjectId);
    this.known.set(key, { member, at: now });
    return member;
  }

  private async ask(conversationId: string, aadObjectId: string): Promise<boolean> {
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation) return false;
    let member = false;
    try {
      await this.deps.adapter.continueConversationAsync(
        this.deps.appId,
        conversation.reference as Partial<ConversationReference>,
        async (context) => {
          try {
            member = !!(await TeamsInfo.getMember(context, aadObjectId));
          } catch {
            member = false;
          }
        },
      );
    } catch (err) {
      this.deps.logger.warn({ err, conversation: conversationId }, 'could not read the chat roster');
    }
    return member;
  }
}
