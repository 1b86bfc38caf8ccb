// The activity router: messages (personal chat always, group chats and channels when @mentioned),
// installation (welcome card, stored conversation reference), file uploads from the secretariat,
// and feedback on answers (the card's 👍/👎, and Teams' feedback on LLM answers). It resolves the
// turn's actor once, and hands the parsed command or card action to its handler, which asks one
// src/ service and draws the answer with cards/.
import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type InvokeResponse,
} from 'botbuilder';
import { z } from 'zod';
import { helpCard, messageCard, welcomeCard } from '../../cards/messages.ts';
import { osloToday } from '../../src/meetings/clock.ts';
import { recordExample, type Example } from '../../src/meetings/examples.ts';
import type { Actor } from '../../src/actor.ts';
import { detectLanguage } from '../../src/answer/question.ts';
import { download, DownloadError } from '../../src/documents/download.ts';
import { formatOf, SUPPORTED_EXTENSIONS } from '../../src/documents/index.ts';
import { readLimits } from '../../src/documents/limits.ts';
import { isMotebotError } from '../../src/errors.ts';
import { formatSummary, ingestBytes } from '../../src/ingest.ts';
import { refusalText } from '../../src/refusals.ts';
import { createServices } from '../../src/services.ts';
import { cardActivity } from '../activity.ts';
import { forgetInstaller, resolveActor } from './actor.ts';
import { actionPointCommand } from './action-points.ts';
import { showAgenda } from './agenda.ts';
import { asksQuestion, showRegister, showTimeline } from './memory.ts';
import { sendAnswer } from './answer-reply.ts';
import { AnswerStream } from './streaming.ts';
import { runCardAction } from './card-actions.ts';
import { COMMANDS, parseCommand } from './commands.ts';
import { conversationKind, conversationRecord } from './conversation.ts';
import type { BotDeps, TurnDeps } from './deps.ts';
import { exportCommand } from './export.ts';
import { saveTeamsFeedback } from './feedback.ts';
import { innspillCommand } from './innspill.ts';
import { meetingCommand, meetingEnded, meetingStarted, sakCommand } from './meeting-chat.ts';
import { MemberCounts } from './member-counts.ts';
import { pollCommand } from './polls.ts';
import { questionCommand } from './qna.ts';
import { listSubscriptions, subscribe, unsubscribe } from './subscriptions.ts';

export type { BotDeps } from './deps.ts';

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

const fileSchema = z.object({
  downloadUrl: z.string().url(),
  fileType: z.string().optional(),
});

/** Where a turn keeps its actor (turn state lives and dies with the turn). */
const ACTOR = Symbol('actor');

export class MotebotBot extends TeamsActivityHandler {
  private readonly deps: TurnDeps;

