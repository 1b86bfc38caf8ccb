// The console guard must be able to fail: the project's test setup runs over a fixture where one
// test prints, and that test — and only it — must fail, with the printed text in its error.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs');

interface JsonReport {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

it('fails a test that writes to the console, and passes one that does not', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-console-guard-'));
  const out = path.join(dir, 'report.json');
  try {
    const run = await promisify(execFile)(
      process.execPath,
      [
        VITEST,
        'run',
        '--config',
        'test/fixtures/console-guard/vitest.config.ts',
        '--reporter=json',
        `--outputFile=${out}`,
      ],
      { cwd: ROOT },
    ).then(
      () => ({ code: 0 }),
      (err: { code: number }) => ({ code: err.code }),
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(out, 'utf8')) as JsonReport;
    const results = report.testResults.flatMap((f) => f.assertionResults);
    expect(results.map((r) => [r.title, r.status])).toEqual([
      ['prints to the console', 'failed'],
      ['stays quiet', 'passed'],
    ]);
    expect(results[0]!.failureMessages.join('\n')).toContain('console.warn: a stray warning');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
