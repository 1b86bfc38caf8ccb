// The side panel's buttons, answered in the panel itself: "Spør om saken" and a typed question (the
// answer card), "Gi innspill" (the form, then the receipt, whose "Endre" and "Trekk tilbake" work
// there too) and "Vis toppnotat" (the memo). The
// same services and cards as the chat; the member is the one the SSO token names, never card data.
import { z } from 'zod';
import { memoCard } from '../../cards/agenda.ts';
import { answerCard } from '../../cards/answer.ts';
import { innspillFormCard, innspillReceiptCard } from '../../cards/innspill.ts';
import type { CardJson } from '../../cards/render.ts';
import type { Actor } from '../../src/actor.ts';
import type { Answerer } from '../../src/answer/types.ts';
import { memoOf, questionAboutSak } from '../../src/meetings/agenda.ts';
import type { InnspillReceipt } from '../../src/innspill/service.ts';
import { refusalText, type Result } from '../../src/refusals.ts';
import type { Services } from '../../src/services.ts';
import type { Store } from '../../src/store/types.ts';
import { sakActionSchema } from '../turn/agenda.ts';
import {
  innspillCreateSchema,
  innspillEditSchema,
  innspillFormSchema,
  innspillRefSchema,
} from '../turn/innspill.ts';

export interface PanelActionDeps {
  store: Store;
  answerer: Answerer;
  services: Services;
}

/** What a panel button gets back: a card to show in the panel, or a short message. */
export type PanelReply = { card: CardJson } | { message: string };

type Run<T> = (deps: PanelActionDeps, actor: Actor, conversationId: string, data: T) => Promise<PanelReply>;
const action = <S extends z.ZodTypeAny>(schema: S, run: Run<z.infer<S>>) => ({ schema, run });

export const PANEL_ACTIONS = {
  'agenda.ask': action(sakActionSchema, async ({ answerer }, _actor, _conversation, data) => {
    const question = questionAboutSak(data.sak, data.question);
    const { committee, meeting, sak } = data;
    return { card: answerCard(question, await answerer.ask(question, { committee, meeting, sak })) };
  }),
  'agenda.memo': action(sakActionSchema, async ({ store }, _actor, _conversation, data) => {
    const { title, sections } = await memoOf(store, data);
    return { card: memoCard({ ...data, title }, sections) };
  }),
  'innspill.form': action(innspillFormSchema, async ({ services }, _actor, conversationId, data) => {
    const form = await services.innspill.form(conversationId, data);
    return form.ok ? { card: innspillFormCard(form.value) } : { message: refusalText(form.refusal) };
  }),
  'innspill.create': action(
    innspillCreateSchema,
    async ({ services }, actor, conversationId, { text, organisation, ...at }) => {
      return receipt(
        await services.innspill.create(actor, conversationId, at, { text, organisation }),
        'new',
      );
    },
  ),
  'innspill.edit': action(innspillEditSchema, async ({ services }, actor, _conversation, { id, ...given }) =>
    receipt(await services.innspill.edit(actor, id, given), 'edited'),
  ),
  'innspill.withdraw': action(innspillRefSchema, async ({ services }, actor, _conversation, { id }) =>
    receipt(await services.innspill.withdraw(actor, id), 'withdrawn'),
  ),
} as const;

/** The author's receipt for an innspill given, changed or withdrawn, or the refusal. */
function receipt(result: Result<InnspillReceipt>, state: 'new' | 'edited' | 'withdrawn'): PanelReply {
  if (!result.ok) return { message: refusalText(result.refusal) };
  return { card: innspillReceiptCard(result.value.innspill, result.value.title, state) };
}

export const panelActionSchema = z.object({
  verb: z.string().max(40),
  data: z.record(z.string(), z.unknown()).default({}),
});

/** Runs a panel button; null for a verb the panel does not take or data that fails its schema. */
export async function runPanelAction(
  deps: PanelActionDeps,
  actor: Actor,
  conversationId: string,
  verb: string,
  data: unknown,
): Promise<PanelReply | null> {
  const entry = (PANEL_ACTIONS as Record<string, (typeof PANEL_ACTIONS)[keyof typeof PANEL_ACTIONS]>)[verb];
  if (!entry || !Object.hasOwn(PANEL_ACTIONS, verb)) return null;
  const parsed = entry.schema.safeParse(data);
  if (!parsed.success) return null;
  return (entry.run as Run<unknown>)(deps, actor, conversationId, parsed.data);
}
