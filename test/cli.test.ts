// The command-line contract of ../shared/eval/README.md, run as a user runs it: the real `motebot`
// bin in separate processes sharing one store.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import readExcelFile from 'read-excel-file/node';
import { z } from 'zod';
import { SqliteStore } from '../src/store/sqlite.ts';
import { docxBomb } from './helpers/docx-bomb.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');
const CORPUS = path.join(SHARED, 'corpus');
const BIN = path.join(ROOT, 'bin/motebot.js');
const FIXTURE = path.join(ROOT, 'test/fixtures/packages/nuit-3-2031.txt');

const citation = z.object({
  committee: z.string(),
  meeting: z.string(),
  date: z.string().nullable(),
  sak: z.string().nullable(),
  title: z.string().nullable(),
  source: z.string(),
  kind: z.enum(['adopted', 'proposed', 'minutes', 'memo', 'agenda', 'slides', 'innspill']),
});
const answer = z
  .object({ answer: z.string(), citations: z.array(citation), abstained: z.boolean() })
  .strict();

let data: string;
const motebot = (...args: string[]) =>
  run(process.execPath, [BIN, ...args, '--data', data], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });

beforeAll(async () => {
  data = await mkdtemp(path.join(os.tmpdir(), 'motebot-cli-'));
  await motebot('ingest', CORPUS);
}, 120_000);

afterAll(async () => {
  await rm(data, { recursive: true, force: true });
});

