// Proactive sending over real HTTP (botbuilder's CloudAdapter against a local Bot Connector
// stand-in) on a clock the test moves: Teams' per-conversation rate limits, retries with back-off
// and Retry-After, and what is final.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../bot/edge/adapter.ts';
import { ConversationGoneError, ProactiveSender } from '../bot/proactive/sender.ts';
import { backoffMs, DEFAULT_RETRY } from '../bot/proactive/retry.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { ManualClock } from './helpers/clock.ts';
import { startConnector, type Connector } from './helpers/connector.ts';

let connector: Connector;
let clock: ManualClock;
let sender: ProactiveSender;

const reference = (conversationId: string) => ({
  bot: { id: '28:motebot', name: 'Møtebot' },
  channelId: 'msteams',
  conversation: { id: conversationId, conversationType: 'groupChat', isGroup: true },
  serviceUrl: connector.url,
});

beforeEach(async () => {
  connector = await startConnector();
  clock = new ManualClock('2031-09-01T07:00:00Z');
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  sender = new ProactiveSender({
    adapter: createAdapter(config, logger),
    appId: '',
    clock,
    logger,
    random: () => 1,
  });
});

afterEach(async () => {
  await connector.close();
});

describe('proactive sending', () => {
  it('keeps one conversation within 7 messages a second and 60 per 30 seconds', async () => {
    const at: number[] = [];
    for (let i = 0; i < 70; i++) {
      await sender.send(reference('19:gruppe'), { type: 'message', text: `melding ${i}` }, `job-${i}`);
      at.push(clock.now().getTime());
    }
    expect(connector.sent).toHaveLength(70);
    for (let i = 7; i < at.length; i++) expect(at[i]! - at[i - 7]!).toBeGreaterThanOrEqual(1000);
    for (let i = 60; i < at.length; i++) expect(at[i]! - at[i - 60]!).toBeGreaterThanOrEqual(30_000);
    // The limits are not met by waiting longer than needed: the first seven go at once.
    expect(at[6]! - at[0]!).toBe(0);
  });

  it('does not hold one conversation back for another', async () => {
    for (let i = 0; i < 7; i++)
      await sender.send(reference('19:a'), { type: 'message', text: 'a' }, `a-${i}`);
    const before = clock.now().getTime();
    await sender.send(reference('19:b'), { type: 'message', text: 'b' }, 'b-0');
    expect(clock.now().getTime()).toBe(before);
  });

  it('waits as long as Retry-After says, then sends once', async () => {
    connector.failNext({ status: 429, headers: { 'retry-after': '7' } });
    const id = await sender.send(reference('19:gruppe'), { type: 'message', text: 'agenda' }, 'job-1');
    expect(id).toBe('sent-1');
    expect(clock.slept).toEqual([7000]);
    expect(connector.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(connector.sent).toHaveLength(1);
  });

  it('understands Retry-After as an HTTP date', async () => {
    const at = new Date(clock.now().getTime() + 12_000).toUTCString();
    connector.failNext({ status: 429, headers: { 'retry-after': at } });
    await sender.send(reference('19:gruppe'), { type: 'message', text: 'agenda' }, 'job-1');
    expect(clock.slept).toEqual([12_000]);
  });

  it('backs off exponentially on 412, 502 and 504', async () => {
    connector.failNext({ status: 502 }, { status: 504 }, { status: 412 });
    await sender.send(reference('19:gruppe'), { type: 'message', text: 'agenda' }, 'job-1');
    expect(connector.requests.map((r) => r.status)).toEqual([502, 504, 412, 200]);
    expect(clock.slept).toEqual([1, 2, 3].map((n) => backoffMs(n, DEFAULT_RETRY, () => 1)));
    expect(clock.slept).toEqual([500, 1000, 2000]);
  });

  it('gives up after the last try and reports the failure', async () => {
    connector.failNext(...Array.from({ length: DEFAULT_RETRY.attempts }, () => ({ status: 502 })));
    await expect(
      sender.send(reference('19:gruppe'), { type: 'message', text: 'x' }, 'job-1'),
    ).rejects.toThrow();
    expect(connector.requests).toHaveLength(DEFAULT_RETRY.attempts);
    expect(connector.sent).toHaveLength(0);
  });

  it('treats 403 as final: the bot was removed, nothing is retried or posted', async () => {
    connector.failNext({ status: 403 });
    await expect(
      sender.send(reference('19:gruppe'), { type: 'message', text: 'x' }, 'job-1'),
    ).rejects.toBeInstanceOf(ConversationGoneError);
    expect(connector.requests).toHaveLength(1);
    expect(connector.sent).toHaveLength(0);
  });

  it('does not retry other failures such as 400', async () => {
    connector.failNext({ status: 400 });
    await expect(
      sender.send(reference('19:gruppe'), { type: 'message', text: 'x' }, 'job-1'),
    ).rejects.toThrow();
    expect(connector.requests).toHaveLength(1);
  });

  it('updates a posted activity in place', async () => {
    const id = await sender.send(reference('19:gruppe'), { type: 'message', text: 'før' }, 'job-1');
    await sender.update(reference('19:gruppe'), id, { type: 'message', text: 'etter' }, 'job-2');
    expect(connector.sent.map((s) => [s.updates ?? null, s.activity.text])).toEqual([
      [null, 'før'],
      [id, 'etter'],
    ]);
  });
});
