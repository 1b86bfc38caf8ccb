// Opens the store the configuration names: SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export async function openStore(config: Config, logger?: Logger): Promise<Store> {
  if (config.STORE === 'postgres') {
    // Imported when asked for: the driver costs a SQLite process ~0.1 s at start for nothing.
    const { PostgresStore } = await import('./postgres.ts');
    return PostgresStore.open(config.DATABASE_URL!, {
      poolSize: config.DATABASE_POOL_SIZE,
      // A dropped idle connection is replaced by the pool; it is worth a line in the log, no more.
      onError: (err) => logger?.warn({ err }, 'PostgreSQL-tilkoblingen ble brutt; kobler til på nytt'),
    });
  }
  return new SqliteStore(config.dataDir);
}
