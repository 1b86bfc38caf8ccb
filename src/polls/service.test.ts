// The poll rules, without Teams: who may create and close a poll, which votes count, and what each
// member sees of the results. Real SQLite store; the clock is the test's.
import { describe, expect, it } from 'vitest';
import { actor, chat, member, organiser, secretary, useServiceWorld } from '../../test/helpers/services.ts';
import { PollService, type PollDraft } from './service.ts';

const world = useServiceWorld();

const CHAT = chat();
const draft = (over: Partial<PollDraft> = {}): PollDraft => ({
  kind: 'single',
  question: 'Hvor skal vi legge kruttet?',
  options: ['Tilgjengelighet', 'Funksjonalitet', 'Innovasjon'],
  maxPicks: null,
  anonymous: false,
  results: 'after_vote',
  closeInMinutes: null,
  ...over,
});

async function newPoll(over: Partial<PollDraft> = {}, by = member(0)) {
  const created = await world.services.polls.create(by, CHAT, draft(over));
  if (!created.ok) throw new Error(created.refusal.code);
  return created.value.poll;
}

describe('the poll service', () => {
  it('counts a second vote by the same member in place of the first', async () => {
    const { polls } = world.services;
    const poll = await newPoll();
    expect((await polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '0' })).ok).toBe(true);
    const second = await polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '2' });
    expect(second.ok && second.value.viewer.answer).toEqual({ choices: [2] });
    expect(second.ok && second.value.results.voters).toBe(1);
    expect(second.ok && second.value.results.options.map((o) => o.count)).toEqual([0, 0, 1]);
  });

  it('refuses a vote on a poll another bot process closed after this one last read it, and counts nothing', async () => {
    const { polls } = world.services;
    const poll = await newPoll();
    expect((await polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '0' })).ok).toBe(true);
    const elsewhere = new PollService({ store: world.store, clock: world.clock, creators: 'members' });
    expect((await elsewhere.close(member(0), CHAT.id, poll.id)).ok).toBe(true);
    for (const n of [1, 2]) {
      const late = await polls.vote(member(n), CHAT.id, { pollId: poll.id, choice: '1' });
      expect(late.ok ? 'counted' : late.refusal.code).toBe('poll_closed');
    }
    expect(await world.store.countAnswers(poll.id)).toEqual([{ answer: { choices: [0] }, count: 1 }]);
  });

  it('refuses a vote on a closed poll, on another chat’s poll, or with an option it lacks, and stores nothing', async () => {
    const { polls } = world.services;
    const poll = await newPoll();
    const code = async (r: Promise<{ ok: boolean; refusal?: { code: string } }>) => (await r).refusal?.code;
    expect(await code(polls.vote(member(1), '19:other', { pollId: poll.id, choice: '0' }))).toBe(
      'poll_not_found',
    );
    expect(await code(polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '7' }))).toBe(
      'vote_pick_option',
    );
    expect((await polls.close(member(0), CHAT.id, poll.id)).ok).toBe(true);
    expect(await code(polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '0' }))).toBe('poll_closed');
    expect(await world.store.listVotes(poll.id)).toEqual([]);
  });

  it('shows results after voting only to those who voted, and to everyone once closed', async () => {
    const { polls } = world.services;
    const poll = await newPoll();
    await polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '1' });
    const other = await polls.view(member(2), CHAT.id, poll.id);
    expect(other.ok && other.value.viewer).toEqual({ answer: null, seesResults: false, mayClose: false });
    const voter = await polls.view(member(1), CHAT.id, poll.id);
    expect(voter.ok && voter.value.viewer.seesResults).toBe(true);
    expect((await polls.screen(CHAT.id))?.viewer.seesResults).toBe(false);
    const closed = await polls.close(secretary, CHAT.id);
    expect(closed.ok && closed.value.viewer.seesResults).toBe(true);
  });

  it('lets the creator, the secretariat and the organiser close a poll, once', async () => {
    const { polls } = world.services;
    const a = await newPoll();
    expect((await polls.close(member(1), CHAT.id, a.id)).refusal?.code).toBe('poll_close_not_allowed');
    expect(await polls.view(member(1), CHAT.id, a.id)).toMatchObject({
      value: { viewer: { mayClose: false } },
    });
    expect(await polls.view(organiser, CHAT.id, a.id)).toMatchObject({
      value: { viewer: { mayClose: true } },
    });
    expect((await polls.close(organiser, CHAT.id, a.id)).ok).toBe(true);
    expect((await polls.close(member(0), CHAT.id, a.id)).refusal?.code).toBe('poll_already_closed');
    const b = await newPoll();
    expect((await polls.close(member(0), CHAT.id, b.id)).ok).toBe(true);
    expect((await polls.close(secretary, CHAT.id)).refusal?.code).toBe('poll_none_open');
  });

  it('keeps creating polls to moderators when POLL_CREATORS says so', async () => {
    await world.reopen({ pollCreators: 'moderators' });
    const { polls } = world.services;
    expect((await polls.create(member(0), CHAT, draft())).refusal?.code).toBe('poll_create_moderators_only');
    expect((await polls.createQuick(member(0), CHAT, 'Hva? | A | B')).refusal?.code).toBe(
      'poll_create_moderators_only',
    );
    expect((await polls.create(organiser, CHAT, draft())).ok).toBe(true);
    expect(polls.mayCreate(secretary).ok).toBe(true);
  });

  it('refuses a poll with too few options, and reads the quick form', async () => {
    const { polls } = world.services;
    expect((await polls.create(member(0), CHAT, draft({ options: ['Bare én', ' '] }))).refusal).toEqual({
      code: 'poll_form_options',
      params: { max: 10 },
    });
    expect((await polls.createQuick(member(0), CHAT, 'Hva er viktigst?')).refusal?.code).toBe(
      'poll_too_few_options',
    );
    const quick = await polls.createQuick(member(0), CHAT, 'vurdering Hvor fornøyd er du?');
    expect(quick.ok && quick.value.poll).toMatchObject({ kind: 'rating', options: [], createdBy: 'aad-m0' });
    expect(quick.ok && quick.value.poll.anonymous).toBe(false);
    // "anonym" makes it anonymous, before or after the kind.
    for (const text of ['anonym rangering Rekkefølge? | A | B', 'rangering anonym Rekkefølge? | A | B']) {
      const anonymous = await polls.createQuick(member(0), CHAT, text);
      expect(anonymous.ok && anonymous.value.poll, text).toMatchObject({
        kind: 'ranking',
        anonymous: true,
        question: 'Rekkefølge?',
      });
    }
  });

  it('ties a poll to the sak the chat is handling, and remembers the chat to post into later', async () => {
    await world.services.meetingChat.setMeeting(secretary, CHAT.id, '3/2031');
    await world.services.meetingChat.setCurrentSak(secretary, CHAT.id, { sak: '42/31' });
    const poll = await newPoll();
    expect(poll).toMatchObject({ committee: 'NUIT', meeting: '3/2031', sak: '42/31' });
    expect((await world.services.polls.screen(CHAT.id))?.context).toBe('Sak 42/31 · NUIT møte 3/2031');
    expect((await world.store.getConversation(CHAT.id))?.reference).toEqual(CHAT.reference);
  });

  it('keeps no member id in an anonymous poll, yet one vote per member', async () => {
    const { polls } = world.services;
    const poll = await newPoll({ anonymous: true, results: 'live' });
    await polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '0' });
    await polls.vote(member(1), CHAT.id, { pollId: poll.id, choice: '1' });
    const votes = await world.store.listVotes(poll.id);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ voterName: null });
    expect(votes[0]!.voterKey).not.toContain('aad-m1');
  });

  it('closes a timed poll when its time comes, once', async () => {
    const { polls } = world.services;
    const poll = await newPoll({ closeInMinutes: 5 });
    expect(poll.closesAt).toBe('2031-08-28T10:05:00.000Z');
    expect(await polls.closeDue()).toEqual([]);
    world.clock.advance(5 * 60_000);
    const closed = await polls.closeDue();
    expect(closed.map((v) => [v.poll.id, v.viewer.seesResults])).toEqual([[poll.id, true]]);
    expect(await polls.closeDue()).toEqual([]);
  });

  it('takes identity only from the actor: the same member id votes once however it is named', async () => {
    const { polls } = world.services;
    const poll = await newPoll({ results: 'live' });
    await polls.vote(actor('aad-m5'), CHAT.id, { pollId: poll.id, choice: '0' });
    const again = await polls.vote({ ...actor('aad-m5'), name: 'Et annet navn' }, CHAT.id, {
      pollId: poll.id,
      choice: '0',
    });
    expect(again.ok && again.value.results.voters).toBe(1);
  });
});
