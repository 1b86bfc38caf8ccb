// "eksporter innspill 2/2023", and the export action on the end-of-meeting summary: the meeting's
// innspill grouped by sak, for the referat. The card shows the Markdown draft and signed links to
// DOCX, the draft referat (DOCX), Excel, CSV and Markdown, served by the bot (bot/edge/export-links.ts).
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { messageCard } from '../../cards/messages.ts';
import { clip } from '../../cards/render.ts';
import type { Actor } from '../../src/actor.ts';
import type { Language } from '../../src/answer/types.ts';
import { innspillMarkdown, type ExportFormat } from '../../src/innspill/export.ts';
import { osloToday } from '../../src/meetings/clock.ts';
import { fillExample, recordExample } from '../../src/meetings/examples.ts';
import { refusalText } from '../../src/refusals.ts';
import { cardActivity } from '../activity.ts';
import { exportToken, LINK_TTL_MS, publicBaseUrl } from '../edge/export-links.ts';
import type { CardAction, Command, TurnDeps } from './deps.ts';

export const exportRefSchema = z.object({
  committee: z.string().min(1).max(20),
  meeting: z.string().min(1).max(40),
});

export const exportCommand: Command = async (context, actor, rest, lang, deps) => {
  const m = /^(?:innspill|input)\s+(.+)$/i.exec(rest.trim());
  if (!m) {
    const example = await recordExample(deps.store, osloToday(deps.clock.now()));
    await context.sendActivity(
      fillExample(
        lang === 'en'
          ? 'Write for example «export input {meeting}».'
          : 'Skriv for eksempel «eksporter innspill {meeting}».',
        example,
        lang,
      ),
    );
    return;
  }
  const refused = await exportMeeting(context, actor, m[1]!, undefined, deps, lang);
  if (refused) await context.sendActivity(refused);
};

export const exportAction: CardAction<z.infer<typeof exportRefSchema>> = async (
  context,
  actor,
  data,
  deps,
) => ({
  message:
    (await exportMeeting(context, actor, data.meeting, data.committee, deps)) ??
    'Eksporten kommer i samtalen.',
});

/** Sends the export card; returns what to tell the member instead when it is refused. */
async function exportMeeting(
  context: TurnContext,
  actor: Actor,
  label: string,
  committee: string | undefined,
  deps: TurnDeps,
  lang: Language = 'nb',
): Promise<string | null> {
  const draft = await deps.services.innspill.exportDraft(actor, label, committee);
  if (!draft.ok) return refusalText(draft.refusal, lang);
  const { meeting, innspill } = draft.value;
  const expires = deps.clock.now().getTime() + LINK_TTL_MS;
  const link = async (format: ExportFormat) =>
    `${publicBaseUrl(deps.config)}/api/exports/${await exportToken(deps.store, { committee: meeting.committee, meeting: meeting.meeting, format, expires, conversation: context.activity.conversation.id })}`;
  const card = messageCard(`Innspill til referatet: ${meeting.committee} ${meeting.meeting}`, [
    `${innspill.length} innspill, gruppert per sak. Lenkene virker i ett døgn: [Word (DOCX)](${await link('docx')}) · [Utkast til referat (DOCX)](${await link('referat-docx')}) · [Excel (XLSX), med avstemninger og spørsmål](${await link('xlsx')}) · [CSV](${await link('csv')}) · [CSV: avstemninger](${await link('polls-csv')}) · [CSV: spørsmål](${await link('questions-csv')}) · [Markdown](${await link('md')})`,
    clip(innspillMarkdown(meeting, innspill), 15_000),
  ]);
  deps.logger.info({ meeting: meeting.meeting, count: innspill.length }, 'innspill exported');
  await context.sendActivity(cardActivity(card));
  return null;
}
