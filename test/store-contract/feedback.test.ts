// The feedback port, on every store: one reaction per member and question (the latest counts),
// and LLM answers as sent, found again by their activity.
import { expect, it } from 'vitest';
import { describeStores } from '../helpers/stores.ts';

describeStores('feedback', ({ open }) => {
  it('keeps one reaction per member and question, the latest with its comment', async () => {
    const store = await open();
    const base = {
      conversationId: 'a:kari',
      userId: 'aad-kari',
      question: 'Hva ble vedtatt?',
      answer: 'Svar 1',
    };
    await store.saveFeedback({ ...base, reaction: 'up' });
    await store.saveFeedback({ ...base, userId: 'aad-ola', reaction: 'up' });
    await store.saveFeedback({ ...base, answer: 'Svar 2', reaction: 'down', comment: 'Mangler kilde' });
    const all = await store.listFeedback();
    for (const f of all) expect(f.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(all.map(({ createdAt: _, ...f }) => f)).toEqual([
      { ...base, answer: 'Svar 2', reaction: 'down', comment: 'Mangler kilde' },
      { ...base, userId: 'aad-ola', reaction: 'up', comment: null },
    ]);
  });

  it('finds an answer as sent by its conversation and activity, the latest when sent again', async () => {
    const store = await open();
    const sent = { conversationId: 'a:kari', activityId: 'act-1', question: 'Hva?', answer: 'Dette.' };
    await store.saveSentAnswer(sent);
    await store.saveSentAnswer({ ...sent, answer: 'Dette, rettet.' });
    expect(await store.getSentAnswer('a:kari', 'act-1')).toEqual({ ...sent, answer: 'Dette, rettet.' });
    expect(await store.getSentAnswer('a:kari', 'act-2')).toBeNull();
    expect(await store.getSentAnswer('a:ola', 'act-1')).toBeNull();
  });
});
