// The agenda card's "Tidligere behandlinger" are the topic timeline's steps as the record stood before
// the sak: the saker "historikk" draws for the sak's title, earlier and decided, newest first.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../src/answer/index.ts';
import type { Answerer } from '../src/answer/types.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { SHARED } from './helpers/corpus.ts';

let dir: string;
let store: SqliteStore;
let answerer: Answerer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-related-'));
  store = new SqliteStore(dir);
  await ingestPaths(
    [path.join(SHARED, 'corpus'), path.resolve(import.meta.dirname, '../sample/nuit-mote-3-2031.txt')],
    {
      store,
      maxBytes: 5e7,
    },
  );
  answerer = await createAnswerer({
    store,
    config: loadConfig({ DATA_DIR: dir }),
    logger: createLogger('silent'),
  });
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('earlier treatments on the agenda card', () => {
  it('are the decided steps of the sak title’s timeline as it stood before the meeting, newest first', async () => {
    const invited = (await store.listMeetings()).filter((m) => m.role === 'innkalling' && m.meeting);
    for (const m of invited)
      for (const item of m.items) {
        const earlier = await answerer.earlierTreatments({
          committee: m.committee,
          meeting: m.meeting!,
          sak: item.sak,
        });
        const dates = earlier.map((e) => e.date);
        expect(dates.every((d) => d < m.date!)).toBe(true);
        expect(dates).toEqual([...dates].sort().reverse());
        expect(earlier.every((e) => e.adoptedDecision)).toBe(true);
      }
    // The sample's pricing sak follows its first discussion at the meeting before, which the
    // timeline of that topic also draws.
    const pricing = await answerer.earlierTreatments({ committee: 'NUIT', meeting: '3/2031', sak: '43/31' });
    expect(pricing.map((e) => [e.meeting, e.sak])).toEqual([['2/2031', '32/31']]);
    const steps = await answerer.timeline('Prismodell for meldingsformidling');
    expect(steps.map((s) => `${s.citation.meeting} ${s.citation.sak}`)).toContain('2/2031 32/31');
  });
});
