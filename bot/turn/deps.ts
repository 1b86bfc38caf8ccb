// What every turn handler is given, and what a card action answers. Kept apart from the router and
// the action table so handlers depend on neither (they import this, and the table imports them).
import type { TurnContext } from 'botbuilder';
import type { CardJson } from '../../cards/render.ts';
import type { Actor } from '../../src/actor.ts';
import type { Answerer, Language } from '../../src/answer/types.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Services } from '../../src/services.ts';
import type { Store } from '../../src/store/types.ts';
import type { MemberCounts } from './member-counts.ts';

export interface BotDeps {
  config: Config;
  store: Store;
  answerer: Answerer;
  logger: Logger;
  /** The time (and waiting) the bot goes by; tests set their own. */
  clock: Clock;
  /** Aborted when the process shuts down: a download in progress stops instead of holding it up. */
  stopping?: AbortSignal;
}

/** A turn's handlers get the bot's dependencies, the services, and per-conversation member counts. */
export type TurnDeps = BotDeps & { services: Services; members: MemberCounts };

/** What a card action answers: a card that replaces the clicked one, or a short message. */
export type ActionResult = { card: CardJson } | { message: string };

/** A chat command's handler: the text after the command word, answered in the member's language. */
export type Command<Reply = void> = (
  context: TurnContext,
  actor: Actor,
  rest: string,
  lang: Language,
  deps: TurnDeps,
) => Promise<Reply>;

/** A card action's handler: the data its schema let through, from the actor who clicked. */
export type CardAction<Data> = (
  context: TurnContext,
  actor: Actor,
  data: Data,
  deps: TurnDeps,
) => Promise<ActionResult>;
