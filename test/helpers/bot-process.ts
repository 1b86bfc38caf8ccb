// The bot as it runs in production: `bot/index.ts` in a process of its own, local mode, on a free
// port (PORT=0). Its log (pino JSON) is kept, not printed, so a test can show it when it fails.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log(): string;
  /** SIGKILL unless it has exited already: for `finally` blocks. */
  kill(): void;
}

/**
 * Starts the bot with only PATH, HOME and `env`; resolves once it logs the port it took. `entry`
 * names another script that logs its port the same way (the benchmark's bare handler).
 */
export async function startBotProcess(
  env: Record<string, string>,
  entry = 'bot/index.ts',
): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'info', ...env },
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
  return {
    child,
    url,
    exited,
    log: () => log,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
