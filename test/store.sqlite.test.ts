// The SQLite store beyond the contract every store keeps (test/store-contract/): a reader in another
// thread, on its own connection, never sees half of a document while an ingest writes. In one
// thread a synchronous driver cannot show that, so this reader opens the file itself. And a file
// written before the search index was kept opens as the current schema.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from '../src/store/migrations/sqlite.ts';
import { migrate, SqliteStore } from '../src/store/sqlite.ts';
import { countedDocument as doc } from './helpers/records.ts';
import { expectOldRecordOpened, OLD_RECORD_SQL } from './helpers/stores.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the SQLite store', () => {
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

  it('opens a file from before the change log: summaries read from the whole record, the log starting now', async () => {
    // The file as the previous release left it: its schema, one document with a long text.
    const before = SQLITE_MIGRATIONS.findIndex((m) => m.name.startsWith('record change log'));
    const old = new Database(path.join(dir, 'motebot.db'));
    migrate(old, SQLITE_MIGRATIONS.slice(0, before));
    for (const sql of OLD_RECORD_SQL) old.exec(sql);
    old.close();

    const store = new SqliteStore(dir);
    try {
      await expectOldRecordOpened(
        store,
        SQLITE_MIGRATIONS.map((m) => m.version),
      );
    } finally {
      await store.close();
    }
  });
});
