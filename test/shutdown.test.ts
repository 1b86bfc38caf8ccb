// Shutdown of the real bot process (`npm start`'s entry) while a member has the side panel open:
// SIGTERM must end the open event stream and the process, with exit code 0. How fast it stops is
// a figure for the benchmark, not an assertion; the bound here only keeps a hang from passing. A
// start on settings that do not hold ends at once, with one line saying why.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityFor, postActivity, SECRETARY } from './helpers/bot.ts';
import { startBotProcess } from './helpers/bot-process.ts';
import { startConnector } from './helpers/connector.ts';

/** Generous: the bot promises 5 s; a stop that never comes fails here instead of hanging the run. */
const EXIT_BOUND_MS = 10_000;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-shutdown-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The bot process on a free port in local mode, on a SQLite store in the test's folder. */
const startBot = (env: Record<string, string> = {}) => startBotProcess({ DATA_DIR: dir, ...env });

describe('graceful shutdown', () => {
  it('ends an open panel event stream and exits with 0 on SIGTERM', async () => {
    const bot = await startBot();
    try {
      const res = await fetch(
        `${bot.url}/api/panel/events?conversation=${encodeURIComponent('19:x@thread.v2')}`,
      );
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toContain('retry:');

      bot.child.kill('SIGTERM');
      const bound = new Promise<'hung'>((resolve) =>
        setTimeout(() => resolve('hung'), EXIT_BOUND_MS).unref(),
      );
      const outcome = await Promise.race([bot.exited, bound]);
      expect(outcome, bot.log()).toEqual({ code: 0, signal: null });

      // The stream was ended by the server, not cut: it reads to its end.
      for (;;) if ((await reader.read()).done) break;
      expect(bot.log()).toMatch(/"msg":"Møtebot stopper/);
    } finally {
      bot.kill();
    }
  });

  it('aborts a chat upload whose download hangs, tells the sender, and exits with 0', async () => {
    const connector = await startConnector();
    let downloading!: () => void;
    const started = new Promise<void>((resolve) => (downloading = resolve));
    // A file server that sends headers and then nothing: the download never finishes by itself.
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('Møteinnkalling');
      downloading();
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const bot = await startBot({ SECRETARIAT_AAD_IDS: SECRETARY, DOWNLOAD_TIMEOUT_SECONDS: '600' });
    try {
      const upload = {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name: 'treg.txt',
        content: {
          downloadUrl: `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/treg.txt`,
          fileType: 'txt',
        },
      };
      const secretary = { id: '29:sek', name: 'Sekretær', aadObjectId: SECRETARY };
      const turn = postActivity(
        bot.url,
        activityFor(connector, { from: secretary, text: '', attachments: [upload] }),
      );
      await started;

      bot.child.kill('SIGTERM');
      const bound = new Promise<'hung'>((resolve) =>
        setTimeout(() => resolve('hung'), EXIT_BOUND_MS).unref(),
      );
      expect(await Promise.race([bot.exited, bound]), bot.log()).toEqual({ code: 0, signal: null });
      expect((await turn).status).toBe(200);
      // The sender hears why, instead of the reply dying with the process.
      expect(connector.sent.map((s) => s.activity.text)).toContain(
        'Møtebot ble stoppet mens «treg.txt» ble lastet ned. Prøv å sende den på nytt om litt.',
      );
    } finally {
      bot.kill();
      stalling.closeAllConnections();
      stalling.close();
      await connector.close();
    }
  });

  it('does not start on a setting or database that does not hold, and says why in one line', async () => {
    for (const env of [
      { STORE: 'postgres' },
      { STORE: 'postgres', DATABASE_URL: 'postgres://motebot@127.0.0.1:1/ingen' },
    ]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
        cwd: path.resolve(import.meta.dirname, '..'),
        env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      expect(code, stderr).toBe(1);
      expect(stderr).toMatch(/^Møtebot kan ikke starte: .+\n$/);
      expect(stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
  });
});
