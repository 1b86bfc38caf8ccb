// npm run bench — ingest time at 1×, 10× and 100× the corpus, ask latency (offline, warm process)
// over the gold questions at 1× and 100×, and peak RSS; at 100× also the time from process start to
// the first answer, from a new innspill to it being found, and counting the record afresh; ingest
// and ask at 10× on PostgreSQL; then hostile files (a 50 MB package and a DOCX bomb) and the vote
// burst (bench/votes.ts) on SQLite and on PostgreSQL with one bot process, and with two on one
// PostgreSQL database. Prints tables; nothing here asserts.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
import { docxBomb } from '../test/helpers/docx-bomb.ts';
import { shiftYears } from '../test/helpers/shift-years.ts';
import { createTestDatabase } from '../test/helpers/postgres.ts';
import { instancesBench, voteBench, type VoteFigures } from './votes.ts';

const execFileP = promisify(execFile);
const SHARED = path.resolve(import.meta.dirname, '../../shared');
const CORPUS = path.join(SHARED, 'corpus');

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

/**
 * This process's peak resident size since it started. Not `resourceUsage().maxRSS`: Linux carries
 * that over from the parent a child is forked from, so a child of this bench holding a 150 MB
 * bomb in memory would report the bench's size as its own.
 */
const rssMb = async () =>
  Number(/VmHWM:\s+(\d+)/.exec(await readFile('/proc/self/status', 'utf8'))![1]) / 1024;

/** The bench's settings: SQLite in `data`, or PostgreSQL when a database URL is given. */
const benchConfig = (data: string, databaseUrl?: string) =>
  loadConfig({
    DATA_DIR: data,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { STORE: 'postgres', DATABASE_URL: databaseUrl } : {}),
  });

/** Child: ingest a corpus into a store, as `motebot ingest` does. */
async function ingestChild(corpus: string, data: string, databaseUrl?: string) {
  const store = await openStore(benchConfig(data, databaseUrl));
  const t0 = performance.now();
  const summary = await ingestPaths([corpus], {
    store,
    logger: createLogger('silent'),
    maxBytes: 50 * 1024 * 1024,
  });
  const ingestMs = performance.now() - t0;
  await store.close();
  return {
    files: summary.ingested.length,
    failed: summary.failed.length,
    reasons: summary.failed.map((f) => f.reason),
    ingestMs,
    rss: await rssMb(),
  };
}

/**
 * Resident kilobytes of a process and all its descendants (documents are read in a child), now
 * and at each one's peak so far.
 */
async function treeMemory(root: number): Promise<{ rssKb: number; peaks: Map<number, number> }> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // "pid (comm) state ppid …": the command name may hold spaces, so read after its ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) grew = tree.add(pid).size > 0;
  }
  let rssKb = 0;
  const peaks = new Map<number, number>();
  for (const pid of tree) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peaks.set(pid, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  }
  return { rssKb, peaks };
}

/**
 * Runs an ingest child on `corpus`, sampling every 100 ms the resident size of it and its reader
 * together (`treePeak`), and each one's own peak: their sum (`peaksSum`) bounds the tree's peak
 * from above, whatever happened between two samples.
 */
async function ingestMeasured(corpus: string, data: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'ingest', corpus, data], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  let peak = 0;
  const peaks = new Map<number, number>();
  const sampler = setInterval(
    () =>
      void treeMemory(proc.pid!).then((m) => {
        peak = Math.max(peak, m.rssKb / 1024);
        for (const [pid, kb] of m.peaks) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, kb));
      }),
    100,
  );
  await new Promise((r) => proc.once('close', r));
  clearInterval(sampler);
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof ingestChild>>;
  const peaksSum = [...peaks.values()].reduce((a, b) => a + b, 0) / 1024;
  return { ...result, treePeak: peak, peaksSum };
}

