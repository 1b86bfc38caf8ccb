// The HTTP server: /api/messages for Teams (through the adapter), /api/exports for innspill
// exports, the meeting panel (/panel, /api/panel), and /healthz, with one error handler behind
// them all (bot/edge/http-errors.ts). In local mode (no app id) only loopback clients are served;
// activities are checked before a turn runs (bot/edge/inbound.ts).
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Answerer } from '../../src/answer/types.ts';
import type { Config } from '../../src/config.ts';
import { EXPORT_FILES, EXPORT_TYPES } from '../../src/innspill/export.ts';
import { exportMeetingInput, gatherMeetingInput } from '../../src/meetings/input-export.ts';
import { findMeetingForExport } from '../../src/innspill/meeting.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Store } from '../../src/store/types.ts';
import type { MotebotAdapter } from './adapter.ts';
import { TeamsChatMembers } from '../panel/chat-members.ts';
import { readExportToken } from './export-links.ts';
import { errorHandler, HttpError, notFound } from './http-errors.ts';
import { authenticate, checkTenant, parseActivity, serviceUrlAllowed } from './inbound.ts';
import type { MotebotBot } from '../turn/router.ts';
import { createPanelRouter } from '../panel/routes.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
/** Teams caps a message near 100 KB; an activity ten times that is not one. */
const MAX_ACTIVITY_BYTES = '1mb';
/** The content type res.send gives a JSON body. */
const JSON_UTF8 = 'application/json; charset=utf-8';

/** In local mode (no app id) only this machine may talk to the bot. */
export function clientAllowed(config: Pick<Config, 'localMode'>, remoteAddress: string | undefined): boolean {
  return !config.localMode || LOOPBACK.test(remoteAddress ?? '');
}

export function createApp(deps: {
  config: Config;
  logger: Logger;
  adapter: MotebotAdapter;
  bot: MotebotBot;
  store: Store;
  answerer: Answerer;
  clock: Clock;
  /** Aborted when the process stops: long-lived responses (event streams) end on it. */
  shutdown: AbortSignal;
}) {
  const { config, logger, adapter, bot, store, answerer, clock, shutdown } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: config.localMode ? 'local' : 'teams' });
  });

  const localOnly = (req: Request, _res: Response, next: NextFunction) => {
    if (clientAllowed(config, req.socket.remoteAddress)) return next();
    next(new HttpError('local_only', `refused ${req.socket.remoteAddress ?? 'an unknown address'}`));
  };
  const jsonOnly = (req: Request, _res: Response, next: NextFunction) => {
    next(req.is('application/json') ? undefined : new HttpError('unsupported_media_type'));
  };

  app.post(
    '/api/messages',
    localOnly,
    jsonOnly,
    express.json({ limit: MAX_ACTIVITY_BYTES }),
    async (req: Request, res: Response) => {
      const activity = parseActivity(req.body);
      if (config.localMode && !serviceUrlAllowed(config, activity.serviceUrl))
        throw new HttpError('service_url_not_allowed', activity.serviceUrl);
      const auth = await authenticate(adapter, config, activity, req.headers.authorization ?? '');
      checkTenant(config, activity);
      const invoke = await adapter.runTurn(auth, activity, (context) => bot.run(context));
      // As botbuilder answers: the invoke's status and body, else 200 and nothing. Written without
      // res.send, which would hash every reply (each vote's card) for an ETag a POST never uses.
      res.status(invoke?.status ?? 200);
      if (invoke?.body === undefined) res.end();
      else res.type(JSON_UTF8).end(JSON.stringify(invoke.body));
    },
  );

  // The meeting side panel and stage (a web page for Teams tabs, with its APIs). After
  // /api/messages, so an activity (each vote) is not matched against the panel's routes first.
  const members = new TeamsChatMembers({
    adapter,
    appId: config.MICROSOFT_APP_ID ?? '',
    store,
    clock,
    logger,
  });
  app.use(createPanelRouter({ config, store, answerer, clock, logger, members, shutdown }));

  // Innspill exports for the referat; the signed token is the permission (see bot/edge/export-links.ts).
  app.get('/api/exports/:token', async (req: Request<{ token: string }>, res: Response) => {
    const token = await readExportToken(store, req.params.token, clock.now());
    const meeting = token && (await findMeetingForExport(store, token.meeting, token.committee));
    if (!token || !meeting) throw new HttpError('export_link_invalid');
    const input = await gatherMeetingInput(store, meeting, token.conversation);
    const bytes = await exportMeetingInput(meeting, input, token.format);
    const file = `${meeting.committee}-${meeting.meeting.replace(/[^\w.-]+/g, '-')}-${EXPORT_FILES[token.format]}`;
    res
      .status(200)
      .type(EXPORT_TYPES[token.format])
      .setHeader('content-disposition', `attachment; filename="${file}"`)
      .send(Buffer.from(bytes));
  });

  app.use(notFound);
  app.use(errorHandler(logger));
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
