// "eksporter innspill 2/2023": the meeting's innspill grouped by sak, for the referat. The card shows
// the Markdown draft and links to DOCX and CSV, served by the bot at /api/exports/<token>. A token
// names meeting and format, expires after a day and is signed with a key kept in the store, so a
// link cannot be made up or altered, and keeps working across restarts.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { messageCard } from '../cards/messages.ts';
import { clip } from '../cards/render.ts';
import type { Config } from '../src/config.ts';
import { EXPORT_FORMATS, innspillMarkdown, type ExportFormat } from '../src/innspill/export.ts';
import { findMeetingForExport } from '../src/innspill/meeting.ts';
import type { Logger } from '../src/logger.ts';
import type { Clock } from '../src/meetings/clock.ts';
import type { Store } from '../src/store/types.ts';
import type { ActionResult } from './actions.ts';
import { mayModerate } from './roles.ts';

const LINK_SECRET = 'export-links';
const LINK_TTL_MS = 24 * 60 * 60_000;

const tokenSchema = z.object({
  committee: z.string().max(20),
  meeting: z.string().max(40),
  format: z.enum(EXPORT_FORMATS),
  expires: z.number(),
});
export type ExportToken = z.infer<typeof tokenSchema>;

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export async function exportToken(store: Store, t: ExportToken): Promise<string> {
  const payload = Buffer.from(JSON.stringify(t)).toString('base64url');
  return `${payload}.${sign(await store.secret(LINK_SECRET), payload)}`;
}

/** The export a token names, or null when it is forged, altered or expired. */
export async function readExportToken(store: Store, token: string, now: Date): Promise<ExportToken | null> {
  // Exactly payload.signature: a token with parts added is not the token that was signed.
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(sign(await store.secret(LINK_SECRET), payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.expires > now.getTime() ? parsed.data : null;
  } catch {
    return null;
  }
}

export function publicBaseUrl(config: Config): string {
  return (
    config.PUBLIC_URL ??
    (config.localMode ? `http://127.0.0.1:${config.PORT}` : `https://${config.BOT_DOMAIN}`)
  );
}

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
