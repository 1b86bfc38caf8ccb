// The vote burst: 1,000 distinct members vote on one poll over HTTP against /api/messages, 16
// connections at a time, through the real adapter, bot and store. The same burst goes to a bare
// botbuilder handler that answers the invoke with no work, in the same run, so the ratio says what
// Møtebot's own work costs. Then the tally is checked: every vote counted exactly once.
import { Agent, request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ActivityHandler, type AdaptiveCardInvokeResponse } from 'botbuilder';
import express from 'express';
import { createAdapter } from '../bot/edge/adapter.ts';
import { MotebotBot } from '../bot/turn/router.ts';
import { createApp, listen } from '../bot/edge/server.ts';
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { ingestBytes } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/meetings/clock.ts';
import { PostgresStore } from '../src/store/postgres.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { startConnector } from '../test/helpers/connector.ts';
import { createTestDatabase } from '../test/helpers/postgres.ts';

const VOTERS = 1000;
const CONNECTIONS = 16;
const OPTIONS = ['Tilgjengelighet', 'Funksjonalitet', 'Innovasjon'];
const CONVERSATION = { id: '19:bench@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Posts one activity per body, CONNECTIONS at a time over keep-alive sockets; latencies in ms. */
async function burst(url: string, bodies: string[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(`${url}/api/messages`);
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const t0 = performance.now();
        if ((await post(body)) !== 200) failed++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: bodies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed,
  };
}

function voteActivity(serviceUrl: string, pollId: string, i: number): string {
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `vote-${i}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:voter-${i}`, name: `Medlem ${i}`, aadObjectId: `aad-voter-${i}` },
    conversation: CONVERSATION,
    recipient: { id: '28:motebot', name: 'Møtebot' },
    channelData: { tenant: { id: 'tenant-1' } },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'poll.vote',
        data: { pollId, choice: String(i % OPTIONS.length) },
      },
    },
  });
}

/** A bot that answers the same invoke with a fixed reply and does nothing else. */
async function bareBot(): Promise<Server> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const adapter = createAdapter(config, createLogger('silent'));
  const bot = new (class extends ActivityHandler {
    protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: {} };
    }
  })();
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The burst on one bot process over SQLite (a file), or over PostgreSQL (a new database on 127.0.0.1:5432). */
export async function voteBench(kind: 'sqlite' | 'postgres' = 'sqlite') {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-votes-'));
  const connector = await startConnector();
  const db = kind === 'postgres' ? await createTestDatabase() : null;
  const store = db ? await PostgresStore.open(db.url) : new SqliteStore(dir);
  try {
    const fixture = await readFile(path.resolve(import.meta.dirname, '../sample/nuit-mote-3-2031.txt'));
    await ingestBytes(new Uint8Array(fixture), 'nuit-mote-3-2031.txt', { store, maxBytes: 1 << 20 });
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
    const bare = await bareBot();
    const poll = await store.createPoll({
      conversationId: CONVERSATION.id,
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
    });
    const bodies = Array.from({ length: VOTERS }, (_, i) => voteActivity(connector.url, poll.id, i));
    const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    // Warm both up (JIT, first SQLite statements) before measuring.
    await burst(urlOf(bare), bodies.slice(0, 50));
    await burst(
      urlOf(server),
      bodies.slice(0, 50).map((b) => b.replace('"vote-', '"warm-')),
    );
    await store.deletePoll(poll.id);
    const measured = await store.createPoll({ ...poll, createdBy: 'aad-bench' });
    const votes = bodies.map((b) => b.replaceAll(poll.id, measured.id));
    const bareRun = await burst(urlOf(bare), votes);
    const botRun = await burst(urlOf(server), votes);
    const stored = await store.listVotes(measured.id);
    const voters = new Set(stored.map((v) => v.voterKey));
    const counts = OPTIONS.map(
      (_, o) => stored.filter((v) => 'choices' in v.answer && v.answer.choices[0] === o).length,
    );
    const expected = OPTIONS.map(
      (_, o) => Array.from({ length: VOTERS }, (_, i) => i % OPTIONS.length).filter((x) => x === o).length,
    );
    server.close();
    bare.close();
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
  } finally {
    await store.close();
    await db?.drop();
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  }
}
