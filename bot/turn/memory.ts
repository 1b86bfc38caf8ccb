// The committee's memory as cards: "vedtak NUIT 2023", "vedtak PLL", "decisions SFM" (the decision
// register, src/register/register.ts) and "historikk PLL", "history of SFM pricing" (a topic's
// history, the answerer's). This only reads the request and draws the card.
import type { TurnContext } from 'botbuilder';
import { registerCard } from '../../cards/register.ts';
import { timelineCard } from '../../cards/timeline.ts';
import type { Language } from '../../src/answer/types.ts';
import { parseRegisterQuery, type RegisterQuery } from '../../src/register/register.ts';
import { cardActivity } from '../activity.ts';
import type { TurnDeps } from './deps.ts';

/** "Vedtak · NUIT 2023", "Vedtak om «PLL»". */
function heading(q: RegisterQuery, lang: Language): string {
  const scope = [q.committee, q.year].filter(Boolean).join(' ');
  const about = q.topic ? (lang === 'en' ? ` on «${q.topic}»` : ` om «${q.topic}»`) : '';
  return `${lang === 'en' ? 'Decisions' : 'Vedtak'}${scope ? ` · ${scope}` : ''}${about}`;
}

export async function showRegister(context: TurnContext, rest: string, lang: Language, deps: TurnDeps) {
  const query = parseRegisterQuery(rest);
  const entries = await deps.services.register.list(query);
  await context.sendActivity(cardActivity(registerCard(heading(query, lang), entries)));
}

/** "historikk PLL": the topic's history as a timeline card. */
export async function showTimeline(context: TurnContext, rest: string, lang: Language, deps: TurnDeps) {
  const topic = rest.replace(/^(?:of|om|for)\s+/i, '').trim();
  if (!topic) {
    await context.sendActivity(
      lang === 'en'
        ? 'Which topic? Write for example «history PLL».'
        : 'Hvilket emne? Skriv for eksempel «historikk PLL».',
    );
    return;
  }
  await context.sendActivity(cardActivity(timelineCard(topic, await deps.answerer.timeline(topic))));
}

/**
 * Whether a message that starts with the command word asks a question instead: it names a sak or
 * ends in a question mark ("vedtak i sak 16/23?").
 */
export function asksQuestion(rest: string): boolean {
  return /(?<![\d/])\d{1,3}\s?\/\s?\d{2}(?![\d/])|\?\s*$/.test(rest);
}
