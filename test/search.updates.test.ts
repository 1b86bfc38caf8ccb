// Search that updates in place, on each store: a new innspill or a changed document changes only the
// sections, cases and meetings of the saker it touches (the library says so by counting its full
// loads and its updates), a restart reads the stored counts instead of the record's text, an index
// updated in place ranks as one loaded afresh, and an answerer told of a change by the store is up
// to date before the next question. What the store keeps is in test/store-contract/.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../src/answer/index.ts';
import { loadLibrary, type Library } from '../src/answer/library.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { syncInnspillToRecord } from '../src/innspill/record.ts';
import { createLogger } from '../src/logger.ts';
import { InvertedIndex } from '../src/search/inverted.ts';
import type { Store } from '../src/store/types.ts';
import { STORE_KINDS, type StorePlace } from './helpers/stores.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const SLIDES = '004_01c28272e6e81fa3.txt';

/**
 * A view of `store` that counts calls of its methods by name, and (as "name:done") the async
 * iterations they return that ran to their end.
 */
function counted(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);
  async function* finished<T>(name: string, items: AsyncIterable<T>): AsyncGenerator<T> {
    yield* items;
    count(`${name}:done`);
  }
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        count(String(name));
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result && typeof result === 'object' && Symbol.asyncIterator in result
          ? finished(String(name), result as AsyncIterable<unknown>)
          : result;
      };
    },
  });
  return { store: proxy, calls };
}

