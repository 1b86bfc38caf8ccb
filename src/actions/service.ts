// Action points as the secretariat follows them up: a referat's come in with the record, the
// secretariat and the meeting organiser add one in a meeting chat ("aksjonspunkt N/ÅÅ: … ansvarlig:
// … frist: …") and mark one done; anyone may list the open ones. An open point comes back on its
// committee's next agenda (src/meetings/agenda.ts) until it is marked done.
import { mayModerate, type Actor } from '../actor.ts';
import { findSak } from '../innspill/meeting.ts';
import { meetingLabel } from '../record/passages.ts';
import { ok, refuse, type Result } from '../refusals.ts';
import type { Store } from '../store/types.ts';
import { recordActionPoints } from './record.ts';
import { parseActionText } from './text.ts';
import type { ActionPoint } from './types.ts';

export type ActionPointStore = Pick<
  Store,
  | 'listMeetings'
  | 'revision'
  | 'getConversationMeeting'
  | 'addActionPoint'
  | 'importActionPoints'
  | 'getActionPoint'
  | 'completeActionPoint'
  | 'listActionPoints'
>;

/** An action point with the title of the sak it came from: what a card shows. */
export interface ActionPointView extends ActionPoint {
  title: string;
}

export interface ActionPointList {
  /** The committee listed; null for both. */
  committee: string | null;
  points: ActionPointView[];
}

/** The record revision whose action points each store has taken in, so a read imports once. */
const imported = new WeakMap<object, number>();

/** Takes in the record's action points (once per record revision), so they can be followed up. */
async function importRecord(store: ActionPointStore): Promise<void> {
  const revision = await store.revision();
  if (imported.get(store) === revision) return;
  await store.importActionPoints(recordActionPoints(await store.listMeetings()));
  imported.set(store, revision);
}

/** A committee's open action points (both committees' without one), oldest first, with their sak titles. */
export async function openActionPoints(
  store: ActionPointStore,
  committee?: string,
): Promise<ActionPointView[]> {
  await importRecord(store);
  return withTitles(store, await store.listActionPoints({ committee, status: 'open' }));
}

async function withTitles(store: ActionPointStore, points: ActionPoint[]): Promise<ActionPointView[]> {
  if (!points.length) return [];
  const titles = new Map<string, string>();
  for (const m of await store.listMeetings({ summary: true }))
    for (const i of m.items) titles.set(`${m.committee}|${meetingLabel(m)}|${i.sak}`, i.title);
  return points.map((p) => ({ ...p, title: titles.get(`${p.committee}|${p.meeting}|${p.sak}`) ?? '' }));
}

export class ActionPointService {
  constructor(private readonly deps: { store: ActionPointStore }) {}

  /**
   * "aksjonspunkt N/ÅÅ: tekst ansvarlig: … frist: …", or without a sak for the sak the chat is
   * handling: to that sak of the chat's meeting, else of the latest meeting that has it.
   */
  async add(
    actor: Actor,
    conversationId: string,
    sak: string | null,
    raw: string,
  ): Promise<Result<ActionPointView>> {
    if (!mayModerate(actor)) return refuse('action_moderators_only');
    const given = parseActionText(raw);
    if (!given.text) return refuse('action_text_missing');
    const { store } = this.deps;
    const conversation = await store.getConversationMeeting(conversationId);
    const sakId = sak ?? conversation?.currentSak ?? null;
    if (!sakId) return refuse('action_which_sak');
    const target = await findSak(store, sakId, conversation);
    if (!target)
      return conversation
        ? refuse('sak_not_on_agenda', { sak: sakId, meeting: conversation.meeting })
        : refuse('action_sak_unknown', { sak: sakId });
    const added = await store.addActionPoint({
      committee: target.committee,
      meeting: target.meeting,
      sak: target.sak,
      text: given.text.slice(0, 1000),
      owner: given.owner?.slice(0, 200) ?? null,
      due: given.due,
      origin: 'chat',
      recordKey: null,
      conversationId,
      createdBy: actor.id,
    });
    return ok({ ...added, title: target.title });
  }

  /** Marks an action point done: the secretariat and the organiser only. */
  async complete(actor: Actor, id: number): Promise<Result<ActionPointView>> {
    if (!mayModerate(actor)) return refuse('action_moderators_only');
    const { store } = this.deps;
    const point = await store.getActionPoint(id);
    if (!point) return refuse('action_not_found', { id });
    const done = await store.completeActionPoint(id, actor.id);
    if (!done) return refuse('action_already_done', { id });
    return ok((await withTitles(store, [done]))[0]!);
  }

  /** "aksjonspunkter NUIT": the open ones of the committee named, else of the chat's meeting, else all. */
  async list(conversationId: string, committee?: string): Promise<ActionPointList> {
    const { store } = this.deps;
    const scope = committee ?? (await store.getConversationMeeting(conversationId))?.committee ?? null;
    return { committee: scope, points: await openActionPoints(store, scope ?? undefined) };
  }

  /** The action points added in a meeting's chat, for the summary when it ends. */
  async addedIn(conversationId: string, committee: string, meeting: string): Promise<ActionPointView[]> {
    const { store } = this.deps;
    return withTitles(store, await store.listActionPoints({ conversationId, committee, meeting }));
  }
}