describe('motebot CLI', () => {
  it('skips unchanged files on a second ingest', async () => {
    const { stdout } = await motebot('ingest', CORPUS, '--json');
    const summary = JSON.parse(stdout) as { ingested: unknown[]; unchanged: string[] };
    expect(summary.ingested).toHaveLength(0);
    expect(summary.unchanged).toHaveLength(4);
  });

  it('answers one question as the documented JSON object', async () => {
    const { stdout } = await motebot('ask', '--json', 'hva er forslag til vedtak i sak 16/23?');
    const a = answer.parse(JSON.parse(stdout));
    expect(a.abstained).toBe(false);
    expect(a.citations.some((c) => c.sak === '16/23' && c.kind === 'proposed')).toBe(true);
  });

  it('answers a batch, keeping each id', async () => {
    const batch = path.join(data, 'batch.json');
    await writeFile(
      batch,
      JSON.stringify([
        { id: 'a', question: 'who presents sak 31/21?' },
        { id: 'b', question: 'Hva ble vedtaket i sak 10/23?' },
      ]),
    );
    const { stdout } = await motebot('ask', '--json', '--batch', batch);
    const out = z.array(answer.extend({ id: z.string() })).parse(JSON.parse(stdout));
    expect(out.map((o) => o.id)).toEqual(['a', 'b']);
    expect(out[1]!.citations.some((c) => c.sak === '10/23' && c.kind === 'adopted')).toBe(true);
  });

  it('inspects one file into its meetings', async () => {
    const { stdout } = await motebot('inspect', '--json', path.join(CORPUS, '000_f73e9f6747c9963a.txt'));
    const view = JSON.parse(stdout) as { meetings: { role: string; meeting: string; items: unknown[] }[] };
    expect(view.meetings.map((m) => [m.role, m.meeting])).toEqual([
      ['innkalling', '5/2020'],
      ['referat', '4/2020'],
    ]);
  });

  it('inspects a hostile file in a reader process with the ingest limits, and names what broke', async () => {
    // A DOCX that unpacks to about 150 MB of paragraphs, let past the unpacked-size check so it
    // reaches the reader: inspect once read it in its own heap, and took gigabytes doing so.
    const bomb = path.join(data, 'bombe.docx');
    await writeFile(bomb, docxBomb(150));
    const result = await run(process.execPath, [BIN, 'inspect', '--json', bomb, '--data', data], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', MAX_UNZIPPED_MB: '1024', READ_MEMORY_MB: '128' },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Feil: «bombe.docx» krever mer enn 128 MB minne å lese, og ble stoppet.\n',
    });
  }, 60_000);

  it('scores each gold file whole and by half, abstaining on every question the documents do not answer', async () => {
    const qa = path.join(SHARED, 'eval/qa.json');
    const { stdout } = await motebot('eval', qa, qa, '--json');
    type Report = {
      passed: number;
      total: number;
      byType: Record<string, { passed: number; total: number }>;
    };
    const report = JSON.parse(stdout) as {
      files: { file: string; all: Report & { results: unknown[] }; read: Report; held: Report }[];
      union: Report & { results?: unknown };
    };
    expect(report.files.map((f) => f.file)).toEqual([qa, qa]);
    const [first] = report.files;
    const notInCorpus = first!.all.byType['not_in_corpus']!;
    expect(notInCorpus.passed).toBe(notInCorpus.total);
    expect(first!.all.passed / first!.all.total).toBeGreaterThanOrEqual(0.9);
    // The halves partition the file; the union counts both files; held-out cases are not listed.
    expect(first!.read.total + first!.held.total).toBe(first!.all.total);
    expect(first!.read.passed + first!.held.passed).toBe(first!.all.passed);
    expect(report.union.total).toBe(2 * first!.all.total);
    expect(first!.held).not.toHaveProperty('results');
    expect(report.union).not.toHaveProperty('results');
  }, 120_000);

  it('exports a meeting’s innspill grouped by sak, as Markdown, a DOCX file and a workbook', async () => {
    const store = new SqliteStore(data);
    await store.addInnspill({
      committee: 'NUIT',
      meeting: '2/2023',
      sak: '17/23',
      conversationId: '19:x',
      authorId: 'aad-x',
      authorName: 'Ola Strand',
      organisation: 'KS',
      text: 'Indikatorene bør måle samhandling.',
    });
    await store.close();
    const { stdout } = await motebot('export', 'innspill', '2/2023');
    expect(stdout).toContain('# Innspill – NUIT møte 2/2023 (25.05.2023)');
    expect(stdout).toContain('## Sak 17/23');
    expect(stdout).toContain('- Indikatorene bør måle samhandling. (Ola Strand, på vegne av KS)');
    const out = path.join(data, 'innspill.docx');
    await motebot('export', 'innspill', '2/2023', '--format', 'docx', '--out', out);
    const { value } = await mammoth.extractRawText({ path: out });
    expect(value).toContain('Indikatorene bør måle samhandling.');
    // The workbook from the command line holds the innspill; polls and questions belong to a chat.
    const workbook = path.join(data, 'innspill.xlsx');
    await motebot('export', 'innspill', '2/2023', '--format', 'xlsx', '--out', workbook);
    const sheets = await readExcelFile(await readFile(workbook));
    expect(sheets.map((x) => x.sheet)).toEqual(['Innspill', 'Avstemninger', 'Spørsmål']);
    expect(sheets[0]!.data[1]).toEqual(
      expect.arrayContaining(['17/23', 'Indikatorene bør måle samhandling.']),
    );
    // The draft referat: the innspill under their sak, each sak's proposal as its likely vedtak.
    const draft = path.join(data, 'utkast-referat.docx');
    await motebot('export', 'innspill', '2/2023', '--format', 'referat-docx', '--out', draft);
    const { value: referat } = await mammoth.extractRawText({ path: draft });
    expect(referat).toContain('Utkast – sekretariatet bekrefter');
    expect(referat).toMatch(
      /Sak 17\/23 [^\n]+\n+Innspill i møtet\n+Indikatorene bør måle samhandling\. \(Ola Strand, KS\)\n+Vedtak \(utkast\): \S/,
    );
    await expect(motebot('export', 'innspill', '9/2019')).rejects.toMatchObject({
      stderr: expect.stringContaining('fant ingen møteinnkalling'),
    });
  });

  it('writes the decision register of a committee’s year as CSV and as a workbook', async () => {
    const { stdout } = await motebot('register', '--committee', 'NUIT', '--year', '2020');
    const lines = stdout
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('utvalg;møte;dato;sak;tittel;status;vedtak;forslag til vedtak');
    expect(lines.some((l) => l.includes('17.06.2020;19/20') && l.includes(';vedtatt;'))).toBe(true);
    const out = path.join(data, 'vedtak.xlsx');
    await motebot('register', 'PLL', '--format', 'xlsx', '--out', out);
    const [sheet] = await readExcelFile(await readFile(out));
    expect(sheet!.data.slice(1).map((r) => r[3])).toContain('16/23');
    await expect(motebot('register', '--year', 'i fjor')).rejects.toMatchObject({
      stderr: expect.stringContaining('ugyldig år'),
    });
  });

  it('reports a DOCX bomb in a folder as that file’s own failure, and ingests the file after it', async () => {
    // 0.5 MB that unpacks to about 150 MB of paragraphs: the run once died of a heap OOM, with
    // no summary and the later files never read.
    const folder = await mkdtemp(path.join(os.tmpdir(), 'motebot-bomb-'));
    try {
      await writeFile(path.join(folder, 'a-bombe.docx'), docxBomb(150));
      await copyFile(FIXTURE, path.join(folder, 'b-god.txt'));
      const result = await motebot('ingest', folder).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^Lest inn: 1 · Uendret: 0 · Feilet: 1/);
      expect(result.stdout).toContain('+ b-god.txt: 2 møte(r)');
      expect(result.stdout).toMatch(
        /– a-bombe\.docx: «a-bombe\.docx» pakkes ut til 15\d\.\d MB; største tillatte er 100\.0 MB/,
      );
      expect(result.stderr).not.toMatch(/heap|at .*\.ts/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('says what is wrong with a command it does not know', async () => {
    await expect(motebot('frobnicate')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Ukjent kommando'),
    });
  });

  it('prints the usage and exits 0 for --help and -h, also after a command', async () => {
    for (const args of [['--help'], ['-h'], ['ask', '--help']]) {
      const { stdout, stderr } = await motebot(...args);
      expect(stdout, args.join(' ')).toContain('Bruk: motebot <kommando>');
      expect(stderr).toBe('');
    }
  });

  it('names an unknown option in bokmål, without a stack trace', async () => {
    const failed = await motebot('ask', '--frob', 'hei').catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Ukjent eller ufullstendig valg'),
    });
    expect((failed as { stderr: string }).stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  /** The CLI as a member runs it: no log level set. */
  const plain = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.LOG_LEVEL;
    return run(process.execPath, [BIN, ...args, '--data', data], { cwd: ROOT, env });
  };

  it('asks for a question when given none or only spaces, without a stack trace or log lines', async () => {
    for (const question of ['', '   ']) {
      const failed = await plain('ask', question).catch((e: { code: number; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('Skriv et spørsmål') });
      expect((failed as { stderr: string }).stderr).not.toMatch(/"level"|\bat .*\.(js|ts):\d+/);
    }
  });

  it('tells an ingest failure once, in its summary, not again in the log', async () => {
    const failed = await plain('ingest', path.join(data, 'finnes-ikke.txt')).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2, stdout: expect.stringContaining('finnes ikke'), stderr: '' });
  });

  it('names a setting that does not hold in one line, without a stack trace', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, STORE: 'postgres' };
    delete env.DATABASE_URL;
    const failed = await run(process.execPath, [BIN, 'ask', 'hei', '--data', data], { cwd: ROOT, env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('STORE=postgres trenger DATABASE_URL'),
    });
    expect((failed as { stderr: string }).stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });
});
