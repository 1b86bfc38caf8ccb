// Innspill to the saker of a meeting: which sak and meeting an innspill goes to, that a meeting
// takes innspill until its day is over (Oslo time), that only the author edits or withdraws their
// own, and who may export them for the referat. Each change is copied into the searchable record.
import { mayModerate, type Actor } from '../actor.ts';
import { osloToday, type Clock } from '../meetings/clock.ts';
import { meetingLabel, meetingName } from '../record/passages.ts';
import { ok, refuse, type Result } from '../refusals.ts';
import type { Store } from '../store/types.ts';
import type { ExportMeeting } from './export.ts';
import { findMeetingForExport, findSak, type SakTarget } from './meeting.ts';
import { syncInnspillToRecord } from './record.ts';
import type { Innspill } from './types.ts';

export type InnspillStore = Pick<
  Store,
  | 'getConversationMeeting'
  | 'listMeetings'
  | 'addInnspill'
  | 'getInnspill'
  | 'editInnspill'
  | 'withdrawInnspill'
  | 'listInnspill'
  | 'passagesFor'
  | 'findDocument'
  | 'putDocument'
>;

/** An innspill with the title of its sak: what a receipt shows. */
export interface InnspillReceipt {
  innspill: Innspill;
  title: string;
}

/** The form's meeting: its saker, and the one to preselect. */
export interface InnspillForm {
  committee: string;
  meeting: string;
  name: string;
  saker: { sak: string; title: string }[];
  current: string | null;
}

export interface InnspillText {
  text: string;
  /** "på vegne av": the organisation it is given for; empty for none. */
  organisation: string;
}

export class InnspillService {
  constructor(private readonly deps: { store: InnspillStore; clock: Clock }) {}

  /**
   * "innspill 12/24: tekst" or "innspill: tekst": to the sak named, else the sak the conversation
   * is handling, within the conversation's meeting when it has one.
   */
  async submit(
    actor: Actor,
    conversationId: string,
    sak: string | null,
    given: InnspillText,
  ): Promise<Result<InnspillReceipt>> {
    const target = await this.resolve(conversationId, sak);
    if (!target.ok) return target;
    return this.save(actor, conversationId, target.value, given);
  }

  /** "innspill.create" from the form, which names its meeting. */
  async create(
    actor: Actor,
    conversationId: string,
    at: { committee: string; meeting: string; sak: string },
    given: InnspillText,
  ): Promise<Result<InnspillReceipt>> {
    const target = await findSak(this.deps.store, at.sak, at);
    if (!target) return refuse('sak_not_on_agenda', { sak: at.sak, meeting: at.meeting });
    return this.save(actor, conversationId, target, given);
  }

  /** "innspill 12/24": the sak's innspill so far. */
  async list(
    conversationId: string,
    sak: string | null,
  ): Promise<Result<{ target: SakTarget; innspill: Innspill[] }>> {
    const target = await this.resolve(conversationId, sak);
    if (!target.ok) return target;
    const { committee, meeting } = target.value;
    const innspill = await this.deps.store.listInnspill({ committee, meeting, sak: target.value.sak });
    return ok({ target: target.value, innspill });
  }

  /** The form for a meeting: the one named, else the conversation's, else the next in the record. */
  async form(
    conversationId: string,
    named?: { committee: string; meeting: string; sak?: string },
  ): Promise<Result<InnspillForm>> {
    const { store, clock } = this.deps;
    const conversation = await store.getConversationMeeting(conversationId);
    const within = named ?? conversation;
    const invited = (await store.listMeetings({ summary: true }))
      .filter(
        (m) =>
          m.role === 'innkalling' &&
          (!within || (m.committee === within.committee && meetingLabel(m) === within.meeting)),
      )
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const today = osloToday(clock.now());
    const meeting = invited.find((m) => !m.date || m.date >= today) ?? invited.at(-1);
    if (!meeting) return refuse('innspill_no_meeting');
    const label = meetingLabel(meeting);
    // A form the member could only fill in to be refused is not shown: the meeting is over.
    if (!this.isOpen(meeting)) return refuse('innspill_meeting_over', { meeting: label });
    return ok({
      committee: meeting.committee,
      meeting: label,
      name: meetingName({ committee: meeting.committee, meeting: label }),
      saker: meeting.items.map((i) => ({ sak: i.sak, title: i.title })),
      current: named?.sak || conversation?.currentSak || null,
    });
  }

