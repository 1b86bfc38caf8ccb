// The application layer as its tests meet it: the services over a real SQLite store in a temp
// directory, holding the fictional sample package (NUIT møte 3/2031, 4 September 2031), with a clock
// the test moves. No Teams and no HTTP.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Actor, Role } from '../../src/actor.ts';
import { createAnswerer } from '../../src/answer/index.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest.ts';
import { createLogger } from '../../src/logger.ts';
import { createServices, type Services } from '../../src/services.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { ConversationRecord } from '../../src/store/types.ts';
import { ManualClock } from './clock.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../sample/nuit-mote-3-2031.txt');

export interface ServiceWorld {
  store: SqliteStore;
  clock: ManualClock;
  services: Services;
  close(): Promise<void>;
}

interface WorldOptions {
  pollCreators?: 'members' | 'moderators';
}

/** A fresh store with the sample meeting, the clock a week before it, and the services over them. */
export async function serviceWorld(opts: WorldOptions = {}): Promise<ServiceWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-services-'));
  const store = new SqliteStore(dir);
  await ingestPaths([SAMPLE], { store, maxBytes: 5e6 });
  const clock = new ManualClock('2031-08-28T10:00:00Z');
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    POLL_CREATORS: opts.pollCreators ?? 'members',
  });
  const answerer = await createAnswerer({ store, config, logger: createLogger('silent') });
  return {
    store,
    clock,
    services: createServices({ store, clock, answerer, config }),
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh world for each test of the calling file, closed after it. The handle reads the current
 * world, so a test may swap in one with other settings through `reopen`.
 */
export function useServiceWorld(): Omit<ServiceWorld, 'close'> & {
  reopen(opts: WorldOptions): Promise<void>;
} {
  let world: ServiceWorld | undefined;
  const current = () => {
    if (!world) throw new Error('the service world opens in beforeEach: use it inside a test');
    return world;
  };
  beforeEach(async () => {
    world = await serviceWorld();
  });
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  return {
    get store() {
      return current().store;
    },
    get clock() {
      return current().clock;
    },
    get services() {
      return current().services;
    },
    async reopen(opts) {
      await current().close();
      world = await serviceWorld(opts);
    },
  };
}

export const actor = (id: string, ...roles: Role[]): Actor => ({
  id,
  name: `Navn ${id}`,
  tenantId: 'tenant-1',
  roles,
});

export const secretary = actor('aad-sekretær', 'secretariat');
export const organiser = actor('aad-arrangør', 'organiser');
export const member = (n: number) => actor(`aad-m${n}`);

/** A group chat as the bot would have stored it. */
export function chat(id = '19:chat@thread.v2'): ConversationRecord {
  return {
    id,
    tenantId: 'tenant-1',
    kind: 'groupChat',
    reference: { conversation: { id } },
    installedBy: null,
  };
}
