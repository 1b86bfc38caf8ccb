// The agenda on request ("agenda", "agenda NUIT", "agenda 2/2023", "agenda NUFA 27.10.2021") and
// the agenda card's actions: "Spør om saken" (an answer scoped to that sak) and "Vis toppnotat".
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { agendaCard, memoCard } from '../../cards/agenda.ts';
import {
  agendaView,
  findAgendaMeeting,
  memoOf,
  parseAgendaRequest,
  questionAboutSak,
} from '../../src/meetings/agenda.ts';
import { osloToday } from '../../src/meetings/clock.ts';
import { cardActivity } from '../activity.ts';
import { sendAnswer } from './answer-reply.ts';
import type { ActionResult, TurnDeps } from './deps.ts';
import type { Language } from '../../src/answer/types.ts';

type Deps = TurnDeps;

/** Card data of an agenda action: which sak, and the member's question when they typed one. */
export const sakActionSchema = z.object({
  committee: z.string().min(1).max(20),
  meeting: z.string().min(1).max(40),
  sak: z.string().regex(/^\d{1,3}\/\d{2}$/),
  question: z.string().max(500).optional(),
});
type SakAction = z.infer<typeof sakActionSchema>;

export async function showAgenda(
  context: TurnContext,
  rest: string,
  lang: Language,
  deps: Deps,
): Promise<void> {
  const followed = await deps.services.subscriptions.following(context.activity.conversation.id);
  const req = parseAgendaRequest(rest);
  const today = osloToday(deps.clock.now());
  const meeting = await findAgendaMeeting(deps.store, req, today, followed);
  const named = req.meeting ?? req.date ?? req.sak;
  if (!meeting) {
    await context.sendActivity(
      named
        ? lang === 'en'
          ? `I find no meeting invitation for «${rest.trim()}» in the documents. Write «agenda» for the next meeting.`
          : `Jeg finner ingen møteinnkalling for «${rest.trim()}» i dokumentene. Skriv «agenda» for neste møte.`
        : lang === 'en'
          ? 'I find no meeting invitation in the documents yet. The secretariat can send me a meeting package.'
          : 'Jeg finner ingen møteinnkalling i dokumentene ennå. Sekretariatet kan sende meg en møtepakke.',
    );
    return;
  }
  const view = await agendaView(meeting, deps, today);
  // Asked for the next meeting when the record holds none to come: the latest, said to be past.
  if (view.past && !named)
    await context.sendActivity(
      lang === 'en'
        ? 'The documents hold no upcoming meeting. Here is the latest one, which has been held.'
        : 'Dokumentene har ingen kommende møter. Her er det siste møtet, som er avholdt.',
    );
  await context.sendActivity(cardActivity(agendaCard(view)));
}

/** "Spør om saken": the member's question (or, left empty, what the sak is about), about that sak only. */
export async function askAboutSak(context: TurnContext, data: SakAction, deps: Deps): Promise<ActionResult> {
  const { committee, meeting, sak } = data;
  const question = questionAboutSak(sak, data.question);
  await context.sendActivity({ type: ActivityTypes.Typing });
  await sendAnswer(
    context,
    question,
    await deps.answerer.ask(question, { committee, meeting, sak }),
    deps.services.feedback,
  );
  return { message: 'Svaret kommer i samtalen.' };
}

/** "Vis toppnotat": the memo by its sections, in a card of its own. */
export async function showMemo(context: TurnContext, data: SakAction, deps: Deps): Promise<ActionResult> {
  const { title, sections } = await memoOf(deps.store, data);
  await context.sendActivity(cardActivity(memoCard({ ...data, title }, sections)));
  return { message: 'Toppnotatet kommer i samtalen.' };
}
