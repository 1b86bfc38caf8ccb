// "eksporter innspill 2/2023": the meeting's innspill grouped by sak, for the referat. The card shows
// the Markdown draft and links to DOCX and CSV, served by the bot (bot/edge/export-links.ts).
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { messageCard } from '../../cards/messages.ts';
import { clip } from '../../cards/render.ts';
import type { Config } from '../../src/config.ts';
import { innspillMarkdown, type ExportFormat } from '../../src/innspill/export.ts';
import { findMeetingForExport } from '../../src/innspill/meeting.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Store } from '../../src/store/types.ts';
import { exportToken, LINK_TTL_MS, publicBaseUrl } from '../edge/export-links.ts';
import type { ActionResult } from './card-actions.ts';
import { mayModerate } from './actor.ts';

interface ExportDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
}

export const exportRefSchema = z.object({
  committee: z.string().min(1).max(20),
  meeting: z.string().min(1).max(40),
});

export async function exportCommand(context: TurnContext, rest: string, deps: ExportDeps): Promise<void> {
  const m = /^innspill\s+(.+)$/i.exec(rest.trim());
  if (!m) {
    await context.sendActivity('Skriv for eksempel «eksporter innspill 2/2023».');
    return;
  }
  const result = await exportMeeting(context, m[1]!, undefined, deps);
  if (result) await context.sendActivity(result);
}

/** The export action on the end-of-meeting summary. */
export async function exportAction(
  context: TurnContext,
  data: z.infer<typeof exportRefSchema>,
  deps: ExportDeps,
): Promise<ActionResult> {
  return {
    message:
      (await exportMeeting(context, data.meeting, data.committee, deps)) ?? 'Eksporten kommer i samtalen.',
  };
}

/** Sends the export card; returns what to tell the member instead when it cannot. */
async function exportMeeting(
  context: TurnContext,
  label: string,
  committee: string | undefined,
  deps: ExportDeps,
): Promise<string | null> {
  if (!(await mayModerate(context, deps)))
    return 'Bare sekretariatet og møtearrangøren kan eksportere innspill.';
  const meeting = await findMeetingForExport(deps.store, label, committee);
  if (!meeting) return `Jeg finner ingen møteinnkalling for «${label}» i dokumentene.`;
  const innspill = await deps.store.listInnspill({ committee: meeting.committee, meeting: meeting.meeting });
  const expires = deps.clock.now().getTime() + LINK_TTL_MS;
  const link = async (format: ExportFormat) =>
    `${publicBaseUrl(deps.config)}/api/exports/${await exportToken(deps.store, { committee: meeting.committee, meeting: meeting.meeting, format, expires })}`;
  const card = messageCard(`Innspill til referatet: ${meeting.committee} ${meeting.meeting}`, [
    `${innspill.length} innspill, gruppert per sak. Lenkene virker i ett døgn: [Word (DOCX)](${await link('docx')}) · [CSV](${await link('csv')}) · [Markdown](${await link('md')})`,
    clip(innspillMarkdown(meeting, innspill), 15_000),
  ]);
  deps.logger.info({ meeting: meeting.meeting, count: innspill.length }, 'innspill exported');
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return null;
}
