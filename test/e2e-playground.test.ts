// End to end, as a member sees it: `npm run dev`'s bot and Microsoft 365 Agents Playground, driven
// in Debian's Chromium. Asks in personal chat and, with an @mention, in the group chat, and waits
// for the answer card with its citation. Screenshots go to test-artifacts/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
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
/** The bot's own port: the meeting's end is posted to it as Teams would (the Playground has no meetings). */
let botPort: number;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'motebot-e2e-'));
  botPort = await freePort();
  await mkdir(ARTIFACTS, { recursive: true });
  dev = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/dev.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(botPort),
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

  it('shows the decision register and a topic timeline', async () => {
    await mention('vedtak NUIT');
    const register = page.locator('.ac-adaptiveCard', { hasText: 'Vedtak · NUIT' }).last();
    await register.waitFor({ timeout: 20_000 });
    expect(await register.innerText()).toContain('Nasjonal løsning for timebestilling');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-register-card.png'), fullPage: true });

    await mention('historikk prismodell meldingsformidling');
    const timeline = page.locator('.ac-adaptiveCard', { hasText: 'Historikk · prismodell' }).last();
    await timeline.waitFor({ timeout: 20_000 });
    expect(await timeline.innerText()).toContain('sak 32/31');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-timeline-card.png'), fullPage: true });
  });

  it('tracks an action point to the agenda, and recaps the meeting when it ends with a draft referat', async () => {
    // The reply is the next card or message holding `reply`: one the chat showed before (an earlier
    // test's agenda card) must not be taken for it.
    const said = async (text: string, reply: string | RegExp) => {
      const cards = page.locator('.ac-adaptiveCard', { hasText: reply });
      const messages = page.getByText(reply);
      const [cardsBefore, messagesBefore] = [await cards.count(), await messages.count()];
      await mention(text);
      await cards.nth(cardsBefore).or(messages.nth(messagesBefore)).first().waitFor({ timeout: 20_000 });
      return cards.last();
    };
    await said('møte 3/2031', 'Denne samtalen hører nå til NUIT møte 3/2031');
    await said('sak 43/31', 'Nå behandles sak 43/31');
    await said('innspill: Små kommuner trenger en overgangsordning.', 'Innspillet ditt er registrert');
    await said('spørsmål Hva betyr modellen for legekontorene?', 'Hva betyr modellen for legekontorene?');
    const receipt = await said(
      'aksjonspunkt 43/31: Sende prismodellen på høring ansvarlig: NHN frist: 1.10.2031',
      /Aksjonspunkt #\d+ er lagt til/,
    );
    expect(await receipt.innerText()).toContain('Ansvarlig: NHN · Frist: 01.10.2031');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-action-point-added.png') });

    const agenda = await said('agenda NUIT', 'Agenda · NUIT møte 3/2031');
    expect(await agenda.innerText()).toContain('Sende prismodellen på høring');
    expect(await agenda.innerText()).toContain('Oppfølging');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-agenda-action-points.png'), fullPage: true });

    // The Playground has no Teams meetings: its chat gets the end of one as Teams would send it,
    // posted to the bot with the chat's address as the bot stored it.
    const db = new Database(path.join(dataDir, 'motebot.db'), { readonly: true });
    const chat = db
      .prepare<[], { reference_json: string }>(
        "SELECT reference_json FROM conversations WHERE kind = 'groupChat' ORDER BY updated_at DESC LIMIT 1",
      )
      .get()!;
    db.close();
    const reference = JSON.parse(chat.reference_json) as {
      serviceUrl: string;
      conversation: Record<string, unknown>;
      bot: Record<string, unknown>;
    };
    const end = await fetch(`http://127.0.0.1:${botPort}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'event',
        name: 'application/vnd.microsoft.meetingEnd',
        id: 'e2e-meeting-end',
        channelId: 'msteams',
        serviceUrl: reference.serviceUrl,
        conversation: reference.conversation,
        recipient: reference.bot,
        from: { id: 'user-sekretaer', name: 'Sigrid Sekretær' },
        channelData: {
          tenant: { id: '00000000-0000-0000-0000-0000000000001' },
          meeting: { id: 'e2e-nuit-3' },
        },
        value: {
          Id: 'e2e-nuit-3',
          MeetingType: 'Scheduled',
          JoinUrl: 'https://teams.microsoft.com/l/meetup-join/e2e',
          Title: 'NUIT møte 3/2031',
          EndTime: new Date().toISOString(),
        },
      }),
    });
    expect(end.status).toBe(200);
    const recap = page.locator('.ac-adaptiveCard', { hasText: 'Møtet er slutt · NUIT møte 3/2031' }).last();
    await recap.waitFor({ timeout: 20_000 });
    const text = await recap.innerText();
    expect(text).toContain('1 innspill · 0 avstemninger · 1 ubesvart spørsmål · 1 aksjonspunkt');
    expect(text).toContain('Aksjonspunkter fra møtet');
    // The draft of 43/31 (the fourth sak) unfolds: marked as a draft, the proposal as the likely vedtak.
    await recap.getByRole('button', { name: 'Utkast til referat' }).nth(3).click();
    await recap.getByText('Utkast – sekretariatet bekrefter').first().waitFor({ timeout: 5_000 });
    expect(await recap.innerText()).toContain('Vedtak (utkast): NUIT gir sin tilslutning til ny prismodell');
    await recap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-recap-card.png'), fullPage: true });
  });
});
