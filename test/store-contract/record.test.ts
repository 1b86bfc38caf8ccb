// The record port, on every store: documents replace their earlier version whole, passages keep
// their locators and order, and the revision moves with every change, whichever instance made it.
import { expect, it } from 'vitest';
import type { Meeting } from '../../src/record/types.ts';
import type { NewDocument } from '../../src/store/types.ts';
import { countedDocument as doc, document, passage } from '../helpers/records.ts';
import { describeStores } from '../helpers/stores.ts';

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describeStores('record', ({ kind, open }) => {
  it("keeps a passage's whole locator: page, line, end line and heading path", async () => {
    const store = await open();
    const d = doc('a.txt', 2);
    const locator = { line: 40, endLine: 43, page: 3, headingPath: ['Sak 1/31 Sak 1', 'Bakgrunn'] };
    d.passages[1] = { ...d.passages[1]!, locator };
    await store.putDocument(d);
    const [first, second] = await store.listPassages();
    expect(first!.locator).toEqual({ line: 1 });
    expect(second!.locator).toEqual(locator);
  });

  it('keeps documents and passages across a restart', async () => {
    const first = await open();
    await first.putDocument(doc('a.txt', 3));
    const revision = await first.revision();
    await first.close();
    const second = await open();
    expect((await second.listDocuments()).map((d) => d.source)).toEqual(['a.txt']);
    expect(await second.listPassages()).toHaveLength(3);
    expect(await second.revision()).toBe(revision);
  });

  it('applies each migration once, also when instances start at the same moment', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    for (const s of stores) expect(await s.appliedMigrations()).toEqual(kind.migrations);
    const again = await open();
    expect(await again.appliedMigrations()).toEqual(kind.migrations);
  });

  it('replaces a document by source and moves the revision', async () => {
    const store = await open();
    const r0 = await store.revision();
    expect((await store.putDocument(doc('a.txt', 2))).replaced).toBe(false);
    const { document, replaced } = await store.putDocument(doc('a.txt', 5, 2));
    expect(replaced).toBe(true);
    expect(await store.findDocument('a.txt')).toEqual(document);
    expect(await store.findDocument('b.txt')).toBeNull();
    expect((await store.listPassages()).map((p) => p.text)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `versjon 2 tekst ${n}`),
    );
    expect(await store.revision()).toBe(r0 + 2);
  });

  it("gives the passages one sak and kind at a time, in order of each group's first passage", async () => {
    const store = await open();
    // An agenda lists every sak before the memos follow, so a sak's groups are not next to each other.
    await store.putDocument(
      document([
        passage(null, 'agenda', 1, 'møte'),
        passage('1/31', 'agenda', 2, 'sak 1'),
        passage('2/31', 'agenda', 3, 'sak 2'),
        passage('1/31', 'memo', 4, 'notat 1 a'),
        passage('2/31', 'memo', 5, 'notat 2'),
        passage('1/31', 'memo', 6, 'notat 1 b'),
      ]),
    );
    await store.putDocument(
      document([passage('2/31', 'agenda', 1, 'sak 2 igjen'), passage('3/31', 'memo', 2, 'notat 3')], 'b.txt'),
    );
    const groups: string[][] = [];
    for await (const g of store.passageGroups()) groups.push(g.map((p) => p.text));
    expect(groups).toEqual([
      ['møte'],
      ['sak 1'],
      ['sak 2', 'sak 2 igjen'],
      ['notat 1 a', 'notat 1 b'],
      ['notat 2'],
      ['notat 3'],
    ]);
  });

  it('gives the passages of the saker asked for, sak by sak as asked, the meeting’s own for sak null', async () => {
    const store = await open();
    await store.putDocument(
      document([
        passage(null, 'agenda', 1, 'møte'),
        passage('1/31', 'agenda', 2, 'sak 1'),
        passage('2/31', 'agenda', 3, 'sak 2'),
        passage('1/31', 'memo', 4, 'notat 1'),
      ]),
    );
    const texts = async (cases: { sak: string | null }[]) =>
      (await store.passagesFor(cases.map((c) => ({ committee: 'NUIT', meeting: '1/2031', ...c })))).map(
        (p) => p.text,
      );
    expect(await texts([{ sak: '2/31' }, { sak: '1/31' }])).toEqual(['sak 2', 'sak 1', 'notat 1']);
    expect(await texts([{ sak: null }])).toEqual(['møte']);
    expect(await texts([{ sak: '9/31' }])).toEqual([]);
    expect(await texts([])).toEqual([]);
  });

  it('lists meetings with their source, and without the long texts when a summary is asked for', async () => {
    const store = await open();
    const meeting = {
      committee: 'NUIT',
      number: '1/2031',
      date: '2031-01-01',
      items: [{ sak: '1/31', title: 'Sak 1', minutes: 'Lang referattekst', description: 'Beskrivelse' }],
    } as unknown as Meeting;
    const { document } = await store.putDocument({ ...doc('a.txt', 1), meetings: [meeting] });
    const [full] = await store.listMeetings();
    expect(full).toEqual({ ...meeting, source: 'a.txt', documentId: document.id });
    const [summary] = await store.listMeetings({ summary: true });
    expect(summary!.items[0]).toEqual({ sak: '1/31', title: 'Sak 1' });
  });

  it('names in its change log the documents and saker each revision changed, and no more', async () => {
    const store = await open();
    const writer = await open();
    const saker = (d: NewDocument, ...s: (string | null)[]): NewDocument => ({
      ...d,
      passages: s.map((sak, n) => ({ ...passage(sak, 'agenda', n + 1, `tekst ${n}`), source: d.source })),
    });
    const a1 = (await writer.putDocument(saker(doc('a.txt', 0), null, '1/31', '2/31'))).document;
    const b = (await writer.putDocument(saker(doc('b.txt', 0), '5/31'))).document;
    const r = await store.revision();
    const cases = (c: { cases: { sak: string | null }[] }) => c.cases.map((x) => x.sak ?? '-').sort();

    const a2 = (await writer.putDocument(saker({ ...doc('a.txt', 0), hash: 'v2' }, '2/31', '3/31'))).document;
    const since = (await store.recordChangesSince(r))!;
    expect(since.revision).toBe(r + 1);
    expect(since.documents.sort((x, y) => x - y)).toEqual([a1.id, a2.id]);
    // The old version's saker and the new version's, each once; b's are untouched.
    expect(cases(since)).toEqual(['-', '1/31', '2/31', '3/31']);
    expect(since.cases.every((c) => c.committee === 'NUIT' && c.meeting === '1/2031')).toBe(true);

    const all = (await store.recordChangesSince(0))!;
    expect(all.documents.sort((x, y) => x - y)).toEqual([a1.id, b.id, a2.id]);
    expect(cases(all)).toEqual(['-', '1/31', '2/31', '3/31', '5/31']);
    expect(await store.recordChangesSince(r + 1)).toEqual({ revision: r + 1, documents: [], cases: [] });
  });

  it('lists the meetings of the documents asked for only', async () => {
    const store = await open();
    const withMeeting = (source: string) => ({
      ...doc(source, 1),
      meetings: [{ number: source } as unknown as Meeting],
    });
    const a = (await store.putDocument(withMeeting('a.txt'))).document;
    await store.putDocument(withMeeting('b.txt'));
    const c = (await store.putDocument(withMeeting('c.txt'))).document;
    const listed = await store.listMeetings({ summary: true, documents: [c.id, a.id] });
    expect(listed.map((m) => [m.source, m.documentId])).toEqual([
      ['a.txt', a.id],
      ['c.txt', c.id],
    ]);
    expect(await store.listMeetings({ documents: [] })).toEqual([]);
  });

  it('lists every document, by source, past any batch a store reads them in', async () => {
    const store = await open();
    const sources = Array.from({ length: 40 }, (_, n) => `d${String(n).padStart(2, '0')}.txt`);
    for (const s of [...sources].reverse())
      await store.putDocument({ ...doc(s, 1), meetings: [{ number: s } as unknown as Meeting] });
    expect((await store.listDocuments()).map((d) => d.source)).toEqual(sources);
    expect((await store.listMeetings()).map((m) => m.source)).toEqual(sources);
  });

  it('shows one instance the record changes another made: revision, and a listener told without polling rows', async () => {
    const reader = await open();
    const writer = await open();
    const told: number[] = [];
    const stop = await reader.onRecordChange((r) => told.push(r));
    await writer.putDocument(doc('a.txt', 1));
    expect(await reader.revision()).toBe(await writer.revision());
    await until(() => told.length > 0);
    expect(told.at(-1)).toBe(await writer.revision());

    stop();
    const before = told.length;
    await writer.putDocument(doc('b.txt', 1));
    await new Promise((r) => setTimeout(r, 1200));
    expect(told).toHaveLength(before);
  });

  it('never shows a reader in another instance half a document while documents are replaced', async () => {
    const writer = await open();
    const reader = await open();
    await writer.putDocument(doc('a.txt', 1));
    let reads = 0;
    const bad: string[] = [];
    let writing = true;
    const readLoop = (async () => {
      while (writing) {
        const texts = (await reader.listPassages()).map((p) => p.text);
        const version = texts[0]!.split(' ')[1]!;
        // Version w has 1 + (w % 40) passages, all of that version.
        const expected = version === '1' && texts.length === 1 ? 1 : 1 + (Number(version) % 40);
        if (texts.length !== expected || texts.some((t) => t.split(' ')[1] !== version))
          bad.push(`${texts.length}: ${texts.slice(0, 2).join(' / ')}`);
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    let writes = 0;
    const end = Date.now() + 1200;
    while (Date.now() < end) {
      writes++;
      await writer.putDocument(doc('a.txt', 1 + (writes % 40), writes));
      await new Promise((r) => setImmediate(r));
    }
    writing = false;
    await readLoop;
    expect(writes).toBeGreaterThan(20);
    expect(reads).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });
});
