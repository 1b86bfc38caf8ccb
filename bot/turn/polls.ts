// Polls in the chat: "avstemning …" creates one (quick form or the card form), members vote on the
// card (Action.Execute; the refreshed card shows each voter their own answer and the results they
// may see), "avstemning lukk" or the card's button closes it and posts the results.
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { pollCard, type PollViewer } from '../../cards/poll.ts';
import { pollFormCard } from '../../cards/poll-form.ts';
import type { CardJson } from '../../cards/render.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import { parseAnswer, type VoteData } from '../../src/polls/answers.ts';
import { MAX_OPTIONS, parseQuickPoll } from '../../src/polls/quick.ts';
import { tally } from '../../src/polls/tally.ts';
import { POLL_KINDS, RESULTS_VISIBILITY, type NewPoll, type Poll } from '../../src/polls/types.ts';
import { VOTER_KEY_SECRET, voterKey } from '../../src/polls/voter.ts';
import { meetingName } from '../../src/record/passages.ts';
import type { Store } from '../../src/store/types.ts';
import type { ActionResult } from './card-actions.ts';
import { AUTO_REFRESH_MEMBERS, type MemberCounts } from './member-counts.ts';
import { mayModerate, memberOf } from './actor.ts';
import { conversationRecord } from './subscriptions.ts';

export interface PollDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  members: MemberCounts;
}

export const pollRefSchema = z.object({ pollId: z.string().regex(/^[0-9a-f]{16}$/) });

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

const ONLY_MODERATORS_CREATE = 'Her er det bare sekretariatet og møtearrangøren som kan lage avstemninger.';

const asActivity = (card: CardJson): Partial<Activity> =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));

async function mayClose(context: TurnContext, poll: Poll, deps: PollDeps): Promise<boolean> {
  return memberOf(context).id === poll.createdBy || (await mayModerate(context, deps));
}

async function mayCreate(context: TurnContext, deps: PollDeps): Promise<boolean> {
  return deps.config.POLL_CREATORS === 'members' || (await mayModerate(context, deps));
}

function sakContext(poll: Poll): string {
  if (!poll.sak) return '';
  const meeting =
    poll.committee && poll.meeting ? meetingName({ committee: poll.committee, meeting: poll.meeting }) : '';
  return `Sak ${poll.sak}${meeting ? ` · ${meeting}` : ''}`;
}

/** The card as one member sees it: their answer, and the results if the poll's setting allows. */
export async function viewCard(context: TurnContext, poll: Poll, deps: PollDeps): Promise<CardJson> {
  const member = memberOf(context);
  const key = voterKey(poll, member.id, await deps.store.secret(VOTER_KEY_SECRET));
  const mine = (await deps.store.getVote(poll.id, key))?.answer ?? null;
  const viewer: PollViewer = {
    answer: mine,
    seesResults: poll.results === 'live' || (poll.results === 'after_vote' && !!mine),
    mayClose: !poll.closedAt && (await mayClose(context, poll, deps)),
  };
  const members = await deps.members.of(context);
  const card = pollCard(poll, tally(poll, await deps.store.countAnswers(poll.id)), viewer, {
    members,
    context: sakContext(poll),
  });
  return withRefresh(card, poll, members, member.teamsId);
}

/** The card everyone sees before their own refresh: no answer, and results only when live. */
async function sharedCard(context: TurnContext, poll: Poll, deps: PollDeps): Promise<CardJson> {
  const members = await deps.members.of(context);
  const card = pollCard(
    poll,
    tally(poll, await deps.store.countAnswers(poll.id)),
    { answer: null, seesResults: poll.results === 'live', mayClose: false },
    { members, context: sakContext(poll) },
  );
  return withRefresh(card, poll, members, memberOf(context).teamsId);
}

/**
 * Open polls refresh for each viewer. In chats of at most 60 members Teams does it for everyone;
 * beyond that only for the listed users, the others use "Oppdater".
 */
