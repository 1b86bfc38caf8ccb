// The HTTP server: /api/messages for Teams (through the adapter), /api/exports for innspill
// exports, the meeting panel (/panel, /api/panel), and /healthz. In local mode (no app id) only loopback clients are served;
// ALLOWED_TENANTS refuses activities from other tenants.
import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import type { CloudAdapter } from 'botbuilder';
import type { Answerer } from '../src/answer/types.ts';
import type { Config } from '../src/config.ts';
import { EXPORT_TYPES, exportInnspill } from '../src/innspill/export.ts';
import { findMeetingForExport } from '../src/innspill/meeting.ts';
import type { Logger } from '../src/logger.ts';
import type { Clock } from '../src/meetings/clock.ts';
import type { Store } from '../src/store/types.ts';
import { TeamsChatMembers } from './chat-members.ts';
import { readExportToken } from './export.ts';
import type { MotebotBot } from './motebot.ts';
import { createPanelRouter } from './panel.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** In local mode (no app id) only this machine may talk to the bot. */
export function clientAllowed(config: Pick<Config, 'localMode'>, remoteAddress: string | undefined): boolean {
  return !config.localMode || LOOPBACK.test(remoteAddress ?? '');
}

export function createApp(deps: {
  config: Config;
  logger: Logger;
  adapter: CloudAdapter;
  bot: MotebotBot;
  store: Store;
  answerer: Answerer;
  clock: Clock;
}) {
  const { config, logger, adapter, bot, store, answerer, clock } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  // The meeting side panel and stage (a web page for Teams tabs, with its APIs).
  const members = new TeamsChatMembers({
    adapter,
    appId: config.MICROSOFT_APP_ID ?? '',
    store,
    clock,
    logger,
  });
  app.use(createPanelRouter({ config, store, answerer, clock, logger, members }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: config.localMode ? 'local' : 'teams' });
  });

  app.post('/api/messages', async (req: Request, res: Response) => {
    if (!clientAllowed(config, req.socket.remoteAddress)) {
      logger.warn({ remote: req.socket.remoteAddress }, 'refused a non-loopback request in local mode');
      res.status(403).json({ error: 'Local mode accepts loopback connections only.' });
      return;
    }
    const tenant = req.body?.channelData?.tenant?.id ?? req.body?.conversation?.tenantId;
    if (config.ALLOWED_TENANTS.length && !config.ALLOWED_TENANTS.includes(tenant)) {
      logger.warn({ tenant }, 'refused an activity from a tenant that is not allowed');
      res.status(403).json({ error: 'Tenant not allowed.' });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  // Innspill exports for the referat; the signed token is the permission (see bot/export.ts).
  app.get('/api/exports/:token', async (req: Request<{ token: string }>, res: Response) => {
    const token = await readExportToken(store, req.params.token, clock.now());
    const meeting = token && (await findMeetingForExport(store, token.meeting, token.committee));
    if (!token || !meeting) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Lenken er ugyldig eller utløpt. Be Møtebot om en ny eksport.');
      return;
    }
    const innspill = await store.listInnspill({ committee: meeting.committee, meeting: meeting.meeting });
    const bytes = await exportInnspill(meeting, innspill, token.format);
    const file = `innspill-${meeting.committee}-${meeting.meeting.replace(/[^\w.-]+/g, '-')}.${token.format}`;
    res
      .status(200)
      .type(EXPORT_TYPES[token.format])
      .setHeader('content-disposition', `attachment; filename="${file}"`)
      .send(Buffer.from(bytes));
  });
  return app;
}

export function listen(app: ReturnType<typeof createApp>, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = host
      ? app.listen(port, host, () => resolve(server))
      : app.listen(port, () => resolve(server));
    server.once('error', reject);
  });
}
