// Feedback on answers, without Teams: kept with its question, one per member and question, and
// Teams' feedback on a message kept only when that message was an answer the bot remembers.
import { describe, expect, it } from 'vitest';
import { member, useServiceWorld } from '../../test/helpers/services.ts';

const world = useServiceWorld();

describe('the feedback service', () => {
  it('keeps a member’s latest reaction to a question, and feedback on remembered answers only', async () => {
    const { feedback } = world.services;
    const given = { question: 'Hva koster det?', answer: 'Etter innbyggertall.' };
    await feedback.rate(member(1), '19:c', { ...given, reaction: 'up' });
    await feedback.rate(member(1), '19:c', { ...given, reaction: 'down' });
    expect(await feedback.rateSent(member(2), '19:c', 'act-ukjent', { reaction: 'up', comment: null })).toBe(
      false,
    );
    await feedback.answerSent('19:c', 'act-1', 'Når?', 'Fra 2032.');
    expect(await feedback.rateSent(member(2), '19:c', 'act-1', { reaction: 'up', comment: 'Nyttig' })).toBe(
      true,
    );
    const kept = await world.store.listFeedback();
    expect(kept.map((f) => [f.userId, f.question, f.reaction, f.comment ?? null])).toEqual([
      ['aad-m1', 'Hva koster det?', 'down', null],
      ['aad-m2', 'Når?', 'up', 'Nyttig'],
    ]);
  });
});
