// The bot's HTTP edge over real HTTP, before any turn runs: every refusal and failure is a coded
// JSON body with a reference and the right status, never a stack, a path or a driver message;
// activities are checked (shape, token, serviceUrl, tenant) before the bot sees them.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportToken } from '../bot/edge/export-links.ts';
import { systemClock } from '../src/meetings/clock.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { activityFor, postActivity, startTestBot, type TestBot, useTestBot } from './helpers/bot.ts';
import {
  BOT_APP_ID,
  channelToken,
  startBotFrameworkKeys,
  unsignedToken,
  type BotFrameworkKeys,
} from './helpers/bot-token.ts';
import { seedMeeting } from './helpers/panel.ts';
import { newKey } from './helpers/sso.ts';

const harness = useTestBot({
  name: 'edge',
  clock: systemClock,
  openStore: (dir) => new SqliteStore(dir),
  fill: seedMeeting,
});

/** What must never reach a client: stack frames, install paths, source files, driver words. */
const LEAKS =
  /node_modules|\/work\/|\/tmp\/|\.[tj]s\b|\bat \S+ \(|\w*Error\b|stack|sqlite|SQLITE|database|body-parser/;

/** The response is the edge's error body for `code`, with `status`, and nothing else. */
async function expectError(res: Response, status: number, code: string): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(JSON.parse(text)).toEqual({
    error: code,
    message: expect.any(String),
    reference: expect.stringMatching(/^[0-9a-f]{8}$/),
  });
  expect(text).not.toMatch(LEAKS);
}

const send = (url: string, body: string, headers: Record<string, string>) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers, body });
const JSON_TYPE = { 'content-type': 'application/json' };

describe('malformed requests to /api/messages', () => {
  it('answers broken JSON, an oversized body, a foreign charset or encoding and a non-JSON type with 400, 413 and 415', async () => {
    await expectError(await send(harness.bot.url, '{', JSON_TYPE), 400, 'invalid_json');
    await expectError(await send(harness.bot.url, '"just a string"', JSON_TYPE), 400, 'invalid_json');
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) });
    await expectError(await send(harness.bot.url, huge, JSON_TYPE), 413, 'body_too_large');
    await expectError(
      await send(harness.bot.url, '{}', { 'content-type': 'application/json; charset=latin1' }),
      415,
      'unsupported_charset',
    );
    await expectError(
      await send(harness.bot.url, '{}', { ...JSON_TYPE, 'content-encoding': 'x-evil' }),
      415,
      'unsupported_encoding',
    );
    await expectError(
      await send(harness.bot.url, 'not gzip at all', { ...JSON_TYPE, 'content-encoding': 'gzip' }),
      400,
      'bad_request',
    );
    await expectError(
      await send(harness.bot.url, 'hjelp', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    await expectError(await send(harness.bot.url, '', {}), 415, 'unsupported_media_type');
    expect(harness.connector.requests).toHaveLength(0);
  });

  it('refuses an activity that is not one with 400 before any turn runs', async () => {
    for (const body of [
      {},
      [],
      { type: 5 },
      { type: 'message' },
      activityFor(harness.connector, { conversation: {} }),
    ])
      await expectError(await postActivity(harness.bot.url, body), 400, 'invalid_activity');
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.connector.requests).toHaveLength(0);
  });

  it('refuses an activity without a usable serviceUrl at once, without sending anything anywhere', async () => {
    for (const serviceUrl of [undefined, '', 'not a url', 'file:///etc/passwd'])
      await expectError(
        await postActivity(harness.bot.url, activityFor(harness.connector, { text: 'hjelp', serviceUrl })),
        400,
        'invalid_activity',
      );
    // In local mode replies go to this machine only: a public connector is not where they belong.
    await expectError(
      await postActivity(
        harness.bot.url,
        activityFor(harness.connector, {
          text: 'hjelp',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
        }),
      ),
      400,
      'service_url_not_allowed',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.connector.requests).toHaveLength(0);
  });

  it('still answers a well-formed activity', async () => {
    expect(
      (await postActivity(harness.bot.url, activityFor(harness.connector, { text: 'hjelp' }))).status,
    ).toBe(200);
    expect(await harness.connector.waitFor(1)).toHaveLength(1);
  });
});

