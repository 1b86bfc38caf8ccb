// The search-index port, on every store: terms get one number for good, whichever instance asks
// first; sections come back as they were stored, in record order, all of them or the saker asked
// for; and the index moves only from the revision its writer read, so of two instances writing at
// once exactly one wins.
import { expect, it } from 'vitest';
import type { CaseRef, Store, StoredSearchSection } from '../../src/store/types.ts';
import { document, passage } from '../helpers/records.ts';
import { describeStores } from '../helpers/stores.ts';

const section = (
  sak: string | null,
  kind: 'agenda' | 'memo',
  terms: number[],
  definitions: [string, string][] = [],
): StoredSearchSection => ({
  committee: 'NUIT',
  meeting: '1/2031',
  sak,
  kind,
  title: sak ? `Sak ${sak}` : '',
  year: 2031,
  length: terms.length / 2,
  terms: Uint32Array.from(terms),
  definitions,
});

/** What a section holds, as plain values to compare. */
const plain = (s: StoredSearchSection) => ({ ...s, terms: [...s.terms] });

const read = async (store: Store, cases?: CaseRef[]) => {
  const out: ReturnType<typeof plain>[] = [];
  for await (const s of store.searchSections(cases)) out.push(plain(s));
  return out;
};

const sak = (s: string | null): CaseRef => ({ committee: 'NUIT', meeting: '1/2031', sak: s });

