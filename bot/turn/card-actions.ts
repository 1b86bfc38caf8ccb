// Every card action, once: its verb (Action.Execute, or the Action.Submit fallback's `verb`), the
// zod schema its data must pass, and the handler that gets the parsed data. Identity always comes
// from the activity, never from card data.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { CardJson } from '../../cards/render.ts';
import { voteDataSchema } from '../../src/polls/answers.ts';
import { askAboutSak, sakActionSchema, showMemo } from './agenda.ts';
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
import type { TurnDeps } from './router.ts';
import {
  closeAndPost,
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

/** What a card action answers: a card that replaces the clicked one, or a short message. */
export type ActionResult = { card: CardJson } | { message: string };

const action = <S extends z.ZodTypeAny>(
  schema: S,
  run: (context: TurnContext, data: z.infer<S>, deps: TurnDeps) => Promise<ActionResult>,
) => ({ schema, run });

export const CARD_ACTIONS = {
  feedback: action(feedbackSchema, (c, d, deps) => saveFeedback(c, d, deps.store)),
  'agenda.ask': action(sakActionSchema, askAboutSak),
  'agenda.memo': action(sakActionSchema, showMemo),
  'poll.form': action(z.object({}).passthrough(), (c, _d, deps) => sendPollForm(c, deps)),
  'poll.create': action(pollFormSchema, createFromForm),
  'poll.vote': action(voteDataSchema, vote),
  'poll.refresh': action(pollRefSchema, (c, d, deps) => refresh(c, d.pollId, deps)),
  'poll.close': action(pollRefSchema, async (c, d, deps) => {
    const poll = await deps.store.getPoll(d.pollId);
    return poll
      ? closeAndPost(c, poll, deps)
      : { message: 'Denne avstemningen finner jeg ikke, så ingenting ble endret.' };
  }),
  'innspill.form': action(innspillFormSchema, sendInnspillForm),
  'innspill.create': action(innspillCreateSchema, createInnspill),
  'innspill.export': action(exportRefSchema, exportAction),
  'innspill.edit': action(innspillEditSchema, editInnspill),
  'innspill.withdraw': action(innspillRefSchema, (c, d, deps) => withdrawInnspill(c, d.id, deps)),
  'qa.upvote': action(upvoteSchema, (c, d, deps) => upvote(c, d.questionId, deps)),
  'qa.status': action(questionStatusSchema, setStatus),
  'qa.list': action(questionListSchema, (c, d, deps) => listQuestions(c, d.sak, deps)),
} as const;

export type CardVerb = keyof typeof CARD_ACTIONS;

export const UNKNOWN_ACTION = 'Denne handlingen kjenner jeg ikke igjen, så ingenting ble endret.';

/** Runs a card action; an unknown verb or data that fails its schema changes nothing. */
export async function runCardAction(
  context: TurnContext,
  verb: string,
  data: unknown,
  deps: TurnDeps,
): Promise<ActionResult> {
  if (!Object.hasOwn(CARD_ACTIONS, verb)) return { message: UNKNOWN_ACTION };
  const { schema, run } = CARD_ACTIONS[verb as CardVerb] as ReturnType<typeof action<z.ZodTypeAny>>;
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { message: UNKNOWN_ACTION };
  return run(context, parsed.data, deps);
}
