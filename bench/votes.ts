// The vote burst: 1,000 distinct members vote on one poll over HTTP against /api/messages, 16
// requests in flight, through the real adapter, bot and store. The same burst goes to a bare
// botbuilder handler that answers the invoke with no work, in the same run, so the ratio says what
// Møtebot's own work costs. Then the tally is checked: every vote counted exactly once.
//
// Two shapes: one bot process on SQLite or PostgreSQL, in this process (`voteBench`); and two bot
// processes (`bot/index.ts`) on one PostgreSQL database with the requests alternating between
// them, against two bare handler processes taking the same alternating burst (`instancesBench`).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAdapter } from '../bot/edge/adapter.ts';
import { MotebotBot } from '../bot/turn/router.ts';
import { createApp, listen } from '../bot/edge/server.ts';
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { ingestBytes } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/meetings/clock.ts';
import type { NewPoll } from '../src/polls/types.ts';
import { PostgresStore } from '../src/store/postgres.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import { startBotProcess, type BotProcess } from '../test/helpers/bot-process.ts';
import { startConnector } from '../test/helpers/connector.ts';
import { createTestDatabase } from '../test/helpers/postgres.ts';
import { burst, GROUP_CHAT, voteActivity, type BurstResult } from '../test/helpers/vote-burst.ts';
import { startBareBot } from './bare-bot.ts';

const VOTERS = 1000;
/** Requests in flight in all: per target, this divided by the number of targets. */
const IN_FLIGHT = 16;
const OPTIONS = ['Tilgjengelighet', 'Funksjonalitet', 'Innovasjon'];
const SAMPLE = path.resolve(import.meta.dirname, '../sample/nuit-mote-3-2031.txt');

const POLL: NewPoll = {
  conversationId: GROUP_CHAT.id,
  committee: null,
  meeting: null,
  sak: null,
  kind: 'single',
  question: 'Hvor skal vi legge kruttet?',
  options: OPTIONS,
  maxPicks: null,
  anonymous: false,
  results: 'live',
  closesAt: null,
  createdBy: 'aad-bench',
};

export interface VoteFigures {
  bot: Omit<BurstResult, 'replies'>;
  bare: Omit<BurstResult, 'replies'>;
  ratio: number;
  counted: number;
  distinct: number;
  lost: number;
  doubled: number;
  tallyMatches: boolean;
  /** Two instances only: one bare handler process taking the same burst, and the ratio to it. */
  oneBare?: Omit<BurstResult, 'replies'>;
  ratioToOne?: number;
}

const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
const votesFor = (serviceUrl: string, pollId: string) =>
  Array.from({ length: VOTERS }, (_, i) => voteActivity(serviceUrl, pollId, i, i % OPTIONS.length));

const withoutReplies = (r: BurstResult): Omit<BurstResult, 'replies'> => ({
  perSecond: r.perSecond,
  p50: r.p50,
  p99: r.p99,
  failed: r.failed,
});

/** Warms both up (JIT, first statements) on a poll of its own, then measures bare, then Møtebot. */
async function measure(
  store: Store,
  serviceUrl: string,
  bare: string[],
  bot: string[],
): Promise<VoteFigures> {
  const warm = await store.createPoll(POLL);
  const warmVotes = votesFor(serviceUrl, warm.id).slice(0, 50);
  await burst(bare, warmVotes, { connections: IN_FLIGHT / bare.length });
  await burst(bot, warmVotes, { connections: IN_FLIGHT / bot.length });
  const poll = await store.createPoll(POLL);
  const votes = votesFor(serviceUrl, poll.id);
  const bareRun = withoutReplies(await burst(bare, votes, { connections: IN_FLIGHT / bare.length }));
  const botRun = withoutReplies(await burst(bot, votes, { connections: IN_FLIGHT / bot.length }));
  const stored = await store.listVotes(poll.id);
  const voters = new Set(stored.map((v) => v.voterKey));
  const counts = OPTIONS.map(
    (_, o) => stored.filter((v) => 'choices' in v.answer && v.answer.choices[0] === o).length,
  );
  const expected = OPTIONS.map((_, o) => votes.filter((_v, i) => i % OPTIONS.length === o).length);
  return {
    bot: botRun,
    bare: bareRun,
    ratio: botRun.perSecond / bareRun.perSecond,
    counted: stored.length,
    distinct: voters.size,
    lost: VOTERS - voters.size,
    doubled: stored.length - voters.size,
    tallyMatches: counts.every((c, i) => c === expected[i]),
  };
}

async function ingestSample(store: Store): Promise<void> {
  await ingestBytes(new Uint8Array(await readFile(SAMPLE)), 'nuit-mote-3-2031.txt', {
    store,
    maxBytes: 1 << 20,
  });
}

/** The burst on one bot process over SQLite (a file), or over PostgreSQL (a new database on 127.0.0.1:5432). */
export async function voteBench(kind: 'sqlite' | 'postgres' = 'sqlite'): Promise<VoteFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-votes-'));
  const connector = await startConnector();
  const db = kind === 'postgres' ? await createTestDatabase() : null;
  const store = db ? await PostgresStore.open(db.url) : new SqliteStore(dir);
  try {
    await ingestSample(store);
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    const answerer = await createAnswerer({ store, config, logger });
    const bot = new MotebotBot({ config, store, answerer, logger, clock: systemClock });
    const server = await listen(
      createApp({
        config,
        logger,
        adapter: createAdapter(config, logger),
        bot,
        store,
        answerer,
        clock: systemClock,
        shutdown: new AbortController().signal,
      }),
      0,
      '127.0.0.1',
    );
    const bare = await startBareBot();
    try {
      return await measure(store, connector.url, [urlOf(bare)], [urlOf(server)]);
    } finally {
      server.close();
      bare.close();
    }
  } finally {
    await store.close();
    await db?.drop();
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Two bot processes on one new PostgreSQL database, and two bare handler processes, alternating. */
export async function instancesBench(): Promise<VoteFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-instances-'));
  const connector = await startConnector();
  const db = await createTestDatabase();
  const store = await PostgresStore.open(db.url);
  const processes: BotProcess[] = [];
  try {
    await ingestSample(store);
    const env = (name: string) => ({
      STORE: 'postgres',
      DATABASE_URL: db.url,
      DATA_DIR: path.join(dir, name),
    });
    processes.push(
      ...(await Promise.all([
        startBotProcess(env('a')),
        startBotProcess(env('b')),
        startBotProcess({}, 'bench/bare-bot.ts'),
        startBotProcess({}, 'bench/bare-bot.ts'),
      ])),
    );
    const [a, b, bareA, bareB] = processes.map((p) => p.url);
    const figures = await measure(store, connector.url, [bareA!, bareB!], [a!, b!]);
    const oneBare = withoutReplies(
      await burst([bareA!], votesFor(connector.url, 'f'.repeat(16)), { connections: IN_FLIGHT }),
    );
    return { ...figures, oneBare, ratioToOne: figures.bot.perSecond / oneBare.perSecond };
  } finally {
    processes.forEach((p) => p.kill());
    await Promise.all(processes.map((p) => p.exited));
    await store.close();
    await db.drop();
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  }
}
