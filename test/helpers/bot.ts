// The bot as Teams reaches it in tests: the real adapter and HTTP server over a real store, and
// activities shaped as Teams sends them to /api/messages.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createAdapter } from '../../bot/edge/adapter.ts';
import { MotebotBot } from '../../bot/turn/router.ts';
import { createApp, listen } from '../../bot/edge/server.ts';
import { createAnswerer } from '../../src/answer/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import type { Store } from '../../src/store/types.ts';
import { startConnector, type Connector } from './connector.ts';

export const SECRETARY = 'aad-sekretær';

export interface TestBot {
  url: string;
  server: Server;
  config: Config;
}

export async function startTestBot(opts: {
  store: Store;
  dir: string;
  clock: Clock;
  env?: Record<string, string>;
  /** The adapter's Bot Framework authentication settings (Teams mode: where the signing keys are read). */
  authSettings?: Record<string, string | boolean>;
}): Promise<TestBot> {
  const config = loadConfig({
    DATA_DIR: opts.dir,
    SECRETARIAT_AAD_IDS: SECRETARY,
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const logger = createLogger('silent');
  const { store, clock } = opts;
  const answerer = await createAnswerer({ store, config, logger });
  const bot = new MotebotBot({ config, store, answerer, logger, clock });
  const adapter = createAdapter(config, logger, opts.authSettings);
  const server = await listen(
    createApp({
      config,
      logger,
      adapter,
      bot,
      store,
      answerer,
      clock,
      shutdown: new AbortController().signal,
    }),
    0,
    '127.0.0.1',
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, config };
}

/** One test file's bot: its store and data directory, the fake Teams connector, and the bot itself. */
export interface BotHarness<S extends Store> {
  dir: string;
  store: S;
  connector: Connector;
  bot: TestBot;
}

/**
 * Runs a bot for the calling test file: a store in a fresh directory, filled by `fill`, the
 * connector and the bot started before the file's tests, the connector's log emptied before each
 * test, and all of it closed and removed after. The fields are there once the file's tests run.
 */
export function useTestBot<S extends Store>(opts: {
  /** Names the temp directory, to tell the files' leftovers apart. */
  name: string;
  clock: Clock;
  openStore: (dir: string) => S | Promise<S>;
  fill?: (store: S) => Promise<unknown>;
}): BotHarness<S> {
  const harness = {} as BotHarness<S>;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `motebot-${opts.name}-`));
    const store = await opts.openStore(dir);
    await opts.fill?.(store);
    const connector = await startConnector();
    const bot = await startTestBot({ store, dir, clock: opts.clock });
    Object.assign(harness, { dir, store, connector, bot });
  }, 60_000);
  afterAll(async () => {
    harness.bot.server.close();
    await harness.connector.close();
    await harness.store.close();
    await rm(harness.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    harness.connector.sent.length = 0;
    harness.connector.requests.length = 0;
    harness.connector.downloads.length = 0;
  });
  return harness;
}

/** A message activity from Kari in her personal chat, unless `over` says otherwise. */
export function activityFor(connector: Connector, over: Record<string, unknown>) {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:kari', name: 'Kari Medlem', aadObjectId: 'aad-kari' },
    conversation: { id: 'a:personal-kari', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:motebot', name: 'Møtebot' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...over,
  };
}

/** A card's Action.Execute as Teams delivers it: an adaptiveCard/action invoke. */
export function invokeActivity(
  connector: Connector,
  verb: string,
  data: Record<string, unknown>,
  over: Record<string, unknown> = {},
) {
  return activityFor(connector, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...over,
  });
}

/** A scheduled Teams meeting's start or end event in its chat, as Teams delivers it to the bot. */
export function meetingEventActivity(
  connector: Connector,
  name: 'meetingStart' | 'meetingEnd',
  meeting: { chat: Record<string, unknown>; id: string; title: string; start: string; end: string },
) {
  return activityFor(connector, {
    type: 'event',
    name: `application/vnd.microsoft.${name}`,
    text: undefined,
    conversation: meeting.chat,
    from: { id: '29:arr', name: 'Arrangør', aadObjectId: 'aad-arr' },
    channelData: { tenant: { id: 'tenant-1' }, meeting: { id: meeting.id } },
    value: {
      Id: meeting.id,
      MeetingType: 'Scheduled',
      JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      Title: meeting.title,
      ...(name === 'meetingStart' ? { StartTime: meeting.start } : { EndTime: meeting.end }),
    },
  });
}

export async function postActivity(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The mention of the bot a message in a group chat or channel carries. */
export const MENTION = [
  { type: 'mention', text: '<at>Møtebot</at>', mentioned: { id: '28:motebot', name: 'Møtebot' } },
];

/**
 * "@Møtebot <text>" from a member in a conversation, answered with HTTP 200; the activities the bot
 * sent for it.
 */
export async function mentionBot<S extends Store>(
  harness: BotHarness<S>,
  conversation: Record<string, string>,
  text: string,
  from: Record<string, string>,
) {
  const before = harness.connector.sent.length;
  const res = await postActivity(
    harness.bot.url,
    activityFor(harness.connector, {
      conversation,
      from,
      text: `<at>Møtebot</at> ${text}`,
      entities: MENTION,
    }),
  );
  if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
  return (await harness.connector.waitFor(before + 1)).slice(before);
}

/** The Adaptive Cards the bot has sent through the connector, in order. */
export function sentCards(connector: Connector) {
  return connector.sent.flatMap((s) =>
    (s.activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'),
  );
}
