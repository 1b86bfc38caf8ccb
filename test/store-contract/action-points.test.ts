// The action points port, on every store: a referat's points are kept once however often the record
// is read (a point marked done stays done), one is marked done exactly once, and the filters hold.
import { expect, it } from 'vitest';
import type { NewActionPoint } from '../../src/actions/types.ts';
import { describeStores } from '../helpers/stores.ts';

const point = (over: Partial<NewActionPoint> = {}): NewActionPoint => ({
  committee: 'NUIT',
  meeting: '2/2031',
  sak: '32/31',
  text: 'Arbeide videre med prismodellen.',
  owner: 'Norsk helsenett SF',
  due: '2031-09-01',
  origin: 'referat',
  recordKey: 'k1',
  conversationId: null,
  createdBy: null,
  ...over,
});

describeStores('action points', ({ open }) => {
  it('keeps a referat point once, marks it done once, and a later import leaves it done', async () => {
    const store = await open();
    await store.importActionPoints([
      point(),
      point({ recordKey: 'k2', sak: '31/31', owner: null, due: null }),
    ]);
    await store.importActionPoints([point({ text: 'endret tekst' })]);
    const kept = await store.listActionPoints({ committee: 'NUIT' });
    expect(kept.map((a) => [a.sak, a.text, a.owner, a.due, a.status])).toEqual([
      ['32/31', 'Arbeide videre med prismodellen.', 'Norsk helsenett SF', '2031-09-01', 'open'],
      ['31/31', 'Arbeide videre med prismodellen.', null, null, 'open'],
    ]);
    const first = kept[0]!;
    expect(await store.getActionPoint(first.id)).toEqual(first);

    const done = await store.completeActionPoint(first.id, 'aad-sekretær');
    expect(done).toMatchObject({ id: first.id, status: 'done', doneBy: 'aad-sekretær' });
    expect(done!.doneAt).not.toBeNull();
    expect(await store.completeActionPoint(first.id, 'aad-annen')).toBeNull();
    expect(await store.completeActionPoint(9999, 'aad-sekretær')).toBeNull();

    await store.importActionPoints([point()]);
    expect((await store.listActionPoints({ status: 'open' })).map((a) => a.sak)).toEqual(['31/31']);
    expect((await store.listActionPoints({ status: 'done' })).map((a) => a.id)).toEqual([first.id]);
  });

  it('adds a chat point with who added it where, and filters by committee, meeting and chat', async () => {
    const store = await open();
    const inChat = point({
      origin: 'chat',
      recordKey: null,
      meeting: '3/2031',
      sak: '43/31',
      conversationId: '19:møte',
      createdBy: 'aad-sekretær',
    });
    const added = await store.addActionPoint(inChat);
    // Chat points have no record key: two alike are two points.
    const again = await store.addActionPoint(inChat);
    await store.addActionPoint(point({ committee: 'NUFA', origin: 'chat', recordKey: null }));
    expect(added).toMatchObject({
      origin: 'chat',
      conversationId: '19:møte',
      createdBy: 'aad-sekretær',
      status: 'open',
    });
    expect(again.id).toBeGreaterThan(added.id);
    const ids = async (filter: Parameters<typeof store.listActionPoints>[0]) =>
      (await store.listActionPoints(filter)).map((a) => a.id);
    expect(await ids({ committee: 'NUIT', meeting: '3/2031' })).toEqual([added.id, again.id]);
    expect(await ids({ conversationId: '19:møte', committee: 'NUIT' })).toEqual([added.id, again.id]);
    expect(await ids({ committee: 'NUFA' })).toHaveLength(1);
    expect(await ids({ meeting: '9/2031' })).toEqual([]);
  });
});
