// The Q&A port, on every store: an anonymous question keeps no name, each member upvotes a
// question once, and lists sort by upvotes with hidden questions left out unless asked for.
import { expect, it } from 'vitest';
import type { NewAudienceQuestion } from '../../src/store/types.ts';
import { describeStores } from '../helpers/stores.ts';

const question = (text: string, over: Partial<NewAudienceQuestion> = {}): NewAudienceQuestion => ({
  conversationId: '19:møte',
  committee: 'NUIT',
  meeting: '2/2023',
  sak: '16/23',
  text,
  authorName: 'Kari Medlem',
  anonymous: false,
  authorKey: 'aad-kari',
  ...over,
});

describeStores('Q&A', ({ open }) => {
  it('keeps a question, and no name for an anonymous one', async () => {
    const store = await open();
    const named = await store.addQuestion(question('Når starter piloten?'));
    expect(named).toMatchObject({
      text: 'Når starter piloten?',
      authorName: 'Kari Medlem',
      anonymous: false,
      status: 'open',
      upvotes: 0,
    });
    expect(await store.getQuestion(named.id)).toEqual(named);
    const anonymous = await store.addQuestion(question('Hva koster det?', { anonymous: true }));
    expect(anonymous).toMatchObject({ authorName: null, anonymous: true });
    expect(await store.getQuestion(9999)).toBeNull();
  });

  it('counts one upvote per member, sorts by upvotes, and hides what the secretariat hides', async () => {
    const [a, b] = [await open(), await open()];
    const first = await a.addQuestion(question('Første?'));
    const second = await a.addQuestion(question('Andre?'));
    const other = await a.addQuestion(question('Annen sak?', { sak: '17/23' }));
    expect(await a.upvoteQuestion(second.id, 'aad-ola')).toBe(true);
    expect(await b.upvoteQuestion(second.id, 'aad-ola')).toBe(false);
    expect(await b.upvoteQuestion(second.id, 'aad-per')).toBe(true);
    expect(await a.upvoteQuestion(9999, 'aad-per')).toBe(false);
    const list = await b.listQuestions({ conversationId: '19:møte' });
    expect(list.map((q) => [q.id, q.upvotes])).toEqual([
      [second.id, 2],
      [first.id, 0],
      [other.id, 0],
    ]);
    expect((await a.listQuestions({ conversationId: '19:møte', sak: '17/23' })).map((q) => q.id)).toEqual([
      other.id,
    ]);

    expect(await a.setQuestionStatus(first.id, 'hidden')).toBe(true);
    expect(await a.setQuestionStatus(second.id, 'answered')).toBe(true);
    expect(await a.setQuestionStatus(9999, 'answered')).toBe(false);
    expect((await b.listQuestions({ conversationId: '19:møte' })).map((q) => [q.id, q.status])).toEqual([
      [second.id, 'answered'],
      [other.id, 'open'],
    ]);
    expect(
      (await b.listQuestions({ conversationId: '19:møte', includeHidden: true })).map((q) => q.id),
    ).toContain(first.id);
  });
});
