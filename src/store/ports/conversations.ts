// The conversations port: where Møtebot is installed, which committees a conversation follows, and
// which meeting (and current sak) a chat is tied to.

/** A conversation the bot is installed in, with the reference needed to message it later. */
export interface ConversationRecord {
  id: string;
  tenantId: string | null;
  kind: 'personal' | 'groupChat' | 'channel';
  /** The channel's conversation reference, opaque to the domain. */
  reference: unknown;
  /** aadObjectId of the member who installed Møtebot here (the conversation's owner for settings). */
  installedBy?: string | null;
}

/** A conversation following a committee: it gets that committee's agenda cards. */
export interface Subscription {
  conversationId: string;
  committee: string;
  active: boolean;
  changedBy: string;
  changedAt: string;
  /** Why an inactive subscription ended: "unsubscribed", or "removed" when Teams refused a post (403). */
  endedReason: string | null;
}

/** The committee meeting a chat belongs to (a meeting chat, or set with "møte 2/2023"), and its current sak. */
export interface ConversationMeeting {
  conversationId: string;
  committee: string;
  /** Meeting label in the record ("2/2023", "NUFA 27.10.2021"). */
  meeting: string;
  currentSak: string | null;
  changedBy: string;
}

export interface ConversationsPort {
  /** Saves or refreshes a conversation; the member who installed it first stays its installer. */
  saveConversation(c: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  /** Starts or stops a conversation following a committee. */
  setSubscription(s: Omit<Subscription, 'changedAt'>): Promise<void>;
  listSubscriptions(filter?: { conversationId?: string; activeOnly?: boolean }): Promise<Subscription[]>;
  setConversationMeeting(m: ConversationMeeting): Promise<void>;
  getConversationMeeting(conversationId: string): Promise<ConversationMeeting | null>;
}