describeStores('search-index', ({ open }) => {
  it('numbers each term once, and every instance reads the same numbers', async () => {
    const first = await open();
    const second = await open();
    const [a, b] = await first.searchTermIds(['legemiddel', 'liste']);
    expect(a).not.toBe(b);
    expect(await second.searchTermIds(['liste', 'kjernejournal', 'legemiddel', 'liste'])).toEqual([
      b,
      expect.any(Number),
      a,
      b,
    ]);
    const terms = await first.searchTerms();
    expect(terms[a!]).toBe('legemiddel');
    expect(terms[b!]).toBe('liste');
    expect(terms.filter(Boolean).sort()).toEqual(['kjernejournal', 'legemiddel', 'liste']);
    expect(await first.searchTermIds([])).toEqual([]);
  });

  it('gives two instances numbering the same new terms at once the same numbers', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    const words = Array.from({ length: 200 }, (_, n) => `ord${n}`);
    const numbered = await Promise.all(
      stores.map((s, i) => s.searchTermIds(i % 2 ? [...words].reverse() : words)),
    );
    expect(numbered[1]!.reverse()).toEqual(numbered[0]);
    expect(numbered[2]).toEqual(numbered[0]);
    expect(new Set(numbered[0]).size).toBe(words.length);
  });

  it('gives back the stored sections in record order, all or the saker asked for', async () => {
    const store = await open();
    // The agenda lists every sak before the memos: a sak's sections are not next to each other.
    await store.putDocument(
      document([
        passage(null, 'agenda', 1),
        passage('1/31', 'agenda', 2),
        passage('2/31', 'agenda', 3),
        passage('2/31', 'memo', 4),
        passage('1/31', 'memo', 5),
      ]),
    );
    const revision = await store.revision();
    expect(await store.searchIndexRevision()).toBe(0);
    const sections = [
      section('1/31', 'memo', [1, 2, 3, 1], [['sfm', 'sentral forskrivningsmodul']]),
      section('2/31', 'agenda', [2, 5]),
      section(null, 'agenda', [4, 1]),
      section('1/31', 'agenda', [0xffffffff, 7]),
      section('2/31', 'memo', [3, 3]),
    ];
    expect(await store.replaceSearchSections({ from: 0, to: revision, cases: 'all', sections })).toBe(true);
    expect(await store.searchIndexRevision()).toBe(revision);

    const byFirstPassage = [sections[2], sections[3], sections[1], sections[4], sections[0]].map((s) =>
      plain(s!),
    );
    expect(await read(store)).toEqual(byFirstPassage);
    // Sak by sak as asked, each sak's sections in record order; the meeting's own for sak null.
    expect(await read(store, [sak('2/31'), sak(null)])).toEqual([
      byFirstPassage[2],
      byFirstPassage[3],
      byFirstPassage[0],
    ]);
    expect(await read(store, [sak('9/31')])).toEqual([]);
    expect(await read(store, [])).toEqual([]);
  });

  it('keeps the index as one blob only at the revision the sections stand at, the last one saved', async () => {
    const store = await open();
    await store.putDocument(document([passage('1/31', 'agenda', 1)]));
    const revision = await store.revision();
    expect(await store.searchSnapshot()).toBeNull();
    expect(
      await store.replaceSearchSections({
        from: 0,
        to: revision,
        cases: 'all',
        sections: [section('1/31', 'agenda', [1, 1])],
      }),
    ).toBe(true);
    // A blob of a revision the sections do not stand at would be read at the wrong one: refused.
    expect(await store.saveSearchSnapshot(revision + 1, Uint8Array.from([9]))).toBe(false);
    expect(await store.searchSnapshot()).toBeNull();
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    expect(await store.saveSearchSnapshot(revision, bytes)).toBe(true);
    const other = await open();
    const kept = await other.searchSnapshot();
    expect(kept?.revision).toBe(revision);
    expect(Buffer.from(kept!.bytes).equals(Buffer.from(bytes))).toBe(true);
    // The sections move on: the old blob stays until one of the new revision replaces it.
    await store.putDocument(document([passage('2/31', 'agenda', 2)], 'b.txt'));
    const next = await store.revision();
    expect(await store.replaceSearchSections({ from: revision, to: next, cases: [], sections: [] })).toBe(
      true,
    );
    expect(await store.saveSearchSnapshot(revision, Uint8Array.from([1]))).toBe(false);
    expect(await store.saveSearchSnapshot(next, Uint8Array.from([1, 2, 3]))).toBe(true);
    expect(await other.searchSnapshot()).toEqual({ revision: next, bytes: expect.anything() });
    expect([...(await other.searchSnapshot())!.bytes]).toEqual([1, 2, 3]);
  });

  it('replaces only the saker named, and moves only from the revision the writer read', async () => {
    const store = await open();
    await store.putDocument(
      document([passage('1/31', 'agenda', 1), passage('2/31', 'agenda', 2), passage('3/31', 'agenda', 3)]),
    );
    const r = await store.revision();
    await store.replaceSearchSections({
      from: 0,
      to: r,
      cases: 'all',
      sections: [
        section('1/31', 'agenda', [1, 1]),
        section('2/31', 'agenda', [2, 1]),
        section('3/31', 'agenda', [3, 1]),
      ],
    });
    // 2/31 changed and 3/31 is gone: the other saker's sections stay as they were.
    expect(
      await store.replaceSearchSections({
        from: r,
        to: r + 1,
        cases: [sak('2/31'), sak('3/31')],
        sections: [section('2/31', 'agenda', [9, 9])],
      }),
    ).toBe(true);
    expect((await read(store)).map((s) => [s.sak, s.terms])).toEqual([
      ['1/31', [1, 1]],
      ['2/31', [9, 9]],
    ]);
    // A writer that read an older revision changes nothing.
    expect(await store.replaceSearchSections({ from: r, to: r + 2, cases: 'all', sections: [] })).toBe(false);
    expect(await store.searchIndexRevision()).toBe(r + 1);
    expect(await read(store)).toHaveLength(2);
  });

  it('lets exactly one of several instances move the index from one revision', async () => {
    const stores = await Promise.all([open(), open(), open(), open()]);
    await stores[0]!.putDocument(document([passage('1/31', 'agenda', 1)]));
    for (let round = 0; round < 10; round++) {
      const from = await stores[0]!.searchIndexRevision();
      const won = await Promise.all(
        stores.map((s, i) =>
          s.replaceSearchSections({
            from,
            to: from + 1,
            cases: [sak('1/31')],
            sections: [section('1/31', 'agenda', [round, i]), section('1/31', 'memo', [round, i])],
          }),
        ),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = won.indexOf(true);
      // The winner's sections, whole: no loser's write mixed in.
      expect((await read(stores[1]!)).map((s) => s.terms)).toEqual([
        [round, winner],
        [round, winner],
      ]);
    }
  });

  it('reads every section of a large index, past any page a store reads them in', async () => {
    const store = await open();
    const saker = Array.from({ length: 4500 }, (_, n) => `${n}/31`);
    await store.putDocument(document(saker.map((s, n) => passage(s, 'agenda', n + 1))));
    await store.replaceSearchSections({
      from: 0,
      to: await store.revision(),
      cases: 'all',
      // Stored in reverse: the order read back is the record's, not the order written.
      sections: [...saker].reverse().map((s, n) => section(s, 'agenda', [n, 1])),
    });
    expect((await read(store)).map((s) => s.sak)).toEqual(saker);
  });
});
