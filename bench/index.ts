// npm run bench — ingest time at 1×, 10× and 100× the corpus, ask latency (offline, warm process)
// over the gold questions at 1× and 100×, and peak RSS; at 100× also the time from process start to
// the first answer, from a new innspill to it being found, and counting the record afresh; then
// the vote burst (bench/votes.ts). Prints tables; nothing here asserts.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createAnswerer } from '../src/answer/index.ts';
import { loadLibrary } from '../src/answer/library.ts';
import { syncInnspillToRecord } from '../src/innspill/record.ts';
import { syncSearchSections } from '../src/search/sections.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { openStore } from '../src/store/index.ts';
import { evalCases } from '../src/eval.ts';
import { voteBench } from './votes.ts';

const execFileP = promisify(execFile);
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

const rssMb = () => process.resourceUsage().maxRSS / 1024;

/** Child: ingest a corpus into a store, as `motebot ingest` does. */
async function ingestChild(corpus: string, data: string) {
  const store = await openStore(loadConfig({ DATA_DIR: data, LOG_LEVEL: 'silent' }));
  const t0 = performance.now();
  const summary = await ingestPaths([corpus], {
    store,
    logger: createLogger('silent'),
    maxBytes: 50 * 1024 * 1024,
  });
  const ingestMs = performance.now() - t0;
  await store.close();
  return { files: summary.ingested.length, failed: summary.failed.length, ingestMs, rss: rssMb() };
}

/** Child: a warm answering process (as the bot is) asked every gold question three times. */
async function askChild(data: string) {
  const questions = evalCases(JSON.parse(await readFile(path.join(SHARED, 'eval/qa.json'), 'utf8'))).map(
    (c) => c.question,
  );
  const config = loadConfig({ DATA_DIR: data, LOG_LEVEL: 'silent' });
  const store = await openStore(config);
  const t1 = performance.now();
  const answerer = await createAnswerer({ store, config, logger: createLogger('silent') });
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
  await store.close();
  return { loadMs, p50: percentile(times, 50), p95: percentile(times, 95), rss: rssMb() };
}

/** From starting `motebot ask` (a new process: Node, the sources, the store, the library) to its answer and exit. */
async function firstAnswer(data: string): Promise<number> {
  const bin = path.resolve(import.meta.dirname, '../bin/motebot.js');
  const t0 = performance.now();
  await execFileP(process.execPath, [bin, 'ask', '--data', data, 'hva er forslag til vedtak i sak 16/23?']);
  return performance.now() - t0;
}

/**
 * Child: innspill given one after another while the record is loaded: each stored, written to the
 * record, the library brought up to date and the innspill searched for; and whether any of it made
 * the library load the record whole.
 */
async function innspillChild(data: string) {
  const store = await openStore(loadConfig({ DATA_DIR: data, LOG_LEVEL: 'silent' }));
  const lib = await loadLibrary(store);
  const saker = lib.cases.filter((c) => c.item.sak.includes('/')).slice(0, 20);
  const times: number[] = [];
  let found = 0;
  for (const [n, c] of saker.entries()) {
    const word = `benchord${String.fromCharCode(97 + n)}innspill`;
    const t0 = performance.now();
    await store.addInnspill({
      committee: c.committee,
      meeting: c.meeting,
      sak: c.item.sak,
      conversationId: 'bench',
      authorId: 'bench',
      authorName: 'Bench',
      organisation: null,
      text: `Innspill om ${word}.`,
    });
    await syncInnspillToRecord(store, c.committee, c.meeting);
    await lib.refresh();
    const hits = await lib.index.search(word);
    times.push(performance.now() - t0);
    if (hits[0]?.section.caseKey === c.key) found++;
  }
  // What building the index from the record's text costs (a first start, or a lazy build).
  await store.replaceSearchSections({
    from: await store.searchIndexRevision(),
    to: 0,
    cases: [],
    sections: [],
  });
  const t1 = performance.now();
  await syncSearchSections(store);
  const countMs = performance.now() - t1;
  const t2 = performance.now();
  const loaded = await loadLibrary(store);
  const loadMs = performance.now() - t2;
  await store.close();
  times.sort((a, b) => a - b);
  return {
    given: times.length,
    found,
    p50: percentile(times, 50),
    max: times.at(-1)!,
    fullLoads: lib.loads.full,
    updates: lib.loads.updates,
    countMs,
    loadMs,
    sections: loaded.index.size,
  };
}

