// The real corpus (../shared/corpus) ingested into a fresh store, and the answerer over it, for the
// tests of the calling file: what a member asking about the real meeting packages meets.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createAnswerer } from '../../src/answer/index.ts';
import type { Answerer } from '../../src/answer/types.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared');

/** The store and answerer of the calling file's tests, opened before them and removed after. */
export function useCorpus(): { readonly store: Store; readonly answerer: Answerer } {
  let dir: string;
  let store: Store;
  let answerer: Answerer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-corpus-'));
    const config = loadConfig({ DATA_DIR: dir });
    store = await openStore(config);
    await ingestPaths([path.join(SHARED, 'corpus')], { store, maxBytes: 5e7 });
    answerer = await createAnswerer({ store, config, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get store() {
      return store;
    },
    get answerer() {
      return answerer;
    },
  };
}
