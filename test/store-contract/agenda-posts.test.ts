// The agenda posts port, on every store: a due post is claimed by one instance only, with a lease
// another can take over when its holder dies; begun meetings expire their posts; of several posts
// due for one meeting and conversation only the latest goes out.
import { expect, it } from 'vitest';
import type { PlannedAgendaPost, Store } from '../../src/store/types.ts';
import { describeStores } from '../helpers/stores.ts';

const post = (over: Partial<PlannedAgendaPost> = {}): PlannedAgendaPost => ({
  committee: 'NUIT',
  meetingKey: 'NUIT|3/2031',
  conversationId: '19:kanal',
  lead: '60m',
  dueAt: '2031-09-04T07:00:00.000Z',
  startsAt: '2031-09-04T08:00:00.000Z',
  ...over,
});

const follow = (store: Store, conversationId = '19:kanal', active = true) =>
  store.setSubscription({
    conversationId,
    committee: 'NUIT',
    active,
    changedBy: 'aad-sekretær',
    endedReason: null,
  });

const LEASE = '2031-09-04T07:05:00.000Z';

describeStores('agenda posts', ({ open }) => {
  it('claims a due post once, for a followed conversation only, and records how it went', async () => {
    const store = await open();
    await follow(store);
    await follow(store, '19:sluttet', false);
    await store.planAgendaPosts([post(), post({ conversationId: '19:sluttet' })]);
    expect(await store.claimAgendaPosts('2031-09-04T06:59:00.000Z', 'a', LEASE)).toEqual([]);

    const [claimed, ...more] = await store.claimAgendaPosts('2031-09-04T07:00:00.000Z', 'a', LEASE);
    expect(more).toEqual([]);
    expect(claimed).toMatchObject({ ...post(), status: 'claimed', attempts: 1, activityId: null });
    expect(await store.claimAgendaPosts('2031-09-04T07:01:00.000Z', 'b', LEASE)).toEqual([]);

    expect(
      await store.finishAgendaPost(claimed!.id, 'b', { status: 'sent', activityId: 'x', cardHash: 'h' }),
    ).toBe(false);
    expect(
      await store.finishAgendaPost(claimed!.id, 'a', { status: 'sent', activityId: 'act-1', cardHash: 'h1' }),
    ).toBe(true);
    const [sent] = await store.listSentAgendaPosts('2031-09-04T07:30:00.000Z');
    expect(sent).toMatchObject({ id: claimed!.id, status: 'sent', activityId: 'act-1', cardHash: 'h1' });
    expect(await store.listSentAgendaPosts('2031-09-04T08:00:00.000Z')).toEqual([]);
    await store.setAgendaPostCard(claimed!.id, 'h2');
    expect((await store.listSentAgendaPosts('2031-09-04T07:30:00.000Z'))[0]!.cardHash).toBe('h2');
    // Planning it again changes nothing once it is sent.
    await store.planAgendaPosts([post({ dueAt: '2031-09-04T07:10:00.000Z' })]);
    expect((await store.listSentAgendaPosts('2031-09-04T07:30:00.000Z'))[0]!.dueAt).toBe(post().dueAt);
  });

  it('lets a pending post follow its meeting to a new time', async () => {
    const store = await open();
    await follow(store);
    await store.planAgendaPosts([post()]);
    await store.planAgendaPosts([
      post({ dueAt: '2031-09-05T07:00:00.000Z', startsAt: '2031-09-05T08:00:00.000Z' }),
    ]);
    expect(await store.claimAgendaPosts('2031-09-04T07:30:00.000Z', 'a', LEASE)).toEqual([]);
    const [moved] = await store.claimAgendaPosts('2031-09-05T07:00:00.000Z', 'a', '2031-09-05T07:05:00.000Z');
    expect(moved).toMatchObject({ dueAt: '2031-09-05T07:00:00.000Z', startsAt: '2031-09-05T08:00:00.000Z' });
  });

  it('expires posts of a meeting already begun, and of several due sends only the latest', async () => {
    const store = await open();
    await follow(store);
    await store.planAgendaPosts([
      post({ lead: '3d@09:00', dueAt: '2031-09-01T07:00:00.000Z' }),
      post({ lead: '60m' }),
      post({
        meetingKey: 'NUIT|2/2031',
        lead: '60m',
        dueAt: '2031-06-01T07:00:00.000Z',
        startsAt: '2031-06-01T08:00:00.000Z',
      }),
    ]);
    const lease = '2031-09-04T07:45:00.000Z';
    const claimed = await store.claimAgendaPosts('2031-09-04T07:30:00.000Z', 'a', lease);
    expect(claimed.map((p) => [p.meetingKey, p.lead])).toEqual([['NUIT|3/2031', '60m']]);
    expect(await store.claimAgendaPosts('2031-09-04T07:31:00.000Z', 'b', lease)).toEqual([]);
  });

  it('gives a claim whose lease ran out (its process died) to another instance', async () => {
    const [a, b] = [await open(), await open()];
    await follow(a);
    await a.planAgendaPosts([post()]);
    const [first] = await a.claimAgendaPosts('2031-09-04T07:00:00.000Z', 'a', LEASE);
    expect(await b.claimAgendaPosts('2031-09-04T07:04:59.000Z', 'b', LEASE)).toEqual([]);
    const [again] = await b.claimAgendaPosts('2031-09-04T07:05:00.000Z', 'b', '2031-09-04T07:10:00.000Z');
    expect(again).toMatchObject({ id: first!.id, attempts: 2 });
    // The first holder's late outcome is ignored; the new holder's counts.
    expect(await a.finishAgendaPost(first!.id, 'a', { status: 'sent', activityId: 'x', cardHash: 'h' })).toBe(
      false,
    );
    expect(await b.finishAgendaPost(first!.id, 'b', { status: 'failed', error: '403' })).toBe(true);
    expect(await a.listSentAgendaPosts('2031-09-04T07:30:00.000Z')).toEqual([]);
  });

  it('hands each of 60 due posts to exactly one of four instances claiming at the same moment', async () => {
    const stores = [await open(), await open(), await open(), await open()];
    const conversations = Array.from({ length: 60 }, (_, n) => `19:kanal-${n}`);
    for (const c of conversations) await follow(stores[0]!, c);
    await stores[0]!.planAgendaPosts(conversations.map((conversationId) => post({ conversationId })));
    const claims = await Promise.all(
      stores.flatMap((s, n) =>
        [0, 1, 2].map(() => s.claimAgendaPosts('2031-09-04T07:00:00.000Z', `instance-${n}`, LEASE)),
      ),
    );
    const ids = claims.flat().map((p) => p.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });
});
