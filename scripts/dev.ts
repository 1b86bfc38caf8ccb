// npm run dev — the local try-out: starts the bot in local mode and the Microsoft 365 Agents
// Playground against it, and prints the address to open. By default it runs on the fictional sample
// package, in a data directory of its own (.data-demo), so the demo never mixes with a real record;
// `npm run dev -- --data DIR` runs on the store the CLI filled (`motebot ingest --data DIR …`).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { formatSummary, ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { osloToday } from '../src/meetings/clock.ts';
import { exampleQuestion, recordExample } from '../src/meetings/examples.ts';
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

const { values: args } = parseArgs({ options: { data: { type: 'string' } } });
/** The demo's own store, unless DATA_DIR names another (the end-to-end test gives it a fresh one). */
const DEMO_DIR = process.env.DATA_DIR ?? path.join(ROOT, '.data-demo');
const dataDir = args.data ? path.resolve(args.data) : DEMO_DIR;
process.env.DATA_DIR = dataDir;
const config = loadConfig();
const store = await openStore(config);
if (args.data) {
  console.log(`Bruker lagringen i ${dataDir} (det CLI-en har lest inn).`);
} else {
  const summary = await ingestPaths([path.join(ROOT, 'sample/nuit-mote-3-2031.txt')], {
    store,
    logger: createLogger('warn'),
    maxBytes: 5e7,
  });
  console.log(`Eksempelpakken (fiktiv, i ${dataDir}): ${formatSummary(summary).split('\n')[0]}`);
}
const example = await recordExample(store, osloToday(new Date()));
await store.close();
if (!example)
  console.log(
    `Lagringen har ingen møteinnkalling ennå. Les inn møtepakker med: npx motebot ingest --data ${dataDir} MAPPE`,
  );

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
const tryThis = example ? `«${exampleQuestion(example, 'nb')}» eller ` : '';
console.log(
  `\nÅpne Agents Playground: http://localhost:${port}\nPrøv: ${tryThis}«agenda». Ctrl+C avslutter.\n`,
);

const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const c of children) c.once('exit', (code) => code && stop());
