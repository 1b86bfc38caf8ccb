// npm run bench — ingest time at 1×, 10× and 100× the corpus, ask latency (offline, warm process)
// over the gold questions at 1× and 100×, and peak RSS. Prints a table; nothing here asserts.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { openStore } from '../src/store/index.ts';
import { evalCases } from '../src/eval.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const CORPUS = path.join(SHARED, 'corpus');

/** A copy of a package moved `k` years on: meeting numbers, sak ids and dates stay consistent. */
export function shiftYears(text: string, k: number): string {
  const yy = (y: string) => String((Number(y) + k) % 100).padStart(2, '0');
  return text
    .replace(/\b(19|20)(\d\d)\b/g, (y) => String(Number(y) + k))
    .replace(/\b(\d{1,3})\/(\d{2})\b(?!\d)/g, (_m, n: string, y: string) => `${n}/${yy(y)}`)
    .replace(
      /\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b(?!\d)/g,
      (_m, d: string, mo: string, y: string) => `${d}.${mo}.${yy(y)}`,
    );
}

async function syntheticCorpus(dir: string, copies: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    const text = await readFile(path.join(CORPUS, f), 'utf8');
    for (let k = 0; k < copies; k++) {
      await writeFile(
        path.join(dir, f.replace(/\.txt$/, `_x${k}.txt`)),
        k === 0 ? text : shiftYears(text, k),
      );
    }
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function run(copies: number, questions: string[], measureAsk: boolean) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `motebot-bench-${copies}x-`));
  try {
    const corpus = copies === 1 ? CORPUS : path.join(tmp, 'corpus');
    if (copies > 1) await syntheticCorpus(corpus, copies);
    const config = loadConfig({ DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    const store = await openStore(config);
    const t0 = performance.now();
    const summary = await ingestPaths([corpus], { store, logger, maxBytes: 50 * 1024 * 1024 });
    const ingestMs = performance.now() - t0;
    let ask: { p50: number; p95: number; loadMs: number } | undefined;
    if (measureAsk) {
      const t1 = performance.now();
      const answerer = await createAnswerer({ store, config, logger });
      await answerer.ask('warm-up');
      const loadMs = performance.now() - t1;
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const q of questions) {
          const s = performance.now();
          await answerer.ask(q);
          times.push(performance.now() - s);
        }
      }
      times.sort((a, b) => a - b);
      ask = { p50: percentile(times, 50), p95: percentile(times, 95), loadMs };
    }
    await store.close();
    return { copies, files: summary.ingested.length, failed: summary.failed.length, ingestMs, ask };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const questions = evalCases(JSON.parse(await readFile(path.join(SHARED, 'eval/qa.json'), 'utf8'))).map(
  (c) => c.question,
);
const rows = [];
for (const [copies, ask] of [
  [1, true],
  [10, false],
  [100, true],
] as const) {
  rows.push(await run(copies, questions, ask));
}
clearInterval(sampler);

const fmt = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));
console.log('corpus  files  failed  ingest ms  ms/file  index load ms  ask p50 ms  ask p95 ms');
for (const r of rows) {
  console.log(
    `${String(r.copies).padStart(4)}×  ${String(r.files).padStart(5)}  ${String(r.failed).padStart(6)}  ${fmt(r.ingestMs).padStart(9)}  ${fmt(r.ingestMs / Math.max(1, r.files)).padStart(7)}  ${fmt(r.ask?.loadMs).padStart(13)}  ${fmt(r.ask?.p50).padStart(10)}  ${fmt(r.ask?.p95).padStart(10)}`,
  );
}
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
