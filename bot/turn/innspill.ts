// Innspill in the chat: "innspill 16/23: tekst" (or "innspill 16/23 på vegne av KS: tekst", or
// "innspill: tekst" for the current sak), "innspill 16/23" to list, "innspill" for the form. The
// author, from the authenticated activity, may edit or withdraw their own while the meeting is open.
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { innspillFormCard, innspillListCard, innspillReceiptCard } from '../../cards/innspill.ts';
import type { Config } from '../../src/config.ts';
import { findSak, type SakTarget } from '../../src/innspill/meeting.ts';
import { syncInnspillToRecord } from '../../src/innspill/record.ts';
import type { Logger } from '../../src/logger.ts';
import { osloToday, type Clock } from '../../src/meetings/clock.ts';
import { meetingLabel, meetingName } from '../../src/record/passages.ts';
import type { Store } from '../../src/store/types.ts';
import type { ActionResult } from './card-actions.ts';
import { memberOf } from './actor.ts';

export interface InnspillDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
}

export const innspillCreateSchema = z.object({
  committee: z.string().min(1).max(20),
  meeting: z.string().min(1).max(40),
  sak: z.string().regex(/^\d{1,3}\/\d{2}$/),
  text: z.string().trim().min(1).max(2000),
  organisation: z.string().trim().max(100).default(''),
});

export const innspillEditSchema = z.object({
  id: z.coerce.number().int().positive(),
  text: z.string().trim().min(1).max(2000),
  organisation: z.string().trim().max(100).default(''),
});

export const innspillRefSchema = z.object({ id: z.coerce.number().int().positive() });

const COMMAND =
  /^(?<sak>\d{1,3}\/\d{2})?\s*(?:på vegne av\s+(?<org>[^:]+?)\s*(?=:))?(?<colon>:)?\s*(?<text>[\s\S]*)$/i;

const card = (json: object) => MessageFactory.attachment(CardFactory.adaptiveCard(json));

/** A meeting is open for innspill until its day is over (Oslo time). */
function isOpen(target: { date: string | null }, deps: InnspillDeps): boolean {
  return !target.date || target.date >= osloToday(deps.clock.now());
}

async function resolve(context: TurnContext, sak: string | undefined, deps: InnspillDeps) {
  const conversation = await deps.store.getConversationMeeting(context.activity.conversation.id);
  const sakId = sak ?? conversation?.currentSak ?? undefined;
  if (!sakId) return { error: 'Hvilken sak? Skriv for eksempel «innspill 16/23: …».' } as const;
  const target = await findSak(deps.store, sakId, conversation);
  if (!target)
    return {
      error: conversation
        ? `Sak ${sakId} står ikke på agendaen for møte ${conversation.meeting}.`
        : `Jeg finner ingen møteinnkalling med sak ${sakId} i dokumentene.`,
    } as const;
  return { target } as const;
}

async function save(
  context: TurnContext,
  target: SakTarget,
  text: string,
  organisation: string,
  deps: InnspillDeps,
) {
  const member = memberOf(context);
  const innspill = await deps.store.addInnspill({
    committee: target.committee,
    meeting: target.meeting,
    sak: target.sak,
    conversationId: context.activity.conversation.id,
    authorId: member.id,
    authorName: member.name,
    organisation: organisation || null,
    text,
  });
  await syncInnspillToRecord(deps.store, target.committee, target.meeting);
  deps.logger.info(
    { innspill: innspill.id, sak: target.sak, meeting: target.meeting },
    'innspill registered',
  );
  return innspill;
}

export async function innspillCommand(context: TurnContext, rest: string, deps: InnspillDeps): Promise<void> {
  const m = COMMAND.exec(rest.trim())!.groups!;
  const text = (m.text ?? '').trim();
  if (!m.sak && !text && !m.colon) {
    await context.sendActivity(await formActivity(context, deps));
    return;
  }
  const resolved = await resolve(context, m.sak, deps);
  if ('error' in resolved) {
    await context.sendActivity(resolved.error!);
    return;
  }
  const { target } = resolved;
  if (!text) {
    const list = await deps.store.listInnspill({
      committee: target.committee,
      meeting: target.meeting,
      sak: target.sak,
    });
    await context.sendActivity(card(innspillListCard(target, list)));
    return;
  }
  if (!isOpen(target, deps)) {
    await context.sendActivity(`Møtet ${target.meeting} er over, så det tar ikke imot flere innspill.`);
    return;
  }
  const innspill = await save(context, target, text.slice(0, 2000), (m.org ?? '').trim().slice(0, 100), deps);
  await context.sendActivity(card(innspillReceiptCard(innspill, target.title, 'new')));
}

