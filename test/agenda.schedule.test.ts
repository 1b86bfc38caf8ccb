// Agenda cards on schedule: the real store, adapter and answerer, a clock the test moves, and a
// local Bot Connector stand-in. Meeting 3/2031 of the fixture starts 4 September 2031 at 10:00
// Oslo time (08:00Z); with the default lead times its cards are due 1 September 09:00 (07:00Z)
// and 4 September 09:00 (07:00Z).
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../bot/edge/adapter.ts';
import { AgendaScheduler } from '../bot/proactive/agenda-scheduler.ts';
import { ProactiveSender } from '../bot/proactive/sender.ts';
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { ingestBytes } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { parseLeadTimes } from '../src/meetings/schedule.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { ManualClock } from './helpers/clock.ts';
import { startConnector, type Connector } from './helpers/connector.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/packages/nuit-3-2031.txt');
const SOURCE = 'nuit-3-2031.txt';

let dir: string;
let store: SqliteStore;
let connector: Connector;
let clock: ManualClock;

async function ingest(text: string) {
  await ingestBytes(new TextEncoder().encode(text), SOURCE, { store, maxBytes: 1 << 20 });
}

export function reference(conversationId: string, serviceUrl: string) {
  return {
    activityId: 'act-1',
    bot: { id: '28:motebot', name: 'Møtebot' },
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
    serviceUrl,
  };
}

async function follow(conversationId: string, committee = 'NUIT') {
  await store.saveConversation({
    id: conversationId,
    tenantId: 'tenant-1',
    kind: 'channel',
    reference: reference(conversationId, connector.url),
  });
  await store.setSubscription({
    conversationId,
    committee,
    active: true,
    changedBy: 'aad-sekretær',
    endedReason: null,
  });
}

async function scheduler(leads = '3d@09:00,60m') {
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const answerer = await createAnswerer({ store, config, logger });
  const sender = new ProactiveSender({
    adapter: createAdapter(config, logger),
    appId: '',
    clock,
    logger,
    random: () => 0.5,
  });
  return new AgendaScheduler({ store, answerer, sender, logger, clock, leads: parseLeadTimes(leads) });
}

const agendaCards = () =>
  connector.sent.filter((s) =>
    JSON.stringify(s.activity.attachments ?? []).includes('Agenda · NUIT møte 3/2031'),
  );

const postStatuses = () =>
  store.db.prepare('SELECT lead, status FROM agenda_posts ORDER BY lead').all() as {
    lead: string;
    status: string;
  }[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-schedule-'));
  store = new SqliteStore(dir);
  await ingest(await readFile(FIXTURE, 'utf8'));
  connector = await startConnector();
  clock = new ManualClock('2031-08-25T12:00:00Z');
  await follow('19:kanal-nuit');
});

