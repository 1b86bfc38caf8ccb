// Action points (aksjonspunkt): a task a meeting gave someone, followed up until it is done. They
// come from a referat (its labelled aksjonspunkt and the follow-ups its vedtak and minutes assign)
// or are added in a meeting chat by the secretariat.
export type ActionStatus = 'open' | 'done';

/** Where an action point was first written: a referat of the record, or a meeting chat. */
export type ActionOrigin = 'referat' | 'chat';

export interface ActionPoint {
  /** The number members use to mark it done ("aksjonspunkt ferdig 12"). */
  id: number;
  committee: string;
  /** The label of the meeting that gave the task ("2/2023", "NUFA 27.10.2021"). */
  meeting: string;
  sak: string;
  /** What is to be done, without the owner and due date clauses. */
  text: string;
  /** Who is to do it, as written ("NHN", "Direktoratet for e-helse"); null when no one is named. */
  owner: string | null;
  /** ISO date it is due, when one is written. */
  due: string | null;
  status: ActionStatus;
  origin: ActionOrigin;
  /** A referat's action point: the same key each time the record is read, so it is kept once. */
  recordKey: string | null;
  /** The chat it was added in, and by whom (chat only). */
  conversationId: string | null;
  createdBy: string | null;
  createdAt: string;
  doneBy: string | null;
  doneAt: string | null;
}

export type NewActionPoint = Pick<
  ActionPoint,
  | 'committee'
  | 'meeting'
  | 'sak'
  | 'text'
  | 'owner'
  | 'due'
  | 'origin'
  | 'recordKey'
  | 'conversationId'
  | 'createdBy'
>;
