// The meeting panel as a member sees it, in Debian's Chromium: the standalone preview of a chat
// (agenda with the current sak marked, live poll results that follow votes over the event
// stream), the stage view, and the panel inside a stand-in Teams host that answers teams-js'
// postMessage calls (initialize, getContext, getAuthToken, shareAppContentToStage) with a dark
// theme and an SSO token the bot verifies. Screenshots go to test-artifacts/panel-*.png.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import express from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Poll } from '../src/polls/types.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { systemClock } from '../src/meetings/clock.ts';
import { invokeActivity, postActivity, startTestBot } from './helpers/bot.ts';
import { startConnector } from './helpers/connector.ts';
import { CHAT, createPoll, seedMeeting, startPanel, vote, type PanelServer } from './helpers/panel.ts';
import { signToken, SSO_ENV, startJwks, TENANT, type Jwks } from './helpers/sso.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../test-artifacts');

let dir: string;
let store: SqliteStore;
let browser: Browser;
let page: Page;
let poll: Poll;
const servers: PanelServer[] = [];
let jwks: Jwks;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-panel-ui-'));
  await mkdir(ARTIFACTS, { recursive: true });
  store = new SqliteStore(dir);
  await seedMeeting(store);
  poll = await createPoll(store, 'live');
  await store.addInnspill({
    committee: 'NUIT',
    meeting: '3/2031',
    sak: '42/31',
    conversationId: CHAT,
    authorId: 'aad-m1',
    authorName: 'Medlem 1',
    organisation: 'KS',
    text: 'Fysioterapeutene i kommunene må med i piloten.',
  });
  jwks = await startJwks();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) {
    s.server.closeAllConnections();
    s.server.close();
  }
  jwks?.server.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const pollCard = (p: Page | ReturnType<Page['frameLocator']>) => p.locator('#poll .ac-adaptiveCard');

