// The activity router: messages (personal chat always, group chats and channels when @mentioned),
// installation (welcome card, stored conversation reference), file uploads from the secretariat,
// and feedback on answers (the card's 👍/👎, and Teams' feedback on LLM answers). Everything it
// answers comes from src/ through plain functions.
import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type InvokeResponse,
} from 'botbuilder';
import { z } from 'zod';
import { helpCard, messageCard, welcomeCard } from '../../cards/messages.ts';
import type { Answerer } from '../../src/answer/types.ts';
import { detectLanguage } from '../../src/answer/question.ts';
import type { Config } from '../../src/config.ts';
import { download } from '../../src/documents/download.ts';
import { readLimits } from '../../src/documents/limits.ts';
import { isMotebotError } from '../../src/errors.ts';
import { formatSummary, ingestBytes } from '../../src/ingest.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Store } from '../../src/store/types.ts';
import { runCardAction } from './card-actions.ts';
import { sendAnswer } from './answer-reply.ts';
import { showAgenda } from './agenda.ts';
import { COMMANDS, parseCommand } from './commands.ts';
import { exportCommand } from './export.ts';
import { saveTeamsFeedback } from './feedback.ts';
import { innspillCommand } from './innspill.ts';
import { setCurrentSak, setMeeting } from './meeting-chat.ts';
import { meetingEnded, meetingStarted } from './meeting-events.ts';
import { MemberCounts } from './member-counts.ts';
import { pollCommand } from './polls.ts';
import { questionCommand } from './qna.ts';
import { isSecretariat } from './actor.ts';
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
  /** Aborted when the process shuts down: a download in progress stops instead of holding it up. */
  stopping?: AbortSignal;
}

/** What a turn's handlers get: the bot's dependencies and its per-conversation member counts. */
export type TurnDeps = BotDeps & { members: MemberCounts };

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

const fileSchema = z.object({
  downloadUrl: z.string().url(),
  fileType: z.string().optional(),
});

const cardActivity = (card: object) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

export class MotebotBot extends TeamsActivityHandler {
  private readonly deps: TurnDeps;

  constructor(deps: BotDeps) {
    super();
    this.deps = { ...deps, members: new MemberCounts(deps.clock) };
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onTeamsMeetingStartEvent(async (meeting, context, next) => {
      await meetingStarted(context, meeting.id, this.deps);
      await next();
    });
    this.onTeamsMeetingEndEvent(async (meeting, context, next) => {
      await meetingEnded(context, meeting.id, this.deps);
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
      const result = await runCardAction(context, verb, a.value, this.deps);
      // A fallback cannot replace the clicked card. A personal view (a poll showing one member's
      // answer) must not go to everyone, so polls get a short note; other cards are posted.
      if ('message' in result) await context.sendActivity(result.message);
      else if (verb.startsWith('poll.'))
        await context.sendActivity('Registrert. Trykk «Oppdater» på avstemningen for å se den oppdatert.');
      else await context.sendActivity(cardActivity(result.card));
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
      case 'innspill':
        await innspillCommand(context, rest, this.deps);
        return;
      case 'poll':
        await pollCommand(context, rest, this.deps);
        return;
      case 'question':
        await questionCommand(context, rest, this.deps);
        return;
      case 'export':
        await exportCommand(context, rest, this.deps);
        return;
      case 'meeting':
        await context.sendActivity(await setMeeting(context, rest, this.deps));
        return;
      case 'sak': {
        const sak = /\b(\d{1,3})\s?\/\s?(\d{2})\b/.exec(rest);
        await context.sendActivity(
          sak
            ? await setCurrentSak(context, { sak: `${Number(sak[1])}/${sak[2]}` }, this.deps)
            : 'Hvilken sak? Skriv for eksempel «sak 17/23».',
        );
        return;
      }
      case 'next':
        await context.sendActivity(await setCurrentSak(context, 'next', this.deps));
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
    await sendAnswer(context, question, await this.deps.answerer.ask(question), this.deps.store);
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
      let bytes: Uint8Array;
      try {
        bytes = await download(content.data.downloadUrl, name, {
          maxBytes: this.deps.config.MAX_FILE_MB * 1024 * 1024,
          timeoutMs: this.deps.config.DOWNLOAD_TIMEOUT_SECONDS * 1000,
          signal: this.deps.stopping,
        });
      } catch (err) {
        if (!isMotebotError(err)) throw err;
        this.deps.logger.warn(
          { file: name, code: err.code, cause: String(err.cause ?? '') },
          'download refused',
        );
        await context.sendActivity(err.message);
        continue;
      }
      const summary = await ingestBytes(bytes, name, {
        store: this.deps.store,
        logger: this.deps.logger,
        maxBytes: this.deps.config.MAX_FILE_MB * 1024 * 1024,
        limits: readLimits(this.deps.config),
      });
      const [head, ...lines] = formatSummary(summary, 'nb').split('\n');
      await context.sendActivity(cardActivity(messageCard(head!, lines)));
    }
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'message/submitAction')
      return saveTeamsFeedback(context, this.deps.store, this.deps.logger);
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const result = await runCardAction(
      context,
      invokeValue.action?.verb ?? '',
      invokeValue.action?.data,
      this.deps,
    );
    return 'card' in result
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card }
      : {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: result.message as unknown as Record<string, unknown>,
        };
  }
}
