// "vedtak NUIT 2023", "vedtak PLL", "decisions SFM": the decision register as a card. The register
// is the record's (src/register/register.ts); this only reads the request and draws the card.
import type { TurnContext } from 'botbuilder';
import { registerCard } from '../../cards/register.ts';
import type { Language } from '../../src/answer/types.ts';
import { decisionRegister, parseRegisterQuery, type RegisterQuery } from '../../src/register/register.ts';
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
  const entries = await decisionRegister(deps.store, query);
  await context.sendActivity(cardActivity(registerCard(heading(query, lang), entries)));
}

/**
 * Whether a message that starts with the command word asks a question instead: it names a sak or
 * ends in a question mark ("vedtak i sak 16/23?").
 */
export function asksQuestion(rest: string): boolean {
  return /(?<![\d/])\d{1,3}\s?\/\s?\d{2}(?![\d/])|\?\s*$/.test(rest);
}