/** Runs a child of this script and returns the JSON it prints. */
async function child<T>(...args: string[]): Promise<T> {
  const { stdout } = await execFileP(process.execPath, ['--import', 'tsx', import.meta.filename, ...args], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

const SCALES = [
  [1, true],
  [10, false],
  [100, true],
] as const;

// Ingest and ask run in processes of their own, as they do in use, so each peak RSS is its own.
const [role, ...args] = process.argv.slice(2);
if (role === 'ingest') process.stdout.write(`${JSON.stringify(await ingestChild(args[0]!, args[1]!))}\n`);
else if (role === 'ask') process.stdout.write(`${JSON.stringify(await askChild(args[0]!))}\n`);
else if (role === 'innspill') process.stdout.write(`${JSON.stringify(await innspillChild(args[0]!))}\n`);
else if (role === 'votes') process.stdout.write(`${JSON.stringify(await voteBench())}\n`);
else {
  const fmt = (n: number | undefined, d = 1) => (n === undefined ? '–' : n.toFixed(d));
  console.log(
    'corpus  files  failed  ingest ms  ms/file  ingest RSS MB  index load ms  ask p50 ms  ask p95 ms  ask RSS MB',
  );
  for (const [copies, withAsk] of SCALES) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), `motebot-bench-${copies}x-`));
    try {
      const corpus = copies === 1 ? CORPUS : path.join(tmp, 'corpus');
      if (copies > 1) await syntheticCorpus(corpus, copies);
      const data = path.join(tmp, 'data');
      const ing = await child<Awaited<ReturnType<typeof ingestChild>>>('ingest', corpus, data);
      const ask = withAsk ? await child<Awaited<ReturnType<typeof askChild>>>('ask', data) : undefined;
      const restart = copies === 100 ? await firstAnswer(data) : undefined;
      const innspill =
        copies === 100 ? await child<Awaited<ReturnType<typeof innspillChild>>>('innspill', data) : undefined;
      console.log(
        `${String(copies).padStart(4)}×  ${String(ing.files).padStart(5)}  ${String(ing.failed).padStart(6)}  ${fmt(ing.ingestMs).padStart(9)}  ${fmt(ing.ingestMs / Math.max(1, ing.files)).padStart(7)}  ${fmt(ing.rss, 0).padStart(13)}  ${fmt(ask?.loadMs).padStart(13)}  ${fmt(ask?.p50).padStart(10)}  ${fmt(ask?.p95).padStart(10)}  ${fmt(ask?.rss, 0).padStart(10)}`,
      );
      if (restart && innspill)
        console.log(
          `        start → first answer ${fmt(restart, 0)} ms; innspill → found p50 ${fmt(innspill.p50)} ms, max ${fmt(innspill.max)} ms (${innspill.found}/${innspill.given} found first, ${innspill.updates} in-place updates, ${innspill.fullLoads} full load); index from text ${fmt(innspill.countMs, 0)} ms vs from stored counts (whole library) ${fmt(innspill.loadMs, 0)} ms, ${innspill.sections} sections`,
        );
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  const votes = await child<Awaited<ReturnType<typeof voteBench>>>('votes');
  console.log('\nvote burst: 1,000 members, one poll, 16 connections, over HTTP');
  console.log('handler        votes/s   p50 ms   p99 ms  failed');
  for (const [name, r] of [
    ['bare botbuilder', votes.bare],
    ['Møtebot', votes.bot],
  ] as const)
    console.log(
      `${name.padEnd(15)}${fmt(r.perSecond, 0).padStart(7)}  ${fmt(r.p50).padStart(7)}  ${fmt(r.p99).padStart(7)}  ${String(r.failed).padStart(6)}`,
    );
  console.log(
    `ratio ${fmt(votes.ratio, 2)} of the bare handler; counted ${votes.counted} votes from ${votes.distinct} members: ${votes.lost} lost, ${votes.doubled} double-counted; tally ${votes.tallyMatches ? 'matches' : 'DOES NOT match'}`,
  );
}
