// Card templates (Adaptive Card 1.5 JSON in cards/templates) expanded with adaptivecards-templating.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

export type CardJson = Record<string, unknown>;

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(
      JSON.parse(readFileSync(path.join(import.meta.dirname, 'templates', `${name}.json`), 'utf8')),
    );
    templates.set(name, t);
  }
  return t;
}

export function render(name: string, data: object): CardJson {
  return template(name).expand({ $root: data }) as CardJson;
}

/** Teams refuses messages over about 28 KB; the card leaves about 1 KB for the activity around it. */
export const CARD_LIMIT_BYTES = 27_500;

/** Whether a card is small enough to send. */
export const fits = (card: CardJson): boolean => Buffer.byteLength(JSON.stringify(card)) <= CARD_LIMIT_BYTES;

/** The card drawn at the first level (most detail first) that fits, else at the last. */
export function firstThatFits<L>(levels: readonly L[], draw: (level: L) => CardJson): CardJson {
  let card: CardJson = {};
  for (const level of levels) {
    card = draw(level);
    if (fits(card)) break;
  }
  return card;
}

/** Cards stay well under Teams' message limit: long texts are cut with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