  constructor(deps: BotDeps) {
    super();
    this.deps = { ...deps, services: createServices(deps), members: new MemberCounts(deps.clock) };
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onTeamsMeetingStartEvent(async (meeting, context, next) => {
      await meetingStarted(context, meeting, this.deps);
      await next();
    });
    this.onTeamsMeetingEndEvent(async (meeting, context, next) => {
      await meetingEnded(context, meeting, this.deps);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((m) => m.id === bot)) await this.welcome(context);
      await next();
    });
  }

  /** The turn's actor, resolved once and only for turns that act (asking a question does not). */
  private actorOf(context: TurnContext): Promise<Actor> {
    const known = context.turnState.get(ACTOR) as Promise<Actor> | undefined;
    if (known) return known;
    const actor = resolveActor(context, this.deps);
    context.turnState.set(ACTOR, actor);
    return actor;
  }

  /** The help texts' example, from the record as it stands now. */
  private example(): Promise<Example | null> {
    return recordExample(this.deps.store, osloToday(this.deps.clock.now()));
  }

  /** Stores the conversation reference, and greets the conversation the first time only. */
  private async welcome(context: TurnContext): Promise<void> {
    const first = await this.deps.services.subscriptions.remember(conversationRecord(context));
    forgetInstaller(this.deps.store, context.activity.conversation.id);
    if (first) await context.sendActivity(cardActivity(welcomeCard([...COMMANDS], await this.example())));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    // An Action.Submit fallback from a card arrives as a message with a value.
    const verb = (a.value as { verb?: unknown } | undefined)?.verb;
    if (typeof verb === 'string') {
      const result = await runCardAction(context, await this.actorOf(context), verb, a.value, this.deps);
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
    const deps = this.deps;
    const say = async (reply: string) => {
      await context.sendActivity(reply);
    };
    switch (handler) {
      case 'help':
        await context.sendActivity(cardActivity(helpCard([...COMMANDS], lang, await this.example())));
        return;
      case 'agenda':
        return showAgenda(context, rest, lang, deps);
      case 'register':
        return asksQuestion(rest) ? this.ask(context, text) : showRegister(context, rest, lang, deps);
      case 'timeline':
        return showTimeline(context, rest, lang, deps);
      case 'subscribe':
        return say(await subscribe(context, await this.actorOf(context), rest, lang, deps));
      case 'unsubscribe':
        return say(await unsubscribe(context, await this.actorOf(context), rest, lang, deps));
      case 'subscriptions':
        return say(await listSubscriptions(context, lang, deps));
      case 'innspill':
        return innspillCommand(context, await this.actorOf(context), rest, lang, deps);
      case 'poll':
        return pollCommand(context, await this.actorOf(context), rest, lang, deps);
      case 'question':
        return questionCommand(context, await this.actorOf(context), rest, deps);
      case 'actionPoints':
        return actionPointCommand(context, await this.actorOf(context), rest, lang, deps);
      case 'export':
        return exportCommand(context, await this.actorOf(context), rest, lang, deps);
      case 'meeting':
        return say(await meetingCommand(context, await this.actorOf(context), rest, lang, deps));
      case 'sak': {
        const reply = await sakCommand(context, await this.actorOf(context), rest, lang, deps);
        return reply === null ? this.ask(context, text) : say(reply);
      }
      case 'next':
        return say((await sakCommand(context, await this.actorOf(context), 'next', lang, deps))!);
      case 'suggest':
        return say(
          english
            ? `Did you mean «${rest}»? Write «help» to see all commands.`
            : `Mente du «${rest}»? Skriv «hjelp» for å se alle kommandoene.`,
        );
      case 'ask':
        if (!text) {
          await context.sendActivity(cardActivity(helpCard([...COMMANDS], lang, await this.example())));
          return;
        }
        await this.ask(context, rest || text);
    }
  }

  private async ask(context: TurnContext, question: string): Promise<void> {
    // Teams streams only in personal chats, and only an LLM takes long enough to want it.
    const personal = conversationKind(context.activity.conversation.conversationType) === 'personal';
    const stream = personal && this.deps.config.llmEnabled ? new AnswerStream(context) : undefined;
    if (stream)
      await stream.inform(
        detectLanguage(question) === 'en' ? 'Searching the meeting documents…' : 'Søker i møtedokumentene…',
      );
    else await context.sendActivity({ type: ActivityTypes.Typing });
    const answer = await this.deps.answerer.ask(question);
    await sendAnswer(context, question, answer, this.deps.services.feedback, stream);
  }

  private async ingestFiles(context: TurnContext, files: Attachment[]): Promise<void> {
    const actor = await this.actorOf(context);
    // A refusal in the language of what was written with the file (bokmål when nothing was).
    const lang = detectLanguage(context.activity.text ?? '');
    if (!actor.roles.includes('secretariat')) {
      await context.sendActivity(refusalText({ code: 'upload_secretariat_only' }, lang));
      return;
    }
    for (const file of files) {
      const content = fileSchema.safeParse(file.content);
      const name = file.name ?? 'dokument';
      if (!content.success) {
        await context.sendActivity(refusalText({ code: 'upload_unreachable', params: { file: name } }, lang));
        continue;
      }
      // Its name tells a type no reader takes: refused before a byte of it is fetched.
      if (!formatOf(name)) {
        const types = Object.keys(SUPPORTED_EXTENSIONS).join(', ');
        await context.sendActivity(
          refusalText({ code: 'upload_unsupported_type', params: { file: name, types } }, lang),
        );
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
        await context.sendActivity(
          err instanceof DownloadError ? refusalText(err.refusal, lang) : err.message,
        );
        continue;
      }
      const summary = await ingestBytes(bytes, name, {
        store: this.deps.store,
        logger: this.deps.logger,
        maxBytes: this.deps.config.MAX_FILE_MB * 1024 * 1024,
        limits: readLimits(this.deps.config),
      });
      const [head, ...lines] = formatSummary(summary, lang).split('\n');
      await context.sendActivity(cardActivity(messageCard(head!, lines)));
    }
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'message/submitAction')
      return saveTeamsFeedback(context, await this.actorOf(context), this.deps);
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const result = await runCardAction(
      context,
      await this.actorOf(context),
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
