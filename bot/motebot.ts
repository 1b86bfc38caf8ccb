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
import { nextMeeting } from '../src/meetings/agenda.ts';
import type { ConversationRecord, Store } from '../src/store/types.ts';
import { COMMANDS, parseCommand } from './commands.ts';
import { aiEntities } from './entities.ts';

export interface BotDeps {
  config: Config;
  store: Store;
  answerer: Answerer;
  logger: Logger;
  /** Today's date (ISO) in Europe/Oslo; a clock the tests can set. */
  today: () => string;
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

function conversationKind(type: string | undefined): ConversationRecord['kind'] {
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

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
    const a = context.activity;
    const known = await this.deps.store.getConversation(a.conversation.id);
    await this.deps.store.saveConversation({
      id: a.conversation.id,
      tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null,
      kind: conversationKind(a.conversation.conversationType),
      reference: TurnContext.getConversationReference(a),
    });
    if (!known)
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(welcomeCard([...COMMANDS]))),
      );
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    // An Action.Submit fallback from a card arrives as a message with a value.
    if (a.value && typeof a.value === 'object' && (a.value as { verb?: string }).verb === 'feedback') {
      await this.saveFeedback(context, a.value);
      await context.sendActivity('Takk for tilbakemeldingen!');
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
    const { handler, rest } = parseCommand(text);
    const lang = detectLanguage(text);
    if (handler === 'help' || !text) {
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(helpCard([...COMMANDS], lang))),
      );
      return;
    }
    if (handler === 'agenda') {
      await this.agenda(context, rest);
      return;
    }
    await this.ask(context, rest || text);
  }

  private async ask(context: TurnContext, question: string): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Typing });
    const answer = await this.deps.answerer.ask(question);
    const reply = MessageFactory.attachment(CardFactory.adaptiveCard(answerCard(question, answer)));
    if (answer.generated) reply.entities = aiEntities(answer);
    await context.sendActivity(reply);
  }

  private async agenda(context: TurnContext, rest: string): Promise<void> {
    const committee = /\bnufa\b/i.test(rest) ? 'NUFA' : /\bnuit\b/i.test(rest) ? 'NUIT' : undefined;
    const meeting = await nextMeeting(this.deps.store, committee, this.deps.today());
    if (!meeting) {
      await context.sendActivity(
        'Jeg finner ingen møteinnkalling i dokumentene ennå. Sekretariatet kan sende meg en møtepakke.',
      );
      return;
    }
    const label = meeting.meeting ? `møte ${meeting.meeting}` : meeting.dates.join(' og ');
    const card = messageCard(
      `Agenda ${meeting.committee} ${label}`,
      [[meeting.date, meeting.time, meeting.place].filter(Boolean).join(' · ')],
      meeting.items.map((i) => ({
        title: `${i.start_time ?? ''} ${i.sak}`.trim(),
        value: `${i.title}${i.sakstype ? ` (${i.sakstype})` : ''}`,
      })),
    );
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  private async ingestFiles(context: TurnContext, files: Attachment[]): Promise<void> {
    const user = context.activity.from.aadObjectId;
    if (!user || !this.deps.config.SECRETARIAT_AAD_IDS.includes(user)) {
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

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb;
    if (verb !== 'feedback' || !(await this.saveFeedback(context, invokeValue.action.data))) {
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Denne handlingen kjenner jeg ikke igjen, så ingenting ble endret.' as unknown as Record<
          string,
          unknown
        >,
      };
    }
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Takk for tilbakemeldingen!' as unknown as Record<string, unknown>,
    };
  }
}
