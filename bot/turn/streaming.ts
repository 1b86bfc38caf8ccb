// Teams' streaming protocol, for an answer an LLM writes in a personal chat (Teams streams nowhere
// else): an informative update at once, so the member sees Møtebot searching while the model works;
// the answer's text as it grows; and the final message with the card, the AI label, citations and
// feedback. Every activity carries the stream's id (the first activity's), a sequence number and its
// kind, in channelData and as a `streaminfo` entity, as Teams reads either. botbuilder has no helper.
import type { Activity, TurnContext } from 'botbuilder';

type StreamType = 'informative' | 'streaming' | 'final';

export class AnswerStream {
  private id: string | undefined;
  private sequence = 0;

  constructor(private readonly context: TurnContext) {}

  /** The informative update: what Møtebot is doing (at most 1,000 characters, Teams' limit). */
  async inform(text: string): Promise<void> {
    await this.send({ type: 'typing', text: text.slice(0, 1000) }, 'informative');
  }

  /** The answer so far: each chunk repeats the text before it, as Teams requires. */
  async grow(textSoFar: string): Promise<void> {
    await this.send({ type: 'typing', text: textSoFar }, 'streaming');
  }

  /** The final message, which ends the stream. */
  async finish(message: Partial<Activity>): Promise<{ id?: string } | undefined> {
    return this.send(message, 'final');
  }

  private async send(activity: Partial<Activity>, streamType: StreamType) {
    const info = { streamType, streamSequence: ++this.sequence, ...(this.id ? { streamId: this.id } : {}) };
    const sent = await this.context.sendActivity({
      ...activity,
      ...(this.id ? { id: this.id } : {}),
      channelData: { ...(activity.channelData as object | undefined), ...info },
      entities: [{ type: 'streaminfo', ...info }, ...(activity.entities ?? [])],
    });
    this.id ??= sent?.id;
    return sent;
  }
}

/** The answer's text in the chunks a stream shows it by: paragraph by paragraph, each with those before. */
export function growingText(text: string): string[] {
  const paragraphs = text.split(/\n+/).filter((p) => p.trim());
  return paragraphs.map((_, i) => paragraphs.slice(0, i + 1).join('\n'));
}
