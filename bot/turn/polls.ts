// Polls in the chat, as Teams carries them: "avstemning …" and the form card create one, the card's
// Action.Execute votes, refreshes and closes. Each handler parses, calls the poll service once and
// draws what it returns; the refreshed card shows each voter their own answer (src/polls/service.ts).
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { pollViewCard, type PollDraft } from '../../cards/poll.ts';
import { pollFormCard } from '../../cards/poll-form.ts';
import type { CardJson } from '../../cards/render.ts';
import type { Actor } from '../../src/actor.ts';
import type { VoteData } from '../../src/polls/answers.ts';
import type { PollView } from '../../src/polls/service.ts';
import { POLL_KINDS, RESULTS_VISIBILITY } from '../../src/polls/types.ts';
import { refusalText, type Result } from '../../src/refusals.ts';
import { cardActivity, refusalActivity, resultActivity } from '../activity.ts';
import { conversationRecord } from './conversation.ts';
import type { ActionResult, CardAction, Command, TurnDeps } from './deps.ts';
import { AUTO_REFRESH_MEMBERS } from './member-counts.ts';

export const pollRefSchema = z.object({ pollId: z.string().regex(/^[0-9a-f]{16}$/) });
type PollRef = z.infer<typeof pollRefSchema>;

/** An Input.Number arrives as a string (or a number from some clients); empty means not set. */
const numberInput = (pattern: RegExp) =>
  z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(pattern)).default('');

/** The card form's fields (Action.Execute "poll.create"). */
export const pollFormSchema = z.object({
  question: z.string().trim().min(1).max(300),
  kind: z.enum(POLL_KINDS),
  options: z.string().max(2000).default(''),
  maxPicks: numberInput(/^\d{0,2}$/),
  anonymous: z.enum(['true', 'false']).default('false'),
  results: z.enum(RESULTS_VISIBILITY).default('after_vote'),
  closeInMinutes: numberInput(/^\d{0,4}$/),
});

/** The poll card as one viewer sees it; open polls refresh (see `withRefresh`). */
export function drawPoll(
  view: PollView,
  members: number | null,
  viewerTeamsId?: string,
  draft?: PollDraft,
): CardJson {
  const card = pollViewCard(view, { members, draft });
  return viewerTeamsId === undefined ? card : withRefresh(card, view, members, viewerTeamsId);
}

/**
 * Open polls refresh for each viewer. In chats of at most 60 members Teams does it for everyone;
 * beyond that only for the listed users, the others use "Oppdater".
 */
function withRefresh(card: CardJson, view: PollView, members: number | null, viewer: string): CardJson {
  if (view.poll.closedAt) return card;
  const everyone = members !== null && members <= AUTO_REFRESH_MEMBERS;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: 'poll.refresh', data: { pollId: view.poll.id } },
      ...(everyone ? {} : { userIds: [viewer] }),
    },
  };
}

/** A view the service returned as the card that replaces the clicked one, or its refusal. */
async function asAction(
  context: TurnContext,
  result: Result<PollView>,
  deps: TurnDeps,
): Promise<ActionResult> {
  if (!result.ok) return { message: refusalText(result.refusal) };
  return { card: drawPoll(result.value, await deps.members.of(context), context.activity.from.id) };
}

/** Posts a new poll's card into the conversation and remembers it, so closing can replace it. */
async function post(context: TurnContext, view: PollView, deps: TurnDeps): Promise<void> {
  const card = drawPoll(view, await deps.members.of(context), context.activity.from.id);
  const sent = await context.sendActivity(cardActivity(card));
  if (sent?.id) await deps.services.polls.posted(view.poll.id, sent.id);
  deps.logger.info(
    { poll: view.poll.id, kind: view.poll.kind, conversation: view.poll.conversationId },
    'poll created',
  );
}

/** Posts the results of a closed poll and puts them in place of its card. */
async function postResults(context: TurnContext, view: PollView, deps: TurnDeps): Promise<CardJson> {
  const results = drawPoll(view, await deps.members.of(context));
  await context.sendActivity(cardActivity(results));
  if (view.poll.activityId)
    await context.updateActivity({ ...cardActivity(results), id: view.poll.activityId });
  deps.logger.info({ poll: view.poll.id }, 'poll closed');
  return results;
}

/** "avstemning" (the form), "avstemning lukk", or the quick form "avstemning Spørsmål? | A | B". */
export const pollCommand: Command = async (context, actor, rest, lang, deps) => {
  const { polls } = deps.services;
  const conversationId = context.activity.conversation.id;
  if (/^(lukk|close)$/i.test(rest.trim())) {
    const closed = await polls.close(actor, conversationId);
    if (closed.ok) await postResults(context, closed.value, deps);
    else await context.sendActivity(refusalActivity(closed.refusal, lang));
    return;
  }
  if (!rest.trim()) {
    await context.sendActivity(resultActivity(polls.mayCreate(actor), pollFormCard, lang));
    return;
  }
  const created = await polls.createQuick(actor, conversationRecord(context), rest);
  if (created.ok) await post(context, created.value, deps);
  else await context.sendActivity(refusalActivity(created.refusal, lang));
};

/** "Ny avstemning" on a card: the form, in the conversation. */
export async function sendPollForm(
  context: TurnContext,
  actor: Actor,
  deps: TurnDeps,
): Promise<ActionResult> {
  const allowed = deps.services.polls.mayCreate(actor);
  if (!allowed.ok) return { message: refusalText(allowed.refusal) };
  await context.sendActivity(cardActivity(pollFormCard()));
  return { message: 'Skjemaet for avstemningen kommer i samtalen.' };
}

/** "poll.create" from the form card. */
export const createFromForm: CardAction<z.infer<typeof pollFormSchema>> = async (
  context,
  actor,
  form,
  deps,
) => {
  const created = await deps.services.polls.create(actor, conversationRecord(context), {
    kind: form.kind,
    question: form.question,
    options: form.options.split('\n'),
    maxPicks: form.maxPicks ? Number(form.maxPicks) : null,
    anonymous: form.anonymous === 'true',
    results: form.results,
    closeInMinutes: form.closeInMinutes ? Number(form.closeInMinutes) : null,
  });
  if (!created.ok) return { message: refusalText(created.refusal) };
  await post(context, created.value, deps);
  return { message: 'Avstemningen er lagt ut.' };
};

/** "poll.vote": the poll service accepts or refuses it; the card that comes back shows the answer. */
export const vote: CardAction<VoteData> = async (context, actor, data, deps) => {
  const conversationId = context.activity.conversation.id;
  const voted = await deps.services.polls.vote(actor, conversationId, data);
  if (voted.ok) return asAction(context, voted, deps);
  // A refused answer (a place ranked twice) comes back in the card with why, not cleared.
  const view = await deps.services.polls.view(actor, conversationId, data.pollId);
  if (!view.ok || view.value.poll.closedAt) return { message: refusalText(voted.refusal) };
  return {
    card: drawPoll(view.value, await deps.members.of(context), context.activity.from.id, {
      values: data,
      error: refusalText(voted.refusal),
    }),
  };
};

export const refresh: CardAction<PollRef> = async (context, actor, { pollId }, deps) =>
  asAction(context, await deps.services.polls.view(actor, context.activity.conversation.id, pollId), deps);

/** "Lukk avstemningen": closes it once and posts its results. */
export const close: CardAction<PollRef> = async (context, actor, { pollId }, deps) => {
  const closed = await deps.services.polls.close(actor, context.activity.conversation.id, pollId);
  if (!closed.ok) return { message: refusalText(closed.refusal) };
  return { card: await postResults(context, closed.value, deps) };
};
