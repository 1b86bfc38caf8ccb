// A card or a refusal as the message activity Teams gets, or as a card action's answer: the one
// place a service's result becomes what goes back to Teams.
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { CardJson } from '../cards/render.ts';
import type { Language } from '../src/answer/types.ts';
import { refusalText, type Refusal, type Result } from '../src/refusals.ts';
import type { ActionResult } from './turn/deps.ts';

export function cardActivity(card: CardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export function refusalActivity(refusal: Refusal, lang: Language = 'nb'): Partial<Activity> {
  return MessageFactory.text(refusalText(refusal, lang));
}

/** A service's result as a message: the card drawn from its value, or its refusal. */
export function resultActivity<T>(
  result: Result<T>,
  draw: (value: T) => CardJson,
  lang: Language = 'nb',
): Partial<Activity> {
  return result.ok ? cardActivity(draw(result.value)) : refusalActivity(result.refusal, lang);
}

/** A service's result as a card action's answer: the card in place of the clicked one, or its refusal. */
export function actionResult<T>(
  result: Result<T>,
  draw: (value: T) => CardJson,
  lang: Language = 'nb',
): ActionResult {
  return result.ok ? { card: draw(result.value) } : { message: refusalText(result.refusal, lang) };
}