describe.each(STORE_KINDS.map((k) => [k.name, k] as const))('search on %s', (_, kind) => {
  let dir: string;
  let corpus: string;
  let place: StorePlace;
  let store: Store;
  let lib: Library;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-search-updates-'));
    corpus = path.join(dir, 'corpus');
    await cp(CORPUS, corpus, { recursive: true });
    place = await kind.create();
    store = await place.open();
    await ingestPaths([corpus], { store, maxBytes: 5e7 });
    lib = await loadLibrary(store);
  });

  afterAll(async () => {
    await store.close();
    await place.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const sectionIds = async (l: Library, query: string) =>
    (await l.index.search(query)).map((h) => h.section.id);

  describe('a library kept up to date in place', () => {
    it('finds a new innspill after re-reading only its sak, with no full reload', async () => {
      const sak = lib.cases.find((c) => c.item.sak === '16/23')!;
      const sections = lib.index.size;
      const cases = lib.cases.length;
      expect(await sectionIds(lib, 'kvantekryptografi')).toEqual([]);

      await store.addInnspill({
        committee: sak.committee,
        meeting: sak.meeting,
        sak: '16/23',
        conversationId: 'chat-1',
        authorId: 'member-1',
        authorName: 'Kari Nordmann',
        organisation: 'KS',
        text: 'Kvantekryptografi bør vurderes i målbildet.',
      });
      await syncInnspillToRecord(store, sak.committee, sak.meeting);

      expect(await lib.refresh()).toBe('updated');
      expect(lib.loads).toEqual({ full: 1, updates: 1 });
      const hits = await lib.index.search('kvantekryptografi');
      expect(hits.map((h) => [h.section.sak, h.section.kind])).toEqual([['16/23', 'innspill']]);
      // One section more (the sak's innspill); the saker and their cases are as they were.
      expect(lib.index.size).toBe(sections + 1);
      expect(lib.cases.length).toBe(cases);
      expect(lib.byKey.get(sak.key)).toBe(lib.cases.find((c) => c.key === sak.key));
      expect(await store.searchIndexRevision()).toBe(await store.revision());
      expect(await lib.refresh()).toBe('current');
    });

    it("replaces a changed document's saker: the new text is found and the old is gone", async () => {
      expect(lib.index.known(['nilar'])).toBe(true);
      const file = path.join(corpus, SLIDES);
      await writeFile(file, (await readFile(file, 'utf8')).replaceAll(/NILAR/gi, 'Zorblax'));
      await ingestPaths([file], { store, maxBytes: 5e7 });

      expect(await lib.refresh()).toBe('updated');
      expect(lib.loads).toEqual({ full: 1, updates: 2 });
      expect(lib.index.known(['zorblax'])).toBe(true);
      expect(lib.index.known(['nilar'])).toBe(false);
      const hits = await lib.index.search('Zorblax');
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(lib.byKey.has(h.section.caseKey) || h.section.sak === null).toBe(true);
      // The changed document's meetings are the new version's, once each.
      const slideMeetings = lib.meetings.filter((m) => m.source === SLIDES);
      expect(slideMeetings.length).toBeGreaterThan(0);
      expect(new Set(slideMeetings.map((m) => m.documentId)).size).toBe(1);
    });

    it('ranks as a library loaded afresh, which reads the stored counts and never the text', async () => {
      const fresh = await place.open();
      // A restart that read the record's passages to build its index would fail here.
      const noText = new Proxy(fresh, {
        get(target, name, receiver) {
          if (name === 'passageGroups' || name === 'listPassages' || name === 'passagesFor')
            return () => {
              throw new Error('a restart read the text of the record');
            };
          const value: unknown = Reflect.get(target, name, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as Store;
      try {
        const restarted = await loadLibrary(noText);
        expect(restarted.loads).toEqual({ full: 1, updates: 0 });
        expect(restarted.index.size).toBe(lib.index.size);
        for (const q of [
          'Zorblax',
          'kvantekryptografi',
          'kjernejournal',
          'legemiddelliste',
          'Helsenorge veikart',
        ])
          expect(await sectionIds(lib, q)).toEqual(await sectionIds(restarted, q));
      } finally {
        await fresh.close();
      }
    });
  });

  describe('a library started from the index kept as one blob', () => {
    const QUERIES = [
      'Zorblax',
      'kvantekryptografi',
      'kjernejournal',
      'legemiddelliste',
      'Helsenorge veikart',
    ];
    const hits = async (l: Library, q: string) =>
      (await l.index.search(q)).map((h) => [h.section.id, h.section.year, h.section.title, h.score]);
    /** The store as it was before blobs were kept: every start builds the index from its sections. */
    const withoutSnapshot = (s: Store) =>
      new Proxy(s, {
        get(target, name, receiver) {
          if (name === 'searchSnapshot') return async () => null;
          if (name === 'saveSearchSnapshot') return async () => false;
          const value: unknown = Reflect.get(target, name, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as Store;

    it('reads one blob instead of the sections, ranks as an index built from them, and updates in place', async () => {
      const first = await place.open();
      const second = counted(await place.open());
      const third = await place.open();
      try {
        // The first start at this revision builds the index and keeps it; the next reads it back.
        await loadLibrary(first);
        const restored = await loadLibrary(second.store);
        expect(second.calls.get('searchSnapshot')).toBe(1);
        expect(second.calls.get('searchSections')).toBeUndefined();
        const built = await loadLibrary(withoutSnapshot(third));
        expect(restored.index.size).toBe(built.index.size);
        for (const q of QUERIES) expect(await hits(restored, q)).toEqual(await hits(built, q));
        for (const word of ['SFM', 'PLL', 'KS', 'NHN', 'HOD'])
          expect(restored.index.defined(word)).toEqual(built.index.defined(word));
        expect(restored.index.compoundHead('legemiddellisten')).toEqual(
          built.index.compoundHead('legemiddellisten'),
        );

        // Its postings lie in the blob's buffer: an update in place must leave them right.
        const sak = lib.cases.find((c) => c.item.sak === '16/23')!;
        await store.addInnspill({
          committee: sak.committee,
          meeting: sak.meeting,
          sak: '16/23',
          conversationId: 'chat-3',
          authorId: 'member-3',
          authorName: 'Per Nordmann',
          organisation: null,
          text: 'Fotonikkmodulen bør testes i kjernejournal.',
        });
        await syncInnspillToRecord(store, sak.committee, sak.meeting);
        expect(await restored.refresh()).toBe('updated');
        expect(await built.refresh()).toBe('updated');
        for (const q of [...QUERIES, 'fotonikkmodulen'])
          expect(await hits(restored, q)).toEqual(await hits(built, q));
        expect((await hits(restored, 'fotonikkmodulen')).length).toBe(1);
      } finally {
        await Promise.all([first.close(), second.store.close(), third.close()]);
      }
    });
  });

  describe('an answerer on the store', () => {
    it('is brought up to date when the store tells of a change, before the next question', async () => {
      const reader = counted(await place.open());
      const writer = await place.open();
      try {
        const answerer = await createAnswerer({
          store: reader.store,
          config: loadConfig({ DATA_DIR: path.join(dir, 'unused'), LOG_LEVEL: 'silent' }),
          logger: createLogger('silent'),
        });
        await answerer.ask('hva er forslag til vedtak i sak 16/23?');
        const updates = () => reader.calls.get('recordChangesSince') ?? 0;
        // The last thing an update reads: the changed saker's sections, to its end.
        const indexed = () => reader.calls.get('searchSections:done') ?? 0;
        const [before, indexedBefore] = [updates(), indexed()];

        // Another instance adds an innspill; no question comes.
        const sak = lib.cases.find((c) => c.item.sak === '16/23')!;
        await writer.addInnspill({
          committee: sak.committee,
          meeting: sak.meeting,
          sak: '16/23',
          conversationId: 'chat-2',
          authorId: 'member-2',
          authorName: 'Ola Nordmann',
          organisation: 'Helse Vest',
          text: 'Stordatakvalitet må sikres før utrulling.',
        });
        await syncInnspillToRecord(writer, sak.committee, sak.meeting);
        const until = Date.now() + 5000;
        while (indexed() === indexedBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        expect(updates()).toBeGreaterThan(before);
        expect(indexed()).toBe(indexedBefore + 1);

        // The update was done before the question came: the question starts none itself.
        const told = updates();
        const answer = await answerer.ask(
          'Hva var innspillet fra Helse Vest om stordatakvalitet i sak 16/23?',
        );
        expect(updates()).toBe(told);
        expect(answer.abstained).toBe(false);
        expect(answer.answer).toMatch(/Stordatakvalitet/);
        expect(answer.citations.some((c) => c.kind === 'innspill')).toBe(true);
      } finally {
        await writer.close();
        await reader.store.close();
      }
    });
  });
});

describe('an inverted index whose documents come and go', () => {
  const make = (texts: string[]) => {
    const ix = new InvertedIndex(
      (s) => s.split(' '),
      (t) => t,
    );
    for (const t of texts) ix.add(t);
    ix.countAlsoAs((term) => (term === 'legemiddelliste' ? ['legemiddel', 'liste'] : []));
    return ix;
  };
  const scores = (ix: InvertedIndex, terms: string[]) =>
    Object.fromEntries(ix.search(terms, () => true).map((r) => [r.doc, r.score]));

  it('scores as an index built without the removed document, and counts a new compound as its parts', () => {
    const ix = make(['helse data', 'data plattform legemiddelliste', 'liste over tiltak']);
    // Each count asked before a change must follow the change.
    expect(ix.frequency('liste')).toBe(2);
    ix.remove([1]);
    expect(ix.frequency('liste')).toBe(1);
    ix.add('legemiddelliste og data');
    const built = make(['helse data', 'liste over tiltak', 'legemiddelliste og data']);
    expect(ix.frequency('plattform')).toBe(0);
    expect([ix.frequency('liste'), ix.frequencyAlone('liste')]).toEqual([2, 1]);
    expect(ix.size).toBe(3);
    // Document numbers differ (a removed number is not reused); the scores per document do not.
    const renumber = { 0: 0, 2: 1, 3: 2 } as Record<string, number>;
    for (const terms of [['data'], ['liste'], ['helse', 'data', 'liste']]) {
      const got = Object.entries(scores(ix, terms)).map(([doc, s]) => [renumber[doc], s] as const);
      const want = scores(built, terms);
      expect(got.length).toBe(Object.keys(want).length);
      for (const [doc, s] of got) expect(s).toBeCloseTo(want[doc!]!, 10);
    }
  });
});
