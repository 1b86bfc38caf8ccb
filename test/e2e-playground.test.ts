// End to end, as a member sees it: `npm run dev`'s bot and Microsoft 365 Agents Playground, driven
// in Debian's Chromium. Asks in personal chat and, with an @mention, in the group chat, and waits
// for the answer card with its citation. Screenshots go to test-artifacts/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let dev: ChildProcess;
let browser: Browser;
let page: Page;
let dataDir: string;
let url: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'motebot-e2e-'));
  await mkdir(ARTIFACTS, { recursive: true });
  dev = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/dev.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      PLAYGROUND_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    dev.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Åpne Agents Playground: (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    dev.once('exit', (code) => reject(new Error(`npm run dev stopped (${code}):\n${out}`)));
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
});

const composer = () => page.locator('[data-lexical-editor="true"]');

/** Writes "@Møtebot <text>" in the open chat, picking the mention from the Playground's menu. */
async function mention(text: string) {
  await composer().click();
  await composer().pressSequentially('@Mø');
  await page
    .getByRole('menuitem', { name: /Møtebot/ })
    .first()
    .click();
  await composer().pressSequentially(` ${text}`);
  await composer().press('Enter');
}

describe('Møtebot in the Agents Playground', () => {
  it('greets with an example question from the record loaded, and answers that very question', async () => {
    const welcome = page.locator('.ac-adaptiveCard', { hasText: 'Hei! Jeg er Møtebot' }).first();
    await welcome.waitFor({ timeout: 20_000 });
    const example = /«(Hva er forslag til vedtak i sak (\d{1,3}\/\d{2})\?)»/.exec(await welcome.innerText());
    expect(example, 'the welcome card suggests a question').not.toBeNull();
    await composer().click();
    await composer().pressSequentially(example![1]!);
    await composer().press('Enter');
    const card = page
      .locator('.ac-adaptiveCard', { hasText: `sak ${example![2]}` })
      .filter({ hasText: 'Forslag til vedtak' })
      .last();
    await card.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-first-run.png') });
  });

  it('answers a question in personal chat with a card citing the sak', async () => {
    await composer().click();
    await composer().pressSequentially('Hva er forslag til vedtak i sak 43/31?');
    await composer().press('Enter');
    const card = page
      .locator('.ac-adaptiveCard', { hasText: 'Prismodell for nasjonal meldingsformidling' })
      .last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByText('Forslag til vedtak', { exact: true }).waitFor({ timeout: 5_000 });
    await card
      .getByText(/sak 43\/31/)
      .first()
      .waitFor({ timeout: 5_000 });
    await card.getByRole('button', { name: 'Vis utdrag' }).first().click();
    expect(await card.innerText()).toContain('NUIT gir sin tilslutning til ny prismodell');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-personal-chat.png') });
  });

  it('answers in the group chat when @mentioned', async () => {
    await page.getByText('NUIT-medlemmer', { exact: true }).first().click();
    await mention('hva ble vedtatt om timebestilling?');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Nasjonal løsning for timebestilling' }).last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByText('Vedtak', { exact: true }).waitFor({ timeout: 5_000 });
    await card
      .getByText(/sak 31\/31/)
      .first()
      .waitFor({ timeout: 5_000 });
    expect(await card.innerText()).toContain('involvere kommunene');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-group-chat.png') });
  });

  it('shows the agenda card on request, and "Spør om saken" answers about that sak', async () => {
    await mention('agenda NUIT');
    const agenda = page.locator('.ac-adaptiveCard', { hasText: 'Agenda · NUIT møte 3/2031' }).last();
    await agenda.waitFor({ timeout: 20_000 });
    expect(await agenda.innerText()).toContain('torsdag 4. september 2031');
    // The details of 43/31: its proposal and the earlier treatment computed from the record.
    // Formalities (40/31, 41/31) have no details: 42/31 and 43/31 have the first two buttons.
    await agenda.getByRole('button', { name: 'Detaljer' }).nth(1).click();
    await agenda.getByText('Tidligere behandlinger').waitFor({ timeout: 5_000 });
    expect(await agenda.innerText()).toContain('sak 32/31');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-agenda-card.png'), fullPage: true });

    const answers = page.locator('.ac-adaptiveCard', {
      hasText: 'Forslag til vedtak',
      hasNotText: 'Agenda ·',
    });
    const before = await answers.count();
    // Only the opened sak's details (43/31) are visible.
    await agenda.getByRole('button', { name: 'Spør om saken' }).first().click();
    await expect.poll(() => answers.count(), { timeout: 20_000 }).toBeGreaterThan(before);
    const answer = answers.last();
    expect(await answer.innerText()).toContain('43/31');
    expect(await answer.innerText()).toContain('NUIT gir sin tilslutning til ny prismodell');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-agenda-ask.png') });
  });

  it('runs an anonymous poll in the group chat: vote, see the refreshed card, close and get the chart of results', async () => {
    await mention(
      'avstemning anonym Hvor skal vi legge kruttet? | Tilgjengelighet | Funksjonalitet | Innovasjon',
    );
    const poll = page.locator('.ac-adaptiveCard', { hasText: 'Hvor skal vi legge kruttet?' }).last();
    await poll.waitFor({ timeout: 20_000 });
    await poll.getByText('Innovasjon', { exact: true }).click();
    await poll.getByRole('button', { name: 'Send svar' }).click();
    await poll.getByText(/Ditt svar: Innovasjon/).waitFor({ timeout: 20_000 });
    expect(await poll.innerText()).toContain('🔒 Anonym');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-poll-voted.png') });
    expect(await poll.innerText()).toMatch(/1 \(100 %\)/);

    await mention('avstemning lukk');
    const results = page.locator('.ac-adaptiveCard', { hasText: 'Resultat av avstemning' }).last();
    await results.waitFor({ timeout: 20_000 });
    expect(await results.innerText()).toContain('Innovasjon');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-poll-results.png') });
  });
});
