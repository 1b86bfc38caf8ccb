// npm run dev — the local try-out: ingests the fictional sample package, starts the bot in local
// mode and the Microsoft 365 Agents Playground against it, and prints the address to open.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { formatSummary, ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { openStore } from '../src/store/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);

/** The secretary the Playground signs in as gets secretariat rights, so file uploads can be tried. */
function playgroundSecretary(): string | undefined {
  const yml = readFileSync(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8');
  return /currentUser:[\s\S]*?aadObjectId:\s*(\S+)/.exec(yml)?.[1];
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} svarte ikke innen ${ms / 1000} s`);
}

const config = loadConfig();
const store = await openStore(config);
const summary = await ingestPaths([path.join(ROOT, 'sample/nuit-mote-3-2031.txt')], {
  store,
  logger: createLogger('warn'),
  maxBytes: 5e7,
});
await store.close();
console.log(`Eksempelpakken: ${formatSummary(summary).split('\n')[0]}`);

const secretary = playgroundSecretary();
const children: ChildProcess[] = [];
const env = {
  ...process.env,
  SECRETARIAT_AAD_IDS: [config.SECRETARIAT_AAD_IDS.join(','), secretary].filter(Boolean).join(','),
};
children.push(
  spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot/index.ts')], { env, stdio: 'inherit' }),
);
await waitFor(`http://127.0.0.1:${config.PORT}/healthz`, 30_000);

const playground = spawn(
  process.execPath,
  [
    path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
    '--app-endpoint',
    `http://127.0.0.1:${config.PORT}/api/messages`,
    '--channel-id',
    'msteams',
    '--disable-telemetry',
    '--port',
    String(PLAYGROUND_PORT),
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(config.dataDir, 'playground.log'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
children.push(playground);
// The Playground moves to another port when its own is taken; it says which on stdout.
const port = await new Promise<number>((resolve, reject) => {
  let out = '';
  playground.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /Listening on (\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  playground.once('exit', () =>
    reject(new Error('Agents Playground stoppet. Se playground.log i DATA_DIR.')),
  );
});
await waitFor(`http://127.0.0.1:${port}/`, 60_000);
console.log(
  `\nÅpne Agents Playground: http://localhost:${port}\nPrøv: «Hva er forslag til vedtak i sak 43/31?» eller «agenda». Ctrl+C avslutter.\n`,
);

const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const c of children) c.once('exit', (code) => code && stop());