  async edit(actor: Actor, id: number, given: InnspillText): Promise<Result<InnspillReceipt>> {
    const own = await this.ownOpen(actor, id);
    if (!own.ok) return own;
    const edited = await this.deps.store.editInnspill(id, actor.id, {
      text: given.text,
      organisation: given.organisation || null,
    });
    if (!edited) return refuse('innspill_gone');
    await syncInnspillToRecord(this.deps.store, edited.committee, edited.meeting);
    return ok({ innspill: edited, title: own.value.title });
  }

  async withdraw(actor: Actor, id: number): Promise<Result<InnspillReceipt>> {
    const own = await this.ownOpen(actor, id);
    if (!own.ok) return own;
    const { innspill } = own.value;
    await this.deps.store.withdrawInnspill(id, actor.id);
    await syncInnspillToRecord(this.deps.store, innspill.committee, innspill.meeting);
    return ok(own.value);
  }

  /** The meeting's innspill for the referat: the secretariat and the organiser only. */
  async exportDraft(
    actor: Actor,
    label: string,
    committee?: string,
  ): Promise<Result<{ meeting: ExportMeeting; innspill: Innspill[] }>> {
    if (!mayModerate(actor)) return refuse('export_moderators_only');
    const meeting = await findMeetingForExport(this.deps.store, label, committee);
    if (!meeting) return refuse('meeting_not_found', { label });
    const innspill = await this.deps.store.listInnspill({
      committee: meeting.committee,
      meeting: meeting.meeting,
    });
    return ok({ meeting, innspill });
  }

  /** A meeting takes innspill until its day is over (Oslo time). */
  private isOpen(target: { date: string | null }): boolean {
    return !target.date || target.date >= osloToday(this.deps.clock.now());
  }

  private async resolve(conversationId: string, sak: string | null): Promise<Result<SakTarget>> {
    const conversation = await this.deps.store.getConversationMeeting(conversationId);
    const sakId = sak ?? conversation?.currentSak ?? null;
    if (!sakId) return refuse('innspill_which_sak');
    const target = await findSak(this.deps.store, sakId, conversation);
    if (target) return ok(target);
    return conversation
      ? refuse('sak_not_on_agenda', { sak: sakId, meeting: conversation.meeting })
      : refuse('innspill_sak_unknown', { sak: sakId });
  }

  private async save(
    actor: Actor,
    conversationId: string,
    target: SakTarget,
    given: InnspillText,
  ): Promise<Result<InnspillReceipt>> {
    if (!this.isOpen(target)) return refuse('innspill_meeting_over', { meeting: target.meeting });
    const innspill = await this.deps.store.addInnspill({
      committee: target.committee,
      meeting: target.meeting,
      sak: target.sak,
      conversationId,
      authorId: actor.id,
      authorName: actor.name,
      organisation: given.organisation.trim().slice(0, 100) || null,
      text: given.text.trim().slice(0, 2000),
    });
    await syncInnspillToRecord(this.deps.store, target.committee, target.meeting);
    return ok({ innspill, title: target.title });
  }

  /** The member's own innspill, while its meeting is not over. */
  private async ownOpen(actor: Actor, id: number): Promise<Result<InnspillReceipt>> {
    const innspill = await this.deps.store.getInnspill(id);
    if (!innspill || innspill.withdrawnAt) return refuse('innspill_gone');
    if (innspill.authorId !== actor.id) return refuse('innspill_not_author');
    const target = await findSak(this.deps.store, innspill.sak, innspill);
    if (!this.isOpen({ date: target?.date ?? null }))
      return refuse('innspill_locked', { meeting: innspill.meeting });
    return ok({ innspill, title: target?.title ?? '' });
  }
}
