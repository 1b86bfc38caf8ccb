// The Q&A rules, without Teams: one upvote per member, hidden questions out of reach, moderation
// for the secretariat and the organiser, and no name kept for an anonymous question.
import { describe, expect, it } from 'vitest';
import { chat, member, organiser, secretary, useServiceWorld } from '../../test/helpers/services.ts';

const world = useServiceWorld();

const CHAT = chat().id;

describe('the Q&A service', () => {
  it('asks about the current sak, keeping no name when anonymous', async () => {
    const { qna, meetingChat } = world.services;
    await meetingChat.setMeeting(secretary, CHAT, '3/2031');
    await meetingChat.setCurrentSak(secretary, CHAT, { sak: '43/31' });
    const list = await qna.ask(member(1), CHAT, 'Hva koster det?', true);
    expect(list).toMatchObject({ sak: '43/31', moderator: false });
    expect(list.questions).toMatchObject([{ text: 'Hva koster det?', authorName: null, anonymous: true }]);
    const named = await qna.ask(member(2), CHAT, 'Når starter det?', false);
    expect(named.questions.map((q) => q.authorName)).toContain('Navn aad-m2');
  });

  it('counts one upvote per member, most upvoted first', async () => {
    const { qna } = world.services;
    const first = (await qna.ask(member(1), CHAT, 'Første?', false)).questions[0]!;
    const second = (await qna.ask(member(1), CHAT, 'Andre?', false)).questions.find(
      (q) => q.text === 'Andre?',
    )!;
    await qna.upvote(member(2), CHAT, second.id);
    await qna.upvote(member(2), CHAT, second.id);
    const after = await qna.upvote(member(3), CHAT, second.id);
    expect(after.ok && after.value.questions.map((q) => [q.text, q.upvotes])).toEqual([
      ['Andre?', 2],
      ['Første?', 0],
    ]);
    expect((await qna.upvote(member(2), '19:other', first.id)).refusal?.code).toBe('question_not_found');
  });

  it('lets only the secretariat and the organiser mark answered or hide, and hides from upvotes', async () => {
    const { qna } = world.services;
    const q = (await qna.ask(member(1), CHAT, 'Skjul meg?', false)).questions[0]!;
    expect((await qna.setStatus(member(1), CHAT, q.id, 'hidden')).refusal?.code).toBe(
      'question_moderators_only',
    );
    const hidden = await qna.setStatus(organiser, CHAT, q.id, 'hidden');
    expect(hidden.ok && hidden.value).toMatchObject({ moderator: true, questions: [] });
    expect((await qna.upvote(member(2), CHAT, q.id)).refusal?.code).toBe('question_not_found');
    expect((await qna.setStatus(secretary, CHAT, q.id, 'answered')).ok).toBe(true);
  });
});
