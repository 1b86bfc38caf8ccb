// The polls port, on every store: one vote row per (poll, voter) however votes arrive — replayed,
// changed, concurrent, from several instances — no vote once the poll is closed, and a poll closes
// once.
import { expect, it } from 'vitest';
import type { NewPoll, PollVote } from '../../src/polls/types.ts';
import { describeStores } from '../helpers/stores.ts';

const newPoll = (over: Partial<NewPoll> = {}): NewPoll => ({
  conversationId: '19:møte',
  committee: 'NUIT',
  meeting: '2/2023',
  sak: '16/23',
  kind: 'single',
  question: 'Hvor skal vi legge kruttet?',
  options: ['Tilgjengelighet', 'Funksjonalitet', 'Innovasjon'],
  maxPicks: null,
  anonymous: false,
  results: 'live',
  closesAt: null,
  createdBy: 'aad-kari',
  ...over,
});

const vote = (pollId: string, voter: string, choice: number, at = '2023-05-25T10:00:00.000Z'): PollVote => ({
  pollId,
  voterKey: voter,
  voterName: `Medlem ${voter}`,
  answer: { choices: [choice] },
  votedAt: at,
});

describeStores('polls', ({ open }) => {
  it('keeps a poll as created, and finds a conversation’s polls, its latest and its latest open one', async () => {
    const store = await open();
    const first = await store.createPoll(
      newPoll({ anonymous: true, maxPicks: 2, closesAt: '2023-05-25T11:00:00Z' }),
    );
    expect(first).toMatchObject({
      ...newPoll(),
      anonymous: true,
      maxPicks: 2,
      closesAt: '2023-05-25T11:00:00Z',
    });
    expect(first.closedAt).toBeNull();
    expect(await store.getPoll(first.id)).toEqual(first);
    const second = await store.createPoll(newPoll({ question: 'Neste?', options: [] }));
    await store.createPoll(newPoll({ conversationId: '19:annen' }));
    expect((await store.listPolls('19:møte')).map((p) => p.id)).toEqual([first.id, second.id]);
    expect((await store.latestPoll('19:møte'))!.id).toBe(second.id);
    expect(await store.closePoll(second.id, '2023-05-25T10:30:00Z')).toBe(true);
    expect((await store.latestOpenPoll('19:møte'))!.id).toBe(first.id);
    expect((await store.latestPoll('19:møte'))!.closedAt).toBe('2023-05-25T10:30:00Z');
    await store.setPollActivity(first.id, 'act-7');
    expect((await store.getPoll(first.id))!.activityId).toBe('act-7');
    expect(await store.getPoll('ukjent')).toBeNull();
    expect(await store.latestPoll('19:tom')).toBeNull();
  });

  it('keeps one vote per member: a second vote replaces the first, a replay changes nothing', async () => {
    const store = await open();
    const poll = await store.createPoll(newPoll());
    // Each vote comes back with the poll's answers counted with it in, a replaced one once.
    expect(await store.castVote(vote(poll.id, 'a', 0))).toEqual([{ answer: { choices: [0] }, count: 1 }]);
    expect(await store.castVote(vote(poll.id, 'b', 1))).toEqual([
      { answer: { choices: [0] }, count: 1 },
      { answer: { choices: [1] }, count: 1 },
    ]);
    expect(await store.castVote(vote(poll.id, 'a', 2, '2023-05-25T10:01:00.000Z'))).toEqual([
      { answer: { choices: [2] }, count: 1 },
      { answer: { choices: [1] }, count: 1 },
    ]);
    expect(await store.castVote(vote(poll.id, 'a', 2, '2023-05-25T10:01:00.000Z'))).toEqual(
      await store.countAnswers(poll.id),
    );
    expect(await store.listVotes(poll.id)).toEqual([
      vote(poll.id, 'a', 2, '2023-05-25T10:01:00.000Z'),
      vote(poll.id, 'b', 1),
    ]);
    expect(await store.getVote(poll.id, 'a')).toEqual(vote(poll.id, 'a', 2, '2023-05-25T10:01:00.000Z'));
    expect(await store.getVote(poll.id, 'c')).toBeNull();
  });

  it('counts identical answers together, in the order first given', async () => {
    const store = await open();
    const poll = await store.createPoll(newPoll({ kind: 'wordcloud', options: [] }));
    const words = (voter: string, w: string[]) =>
      store.castVote({ ...vote(poll.id, voter, 0), answer: { words: w } });
    await words('a', ['tillit']);
    await words('b', ['deling', 'tillit']);
    await words('c', ['tillit']);
    await words('d', ['deling', 'tillit']);
    await words('e', ['samhandling']);
    expect(await store.countAnswers(poll.id)).toEqual([
      { answer: { words: ['tillit'] }, count: 2 },
      { answer: { words: ['deling', 'tillit'] }, count: 2 },
      { answer: { words: ['samhandling'] }, count: 1 },
    ]);
  });

  it('refuses a vote on a closed or unknown poll and keeps none of it; a poll closes once', async () => {
    const store = await open();
    const poll = await store.createPoll(newPoll());
    await store.castVote(vote(poll.id, 'a', 0));
    expect(await store.closePoll(poll.id, '2023-05-25T10:30:00Z')).toBe(true);
    expect(await store.closePoll(poll.id, '2023-05-25T10:31:00Z')).toBe(false);
    expect((await store.getPoll(poll.id))!.closedAt).toBe('2023-05-25T10:30:00Z');
    expect(await store.castVote(vote(poll.id, 'a', 1))).toBeNull();
    expect(await store.castVote(vote(poll.id, 'b', 1))).toBeNull();
    expect(await store.castVote(vote('ukjent', 'b', 1))).toBeNull();
    expect(await store.listVotes(poll.id)).toEqual([vote(poll.id, 'a', 0)]);
    expect(await store.listVotes('ukjent')).toEqual([]);
  });

  it('counts 400 concurrent votes from 100 members on two instances exactly once each', async () => {
    const [a, b] = [await open(), await open()];
    const poll = await a.createPoll(newPoll());
    // Each member votes four times, alternating instances; the last vote (choice 2) is the one kept.
    const votes = Array.from({ length: 400 }, (_, n) => ({ member: n % 100, round: Math.floor(n / 100) }));
    const choiceOf = (round: number) => (round === 3 ? 2 : round % 2);
    const results = await Promise.all(
      votes.map(({ member, round }, n) =>
        (n % 2 ? b : a).castVote(vote(poll.id, `m${member}`, choiceOf(round))),
      ),
    );
    // Each vote's count has that vote in it, however many were cast alongside it.
    expect(
      results.every((counts, n) =>
        counts?.some((c) => 'choices' in c.answer && c.answer.choices[0] === choiceOf(votes[n]!.round)),
      ),
    ).toBe(true);
    const counted = await b.countAnswers(poll.id);
    expect(counted.reduce((n, c) => n + c.count, 0)).toBe(100);
    expect(new Set((await a.listVotes(poll.id)).map((v) => v.voterKey)).size).toBe(100);
  });

  it('a poll closing while votes arrive on another instance: the tally read after the close is final', async () => {
    const [a, b] = [await open(), await open()];
    const poll = await a.createPoll(newPoll());
    const accepted: string[] = [];
    let closed = false;
    const lateAccepted: string[] = [];
    const voting = Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        const wasClosed = closed;
        if (await b.castVote(vote(poll.id, `m${n}`, n % 3))) {
          accepted.push(`m${n}`);
          if (wasClosed) lateAccepted.push(`m${n}`);
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(await a.closePoll(poll.id, '2023-05-25T10:30:00Z')).toBe(true);
    closed = true;
    // The results card is drawn from what the store holds once the poll is closed: no vote may
    // land after that, and every vote that was accepted is in it.
    const atClose = (await a.listVotes(poll.id)).map((v) => v.voterKey).sort();
    await voting;
    expect(lateAccepted).toEqual([]);
    expect(atClose).toEqual(accepted.sort());
    expect(await b.castVote(vote(poll.id, 'sen', 0))).toBeNull();
  });

  it('lists open polls whose closing time has come, and deletes a poll with its votes', async () => {
    const store = await open();
    const due = await store.createPoll(newPoll({ closesAt: '2023-05-25T10:05:00Z' }));
    await store.createPoll(newPoll({ closesAt: '2023-05-25T10:15:00Z' }));
    await store.createPoll(newPoll());
    const closed = await store.createPoll(newPoll({ closesAt: '2023-05-25T10:01:00Z' }));
    await store.closePoll(closed.id, '2023-05-25T10:00:00Z');
    expect((await store.pollsDue('2023-05-25T10:10:00Z')).map((p) => p.id)).toEqual([due.id]);

    await store.castVote(vote(due.id, 'a', 0));
    await store.deletePoll(due.id);
    expect(await store.getPoll(due.id)).toBeNull();
    expect(await store.listVotes(due.id)).toEqual([]);
  });
});
