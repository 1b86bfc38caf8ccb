// The meeting chat, its Teams meeting's start and end, and subscriptions, without Teams: who ties
// a chat to a meeting and moves the current sak, that each event is handled once per occurrence,
// and what the end-of-meeting summary holds.
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../ingest.ts';
import { actor, chat, member, organiser, secretary, useServiceWorld } from '../../test/helpers/services.ts';

const world = useServiceWorld();

const CHAT = chat();
const installer = actor('aad-eier', 'installer');

/** The sample meeting's day. */
const MEETING_DAY = new Date('2031-09-04T08:00:00Z');

/** The committee's next meeting, fictional like the sample, for a recurring Teams meeting's second occurrence. */
const NEXT_MEETING = [
  'Møte i NUIT\t\t',
  'Møte\t4/2031\t',
  'Dato\t6. november 2031\t',
  'Tid\t10:00 – 12:00\t',
  '',
  'Sak\tAgenda NUIT\tTidspunkt\tSakstype',
  '50/31\tGodkjenning av innkalling og dagsorden\t10:00\tGodkjenning',
  '51/31\tStatus for felles bookingløsning\t10:10\tOrientering',
  '',
].join('\n');

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
    expect(await meetingChat.started(chat('19:unfollowed'), 'teams-1', MEETING_DAY)).toEqual({
      kind: 'untied',
    });
    await subscriptions.subscribe(secretary, CHAT, 'abonner NUIT');
    const start = await meetingChat.started(CHAT, 'teams-2', MEETING_DAY);
    expect(start.kind === 'agenda' && [start.view.meeting, start.currentSak]).toEqual(['3/2031', '40/31']);
    expect(await meetingChat.started(CHAT, 'teams-2', MEETING_DAY)).toEqual({ kind: 'repeat' });
    expect(await meetingChat.current(CHAT.id)).toMatchObject({ meeting: '3/2031', changedBy: 'motebot' });
  });
});

describe('a recurring Teams meeting', () => {
  it('gets its agenda and summary once per occurrence, the chat moving on to the committee’s next meeting', async () => {
    const { meetingChat, subscriptions, qna, summary } = world.services;
    await ingestBytes(new TextEncoder().encode(NEXT_MEETING), 'nuit-mote-4-2031.txt', {
      store: world.store,
      maxBytes: 1e6,
    });
    await subscriptions.subscribe(secretary, CHAT, 'abonner NUIT');
    // September: the series' first occurrence is NUIT møte 3/2031.
    world.clock.set('2031-09-04T08:00:00Z');
    const september = await meetingChat.started(CHAT, 'series-1', world.clock.now());
    expect(september.kind === 'agenda' && september.view.meeting).toBe('3/2031');
    await qna.ask(member(3), CHAT.id, 'Hvem betaler i september?', false);
    const ended = await summary.ended(CHAT.id, 'series-1', new Date('2031-09-04T10:00:00Z'));
    expect(ended!.saker.flatMap((r) => r.openQuestions)).toEqual(['Hvem betaler i september? (0 👍)']);
    // November: the same Teams meeting and chat; the held meeting gives way to the next one, and
    // September's question stays in September's summary.
    world.clock.set('2031-11-06T08:00:00Z');
    const november = await meetingChat.started(CHAT, 'series-1', world.clock.now());
    expect(november.kind === 'agenda' && [november.view.meeting, november.currentSak]).toEqual([
      '4/2031',
      '50/31',
    ]);
    expect((await qna.list(member(3), CHAT.id, '40/31')).questions).toEqual([]);
    const novemberEnded = await summary.ended(CHAT.id, 'series-1', new Date('2031-11-06T10:00:00Z'));
    expect(novemberEnded).toMatchObject({ meeting: '4/2031' });
    expect(novemberEnded!.saker.flatMap((r) => r.openQuestions)).toEqual([]);
    // A repeat of November's end event is still a repeat.
    expect(await summary.ended(CHAT.id, 'series-1', new Date('2031-11-06T10:05:00Z'))).toBeNull();
  });
});

describe('the meeting summary service', () => {
  it('recaps every sak handled: innspill, poll results, open questions, action points and the proposal as the likely vedtak, once per meeting', async () => {
    const { meetingChat, innspill, polls, qna, summary, actions } = world.services;
    await meetingChat.setMeeting(secretary, CHAT.id, '3/2031');
    await meetingChat.setCurrentSak(secretary, CHAT.id, { sak: '42/31' });
    await innspill.submit(member(1), CHAT.id, null, { text: 'Ta med kommunene.', organisation: 'KS' });
    const poll = await polls.createQuick(member(1), CHAT, 'Enig? | Ja | Nei');
    if (poll.ok) await polls.vote(member(2), CHAT.id, { pollId: poll.value.poll.id, choice: '0' });
    await qna.ask(member(3), CHAT.id, 'Hvem betaler?', false);
    await actions.add(secretary, CHAT.id, null, 'Kartlegge behovet ansvarlig: KS frist: 1.10.2031');
    // Another chat's action point on the same sak is not this meeting chat's.
    await actions.add(secretary, '19:annen', '43/31', 'Noe annet');
    const ended = await summary.ended(CHAT.id, 'teams-3', MEETING_DAY);
    expect(ended).toMatchObject({ committee: 'NUIT', meeting: '3/2031', name: 'NUIT møte 3/2031' });
    expect(ended!.saker.map((r) => r.sak)).toEqual(['40/31', '41/31', '42/31', '43/31', '44/31']);
    const sak = ended!.saker[2]!;
    expect(sak).toMatchObject({
      title: 'Felles bookingløsning for fysioterapi',
      innspill: ['Ta med kommunene. (Navn aad-m1, KS)'],
      openQuestions: ['Hvem betaler? (0 👍)'],
      likelyDecision:
        'NUIT drøftet behovet for en felles bookingløsning for fysioterapi og ba direktoratet ta innspillene med i det videre arbeidet.',
    });
    expect(sak.polls).toEqual([expect.stringContaining('Enig? — Ja 100 %')]);
    expect(sak.actionPoints.map((a) => [a.text, a.owner, a.due])).toEqual([
      ['Kartlegge behovet', 'KS', '2031-10-01'],
    ]);
    expect(ended!.actionPoints.map((a) => a.text)).toEqual(['Kartlegge behovet']);
    expect(ended!.saker[3]).toMatchObject({ innspill: [], polls: [], openQuestions: [], actionPoints: [] });
    expect(await summary.ended(CHAT.id, 'teams-3', MEETING_DAY)).toBeNull();
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
