// Action points in the chat: "aksjonspunkt N/ÅÅ: … ansvarlig: … frist: …" adds one, "aksjonspunkt
// utført 12" or the card's "Marker som utført" marks one done, "aksjonspunkter NUIT" lists the open
// ones. Who may do what is the action point service's rule; this only reads Teams and draws.
import { z } from 'zod';
import { actionPointReceiptCard, actionPointsCard } from '../../cards/action-points.ts';
import { parseActionCommand } from '../../src/actions/command.ts';
import { actionResult, cardActivity, resultActivity } from '../activity.ts';
import type { CardAction, Command } from './deps.ts';

export const actionDoneSchema = z.object({
  id: z.coerce.number().int().positive(),
  committee: z.string().max(20).default(''),
  /** The card clicked: the list (drawn again without the point) or a receipt. */
  view: z.enum(['list', 'receipt']).default('receipt'),
});

export const actionPointCommand: Command = async (context, actor, rest, lang, deps) => {
  const { actions } = deps.services;
  const conversationId = context.activity.conversation.id;
  const command = parseActionCommand(rest);
  switch (command.kind) {
    case 'add': {
      const added = await actions.add(actor, conversationId, command.sak, command.text);
      if (added.ok)
        deps.logger.info({ actionPoint: added.value.id, sak: added.value.sak }, 'action point added');
      await context.sendActivity(resultActivity(added, actionPointReceiptCard, lang));
      return;
    }
    case 'done':
      await context.sendActivity(
        resultActivity(await actions.complete(actor, command.id), actionPointReceiptCard, lang),
      );
      return;
    case 'list':
      await context.sendActivity(
        cardActivity(actionPointsCard(await actions.list(conversationId, command.committee))),
      );
  }
};

export const completeActionPoint: CardAction<z.infer<typeof actionDoneSchema>> = async (
  context,
  actor,
  data,
  deps,
) => {
  const { actions } = deps.services;
  const done = await actions.complete(actor, data.id);
  if (!done.ok || data.view === 'receipt') return actionResult(done, actionPointReceiptCard);
  const list = await actions.list(context.activity.conversation.id, data.committee || undefined);
  return { card: actionPointsCard(list) };
};
