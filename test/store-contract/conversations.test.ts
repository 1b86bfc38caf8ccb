// The conversations port, on every store: where Møtebot is installed (its first installer stays
// the owner), which committees a conversation follows, and the meeting a chat is tied to.
import { expect, it } from 'vitest';
import { describeStores } from '../helpers/stores.ts';

describeStores('conversations', ({ open }) => {
  it('keeps a conversation’s reference up to date, and its first installer as its owner', async () => {
    const store = await open();
    const reference = { serviceUrl: 'https://smba.example/', conversation: { id: '19:kanal' } };
    await store.saveConversation({
      id: '19:kanal',
      tenantId: 't1',
      kind: 'channel',
      reference,
      installedBy: 'aad-kari',
    });
    await store.saveConversation({
      id: '19:kanal',
      tenantId: 't1',
      kind: 'channel',
      reference: { ...reference, serviceUrl: 'https://smba2.example/' },
      installedBy: 'aad-ola',
    });
    expect(await store.getConversation('19:kanal')).toEqual({
      id: '19:kanal',
      tenantId: 't1',
      kind: 'channel',
      reference: { ...reference, serviceUrl: 'https://smba2.example/' },
      installedBy: 'aad-kari',
    });
    await store.saveConversation({ id: 'a:personlig', tenantId: null, kind: 'personal', reference: {} });
    expect(await store.getConversation('a:personlig')).toMatchObject({ tenantId: null, installedBy: null });
    expect(await store.getConversation('ukjent')).toBeNull();
  });

  it('starts and ends subscriptions, and lists them by conversation and by whether they are active', async () => {
    const store = await open();
    const sub = (
      conversationId: string,
      committee: string,
      active: boolean,
      endedReason: string | null = null,
    ) => store.setSubscription({ conversationId, committee, active, changedBy: 'aad-sekretær', endedReason });
    await sub('19:b', 'NUIT', true);
    await sub('19:a', 'NUFA', true);
    await sub('19:a', 'NUIT', true);
    await sub('19:a', 'NUIT', false, 'removed');
    const all = await store.listSubscriptions();
    expect(all.map((s) => [s.conversationId, s.committee, s.active, s.endedReason])).toEqual([
      ['19:a', 'NUFA', true, null],
      ['19:a', 'NUIT', false, 'removed'],
      ['19:b', 'NUIT', true, null],
    ]);
    expect(all[0]!.changedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await store.listSubscriptions({ activeOnly: true })).map((s) => s.conversationId)).toEqual([
      '19:a',
      '19:b',
    ]);
    expect(
      (await store.listSubscriptions({ conversationId: '19:a', activeOnly: true })).map((s) => s.committee),
    ).toEqual(['NUFA']);
  });

  it('ties a chat to one meeting at a time, with its current sak', async () => {
    const store = await open();
    const tie = {
      conversationId: '19:møte',
      committee: 'NUIT',
      meeting: '2/2023',
      currentSak: null,
      changedBy: 'x',
    };
    await store.setConversationMeeting(tie);
    expect(await store.getConversationMeeting('19:møte')).toEqual(tie);
    await store.setConversationMeeting({ ...tie, meeting: '3/2023', currentSak: '17/23', changedBy: 'y' });
    expect(await store.getConversationMeeting('19:møte')).toEqual({
      ...tie,
      meeting: '3/2023',
      currentSak: '17/23',
      changedBy: 'y',
    });
    expect(await store.getConversationMeeting('19:annen')).toBeNull();
  });
});