/** The form for a meeting: the one named, else the conversation's, else the next one in the record. */
async function formActivity(
  context: TurnContext,
  deps: InnspillDeps,
  named?: { committee: string; meeting: string; sak?: string },
) {
  const conversation = await deps.store.getConversationMeeting(context.activity.conversation.id);
  const within = named ?? conversation;
  const invited = (await deps.store.listMeetings({ summary: true }))
    .filter(
      (m) =>
        m.role === 'innkalling' &&
        (!within || (m.committee === within.committee && meetingLabel(m) === within.meeting)),
    )
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const today = osloToday(deps.clock.now());
  const meeting = invited.find((m) => !m.date || m.date >= today) ?? invited.at(-1);
  if (!meeting) return MessageFactory.text('Jeg finner ingen møteinnkalling å gi innspill til ennå.');
  const label = meetingLabel(meeting);
  return card(
    innspillFormCard({
      committee: meeting.committee,
      meeting: label,
      name: meetingName({ committee: meeting.committee, meeting: label }),
      saker: meeting.items.map((i) => ({ sak: i.sak, title: i.title })),
      current: named?.sak || conversation?.currentSak || null,
    }),
  );
}

export const innspillFormSchema = z.object({
  committee: z.string().min(1).max(20),
  meeting: z.string().min(1).max(40),
  sak: z.string().max(10).default(''),
});

/** "Gi innspill" on an agenda card: the form, in the conversation, with that sak chosen. */
export async function sendInnspillForm(
  context: TurnContext,
  data: z.infer<typeof innspillFormSchema>,
  deps: InnspillDeps,
): Promise<ActionResult> {
  await context.sendActivity(await formActivity(context, deps, data));
  return { message: 'Skjemaet for innspill kommer i samtalen.' };
}

/** "innspill.create" from the form. */
export async function createInnspill(
  context: TurnContext,
  data: z.infer<typeof innspillCreateSchema>,
  deps: InnspillDeps,
): Promise<ActionResult> {
  const target = await findSak(deps.store, data.sak, { committee: data.committee, meeting: data.meeting });
  if (!target)
    return {
      message: `Sak ${data.sak} står ikke på agendaen for møte ${data.meeting}. Ingenting ble lagret.`,
    };
  if (!isOpen(target, deps))
    return { message: `Møtet ${target.meeting} er over, så det tar ikke imot flere innspill.` };
  const innspill = await save(context, target, data.text, data.organisation, deps);
  return { card: innspillReceiptCard(innspill, target.title, 'new') };
}

async function ownOpen(context: TurnContext, id: number, deps: InnspillDeps) {
  const innspill = await deps.store.getInnspill(id);
  if (!innspill || innspill.withdrawnAt)
    return { error: 'Dette innspillet finnes ikke lenger, så ingenting ble endret.' };
  if (innspill.authorId !== memberOf(context).id)
    return { error: 'Bare den som ga innspillet, kan endre eller trekke det tilbake.' };
  const target = await findSak(deps.store, innspill.sak, innspill);
  if (!isOpen({ date: target?.date ?? null }, deps))
    return { error: `Møtet ${innspill.meeting} er over, så innspillet kan ikke endres lenger.` };
  return { innspill, title: target?.title ?? '' };
}

export async function editInnspill(
  context: TurnContext,
  data: z.infer<typeof innspillEditSchema>,
  deps: InnspillDeps,
): Promise<ActionResult> {
  const own = await ownOpen(context, data.id, deps);
  if ('error' in own) return { message: own.error! };
  const edited = await deps.store.editInnspill(data.id, memberOf(context).id, {
    text: data.text,
    organisation: data.organisation || null,
  });
  if (!edited) return { message: 'Dette innspillet finnes ikke lenger, så ingenting ble endret.' };
  await syncInnspillToRecord(deps.store, edited.committee, edited.meeting);
  return { card: innspillReceiptCard(edited, own.title, 'edited') };
}

export async function withdrawInnspill(
  context: TurnContext,
  id: number,
  deps: InnspillDeps,
): Promise<ActionResult> {
  const own = await ownOpen(context, id, deps);
  if ('error' in own) return { message: own.error! };
  await deps.store.withdrawInnspill(id, memberOf(context).id);
  await syncInnspillToRecord(deps.store, own.innspill.committee, own.innspill.meeting);
  return { card: innspillReceiptCard(own.innspill, own.title, 'withdrawn') };
}
