// Every card action, once: its verb (Action.Execute, or the Action.Submit fallback's `verb`), the
// zod schema its data must pass, and the handler that gets the parsed data and the turn's actor.
// Identity always comes from the activity, never from card data.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../src/actor.ts';
import { voteDataSchema } from '../../src/polls/answers.ts';
import { refusalText } from '../../src/refusals.ts';
import { actionDoneSchema, completeActionPoint } from './action-points.ts';
import { askAboutSak, sakActionSchema, showMemo } from './agenda.ts';
import type { ActionResult, CardAction, TurnDeps } from './deps.ts';
import { exportAction, exportRefSchema } from './export.ts';
import { feedbackSchema, saveFeedback } from './feedback.ts';
import {
  createInnspill,
  editInnspill,
  innspillCreateSchema,
  innspillEditSchema,
  innspillFormSchema,
  innspillRefSchema,
  sendInnspillForm,
  withdrawInnspill,
} from './innspill.ts';
import {
  close,
  createFromForm,
  pollFormSchema,
  pollRefSchema,
  refresh,
  sendPollForm,
  vote,
} from './polls.ts';
import {
  listQuestions,
  questionListSchema,
  questionStatusSchema,
  setStatus,
  upvote,
  upvoteSchema,
} from './qna.ts';

const action = <S extends z.ZodTypeAny>(schema: S, run: CardAction<z.infer<S>>) => ({ schema, run });

export const CARD_ACTIONS = {
  feedback: action(feedbackSchema, saveFeedback),
  'agenda.ask': action(sakActionSchema, (c, _a, d, deps) => askAboutSak(c, d, deps)),
  'agenda.memo': action(sakActionSchema, (c, _a, d, deps) => showMemo(c, d, deps)),
  'poll.form': action(z.object({}).passthrough(), (c, a, _d, deps) => sendPollForm(c, a, deps)),
  'poll.create': action(pollFormSchema, createFromForm),
  'poll.vote': action(voteDataSchema, vote),
  'poll.refresh': action(pollRefSchema, refresh),
  'poll.close': action(pollRefSchema, close),
  'innspill.form': action(innspillFormSchema, (c, _a, d, deps) => sendInnspillForm(c, d, deps)),
  'innspill.create': action(innspillCreateSchema, createInnspill),
  'innspill.export': action(exportRefSchema, exportAction),
  'innspill.edit': action(innspillEditSchema, (_c, a, d, deps) => editInnspill(a, d, deps)),
  'innspill.withdraw': action(innspillRefSchema, (_c, a, d, deps) => withdrawInnspill(a, d.id, deps)),
  'qa.upvote': action(upvoteSchema, (c, a, d, deps) => upvote(c, a, d.questionId, deps)),
  'qa.status': action(questionStatusSchema, setStatus),
  'qa.list': action(questionListSchema, (c, a, d, deps) => listQuestions(c, a, d.sak, deps)),
  'action.done': action(actionDoneSchema, completeActionPoint),
} as const;

export type CardVerb = keyof typeof CARD_ACTIONS;

/** The refusal of an unknown verb or bad data, written only when there is one (not for every action). */
const unknownAction = (): ActionResult => ({ message: refusalText({ code: 'unknown_action' }) });

/** Runs a card action; an unknown verb or data that fails its schema changes nothing. */
export async function runCardAction(
  context: TurnContext,
  actor: Actor,
  verb: string,
  data: unknown,
  deps: TurnDeps,
): Promise<ActionResult> {
  if (!Object.hasOwn(CARD_ACTIONS, verb)) return unknownAction();
  const { schema, run } = CARD_ACTIONS[verb as CardVerb] as ReturnType<typeof action<z.ZodTypeAny>>;
  const parsed = schema.safeParse(data);
  if (!parsed.success) return unknownAction();
  return run(context, actor, parsed.data, deps);
}
