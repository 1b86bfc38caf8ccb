// The conversation a turn happens in, as the store keeps it: its kind, tenant, who installed the
// bot there, and a fresh reference for posting into it later.
import { TurnContext } from 'botbuilder';
import type { ConversationRecord } from '../../src/store/types.ts';

export function conversationKind(type: string | undefined): ConversationRecord['kind'] {
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

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