function withRefresh(card: CardJson, poll: Poll, members: number | null, viewer: string): CardJson {
  if (poll.closedAt) return card;
  const everyone = members !== null && members <= AUTO_REFRESH_MEMBERS;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: 'poll.refresh', data: { pollId: poll.id } },
      ...(everyone ? {} : { userIds: [viewer] }),
    },
  };
}

/** "avstemning" (the form), "avstemning lukk", or the quick form "avstemning Spørsmål? | A | B". */
export async function pollCommand(context: TurnContext, rest: string, deps: PollDeps): Promise<void> {
  const conversationId = context.activity.conversation.id;
  if (/^(lukk|close)$/i.test(rest.trim())) {
    const poll = await deps.store.latestOpenPoll(conversationId);
    if (!poll) {
      await context.sendActivity('Det er ingen åpen avstemning i denne samtalen.');
      return;
    }
    const result = await closeAndPost(context, poll, deps);
    if ('message' in result) await context.sendActivity(result.message);
    return;
  }
  if (!(await mayCreate(context, deps))) {
    await context.sendActivity(ONLY_MODERATORS_CREATE);
    return;
  }
  if (!rest.trim()) {
    await context.sendActivity(asActivity(pollFormCard()));
    return;
  }
  const quick = parseQuickPoll(rest);
  if (!quick.ok) {
    await context.sendActivity(quick.reason);
    return;
  }
  await startPoll(
    context,
    {
      kind: quick.kind,
      question: quick.question,
      options: quick.options,
      maxPicks: null,
      anonymous: false,
      results: 'after_vote',
      closesAt: null,
    },
    deps,
  );
}

async function startPoll(
  context: TurnContext,
  settings: Pick<
    NewPoll,
    'kind' | 'question' | 'options' | 'maxPicks' | 'anonymous' | 'results' | 'closesAt'
  >,
  deps: PollDeps,
): Promise<Poll> {
  const conversationId = context.activity.conversation.id;
  const meeting = await deps.store.getConversationMeeting(conversationId);
  // A poll that closes by itself posts its results later, into this conversation.
  await deps.store.saveConversation(conversationRecord(context));
  const poll = await deps.store.createPoll({
    ...settings,
    conversationId,
    committee: meeting?.committee ?? null,
    meeting: meeting?.meeting ?? null,
    sak: meeting?.currentSak ?? null,
    createdBy: memberOf(context).id,
  });
  const sent = await context.sendActivity(asActivity(await sharedCard(context, poll, deps)));
  if (sent?.id) await deps.store.setPollActivity(poll.id, sent.id);
  deps.logger.info({ poll: poll.id, kind: poll.kind, conversation: conversationId }, 'poll created');
  return { ...poll, activityId: sent?.id ?? null };
}

/** "Ny avstemning" on a card: the form, in the conversation. */
export async function sendPollForm(context: TurnContext, deps: PollDeps): Promise<ActionResult> {
  if (!(await mayCreate(context, deps))) return { message: ONLY_MODERATORS_CREATE };
  await context.sendActivity(asActivity(pollFormCard()));
  return { message: 'Skjemaet for avstemningen kommer i samtalen.' };
}

/** "poll.create" from the form card. */
export async function createFromForm(
  context: TurnContext,
  form: z.infer<typeof pollFormSchema>,
  deps: PollDeps,
): Promise<ActionResult> {
  if (!(await mayCreate(context, deps))) return { message: ONLY_MODERATORS_CREATE };
  const options = form.options
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.slice(0, 100));
  const needsOptions = form.kind === 'single' || form.kind === 'multi' || form.kind === 'ranking';
  if (needsOptions && (options.length < 2 || options.length > MAX_OPTIONS))
    return { message: `Gi mellom 2 og ${MAX_OPTIONS} alternativer, ett per linje.` };
  const minutes = Number(form.closeInMinutes || 0);
  await startPoll(
    context,
    {
      kind: form.kind,
      question: form.question,
      options: needsOptions ? options : [],
      maxPicks:
        form.kind === 'multi' && form.maxPicks ? Math.min(Number(form.maxPicks), options.length) : null,
      anonymous: form.anonymous === 'true',
      results: form.results,
      closesAt: minutes ? new Date(deps.clock.now().getTime() + minutes * 60_000).toISOString() : null,
    },
    deps,
  );
  return { message: 'Avstemningen er lagt ut.' };
}

