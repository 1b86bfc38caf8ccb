// The meeting side panel and stage view: the page (panel/), its scripts (teams-js and the
// adaptivecards renderer, straight from node_modules) and the JSON it reads: the chat's meeting
// state, once (/api/panel/state) or as server-sent events (/api/panel/events), and its buttons
// (/api/panel/action). With an app id, every API call carries the member's Teams SSO token.
// Refusals are the edge's coded errors.
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Answerer } from '../../src/answer/types.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Store } from '../../src/store/types.ts';
import type { ChatMembers } from './chat-members.ts';
import { HttpError } from '../edge/http-errors.ts';
import { TeamsTokenVerifier, type SsoUser } from './sso.ts';
import { panelActionSchema, runPanelAction } from './actions.ts';
import type { Actor } from '../../src/actor.ts';
import { createServices } from '../../src/services.ts';
import { PanelStates, stateHash } from './state.ts';

export interface PanelDeps {
  config: Config;
  store: Store;
  answerer: Answerer;
  clock: Clock;
  logger: Logger;
  /** Where Entra ID's signing keys are read; tests serve their own. */
  jwksUrl?: string;
  /** Who belongs to a chat: with an app id, a member sees only the chats they are in. */
  members: ChatMembers;
  /** Aborted when the process stops: open event streams end then, so shutdown need not wait for them. */
  shutdown: AbortSignal;
}

const PAGES = path.resolve(import.meta.dirname, '../../panel');
const require = createRequire(import.meta.url);
/** The browser bundles, served as they ship: no bundler. A Map, so no request names its prototype. */
const SCRIPTS = new Map<string, string>([
  ['teams-js.min.js', require.resolve('@microsoft/teams-js')],
  [
    'adaptivecards.min.js',
    path.join(path.dirname(require.resolve('adaptivecards/package.json')), 'dist/adaptivecards.min.js'),
  ],
]);
/** How often an open event stream looks for changes in the store (shared by all bot processes). */
const CHANGE_POLL_MS = 1_000;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;
/** Teams shows the panel in a frame: allow its hosts (and this origin, for the preview), no others. */
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com";

const conversationQuery = z.object({ conversation: z.string().trim().min(1).max(300) });

/** A panel button's request: a verb and a card's data, small. */
const ACTION_BODY_LIMIT = '32kb';

/**
 * Who acts in the local preview (no app id, loopback only): one local user with no roles, as the
 * Agents Playground has one signed-in user.
 */
const LOCAL_ACTOR: Actor = { id: 'local-preview', name: 'Lokal bruker', tenantId: null, roles: [] };

/** The member an SSO token names; the secretariat by its configured ids. */
function actorOf(user: SsoUser, config: Config): Actor {
  return {
    id: user.oid,
    name: user.name ?? 'Medlem',
    tenantId: user.tid,
    roles: config.SECRETARIAT_AAD_IDS.includes(user.oid) ? ['secretariat'] : [],
  };
}

function conversationOf(req: Request): string {
  const query = conversationQuery.safeParse(req.query);
  if (!query.success) throw new HttpError('conversation_required');
  return query.data.conversation;
}

export function createPanelRouter(deps: PanelDeps): express.Router {
  const { config, logger, shutdown } = deps;
  const router = express.Router();
  const states = new PanelStates(deps);
  const verifier = config.localMode ? null : new TeamsTokenVerifier(deps);
  // On shutdown every open event stream ends; the panel reconnects on its own, to whichever bot
  // process serves it then. One listener for all streams, however many members have it open.
  const openStreams = new Set<Response>();
  shutdown.addEventListener('abort', () => openStreams.forEach((res) => res.end()), { once: true });

  const page = (file: string) => (_req: Request, res: Response) => {
    res.setHeader('content-security-policy', FRAME_ANCESTORS);
    res.sendFile(path.join(PAGES, file));
  };
  router.get('/panel', page('index.html'));
  router.get('/panel/config', page('config.html'));
  router.get('/panel/assets/:file', (req: Request<{ file: string }>, res: Response, next: NextFunction) => {
    const script = SCRIPTS.get(req.params.file);
    if (script) res.type('text/javascript').sendFile(script);
    else next();
  });
  router.use('/panel/assets', express.static(PAGES, { index: false, fallthrough: false }));

  router.use('/api/panel', async (req: Request, res: Response, next: NextFunction) => {
    if (!verifier) {
      res.locals.actor = LOCAL_ACTOR;
      return next();
    }
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = token ? await verifier.verify(token) : null;
    if (!user) throw new HttpError('sso_required');
    const query = conversationQuery.safeParse(req.query);
    if (query.success && !(await deps.members.isMember(query.data.conversation, user.oid)))
      throw new HttpError('not_a_member');
    res.locals.actor = actorOf(user, config);
    next();
  });

  // A button in the panel, answered in the panel: the member from the token, the chat from the query.
  const services = createServices(deps);
  router.post(
    '/api/panel/action',
    express.json({ limit: ACTION_BODY_LIMIT }),
    async (req: Request, res: Response) => {
      const conversationId = conversationOf(req);
      const body = panelActionSchema.safeParse(req.body);
      if (!body.success) throw new HttpError('invalid_action');
      const { answerer, store } = deps;
      const reply = await runPanelAction(
        { answerer, store, services },
        res.locals.actor as Actor,
        conversationId,
        body.data.verb,
        body.data.data,
      );
      if (!reply) throw new HttpError('invalid_action');
      res.setHeader('cache-control', 'no-store');
      res.json(reply);
    },
  );

  router.get('/api/panel/state', async (req: Request, res: Response) => {
    const conversationId = conversationOf(req);
    res.setHeader('cache-control', 'no-store');
    res.json(await states.of(conversationId));
  });

  // Polls the store rather than listening in-process, so votes taken by another bot process on
  // the same store show up too.
  router.get('/api/panel/events', (req: Request, res: Response) => {
    const conversationId = conversationOf(req);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    let sent = '';
    let busy = false;
    const push = async () => {
      if (busy) return;
      busy = true;
      try {
        const state = await states.of(conversationId);
        const hash = stateHash(state);
        if (hash !== sent) {
          sent = hash;
          res.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
        }
      } catch (err) {
        logger.warn({ err, conversation: conversationId }, 'could not build the panel state');
      } finally {
        busy = false;
      }
    };
    const poll = setInterval(push, CHANGE_POLL_MS);
    const keepAlive = setInterval(() => res.write(': \n\n'), KEEPALIVE_MS);
    openStreams.add(res);
    res.on('close', () => {
      clearInterval(poll);
      clearInterval(keepAlive);
      openStreams.delete(res);
    });
    if (shutdown.aborted) res.end();
    else void push();
  });

  return router;
}