describe('tenants', () => {
  const mismatched = (channelTenant: string, conversationTenant: string) =>
    activityFor(harness.connector, {
      text: 'hjelp',
      channelData: { tenant: { id: channelTenant } },
      conversation: { id: 'a:x', conversationType: 'personal', tenantId: conversationTenant },
    });

  it('refuses an activity whose channelData tenant disagrees with its conversation tenant (403)', async () => {
    const guarded = await startTestBot({
      store: harness.store,
      dir: harness.dir,
      clock: systemClock,
      env: { ALLOWED_TENANTS: 'tenant-1' },
    });
    try {
      // An allowed tenant in channelData does not let in a conversation of another tenant.
      for (const [channelTenant, conversationTenant, code] of [
        ['tenant-1', 'tenant-evil', 'tenant_mismatch'],
        ['tenant-evil', 'tenant-1', 'tenant_mismatch'],
        ['tenant-evil', 'tenant-evil', 'tenant_not_allowed'],
      ] as const)
        await expectError(
          await postActivity(guarded.url, mismatched(channelTenant, conversationTenant)),
          403,
          code,
        );
      // Without ALLOWED_TENANTS a self-contradicting activity is refused all the same.
      await expectError(
        await postActivity(harness.bot.url, mismatched('tenant-1', 'tenant-2')),
        403,
        'tenant_mismatch',
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(harness.connector.requests).toHaveLength(0);
    } finally {
      guarded.server.close();
    }
  });
});

describe('Bot Framework tokens (Teams mode)', () => {
  let keys: BotFrameworkKeys;
  let secured: TestBot;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    keys = await startBotFrameworkKeys();
    secured = await startTestBot({
      store: harness.store,
      dir: harness.dir,
      clock: systemClock,
      env: { MICROSOFT_APP_ID: BOT_APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-secret' },
      authSettings: keys.authSettings,
    });
  });

  afterAll(async () => {
    secured.server.close();
    await keys.close();
  });

  it('refuses every invalid token with 401 and a clean body', async () => {
    // botbuilder's token extractor writes refused tokens to console.error itself; the refusal
    // that matters here is what goes on the wire.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const url = harness.connector.url;
      const refused: [string, string | undefined][] = [
        ['no token', undefined],
        ['garbage', 'Bearer garbage'],
        ['another scheme', `Basic ${channelToken(keys.key, url)}`],
        ['alg none under the real kid', `Bearer ${unsignedToken(url)}`],
        ['another key under the real kid', `Bearer ${channelToken(newKey().privateKey, url)}`],
        ['an unknown kid', `Bearer ${channelToken(keys.key, url, {}, { kid: 'nope' })}`],
        ['not valid before an hour from now', `Bearer ${channelToken(keys.key, url, { nbf: now() + 3600 })}`],
        ['expired', `Bearer ${channelToken(keys.key, url, { exp: now() - 3600 })}`],
        ['another audience', `Bearer ${channelToken(keys.key, url, { aud: 'another-bot' })}`],
        ['another issuer', `Bearer ${channelToken(keys.key, url, { iss: 'https://evil.example' })}`],
        ['HS256 with the key id', `Bearer ${channelToken(keys.key, url, {}, { alg: 'HS256' })}`],
        // A token issued for another connector does not make this request's serviceUrl its own.
        ['another serviceurl', `Bearer ${channelToken(keys.key, 'https://smba.trafficmanager.net/emea/')}`],
        ['no serviceurl claim', `Bearer ${channelToken(keys.key, url, { serviceurl: undefined })}`],
      ];
      for (const [what, authorization] of refused) {
        const res = await postActivity(
          secured.url,
          activityFor(harness.connector, { text: 'hjelp' }),
          authorization ? { authorization } : {},
        );
        expect(res.status, what).toBe(401);
        await expectError(res, 401, 'unauthorized');
      }
    } finally {
      quiet.mockRestore();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.connector.requests).toHaveLength(0);
  });

  it('lets a valid token through to the activity checks that follow it', async () => {
    const authorization = `Bearer ${channelToken(keys.key, harness.connector.url)}`;
    // Refused for its tenants, not its token: the token itself passed.
    const mismatch = activityFor(harness.connector, {
      text: 'hjelp',
      channelData: { tenant: { id: 'tenant-1' } },
      conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'tenant-2' },
    });
    await expectError(await postActivity(secured.url, mismatch, { authorization }), 403, 'tenant_mismatch');
    await expectError(
      await postActivity(secured.url, activityFor(harness.connector, { serviceUrl: undefined }), {
        authorization,
      }),
      400,
      'invalid_activity',
    );
    await expectError(await send(secured.url, '{', { ...JSON_TYPE, authorization }), 400, 'invalid_json');
  });
});

describe('the other routes', () => {
  it('answers unknown paths, asset tricks and malformed paths with a coded 4xx', async () => {
    await expectError(await fetch(`${harness.bot.url}/nope`), 404, 'not_found');
    await expectError(await fetch(`${harness.bot.url}/api/messages`), 404, 'not_found');
    // The script table is no plain object: its prototype's names are not files.
    for (const file of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      await expectError(await fetch(`${harness.bot.url}/panel/assets/${file}`), 404, 'not_found');
    for (const trick of [
      '..%2f..%2fpackage.json',
      '..%2f..%2f..%2fetc%2fpasswd',
      '%2e%2e%2fbot%2fserver.ts',
    ]) {
      const res = await fetch(`${harness.bot.url}/panel/assets/${trick}`);
      expect([400, 403, 404]).toContain(res.status);
      await expectError(
        res,
        res.status,
        { 400: 'bad_request', 403: 'forbidden', 404: 'not_found' }[res.status]!,
      );
    }
    await expectError(await fetch(`${harness.bot.url}/panel/assets/%E0%A4%A`), 400, 'bad_request');
    await expectError(await fetch(`${harness.bot.url}/api/panel/state`), 400, 'conversation_required');
    await expectError(await fetch(`${harness.bot.url}/api/panel/events`), 400, 'conversation_required');
  });

  it('refuses an export link with extra parts, and serves the link as signed', async () => {
    const token = await exportToken(harness.store, {
      committee: 'NUIT',
      meeting: '3/2031',
      format: 'csv',
      expires: Date.now() + 3_600_000,
    });
    expect((await fetch(`${harness.bot.url}/api/exports/${token}`)).status).toBe(200);
    for (const forged of [`${token}.extra`, `${token}.`, `${token}.a.b`, 'garbage', 'a.b.c'])
      await expectError(await fetch(`${harness.bot.url}/api/exports/${forged}`), 404, 'export_link_invalid');
  });

  it('answers a store failure on the panel API with 500 and no driver message', async () => {
    const brokenDir = await mkdtemp(path.join(os.tmpdir(), 'motebot-edge-broken-'));
    const broken = new SqliteStore(brokenDir);
    const brokenBot = await startTestBot({ store: broken, dir: brokenDir, clock: systemClock });
    try {
      await broken.close();
      await expectError(
        await fetch(`${brokenBot.url}/api/panel/state?conversation=19:x@thread.v2`),
        500,
        'internal',
      );
    } finally {
      brokenBot.server.close();
      await rm(brokenDir, { recursive: true, force: true });
    }
  });
});
