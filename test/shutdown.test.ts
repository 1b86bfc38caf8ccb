// Shutdown of the real bot process (`npm start`'s entry) while a member has the side panel open:
// SIGTERM must end the open event stream and the process, with exit code 0. How fast it stops is
// a figure for the benchmark, not an assertion; the bound here only keeps a hang from passing.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Generous: the bot promises 5 s; a stop that never comes fails here instead of hanging the run. */
const EXIT_BOUND_MS = 10_000;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-shutdown-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `bot/index.ts` on a free port in local mode; resolves with its address once it listens. */
async function startBotProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const port = /"port":(\d+)/.exec(log)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`the bot exited before it listened:\n${log}`)));
  });
  return { child, url, exited, log: () => log };
}

describe('graceful shutdown', () => {
  it('ends an open panel event stream and exits with 0 on SIGTERM', async () => {
    const bot = await startBotProcess();
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
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    }
  });
});
