// The meeting chat, its Teams meeting's start and end, and subscriptions, without Teams: who ties
// a chat to a meeting and moves the current sak, that each event is handled once per meeting id,
// and what the end-of-meeting summary holds.
import { describe, expect, it } from 'vitest';
import { actor, chat, member, organiser, secretary, useServiceWorld } from '../../test/helpers/services.ts';

const world = useServiceWorld();

const CHAT = chat();
const installer = actor('aad-eier', 'installer');

describe('the meeting chat service', () => {
  it('ties a chat to a meeting for whoever manages the chat, and refuses others', async () => {
    const { meetingChat } = world.services;
    expect((await meetingChat.setMeeting(member(1), CHAT.id, '3/2031')).refusal?.code).toBe(
      'meeting_set_not_allowed',
    );
    expect((await meetingChat.setMeeting(installer, CHAT.id, '9/2099')).refusal).toEqual({
      code: 'meeting_not_found',
      params: { label: '9/2099' },
    });
    const set = await meetingChat.setMeeting(installer, CHAT.id, '3/2031');
    expect(set.ok && set.value).toMatchObject({
      chat: { committee: 'NUIT', meeting: '3/2031' },
      firstSak: '40/31',
    });
  });

  it('moves the current sak for the secretariat and the organiser, in agenda order', async () => {
    const { meetingChat } = world.services;
    expect((await meetingChat.setCurrentSak(secretary, CHAT.id, 'next')).refusal?.code).toBe(
      'sak_needs_meeting',
    );
    await meetingChat.setMeeting(secretary, CHAT.id, '3/2031');
    expect((await meetingChat.setCurrentSak(installer, CHAT.id, 'next')).refusal?.code).toBe(
      'sak_change_not_allowed',
    );
    expect(await meetingChat.setCurrentSak(organiser, CHAT.id, 'next')).toMatchObject({
      value: { sak: '40/31' },
    });
    expect(await meetingChat.setCurrentSak(organiser, CHAT.id, { sak: '44/31' })).toMatchObject({
      value: { sak: '44/31', title: 'Eventuelt' },
    });
    expect((await meetingChat.setCurrentSak(organiser, CHAT.id, 'next')).refusal?.code).toBe('sak_no_more');
    expect((await meetingChat.current(CHAT.id))?.currentSak).toBe('44/31');
  });

  it('shows the agenda once when the Teams meeting starts, tied to the next meeting of a followed committee', async () => {
    const { meetingChat, subscriptions } = world.services;
    expect(await meetingChat.started(chat('19:unfollowed'), 'teams-1')).toEqual({ kind: 'untied' });
    await subscriptions.subscribe(secretary, CHAT, 'abonner NUIT');
    const start = await meetingChat.started(CHAT, 'teams-2');
    expect(start.kind === 'agenda' && [start.view.meeting, start.currentSak]).toEqual(['3/2031', '40/31']);
    expect(await meetingChat.started(CHAT, 'teams-2')).toEqual({ kind: 'repeat' });
    expect(await meetingChat.current(CHAT.id)).toMatchObject({ meeting: '3/2031', changedBy: 'motebot' });
  });
});

describe('the meeting summary service', () => {
  it('sums up innspill per sak, poll results and open questions, once per meeting', async () => {
    const { meetingChat, innspill, polls, qna, summary } = world.services;
    await meetingChat.setMeeting(secretary, CHAT.id, '3/2031');
    await meetingChat.setCurrentSak(secretary, CHAT.id, { sak: '42/31' });
    await innspill.submit(member(1), CHAT.id, null, { text: 'Ta med kommunene.', organisation: 'KS' });
    const poll = await polls.createQuick(member(1), CHAT, 'Enig? | Ja | Nei');
    if (poll.ok) await polls.vote(member(2), CHAT.id, { pollId: poll.value.poll.id, choice: '0' });
    await qna.ask(member(3), CHAT.id, 'Hvem betaler?', false);
    const ended = await summary.ended(CHAT.id, 'teams-3');
    expect(ended).toMatchObject({ committee: 'NUIT', meeting: '3/2031', name: 'NUIT møte 3/2031' });
    expect(ended!.sections.map((s) => s.title)).toEqual([
      'Innspill til sak 42/31 Felles bookingløsning for fysioterapi',
      'Avstemninger',
      'Ubesvarte spørsmål',
    ]);
    expect(ended!.sections[0]!.lines).toEqual(['• Ta med kommunene. (Navn aad-m1, KS)']);
    expect(ended!.sections[1]!.lines[0]).toContain('Enig?');
    expect(ended!.sections[2]!.lines).toEqual(['• Hvem betaler? (0 👍, sak 42/31)']);
    expect(await summary.ended(CHAT.id, 'teams-3')).toBeNull();
  });
});

describe('the subscription service', () => {
  it('lets the chat’s managers follow and stop following a committee, once each', async () => {
    const { subscriptions } = world.services;
    expect((await subscriptions.subscribe(member(1), CHAT, 'abonner NUIT')).refusal?.code).toBe(
      'subscription_not_allowed',
    );
    expect((await subscriptions.subscribe(installer, CHAT, 'abonner')).refusal?.code).toBe(
      'subscription_which',
    );
    expect(await subscriptions.subscribe(installer, CHAT, 'abonner nuit')).toEqual({
      ok: true,
      value: { committee: 'NUIT' },
    });
    expect((await subscriptions.subscribe(organiser, CHAT, 'NUIT')).refusal).toEqual({
      code: 'subscription_exists',
      params: { committee: 'NUIT' },
    });
    expect(await subscriptions.following(CHAT.id)).toEqual(['NUIT']);
    expect((await subscriptions.unsubscribe(member(1), CHAT.id, 'NUIT')).refusal?.code).toBe(
      'subscription_not_allowed',
    );
    expect((await subscriptions.unsubscribe(secretary, CHAT.id, 'NUFA')).refusal?.code).toBe(
      'subscription_missing',
    );
    expect((await subscriptions.unsubscribe(secretary, CHAT.id, 'NUIT')).ok).toBe(true);
    expect(await subscriptions.following(CHAT.id)).toEqual([]);
  });

  it('knows a conversation it has seen before', async () => {
    const { subscriptions } = world.services;
    expect(await subscriptions.remember(CHAT)).toBe(true);
    expect(await subscriptions.remember(CHAT)).toBe(false);
  });
});
