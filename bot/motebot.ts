// The activity router: messages (personal chat always, group chats and channels when @mentioned),
// installation (welcome card, stored conversation reference), file uploads from the secretariat,
// and the 👍/👎 feedback invoke. Everything it answers comes from src/ through plain functions.
import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
} from 'botbuilder';
import { z } from 'zod';
import { answerCard } from '../cards/answer.ts';
import { helpCard, messageCard, welcomeCard } from '../cards/messages.ts';
import type { Answerer } from '../src/answer/types.ts';
import { detectLanguage } from '../src/answer/question.ts';
import type { Config } from '../src/config.ts';
import { formatSummary, ingestBytes } from '../src/ingest.ts';
import type { Logger } from '../src/logger.ts';
import type { Clock } from '../src/meetings/clock.ts';
import type { Store } from '../src/store/types.ts';
import { askAboutSak, showAgenda, showMemo } from './agenda-actions.ts';
import { COMMANDS, parseCommand } from './commands.ts';
import { aiEntities } from './entities.ts';
import { isSecretariat } from './roles.ts';
import {
  conversationKind,
  conversationRecord,
  listSubscriptions,
  subscribe,
  unsubscribe,
} from './subscriptions.ts';

export interface BotDeps {
  config: Config;
  store: Store;
  answerer: Answerer;
  logger: Logger;
  /** The time (and waiting) the bot goes by; tests set their own. */
  clock: Clock;
}

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

const feedbackSchema = z.object({
  reaction: z.enum(['up', 'down']),
  question: z.string().min(1).max(2000),
  answer: z.string().max(4000).default(''),
});

const fileSchema = z.object({
  downloadUrl: z.string().url(),
  fileType: z.string().optional(),
});

/** What a card action (Action.Execute, or its Action.Submit fallback) answers in the invoke. */
const ACTION_DONE: Record<string, string> = {
  feedback: 'Takk for tilbakemeldingen!',
  'agenda.ask': 'Svaret kommer i samtalen.',
  'agenda.memo': 'Toppnotatet kommer i samtalen.',
};
const ACTION_UNKNOWN = 'Denne handlingen kjenner jeg ikke igjen, så ingenting ble endret.';

export class MotebotBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((m) => m.id === bot)) await this.welcome(context);
      await next();
    });
  }

  /** Stores the conversation reference, and greets the conversation the first time only. */
  private async welcome(context: TurnContext): Promise<void> {
    const known = await this.deps.store.getConversation(context.activity.conversation.id);
    await this.deps.store.saveConversation(conversationRecord(context));
    if (!known)
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(welcomeCard([...COMMANDS]))),
      );
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    // An Action.Submit fallback from a card arrives as a message with a value.
    const verb = (a.value as { verb?: unknown } | undefined)?.verb;
    if (typeof verb === 'string') {
      const done = await this.runAction(context, verb, a.value);
      if (verb === 'feedback' || !done)
        await context.sendActivity(done ? ACTION_DONE[verb]! : ACTION_UNKNOWN);
      return;
    }
    const personal = conversationKind(a.conversation.conversationType) === 'personal';
    const files = (a.attachments ?? []).filter((x) => x.contentType === FILE_DOWNLOAD);
    if (files.length && personal) {
      await this.ingestFiles(context, files);
      return;
    }
    if (!personal) {
      const mentioned = TurnContext.getMentions(a).some((m) => m.mentioned.id === a.recipient.id);
      if (!mentioned) return;
    }
    const text = (personal ? (a.text ?? '') : TurnContext.removeRecipientMention(a))
      .replace(/<[^>]+>/g, '')
      .trim();
    const { handler, rest, english } = parseCommand(text);
    const lang = english ? 'en' : detectLanguage(text);
    switch (handler) {
      case 'help':
        await context.sendActivity(
          MessageFactory.attachment(CardFactory.adaptiveCard(helpCard([...COMMANDS], lang))),
        );
        return;
      case 'agenda':
        await showAgenda(context, rest, this.deps);
        return;
      case 'subscribe':
        await context.sendActivity(await subscribe(context, rest, lang, this.deps));
        return;
      case 'unsubscribe':
        await context.sendActivity(await unsubscribe(context, rest, lang, this.deps));
        return;
      case 'subscriptions':
        await context.sendActivity(await listSubscriptions(context, lang, this.deps.store));
        return;
      case 'ask':
        if (!text) {
          await context.sendActivity(
            MessageFactory.attachment(CardFactory.adaptiveCard(helpCard([...COMMANDS], lang))),
          );
          return;
        }
        await this.ask(context, rest || text);
    }
  }

  private async ask(context: TurnContext, question: string): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Typing });
    const answer = await this.deps.answerer.ask(question);
    const reply = MessageFactory.attachment(CardFactory.adaptiveCard(answerCard(question, answer)));
    if (answer.generated) reply.entities = aiEntities(answer);
    await context.sendActivity(reply);
  }

  private async ingestFiles(context: TurnContext, files: Attachment[]): Promise<void> {
    if (!isSecretariat(this.deps.config, context)) {
      await context.sendActivity(
        'Beklager, bare sekretariatet kan legge inn møtedokumenter. Send gjerne dokumentet til sekretariatet, så legger de det inn.',
      );
      return;
    }
    for (const file of files) {
      const content = fileSchema.safeParse(file.content);
      const name = file.name ?? 'dokument';
      if (!content.success) {
        await context.sendActivity(`Jeg fikk ikke tak i filen «${name}». Prøv å sende den på nytt.`);
        continue;
      }
      await context.sendActivity({ type: ActivityTypes.Typing });
      const res = await fetch(content.data.downloadUrl);
      if (!res.ok) {
        await context.sendActivity(
          `Jeg klarte ikke å laste ned «${name}» (HTTP ${res.status}). Prøv å sende den på nytt.`,
        );
        continue;
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      const summary = await ingestBytes(bytes, name, {
        store: this.deps.store,
        logger: this.deps.logger,
        maxBytes: this.deps.config.MAX_FILE_MB * 1024 * 1024,
      });
      const [head, ...lines] = formatSummary(summary, 'nb').split('\n');
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(messageCard(head!, lines))),
      );
    }
  }

  private async saveFeedback(context: TurnContext, value: unknown): Promise<boolean> {
    const parsed = feedbackSchema.safeParse(value);
    const user = context.activity.from.aadObjectId ?? context.activity.from.id;
    if (!parsed.success) return false;
    await this.deps.store.saveFeedback({
      conversationId: context.activity.conversation.id,
      userId: user,
      question: parsed.data.question,
      answer: parsed.data.answer,
      reaction: parsed.data.reaction,
    });
    return true;
  }

  /** A card action; false when its verb or data is not one the bot knows (nothing is changed then). */
  private async runAction(context: TurnContext, verb: string, data: unknown): Promise<boolean> {
    switch (verb) {
      case 'feedback':
        return this.saveFeedback(context, data);
      case 'agenda.ask':
        return askAboutSak(context, data, this.deps);
      case 'agenda.memo':
        return showMemo(context, data, this.deps);
      default:
        return false;
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    const done = await this.runAction(context, verb, invokeValue.action?.data);
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: (done ? ACTION_DONE[verb] : ACTION_UNKNOWN) as unknown as Record<string, unknown>,
    };
  }
}
