// The SQLite store: data survives a restart, migrations run once, and a reader in another thread
// never sees half of a document while an ingest writes.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewPassage } from '../src/record/passages.ts';
import { SQLITE_MIGRATIONS } from '../src/store/migrations/sqlite.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import type { NewDocument } from '../src/store/types.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A document whose passage count is written in its hash, so a reader can check it is whole. */
function doc(source: string, passages: number, version = 1): NewDocument {
  const p = (n: number): NewPassage => ({
    committee: 'NUIT',
    meeting: '1/2031',
    date: '2031-01-01',
    sak: `${n}/31`,
    title: `Sak ${n}`,
    kind: 'agenda',
    text: `versjon ${version} tekst ${n}`,
    source,
    locator: { line: n + 1 },
  });
  return {
    source,
    hash: `${passages}`,
    format: 'txt',
    meetings: [],
    passages: Array.from({ length: passages }, (_, n) => p(n)),
  };
}

describe('the SQLite store', () => {
  it("keeps a passage's whole locator: page, line, end line and heading path", async () => {
    const store = new SqliteStore(dir);
    const d = doc('a.txt', 2);
    const locator = { line: 40, endLine: 43, page: 3, headingPath: ['Sak 1/31 Sak 1', 'Bakgrunn'] };
    d.passages[1] = { ...d.passages[1]!, locator };
    await store.putDocument(d);
    const [first, second] = await store.listPassages();
    expect(first!.locator).toEqual({ line: 1 });
    expect(second!.locator).toEqual(locator);
    await store.close();
  });

  it('keeps documents and passages across a restart', async () => {
    const first = new SqliteStore(dir);
    await first.putDocument(doc('a.txt', 3));
    const revision = await first.revision();
    await first.close();
    const second = new SqliteStore(dir);
    expect((await second.listDocuments()).map((d) => d.source)).toEqual(['a.txt']);
    expect(await second.listPassages()).toHaveLength(3);
    expect(await second.revision()).toBe(revision);
    await second.close();
  });

  it('applies each migration once, also when opened again', async () => {
    const a = new SqliteStore(dir);
    const b = new SqliteStore(dir);
    const rows = a.db.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version })));
    await a.close();
    await b.close();
  });

  it('replaces a document by source and moves the revision', async () => {
    const store = new SqliteStore(dir);
    const r0 = await store.revision();
    expect((await store.putDocument(doc('a.txt', 2))).replaced).toBe(false);
    expect((await store.putDocument(doc('a.txt', 5, 2))).replaced).toBe(true);
    expect((await store.listPassages()).map((p) => p.text)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `versjon 2 tekst ${n}`),
    );
    expect(await store.revision()).toBe(r0 + 2);
    await store.close();
  });

  it("gives the passages one sak and kind at a time, in order of each group's first passage", async () => {
    const store = new SqliteStore(dir);
    const passage = (
      sak: string | null,
      kind: 'agenda' | 'memo',
      text: string,
      line: number,
    ): NewPassage => ({
      committee: 'NUIT',
      meeting: '1/2031',
      date: '2031-01-01',
      sak,
      title: sak && `Sak ${sak}`,
      kind,
      text,
      source: 'a.txt',
      locator: { line },
    });
    // An agenda lists every sak before the memos follow, so a sak's groups are not next to each other.
    await store.putDocument({
      source: 'a.txt',
      hash: 'a',
      format: 'txt',
      meetings: [],
      passages: [
        passage(null, 'agenda', 'møte', 1),
        passage('1/31', 'agenda', 'sak 1', 2),
        passage('2/31', 'agenda', 'sak 2', 3),
        passage('1/31', 'memo', 'notat 1 a', 4),
        passage('2/31', 'memo', 'notat 2', 5),
        passage('1/31', 'memo', 'notat 1 b', 6),
      ],
    });
    const groups: string[][] = [];
    for await (const g of store.passageGroups()) groups.push(g.map((p) => p.text));
    expect(groups).toEqual([['møte'], ['sak 1'], ['sak 2'], ['notat 1 a', 'notat 1 b'], ['notat 2']]);
    await store.close();
  });

  it('never shows a reader half a document while documents are replaced', async () => {
    const store = new SqliteStore(dir);
    await store.putDocument(doc('a.txt', 1));
    // The reader checks, in its own connection, that each document has exactly as many passages
    // as its hash says; it reports how many reads it made and any mismatch or error.
    const reader = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const Database = require(workerData.driver);
      const db = new Database(workerData.file, { readonly: true });
      db.pragma('busy_timeout = 10000');
      const check = db.prepare('SELECT d.hash AS hash, COUNT(p.id) AS n FROM documents d LEFT JOIN passages p ON p.document_id = d.id GROUP BY d.id');
      let reads = 0, bad = [];
      const until = Date.now() + 1500;
      while (Date.now() < until) {
        const read = db.transaction(() => check.all());
        for (const row of read()) if (Number(row.hash) !== row.n) bad.push(row);
        reads++;
      }
      parentPort.postMessage({ reads, bad: bad.slice(0, 5) });
      `,
      {
        eval: true,
        workerData: { file: path.join(dir, 'motebot.db'), driver: require.resolve('better-sqlite3') },
      },
    );
    const report = new Promise<{ reads: number; bad: unknown[] }>((resolve, reject) => {
      reader.once('message', resolve);
      reader.once('error', reject);
    });
    let writes = 0;
    const until = Date.now() + 1200;
    while (Date.now() < until) {
      await store.putDocument(doc('a.txt', 1 + (writes % 40), writes));
      writes++;
    }
    const { reads, bad } = await report;
    await reader.terminate();
    await store.close();
    expect(writes).toBeGreaterThan(20);
    expect(reads).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });
});
