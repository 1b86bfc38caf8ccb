// The reader process: what it sends back is what reading the document in this process gives, also
// for a record too large for one message.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from '../src/documents/index.ts';
import { IsolatedReader } from '../src/documents/isolated.ts';
import { DEFAULT_LIMITS } from '../src/documents/limits.ts';
import { buildRecord } from '../src/record/build.ts';
import { SHARED } from './helpers/corpus.ts';
import { shiftYears } from './helpers/shift-years.ts';

const reader = new IsolatedReader(DEFAULT_LIMITS);
afterAll(() => reader.close());

describe('the reader process', () => {
  it('sends a record of thousands of passages back whole and in order, in batches', async () => {
    const corpus = path.join(SHARED, 'corpus');
    const texts = await Promise.all(
      (await readdir(corpus)).sort().map((f) => readFile(path.join(corpus, f), 'utf8')),
    );
    // The corpus twice, the second round a year on: more passages than one batch holds.
    const bytes = new TextEncoder().encode([...texts, ...texts.map((t) => shiftYears(t, 1))].join('\n\n'));
    const here = buildRecord(await extractText(bytes, 'to-år.txt'), 'to-år.txt', DEFAULT_LIMITS.maxPassages);
    expect(here.passages.length).toBeGreaterThan(2_000);
    const { format, record } = await reader.read(bytes, 'to-år.txt');
    expect(format).toBe('txt');
    expect(record).toEqual(here);
  }, 60_000);

  it('gives the meetings alone when asked for them, as the full read has them', async () => {
    const bytes = await readFile(path.join(SHARED, 'corpus-formats', '003_0c1c525d85268ac2.docx'));
    const meetings = await reader.meetings(bytes, 'nufa.docx');
    expect(meetings).toEqual((await reader.read(bytes, 'nufa.docx')).record.meetings);
    expect(meetings.map((m) => m.committee)).toEqual(['NUFA']);
  }, 60_000);
});
