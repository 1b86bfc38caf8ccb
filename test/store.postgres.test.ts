// The PostgreSQL store beyond the contract every store keeps (test/store-contract/): how it is
// configured, what an operator reads when the database cannot be used, a listener that survives its
// connection being cut, and a database written before the search index was kept.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/store/index.ts';
import { POSTGRES_MIGRATIONS } from '../src/store/migrations/postgres.ts';
import { PostgresStore } from '../src/store/postgres.ts';
import type { Store } from '../src/store/types.ts';
import { ADMIN_DATABASE_URL, createTestDatabase } from './helpers/postgres.ts';
import { expectOldRecordOpened, OLD_RECORD_SQL } from './helpers/stores.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function postgresStore(): Promise<{ store: Store; url: string }> {
  const db = await createTestDatabase();
  cleanup.push(db.drop);
  const store = await openStore(
    loadConfig({ STORE: 'postgres', DATABASE_URL: db.url, DATABASE_POOL_SIZE: '2' }),
  );
  cleanup.push(() => store.close());
  return { store, url: db.url };
}

const admin = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};

describe('the PostgreSQL store', () => {
  it('is what STORE=postgres opens, and needs DATABASE_URL', async () => {
    expect(() => loadConfig({ STORE: 'postgres' })).toThrow(/STORE=postgres trenger DATABASE_URL/);
    const { store } = await postgresStore();
    await store.putDocument({ source: 'a.txt', hash: 'h', format: 'txt', meetings: [], passages: [] });
    expect((await store.listDocuments()).map((d) => d.source)).toEqual(['a.txt']);
  });

  it('says in bokmål which database it cannot use and why, without the driver’s words or the password', async () => {
    const refused = openStore(
      loadConfig({ STORE: 'postgres', DATABASE_URL: 'postgres://motebot:hemmelig@127.0.0.1:1/motebot' }),
    );
    await expect(refused).rejects.toMatchObject({
      code: 'store_failure',
      message: 'Får ikke brukt PostgreSQL-databasen 127.0.0.1:1/motebot: tjeneren svarer ikke.',
    });
    const missing = new URL(ADMIN_DATABASE_URL);
    missing.pathname = '/motebot_finnes_ikke';
    await expect(
      openStore(loadConfig({ STORE: 'postgres', DATABASE_URL: missing.toString() })),
    ).rejects.toThrow(
      /^Får ikke brukt PostgreSQL-databasen .*\/motebot_finnes_ikke: databasen finnes ikke\.$/,
    );
  });

  it('keeps telling record changes after its listening connection is cut, including one made meanwhile', async () => {
    const { store, url } = await postgresStore();
    const told: number[] = [];
    await store.onRecordChange((r) => told.push(r));
    const database = new URL(url).pathname.slice(1);
    const cut = await admin(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'`,
      [database],
    );
    expect(cut).toEqual([{ cut: true }]);
    await store.putDocument({ source: 'a.txt', hash: 'h', format: 'txt', meetings: [], passages: [] });
    const until = Date.now() + 5000;
    while (!told.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(told).toEqual([1]);
  });

  it('opens a database from before the change log: summaries read from the whole record, the log starting now', async () => {
    const db = await createTestDatabase();
    cleanup.push(db.drop);
    // The database as the previous release left it: its schema, one document with a long text.
    const before = POSTGRES_MIGRATIONS.findIndex((m) => m.name.startsWith('record change log'));
    await (await PostgresStore.open(db.url, { migrations: POSTGRES_MIGRATIONS.slice(0, before) })).close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const sql of OLD_RECORD_SQL) await client.query(sql);
    await client.end();

    const store = await PostgresStore.open(db.url, { poolSize: 2 });
    cleanup.push(() => store.close());
    await expectOldRecordOpened(
      store,
      POSTGRES_MIGRATIONS.map((m) => m.version),
    );
  });
});
