// The store implementations the contract suite runs against, each as a "place" (a directory, a
// database) where one or several store instances can be opened, as separate bot processes would.
// On PostgreSQL each place is a database of its own, created for the test and dropped after it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { SQLITE_MIGRATIONS } from '../../src/store/migrations/sqlite.ts';
import { POSTGRES_MIGRATIONS } from '../../src/store/migrations/postgres.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { createTestDatabase } from './postgres.ts';

export interface StorePlace {
  /** A connection string (PostgreSQL) or directory (SQLite) a bot process would be given. */
  where: string;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** The versions its migrations apply, in order. */
  migrations: number[];
  create(): Promise<StorePlace>;
}

export const STORE_KINDS: StoreKind[] = [
  {
    name: 'sqlite',
    migrations: SQLITE_MIGRATIONS.map((m) => m.version),
    async create() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-store-'));
      return {
        where: dir,
        open: async () => new SqliteStore(dir),
        drop: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    migrations: POSTGRES_MIGRATIONS.map((m) => m.version),
    async create() {
      const db = await createTestDatabase();
      return { where: db.url, open: () => PostgresStore.open(db.url, { poolSize: 4 }), drop: db.drop };
    },
  },
];

export interface ContractContext {
  kind: StoreKind;
  /** Opens one more store instance on this test's place; closed after the test. */
  open(): Promise<Store>;
}

/** Runs a port's contract once per implementation, each test on a fresh place. */
export function describeStores(port: string, body: (ctx: ContractContext) => void): void {
  describe.each(STORE_KINDS.map((k) => [k.name, k] as const))(`the ${port} port on %s`, (_, kind) => {
    let place: StorePlace;
    const opened: Store[] = [];
    beforeEach(async () => {
      place = await kind.create();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await place.drop();
    });
    body({
      kind,
      async open() {
        const store = await place.open();
        opened.push(store);
        return store;
      },
    });
  });
}

/**
 * The store the bot tests run on: SQLite in `dir` unless MOTEBOT_TEST_STORE=postgres, then a new
 * PostgreSQL database. `close` closes the store and removes what was made for it.
 */
export async function openTestStore(dir: string): Promise<Store> {
  if (process.env.MOTEBOT_TEST_STORE !== 'postgres') return new SqliteStore(dir);
  const db = await createTestDatabase();
  const store = await PostgresStore.open(db.url, { poolSize: 4 });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await db.drop();
  };
  return store;
}

/**
 * The previous release's record, as each store's test writes it into the older schema (SQL both
 * stores take): one document with one meeting and its long text, at record revision 3.
 */
export const OLD_RECORD_SQL = [
  `INSERT INTO documents (source, hash, format, ingested_at, meetings_json) VALUES ('a.txt', 'h', 'txt', '2031-01-01', '${JSON.stringify(
    [{ number: '1/2031', items: [{ sak: '1/31', title: 'Sak 1', minutes: 'Lang tekst' }] }],
  )}')`,
  'UPDATE record_revision SET revision = 3',
];

/** What a store opened over OLD_RECORD shows: every migration applied, and the log starting now. */
export async function expectOldRecordOpened(store: Store, migrations: number[]): Promise<void> {
  expect(await store.appliedMigrations()).toEqual(migrations);
  expect((await store.listMeetings({ summary: true }))[0]!.items).toEqual([{ sak: '1/31', title: 'Sak 1' }]);
  expect((await store.listMeetings())[0]!.items[0]).toHaveProperty('minutes', 'Lang tekst');
  // What changed before the log was kept cannot be told: a reader has to load the record whole.
  expect(await store.recordChangesSince(2)).toBeNull();
  expect(await store.recordChangesSince(3)).toEqual({ revision: 3, documents: [], cases: [] });
  expect(await store.searchIndexRevision()).toBe(0);
}