afterEach(async () => {
  await connector.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('agenda cards on schedule', () => {
  it('posts at each lead time, not before, and each once', async () => {
    const s = await scheduler();
    await s.tick();
    clock.set('2031-09-01T06:59:00Z');
    await s.tick();
    expect(agendaCards()).toHaveLength(0);

    clock.set('2031-09-01T07:00:00Z');
    await s.tick();
    await s.tick();
    expect(agendaCards()).toHaveLength(1);
    const card = JSON.stringify(agendaCards()[0]!.activity.attachments);
    expect(card).toContain('torsdag 4. september 2031');
    expect(card).toContain('Prismodell for nasjonal meldingsformidling');
    expect(card).toContain('Forslag til vedtak');
    expect(agendaCards()[0]!.conversationId).toBe('19:kanal-nuit');

    clock.set('2031-09-04T06:59:00Z');
    await s.tick();
    expect(agendaCards()).toHaveLength(1);
    clock.set('2031-09-04T07:00:30Z');
    await s.tick();
    await s.tick();
    expect(agendaCards()).toHaveLength(2);
    expect(postStatuses()).toEqual([
      { lead: '3d@09:00', status: 'sent' },
      { lead: '60m', status: 'sent' },
    ]);
  });

  it('follows summer time: the 60-minute card of a winter meeting is due at 08:00Z', async () => {
    const winter = (await readFile(FIXTURE, 'utf8'))
      .replace('Dato\t4. september 2031', 'Dato\t4. desember 2031')
      .replace('Møte\t3/2031', 'Møte\t4/2031');
    await ingestBytes(new TextEncoder().encode(winter), 'nuit-4-2031.txt', { store, maxBytes: 1 << 20 });
    const s = await scheduler('60m');
    clock.set('2031-12-04T07:59:00Z');
    await s.tick();
    expect(connector.sent.filter((x) => JSON.stringify(x.activity).includes('møte 4/2031'))).toHaveLength(0);
    clock.set('2031-12-04T08:00:00Z');
    await s.tick();
    expect(connector.sent.filter((x) => JSON.stringify(x.activity).includes('møte 4/2031'))).toHaveLength(1);
  });

  it('catches up after downtime with one card for a meeting still ahead', async () => {
    const s = await scheduler();
    await s.tick();
    // Down from 25 August until an hour before the meeting: both cards were missed.
    clock.set('2031-09-04T07:30:00Z');
    await s.tick();
    await s.tick();
    expect(agendaCards()).toHaveLength(1);
    expect(postStatuses()).toEqual([
      { lead: '3d@09:00', status: 'superseded' },
      { lead: '60m', status: 'sent' },
    ]);
  });

  it('posts nothing for a meeting already begun', async () => {
    clock.set('2031-09-04T08:00:00Z');
    await (await scheduler()).tick();
    expect(connector.sent).toHaveLength(0);
    // Planned by a process while the meeting was ahead; the bot was then down past its start.
    clock.set('2031-08-25T12:00:00Z');
    await (await scheduler()).tick();
    clock.set('2031-09-04T08:05:00Z');
    await (await scheduler()).tick();
    expect(connector.sent).toHaveLength(0);
    expect(postStatuses().map((p) => p.status)).toEqual(['expired', 'expired']);
  });

  it('takes over a claim whose process died before sending, once its lease has run out', async () => {
    const s = await scheduler('3d@09:00');
    await s.tick();
    clock.set('2031-09-01T07:00:00Z');
    // What a process killed between claiming and sending leaves behind.
    const leaseUntil = new Date(clock.now().getTime() + 10 * 60_000).toISOString();
    expect(
      await store.claimAgendaPosts(clock.now().toISOString(), 'killed-process', leaseUntil),
    ).toHaveLength(1);
    await s.tick();
    expect(agendaCards()).toHaveLength(0);
    clock.set('2031-09-01T07:10:00Z');
    await s.tick();
    await s.tick();
    expect(agendaCards()).toHaveLength(1);
    expect(await store.finishAgendaPost(1, 'killed-process', { status: 'failed', error: 'late' })).toBe(
      false,
    );
  });

  it('updates a posted card in place, marked Oppdatert, when a re-ingest changes the agenda', async () => {
    const s = await scheduler('3d@09:00');
    await s.tick();
    clock.set('2031-09-01T07:00:00Z');
    await s.tick();
    expect(agendaCards()).toHaveLength(1);
    const postedId = agendaCards()[0]!.id;

    // The same package again changes nothing.
    await ingest(await readFile(FIXTURE, 'utf8'));
    await s.tick();
    expect(connector.sent.filter((x) => x.updates)).toHaveLength(0);

    const changed = (await readFile(FIXTURE, 'utf8')).replaceAll(
      'Felles bookingløsning for fysioterapi',
      'Felles bookingløsning for fysioterapi og ergoterapi',
    );
    await ingest(changed);
    clock.advance(60_000);
    await s.tick();
    await s.tick();
    const updates = connector.sent.filter((x) => x.updates);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.updates).toBe(postedId);
    const card = JSON.stringify(updates[0]!.activity.attachments);
    expect(card).toContain('Oppdatert');
    expect(card).toContain('fysioterapi og ergoterapi');
    expect(agendaCards().filter((x) => !x.updates)).toHaveLength(1);
  });

  it('stops a subscription when Teams answers 403, without retrying', async () => {
    const s = await scheduler('3d@09:00');
    await s.tick();
    clock.set('2031-09-01T07:00:00Z');
    connector.failNext({ status: 403 });
    await s.tick();
    expect(connector.requests).toEqual([{ method: 'POST', conversationId: '19:kanal-nuit', status: 403 }]);
    const [sub] = await store.listSubscriptions({ conversationId: '19:kanal-nuit' });
    expect(sub).toMatchObject({ active: false, endedReason: 'removed' });
    clock.set('2031-09-04T07:00:00Z');
    await s.tick();
    expect(connector.sent).toHaveLength(0);
  });

  it('posts into every following conversation, and only those of the committee', async () => {
    await follow('19:kanal-2');
    await follow('19:kanal-nufa', 'NUFA');
    const s = await scheduler('3d@09:00');
    clock.set('2031-09-01T07:00:00Z');
    await s.tick();
    expect(
      agendaCards()
        .map((x) => x.conversationId)
        .sort(),
    ).toEqual(['19:kanal-2', '19:kanal-nuit']);
  });
});

describe('agenda cards from more than one bot process', () => {
  const WORKER = path.resolve(import.meta.dirname, 'helpers/agenda-worker.ts');
  // A lead time that makes meeting 3/2031 due now on the real clock the workers run on.
  const daysAhead = Math.ceil((Date.parse('2031-09-04T08:00:00Z') - Date.now()) / 86_400_000);
  const leads = `${daysAhead + 10}d@09:00`;

  function worker() {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: { ...process.env, DATA_DIR: dir, AGENDA_LEAD_TIMES: leads, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited };
  }

  it('posts each card exactly once when two processes run the schedule on one store', async () => {
    for (const id of ['19:k1', '19:k2', '19:k3', '19:k4']) await follow(id);
    const a = worker();
    const b = worker();
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const posted = agendaCards()
      .map((s) => s.conversationId)
      .sort();
    expect(posted).toEqual(['19:k1', '19:k2', '19:k3', '19:k4', '19:kanal-nuit']);
  }, 60_000);

  it('posts exactly once when the process is killed between claiming and sending', async () => {
    // The first process claims the post, is told to come back in ten minutes, and is killed
    // while it waits: the card was never delivered.
    connector.failNext({ status: 429, headers: { 'retry-after': '600' } });
    const a = worker();
    const until = Date.now() + 30_000;
    while (!connector.requests.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    a.child.kill('SIGKILL');
    await a.exited;
    expect(connector.sent).toHaveLength(0);
    expect(postStatuses()).toEqual([{ lead: leads, status: 'claimed' }]);

    // Restarted: while the dead process's lease lasts nothing is sent, then the card goes once.
    const s = await scheduler(leads);
    clock.set(new Date(Date.now() + 60_000));
    await s.tick();
    expect(agendaCards()).toHaveLength(0);
    clock.set(new Date(Date.now() + 11 * 60_000));
    await s.tick();
    await s.tick();
    expect(agendaCards()).toHaveLength(1);
    expect(postStatuses()).toEqual([{ lead: leads, status: 'sent' }]);
  }, 60_000);
});