/** "poll.vote": the member's answer, stored as their one row; the card they get back shows it. */
export async function vote(context: TurnContext, data: VoteData, deps: PollDeps): Promise<ActionResult> {
  const poll = await deps.store.getPoll(data.pollId);
  if (!poll || poll.conversationId !== context.activity.conversation.id)
    return { message: 'Denne avstemningen finner jeg ikke, så ingenting ble endret.' };
  if (poll.closedAt) return { message: 'Avstemningen er lukket, så svaret ble ikke registrert.' };
  const parsed = parseAnswer(poll, data);
  if (!parsed.ok) return { message: `${parsed.reason} Ingenting ble endret.` };
  const member = memberOf(context);
  const stored = await deps.store.castVote({
    pollId: poll.id,
    voterKey: voterKey(poll, member.id, await deps.store.secret(VOTER_KEY_SECRET)),
    voterName: poll.anonymous ? null : member.name,
    answer: parsed.answer,
    votedAt: deps.clock.now().toISOString(),
  });
  // Closed between the two reads: the store refused it in the same transaction as the check.
  if (!stored) return { message: 'Avstemningen er lukket, så svaret ble ikke registrert.' };
  return { card: await viewCard(context, poll, deps) };
}

export async function refresh(context: TurnContext, pollId: string, deps: PollDeps): Promise<ActionResult> {
  const poll = await deps.store.getPoll(pollId);
  if (!poll || poll.conversationId !== context.activity.conversation.id)
    return { message: 'Denne avstemningen finner jeg ikke.' };
  return { card: await viewCard(context, poll, deps) };
}

/** Closes a poll (creator or moderators) and posts its results, once. */
export async function closeAndPost(context: TurnContext, poll: Poll, deps: PollDeps): Promise<ActionResult> {
  if (poll.conversationId !== context.activity.conversation.id)
    return { message: 'Denne avstemningen finner jeg ikke, så ingenting ble endret.' };
  if (!(await mayClose(context, poll, deps)))
    return { message: 'Bare den som laget avstemningen, sekretariatet og møtearrangøren kan lukke den.' };
  if (!(await deps.store.closePoll(poll.id, deps.clock.now().toISOString())))
    return { message: 'Avstemningen var allerede lukket.' };
  const closed = (await deps.store.getPoll(poll.id))!;
  const results = await resultsCard(closed, deps, await deps.members.of(context));
  await context.sendActivity(asActivity(results));
  if (closed.activityId) await context.updateActivity({ ...asActivity(results), id: closed.activityId });
  deps.logger.info({ poll: poll.id }, 'poll closed');
  return { card: results };
}

export async function resultsCard(
  poll: Poll,
  deps: Pick<PollDeps, 'store'>,
  members: number | null,
): Promise<CardJson> {
  return pollCard(
    poll,
    tally(poll, await deps.store.countAnswers(poll.id)),
    { answer: null, seesResults: true, mayClose: false },
    { members, context: sakContext(poll) },
  );
}

/**
 * The card on a screen everyone in the meeting watches (side panel, stage): no inputs, and the
 * results only as the poll lets everyone see them (until it closes, after_vote and after_close
 * polls show how many have answered and nothing more).
 */
export async function screenCard(poll: Poll, deps: Pick<PollDeps, 'store'>): Promise<CardJson> {
  return pollCard(
    poll,
    tally(poll, await deps.store.countAnswers(poll.id)),
    { answer: null, seesResults: poll.results === 'live', mayClose: false },
    { context: sakContext(poll), screen: true },
  );
}