describe('the meeting panel in a browser', () => {
  it('previews a chat outside Teams: the agenda with the current sak marked, then votes as they come', async () => {
    const panel = await startPanel({ store, dir });
    servers.push(panel);
    await page.goto(`${panel.url}/panel?conversation=${encodeURIComponent(CHAT)}`);
    await page.getByText('Forhåndsvisning utenfor Teams').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('#meeting').innerText()).toBe('NUIT møte 3/2031');
    expect(await page.locator('#now').innerText()).toBe(
      'Nå: sak 42/31 Felles bookingløsning for fysioterapi',
    );
    // The marked sak is the one container on the agenda card that says "Behandles nå".
    const marked = page.locator('#agenda .ac-container', { hasText: 'Behandles nå' }).last();
    expect(await marked.innerText()).toContain('42/31 Felles bookingløsning for fysioterapi');
    expect(await marked.innerText()).not.toContain('43/31');
    expect(await page.locator('#innspill').innerText()).toContain('Medlem 1, på vegne av KS');
    await pollCard(page).getByText('0 svar').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-standalone.png'), fullPage: true });

    await vote(store, poll, 1, 0);
    await pollCard(page).getByText('1 svar').waitFor({ timeout: 5_000 });
    await vote(store, poll, 2, 0);
    await vote(store, poll, 3, 1);
    await pollCard(page).getByText('3 svar').waitFor({ timeout: 5_000 });
    expect(await pollCard(page).innerText()).toContain('2 (67 %)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-live-votes.png'), fullPage: true });
  });

  it('follows a vote a member casts in the chat, over /api/messages of the running bot', async () => {
    const connector = await startConnector();
    const bot = await startTestBot({ store, dir, clock: systemClock });
    try {
      const live = await browser.newPage({ viewport: { width: 420, height: 900 } });
      await live.goto(`${bot.url}/panel?conversation=${encodeURIComponent(CHAT)}`);
      await pollCard(live).getByText('3 svar').waitFor({ timeout: 10_000 });
      const res = await postActivity(
        bot.url,
        invokeActivity(
          connector,
          'poll.vote',
          { pollId: poll.id, choice: '2' },
          {
            conversation: { id: CHAT, conversationType: 'groupChat', tenantId: 'tenant-1' },
            from: { id: '29:m9', name: 'Medlem 9', aadObjectId: 'aad-m9' },
          },
        ),
      );
      expect(res.status).toBe(200);
      await pollCard(live).getByText('4 svar').waitFor({ timeout: 10_000 });
      expect(await pollCard(live).innerText()).toContain('Vet ikke');
      await live.close();
    } finally {
      bot.server.closeAllConnections();
      bot.server.close();
      await connector.close();
    }
  });

  it('shows the results large on the stage', async () => {
    const stage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await stage.goto(`${servers[0]!.url}/panel?view=stage&conversation=${encodeURIComponent(CHAT)}`);
    await pollCard(stage).getByText('4 svar').waitFor({ timeout: 10_000 });
    expect(await stage.locator('body').getAttribute('class')).toContain('stage');
    expect(await stage.locator('#agenda-section').isHidden()).toBe(true);
    expect(await stage.locator('#share').isHidden()).toBe(true);
    await stage.screenshot({ path: path.join(ARTIFACTS, 'panel-stage.png') });
    await stage.close();
  });

  it('inside Teams (a stand-in host): dark theme, the SSO token on every call, and Del på skjerm', async () => {
    const token = signToken(jwks.key);
    const host = express.Router();
    host.get('/test-host', (_req, res) => {
      res.type('html').send(hostPage(token));
    });
    const panel = await startPanel({ store, dir, env: SSO_ENV, jwksUrl: jwks.url, extra: host });
    servers.push(panel);
    await page.goto(`${panel.url}/test-host`);
    const frame = page.frameLocator('iframe');
    await frame.getByText('Oppdateres direkte').waitFor({ timeout: 15_000 });
    await pollCard(frame).getByText('4 svar').waitFor({ timeout: 10_000 });
    expect(await frame.locator('body').getAttribute('class')).toBe('theme-dark');
    expect(await frame.locator('body').getAttribute('data-frame')).toBe('sidePanel');
    await frame.getByText('Behandles nå').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-teams-dark.png'), fullPage: true });

    await frame.getByRole('button', { name: 'Del på skjerm' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as HostWindow).shared))
      .toBe(`${panel.url}/panel?view=stage&conversation=${encodeURIComponent(CHAT)}`);
    const calls = await page.evaluate(() => (window as unknown as HostWindow).calls);
    expect(calls).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
  });

  it('answers "Spør om saken" and takes innspill in the panel itself, as the signed-in member', async () => {
    // The Teams stand-in of the test before is still open, its SSO token on every call.
    const frame = page.frameLocator('iframe');
    // Formalities have no details: 42/31 has the first "Detaljer", 43/31 the second.
    await frame.locator('#agenda').getByRole('button', { name: 'Detaljer' }).nth(1).click();
    await frame.locator('#agenda').getByRole('button', { name: 'Spør om saken' }).first().click();
    const reply = frame.locator('#reply .ac-adaptiveCard');
    await reply
      .getByText(/sak 43\/31/)
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await reply.innerText()).toContain('Forslag til vedtak');
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-ask.png'), fullPage: true });

    await frame.locator('#agenda').getByRole('button', { name: 'Gi innspill' }).first().click();
    await reply.getByText('Send innspill').waitFor({ timeout: 10_000 });
    // The form's first text box is the innspill (the second, whom it is given for).
    await reply
      .locator('textarea, input[type="text"]')
      .first()
      .fill('Prismodellen må vurderes for små kommuner.');
    await reply.getByRole('button', { name: 'Send innspill' }).click();
    await reply.getByText('Prismodellen må vurderes for små kommuner.').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-innspill.png'), fullPage: true });
    const stored = await store.listInnspill({ committee: 'NUIT', meeting: '3/2031', sak: '43/31' });
    expect(stored.at(-1)).toMatchObject({
      text: 'Prismodellen må vurderes for små kommuner.',
      authorId: 'aad-m1',
      conversationId: CHAT,
    });
  });
});

interface HostWindow {
  calls: string[];
  shared: string | null;
}

/**
 * A Teams host in miniature: the panel in an iframe, and answers to teams-js' postMessage calls
 * ({id, uuidAsString, func, args} answered with {id, uuidAsString, args}), as a side panel in a
 * meeting chat with the dark theme.
 */
function hostPage(token: string): string {
  const context = {
    chatId: CHAT,
    meetingId: 'MCMxOTptZWV0aW5n',
    frameContext: 'sidePanel',
    theme: 'dark',
    locale: 'nb-no',
    userObjectId: 'aad-m1',
    userDisplayName: 'Medlem 1',
    tid: TENANT,
    hostClientType: 'web',
  };
  const runtime = { apiVersion: 4, supports: { meeting: {}, pages: { config: {} }, teamsCore: {} } };
  return `<!doctype html><html><body style="margin:0;background:#141414">
<iframe src="/panel" style="width:420px;height:880px;border:0"></iframe>
<script>
window.calls = [];
window.shared = null;
const answers = {
  initialize: () => ['sidePanel', 'web', ${JSON.stringify(JSON.stringify(runtime))}, '2.58.0'],
  getContext: () => [${JSON.stringify(context)}],
  'authentication.getAuthToken': () => [true, ${JSON.stringify(token)}],
  'meeting.shareAppContentToStage': (args) => ((window.shared = args[0]), [null, true]),
};
window.addEventListener('message', (e) => {
  const m = e.data;
  if (!m || typeof m.func !== 'string') return;
  window.calls.push(m.func);
  const answer = answers[m.func];
  if (answer) e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args: answer(m.args) }, e.origin);
});
</script></body></html>`;
}
