// Opens the store the configuration names.
import type { Config } from '../config.ts';
import { MotebotError } from '../errors.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export async function openStore(config: Config): Promise<Store> {
  if (config.STORE === 'postgres') {
    throw new MotebotError(
      'invalid_config',
      'PostgreSQL-lagring er ikke tilgjengelig ennå; bruk STORE=sqlite.',
    );
  }
  return new SqliteStore(config.dataDir);
}
