// Signed links to a meeting's exports (/api/exports/<token>). A token names meeting, format and the
// chat it was asked in, expires after a day and is signed with a key kept in the store, so a link
// cannot be made up or altered, and keeps working across restarts and on every bot process sharing
// the store.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../../src/config.ts';
import { EXPORT_FORMATS } from '../../src/innspill/export.ts';
import type { Store } from '../../src/store/types.ts';

const LINK_SECRET = 'export-links';
export const LINK_TTL_MS = 24 * 60 * 60_000;

const tokenSchema = z.object({
  committee: z.string().max(20),
  meeting: z.string().max(40),
  format: z.enum(EXPORT_FORMATS),
  expires: z.number(),
  /** The chat the export was asked in: its polls and questions of the meeting go in the workbook. */
  conversation: z.string().max(300).optional(),
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
