// A card or a refusal as the message activity Teams gets: the one place both become an activity.
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { CardJson } from '../cards/render.ts';
import type { Language } from '../src/answer/types.ts';
import { refusalText, type Refusal } from '../src/refusals.ts';

export function cardActivity(card: CardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export function refusalActivity(refusal: Refusal, lang: Language = 'nb'): Partial<Activity> {
  return MessageFactory.text(refusalText(refusal, lang));
}
