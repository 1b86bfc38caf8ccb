// Innspill in the chat: "innspill 16/23: tekst" (or "innspill 16/23 på vegne av KS: tekst", or
// "innspill: tekst" for the current sak), "innspill 16/23" to list, "innspill" for the form, and the
// receipt's "Endre" and "Trekk tilbake". The rules (which sak, until when, whose) are the innspill
// service's; the author is always the member the activity names.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { innspillFormCard, innspillListCard, innspillReceiptCard } from '../../cards/innspill.ts';
import type { Actor } from '../../src/actor.ts';
import type { Language } from '../../src/answer/types.ts';
import type { InnspillForm, InnspillReceipt } from '../../src/innspill/service.ts';
import { refusalText, type Result } from '../../src/refusals.ts';
import { cardActivity, resultActivity } from '../activity.ts';
import type { ActionResult, CardAction, Command, TurnDeps } from './deps.ts';

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

export const innspillFormSchema = z.object({
  committee: z.string().min(1).max(20),
  meeting: z.string().min(1).max(40),
  sak: z.string().max(10).default(''),
});

const COMMAND =
  /^(?<sak>\d{1,3}\/\d{2})?\s*(?:på vegne av\s+(?<org>[^:]+?)\s*(?=:))?(?<colon>:)?\s*(?<text>[\s\S]*)$/i;

const formActivity = (form: Result<InnspillForm>, lang: Language = 'nb') =>
  resultActivity(form, innspillFormCard, lang);

function receipt(
  result: Result<InnspillReceipt>,
  state: 'new' | 'edited' | 'withdrawn',
  deps: TurnDeps,
  lang: Language = 'nb',
): ActionResult {
  if (!result.ok) return { message: refusalText(result.refusal, lang) };
  const { innspill, title } = result.value;
  if (state === 'new')
    deps.logger.info(
      { innspill: innspill.id, sak: innspill.sak, meeting: innspill.meeting },
      'innspill registered',
    );
  return { card: innspillReceiptCard(innspill, title, state) };
}

export const innspillCommand: Command = async (context, actor, rest, lang, deps) => {
  const { innspill } = deps.services;
  const conversationId = context.activity.conversation.id;
  const m = COMMAND.exec(rest.trim())!.groups!;
  const text = (m.text ?? '').trim();
  const sak = m.sak ?? null;
  if (!sak && !text && !m.colon) {
    await context.sendActivity(formActivity(await innspill.form(conversationId), lang));
    return;
  }
  if (!text) {
    const listed = await innspill.list(conversationId, sak);
    await context.sendActivity(
      resultActivity(listed, ({ target, innspill }) => innspillListCard(target, innspill), lang),
    );
    return;
  }
  const result = receipt(
    await innspill.submit(actor, conversationId, sak, { text, organisation: m.org ?? '' }),
    'new',
    deps,
    lang,
  );
  await context.sendActivity('card' in result ? cardActivity(result.card) : result.message);
};

/** "Gi innspill" on an agenda card: the form, in the conversation, with that sak chosen. */
export async function sendInnspillForm(
  context: TurnContext,
  data: z.infer<typeof innspillFormSchema>,
  deps: TurnDeps,
): Promise<ActionResult> {
  await context.sendActivity(
    formActivity(await deps.services.innspill.form(context.activity.conversation.id, data)),
  );
  return { message: 'Skjemaet for innspill kommer i samtalen.' };
}

/** "innspill.create" from the form. */
export const createInnspill: CardAction<z.infer<typeof innspillCreateSchema>> = async (
  context,
  actor,
  { text, organisation, ...at },
  deps,
) =>
  receipt(
    await deps.services.innspill.create(actor, context.activity.conversation.id, at, { text, organisation }),
    'new',
    deps,
  );

export async function editInnspill(
  actor: Actor,
  data: z.infer<typeof innspillEditSchema>,
  deps: TurnDeps,
): Promise<ActionResult> {
  const { id, ...given } = data;
  return receipt(await deps.services.innspill.edit(actor, id, given), 'edited', deps);
}

export async function withdrawInnspill(actor: Actor, id: number, deps: TurnDeps): Promise<ActionResult> {
  return receipt(await deps.services.innspill.withdraw(actor, id), 'withdrawn', deps);
}