/** One package of ~`mb` MB: the corpus texts again and again, each round moved on a year. */
async function bigPackage(file: string, mb: number): Promise<void> {
  const texts = await Promise.all(
    (await readdir(CORPUS))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFile(path.join(CORPUS, f), 'utf8')),
  );
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < mb * 1e6; k++)
    for (const t of texts) {
      const part = shiftYears(t, k);
      parts.push(part);
      size += Buffer.byteLength(part);
    }
  await writeFile(file, parts.join('\n\n'));
}

async function hostileBench(): Promise<void> {
  console.log(
    '\nhostile files, each ingested in a process of its own (RSS: the ingest process alone / with its reader)',
  );
  console.log(
    'file                 MB   ingested  failed  ingest s  own RSS MB  RSS with reader MB  peaks summed MB',
  );
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'motebot-bench-hostile-'));
  try {
    // The 50 MB package is refused by MAX_TEXT_CHARS; pakke-grense.txt (4.5 MB and a round of the
    // corpus more: about 4.8 million characters) stays just under it, as large a text as is read whole.
    const cases: [string, () => Promise<void>][] = [
      ['pakke-50mb.txt', () => bigPackage(path.join(tmp, 'pakke-50mb', 'pakke-50mb.txt'), 50)],
      ['pakke-grense.txt', () => bigPackage(path.join(tmp, 'pakke-grense', 'pakke-grense.txt'), 4.5)],
      ['bombe.docx', () => writeFile(path.join(tmp, 'bombe', 'bombe.docx'), docxBomb(150))],
    ];
    for (const [name, make] of cases) {
      const folder = path.join(tmp, name.split('.')[0]!);
      await mkdir(folder);
      await make();
      const mb = (await readFile(path.join(folder, name))).length / 1e6;
      const r = await ingestMeasured(folder, path.join(tmp, `data-${name}`));
      console.log(
        `${name.padEnd(18)}${mb.toFixed(1).padStart(5)}  ${String(r.files).padStart(8)}  ${String(r.failed).padStart(6)}  ${(r.ingestMs / 1000).toFixed(1).padStart(8)}  ${r.rss.toFixed(0).padStart(10)}  ${r.treePeak.toFixed(0).padStart(18)}  ${r.peaksSum.toFixed(0).padStart(15)}`,
      );
      for (const reason of r.reasons) console.log(`  ${reason}`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Child: a warm answering process (as the bot is) asked every gold question three times. */
async function askChild(data: string, databaseUrl?: string) {
  const questions = evalCases(JSON.parse(await readFile(path.join(SHARED, 'eval/qa.json'), 'utf8'))).map(
    (c) => c.question,
  );
  const config = benchConfig(data, databaseUrl);
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
  return { loadMs, p50: percentile(times, 50), p95: percentile(times, 95), rss: await rssMb() };
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

/** Ask latency in a warm process and start → first answer at 100×, three runs each. */
async function answersBench(keep?: string): Promise<void> {
  const dir = keep ? path.resolve(keep) : await mkdtemp(path.join(os.tmpdir(), 'motebot-bench-answers-'));
  const data = path.join(dir, 'data');
  try {
    const made = await readdir(data).then(
      () => true,
      () => false,
    );
    if (!made) {
      await syntheticCorpus(path.join(dir, 'corpus'), 100);
      await child('ingest', path.join(dir, 'corpus'), data);
    }
    const fmt = (ns: number[], d = 1) => ns.map((n) => n.toFixed(d)).join(', ');
    const asks = [];
    for (let run = 0; run < 3; run++)
      asks.push(await child<Awaited<ReturnType<typeof askChild>>>('ask', data));
    const starts = [];
    for (let run = 0; run < 3; run++) starts.push(await firstAnswer(data));
    console.log(`100× ask p50 ms: ${fmt(asks.map((a) => a.p50))}; p95 ms: ${fmt(asks.map((a) => a.p95))}`);
    console.log(
      `100× index load ms: ${fmt(
        asks.map((a) => a.loadMs),
        0,
      )}; RSS MB: ${fmt(
        asks.map((a) => a.rss),
        0,
      )}`,
    );
    console.log(`100× start → first answer ms: ${fmt(starts, 0)}`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a child of this script and returns the JSON it prints. */
async function child<T>(...args: string[]): Promise<T> {
  const { stdout } = await execFileP(process.execPath, ['--import', 'tsx', import.meta.filename, ...args], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

/** The vote burst on SQLite and on PostgreSQL (one bot process), then on two instances on PostgreSQL. */
async function voteBursts(): Promise<void> {
  const fmt = (n: number, d = 1) => n.toFixed(d);
  const print = (title: string, votes: VoteFigures) => {
    console.log(`\nvote burst ${title}`);
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
  };
  for (const store of ['sqlite', 'postgres'] as const)
    print(
      `on ${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: 1,000 members, one poll, 16 connections, over HTTP, one bot process`,
      await child<VoteFigures>('votes', store),
    );
  const two = await child<VoteFigures>('instances');
  print(
    'on PostgreSQL, two bot processes: 1,000 members, one poll, requests alternating, 8 connections to each; against two bare handler processes alike',
    two,
  );
  console.log(
    `one bare handler process, 16 connections: ${fmt(two.oneBare!.perSecond, 0)} votes/s; two Møtebot instances are ${fmt(two.ratioToOne!, 2)} of it`,
  );
}

const SCALES = [
  [1, true],
  [10, false],
  [100, true],
] as const;

// Ingest and ask run in processes of their own, as they do in use, so each peak RSS is its own.
const [role, ...args] = process.argv.slice(2);
if (role === 'ingest')
  process.stdout.write(`${JSON.stringify(await ingestChild(args[0]!, args[1]!, args[2]))}\n`);
else if (role === 'ask') process.stdout.write(`${JSON.stringify(await askChild(args[0]!, args[1]))}\n`);
else if (role === 'innspill') process.stdout.write(`${JSON.stringify(await innspillChild(args[0]!))}\n`);
else if (role === 'votes')
  process.stdout.write(
    `${JSON.stringify(await voteBench(args[0] === 'postgres' ? 'postgres' : 'sqlite'))}\n`,
  );
else if (role === 'instances') process.stdout.write(`${JSON.stringify(await instancesBench())}\n`);
// `npm run bench -- votes-only`: the three vote bursts alone.
else if (role === 'votes-only') await voteBursts();
// `npm run bench -- hostile`: the hostile files only.
else if (role === 'hostile') await hostileBench();
// `npm run bench -- answers [DIR]`: the 100× answer-speed figures only, three runs each; the 100×
// store is kept in DIR (made on the first run) so a change to the answerer is measured in minutes.
else if (role === 'answers') await answersBench(args[0]);
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
  await hostileBench();
  // The same at 10× on PostgreSQL (a new database on 127.0.0.1:5432, dropped after).
  {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'motebot-bench-pg-'));
    const db = await createTestDatabase();
    try {
      const corpus = path.join(tmp, 'corpus');
      await syntheticCorpus(corpus, 10);
      const data = path.join(tmp, 'data');
      const ing = await child<Awaited<ReturnType<typeof ingestChild>>>('ingest', corpus, data, db.url);
      const ask = await child<Awaited<ReturnType<typeof askChild>>>('ask', data, db.url);
      console.log(
        `  10× PostgreSQL: ${ing.files} files, ${ing.failed} failed, ingest ${fmt(ing.ingestMs, 0)} ms (${fmt(ing.ingestMs / Math.max(1, ing.files))} ms/file, RSS ${fmt(ing.rss, 0)} MB); index load ${fmt(ask.loadMs, 0)} ms, ask p50 ${fmt(ask.p50)} ms, p95 ${fmt(ask.p95)} ms, RSS ${fmt(ask.rss, 0)} MB`,
      );
    } finally {
      await db.drop();
      await rm(tmp, { recursive: true, force: true });
    }
  }

  await voteBursts();
}
