// In the meeting, over real HTTP: polls, audience Q&A and innspill as members use them in a group
// chat, through the real adapter and store, with a local Bot Connector stand-in. The corpus'
// NUIT meeting 2/2023 (25 May 2023) is the meeting; the bot's clock stands at 1 May 2023.
import path from 'node:path';
import { DateTime } from 'luxon';
import mammoth from 'mammoth';
import readExcelFile, { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../bot/edge/adapter.ts';
import { PollTimer } from '../bot/proactive/poll-timer.ts';
import { ProactiveSender } from '../bot/proactive/sender.ts';
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { PollService } from '../src/polls/service.ts';
import { createLogger } from '../src/logger.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import {
  activityFor,
  invokeActivity,
  meetingEventActivity,
  postActivity,
  SECRETARY,
  sentCards,
  MENTION,
  mentionBot,
  useTestBot,
} from './helpers/bot.ts';
import { findInCard } from './helpers/card-walk.ts';
import { ManualClock } from './helpers/clock.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const GROUP = { id: '19:nuit-mote@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' };

const clock = new ManualClock('2023-05-01T10:00:00Z');

const member = (n: number) => ({ id: `29:m${n}`, name: `Medlem ${n}`, aadObjectId: `aad-m${n}` });
const secretary = { id: '29:sek', name: 'Sigrid Sekretær', aadObjectId: SECRETARY };

/** "@Møtebot <text>" in the group chat; what the bot sent back. */
const say = (text: string, from: Record<string, string> = member(0)) =>
  mentionBot(harness, GROUP, text, from);

/** A card action (Action.Execute) from a member; returns the invoke response's body. */
/** The inputs of a card, wherever they stand in it. */
function inputs(card: unknown) {
  return findInCard(card, (x) => typeof x.type === 'string' && x.type.startsWith('Input.')) as {
    id: string;
    value?: string;
    label?: string;
    isRequired?: boolean;
    errorMessage?: string;
  }[];
}

async function click(
  verb: string,
  data: Record<string, unknown>,
  from: Record<string, string> = member(0),
  conversation: typeof GROUP = GROUP,
) {
  const res = await postActivity(
    harness.bot.url,
    invokeActivity(harness.connector, verb, data, { conversation, from }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { statusCode: number; type: string; value: unknown };
}

const json = (x: unknown) => JSON.stringify(x);
const lastCard = () => sentCards(harness.connector).at(-1)!.content;

async function newPoll(text: string, from = secretary): Promise<string> {
  await say(`avstemning ${text}`, from);
  const card = lastCard() as { actions: { data?: { pollId?: string } }[] };
  return card.actions[0]!.data!.pollId!;
}

const harness = useTestBot({
  name: 'meeting',
  clock,
  openStore: (dir) => new SqliteStore(dir),
  fill: (store) => ingestPaths([path.join(SHARED, 'corpus')], { store, maxBytes: 5e7 }),
});

beforeAll(async () => {
  await say('møte 2/2023', secretary);
  await say('sak 16/23', secretary);
});

describe('polls', () => {
  it('the quick form makes a named single-choice poll for the current sak that refreshes for everyone', async () => {
    await newPoll('Hvor skal vi legge kruttet? | Tilgjengelighet | Funksjonalitet | Innovasjon');
    const card = lastCard() as Record<string, unknown>;
    expect(json(card)).toContain('Hvor skal vi legge kruttet?');
    expect(json(card)).toContain('Sak 16/23 · NUIT møte 2/2023');
    expect(json(card)).toContain('"title":"Innovasjon","value":"2"');
    expect(json(card)).toContain('"verb":"poll.vote"');
    // Five members: Teams refreshes the card for each of them.
    expect(card.refresh).toMatchObject({ action: { verb: 'poll.refresh' } });
    expect((card.refresh as { userIds?: string[] }).userIds).toBeUndefined();
  });

  it('a vote comes back as the voter’s own card with their answer; a changed vote replaces it', async () => {
    const pollId = await newPoll('Viktigst? | A | B | C');
    const first = await click('poll.vote', { pollId, choice: '1' });
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(json(first.value)).toContain('Ditt svar: B');
    expect(json(first.value)).toContain('1 av 5 medlemmer har svart');
    const changed = await click('poll.vote', { pollId, choice: '2' });
    expect(json(changed.value)).toContain('Ditt svar: C');
    expect(json(changed.value)).toMatch(/"text":"C".*"text":"1 \(100 %\)"/);
    const votes = await harness.store.listVotes(pollId);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ voterKey: 'aad-m0', voterName: 'Medlem 0', answer: { choices: [2] } });
  });

  it('the same invoke replayed three times (Teams retries, a double click) counts once', async () => {
    const pollId = await newPoll('Replay? | Ja | Nei');
    await Promise.all([1, 2, 3].map(() => click('poll.vote', { pollId, choice: '0' }, member(1))));
    expect(await harness.store.listVotes(pollId)).toHaveLength(1);
  });

  it('200 concurrent votes from 50 members, changing their minds, are counted exactly once each', async () => {
    const pollId = await newPoll('Storm? | A | B | C | D');
    const voters = Array.from({ length: 50 }, (_, i) => ({
      id: `29:v${i}`,
      name: `Velger ${i}`,
      aadObjectId: `aad-v${i}`,
    }));
    // Four rounds of 50 votes at once; in the last round voter i picks option i % 4.
    for (let round = 0; round < 4; round++)
      await Promise.all(
        voters.map((v, i) => click('poll.vote', { pollId, choice: String((i + round + 1) % 4) }, v)),
      );
    const votes = await harness.store.listVotes(pollId);
    expect(votes).toHaveLength(50);
    const counts = [0, 1, 2, 3].map(
      (o) => votes.filter((v) => 'choices' in v.answer && v.answer.choices[0] === o).length,
    );
    expect(counts).toEqual([13, 13, 12, 12]);
  });

  it('multiple choice keeps to its maximum; rating, ranking, text and word cloud work end to end', async () => {
    const form = { anonymous: 'false', results: 'live', closeInMinutes: '' };
    await click(
      'poll.create',
      { ...form, question: 'Velg to', kind: 'multi', options: 'A\nB\nC', maxPicks: '2' },
      secretary,
    );
    const multi = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    expect(json(await click('poll.vote', { pollId: multi, choice: '0,1,2' }))).toContain('høyst 2');
    expect(json((await click('poll.vote', { pollId: multi, choice: '0,2' })).value)).toContain(
      'Ditt svar: A, C',
    );

    await click(
      'poll.create',
      { ...form, question: 'Hvor nyttig?', kind: 'rating', options: '', maxPicks: '' },
      secretary,
    );
    const rating = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    await click('poll.vote', { pollId: rating, rating: '4' }, member(1));
    // Teams' star input may send a number; the choice set it falls back to sends a string.
    const rated = await click('poll.vote', { pollId: rating, rating: 5 }, member(2));
    expect(json(rated.value)).toContain('Snitt 4.5');

    await click(
      'poll.create',
      { ...form, question: 'Ranger', kind: 'ranking', options: 'X\nY\nZ', maxPicks: '' },
      secretary,
    );
    const ranking = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    // A refused ranking comes back as the card, the member's picks still in its inputs and the
    // reason above them: nothing they chose is cleared.
    const refused = await click('poll.vote', { pollId: ranking, rank1: '0', rank2: '0', rank3: '1' });
    expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(json(refused.value)).toContain('bare stå på én plass');
    const places = inputs(refused.value).filter((i) => /^rank\d$/.test(i.id));
    expect(places.map((i) => [i.id, i.value])).toEqual([
      ['rank1', '0'],
      ['rank2', '0'],
      ['rank3', '1'],
    ]);
    expect(places.every((i) => i.isRequired && i.label && i.errorMessage)).toBe(true);
    await click('poll.vote', { pollId: ranking, rank1: '2', rank2: '0', rank3: '1' }, member(1));
    const ranked = await click(
      'poll.vote',
      { pollId: ranking, rank1: '2', rank2: '1', rank3: '0' },
      member(2),
    );
    // Z is first for both (3 points each), X has 2 + 1, Y 1 + 2: averages 3, 1.5, 1.5.
    expect(json(ranked.value)).toMatch(/1\. Z.*3 poeng i snitt/);

    await click(
      'poll.create',
      { ...form, question: 'Hva mener du?', kind: 'text', options: '', maxPicks: '' },
      secretary,
    );
    const text = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    expect(json((await click('poll.vote', { pollId: text, text: 'Mer samhandling' })).value)).toContain(
      'Mer samhandling',
    );

    await click(
      'poll.create',
      { ...form, question: 'Ett ord', kind: 'wordcloud', options: '', maxPicks: '' },
      secretary,
    );
    const cloud = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    await click('poll.vote', { pollId: cloud, words: 'Tillit, deling' }, member(1));
    const words = await click('poll.vote', { pollId: cloud, words: ' TILLIT ' }, member(2));
    expect(json(words.value)).toContain('tillit (2)');
    expect(json(words.value)).toContain('deling (1)');
  });

  it('refuses forged and malformed payloads and takes the voter from the activity, never the card', async () => {
    const pollId = await newPoll('Ekte? | Ja | Nei');
    expect(json(await click('poll.vote', { pollId: '0123456789abcdef', choice: '0' }))).toContain(
      'finner jeg ikke',
    );
    expect(json(await click('poll.vote', { pollId, choice: '7' }))).toContain('Velg et av alternativene');
    expect(json(await click('poll.vote', { pollId: 'DROP TABLE', choice: '0' }))).toContain(
      'ingenting ble endret',
    );
    await click('poll.vote', { pollId, choice: '0', voterKey: 'aad-m4', from: 'aad-m4' }, member(3));
    const votes = await harness.store.listVotes(pollId);
    expect(votes.map((v) => v.voterKey)).toEqual(['aad-m3']);
  });

  it('an anonymous poll stores no voter id, still one vote per member', async () => {
    await click(
      'poll.create',
      {
        question: 'Anonymt?',
        kind: 'single',
        options: 'Ja\nNei',
        maxPicks: '',
        anonymous: 'true',
        results: 'after_vote',
        closeInMinutes: '',
      },
      secretary,
    );
    const pollId = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    await click('poll.vote', { pollId, choice: '0' }, member(1));
    await click('poll.vote', { pollId, choice: '1' }, member(1));
    await click('poll.vote', { pollId, choice: '1' }, member(2));
    const rows = harness.store.db.prepare('SELECT * FROM poll_votes WHERE poll_id = ?').all(pollId) as Record<
      string,
      unknown
    >[];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.voter_name).toBeNull();
      expect(json(row)).not.toMatch(/aad-m|29:m|Medlem/);
    }
  });

  it('shows results only after closing when so set, and closing posts the results once', async () => {
    await click(
      'poll.create',
      {
        question: 'Skjult?',
        kind: 'single',
        options: 'Ja\nNei',
        maxPicks: '',
        anonymous: 'false',
        results: 'after_close',
        closeInMinutes: '',
      },
      member(1),
    );
    const pollId = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    const voted = await click('poll.vote', { pollId, choice: '0' }, member(2));
    expect(json(voted.value)).toContain('Ditt svar: Ja');
    expect(json(voted.value)).not.toContain('medlemmer har svart');

    // Only its creator and the secretariat may close it.
    expect(json(await click('poll.close', { pollId }, member(3)))).toContain(
      'Bare den som laget avstemningen',
    );
    harness.connector.sent.length = 0;
    const closed = await click('poll.close', { pollId }, member(1));
    expect(json(closed.value)).toContain('Resultat av avstemning');
    expect(json(closed.value)).toContain('1 av 5 medlemmer har svart');
    const posted = harness.connector.sent.filter((s) => !s.updates);
    expect(posted).toHaveLength(1);
    expect(json(posted[0]!.activity)).toContain('Resultat av avstemning');
    expect(harness.connector.sent.filter((s) => s.updates)).toHaveLength(1);

    expect(json(await click('poll.vote', { pollId, choice: '1' }, member(3)))).toContain(
      'Avstemningen er lukket',
    );
    expect(json(await click('poll.close', { pollId }, member(1)))).toContain('allerede lukket');
    expect(await harness.store.listVotes(pollId)).toHaveLength(1);
  });

  it('a poll set to close after some minutes closes then, once, and posts its results', async () => {
    await click(
      'poll.create',
      {
        question: 'Tidsstyrt?',
        kind: 'single',
        options: 'Ja\nNei',
        maxPicks: '',
        anonymous: 'false',
        results: 'live',
        closeInMinutes: '5',
      },
      secretary,
    );
    const pollId = (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId;
    await click('poll.vote', { pollId, choice: '1' }, member(2));
    const timerClock = new ManualClock('2023-05-01T10:04:00Z');
    const logger = createLogger('silent');
    const config = loadConfig({ DATA_DIR: harness.dir, LOG_LEVEL: 'silent' });
    const sender = new ProactiveSender({
      adapter: createAdapter(config, logger),
      appId: '',
      clock: timerClock,
      logger,
    });
    const polls = new PollService({ store: harness.store, clock: timerClock, creators: 'members' });
    const timer = new PollTimer({ polls, store: harness.store, sender, logger });
    harness.connector.sent.length = 0;
    await timer.tick();
    expect(harness.connector.sent).toHaveLength(0);
    timerClock.set('2023-05-01T10:05:00Z');
    await timer.tick();
    await timer.tick();
    const posted = harness.connector.sent.filter((s) => !s.updates);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe(GROUP.id);
    expect(json(posted[0]!.activity)).toContain('Resultat av avstemning');
    expect(json(posted[0]!.activity)).toContain('Nei');
    expect(harness.connector.sent.filter((s) => s.updates)).toHaveLength(1);
    expect((await harness.store.getPoll(pollId))!.closedAt).not.toBeNull();
  });

  it('"avstemning lukk" closes the latest open poll', async () => {
    await newPoll('Siste? | Ja | Nei');
    await click('poll.vote', {
      pollId: (lastCard() as { actions: { data: { pollId: string } }[] }).actions[0]!.data.pollId,
      choice: '1',
    });
    const sent = await say('avstemning lukk', secretary);
    expect(json(sent)).toContain('Resultat av avstemning');
  });

  it('refuses in the language the command was written in', async () => {
    // A chat with no poll: the refusal comes from the service's table, in each language.
    const text = async (command: string) => {
      const before = harness.connector.sent.length;
      const res = await postActivity(
        harness.bot.url,
        activityFor(harness.connector, {
          conversation: { ...GROUP, id: '19:uten-avstemning@thread.v2' },
          from: secretary,
          text: `<at>Møtebot</at> ${command}`,
          entities: MENTION,
        }),
      );
      expect(res.status).toBe(200);
      await harness.connector.waitFor(before + 1);
      return harness.connector.sent.at(-1)!.activity.text;
    };
    expect(await text('avstemning lukk')).toBe('Det er ingen åpen avstemning i denne samtalen.');
    expect(await text('poll close')).toBe('There is no open poll in this conversation.');
  });
});

describe('audience Q&A', () => {
  it('lists questions by upvotes, one upvote per member, and lets the secretariat mark and hide', async () => {
    await say('spørsmål Hvordan henger målbildet sammen med budsjettet?', member(1));
    await say('spørsmål anonymt: Hvem eier planen?', member(2));
    const questions = await harness.store.listQuestions({ conversationId: GROUP.id });
    const anonymous = questions.find((q) => q.anonymous)!;
    expect(anonymous).toMatchObject({ sak: '16/23', authorName: null });
    expect(
      json(harness.store.db.prepare('SELECT * FROM audience_questions WHERE id = ?').get(anonymous.id)),
    ).not.toMatch(/aad-m2|Medlem 2/);

    await click('qa.upvote', { questionId: anonymous.id }, member(3));
    await click('qa.upvote', { questionId: anonymous.id }, member(3));
    const list = await click('qa.upvote', { questionId: anonymous.id }, member(4));
    expect(json(list.value).indexOf('Hvem eier planen?')).toBeLessThan(
      json(list.value).indexOf('budsjettet'),
    );
    expect(json(list.value)).toContain('Anonym · 2 👍');

    expect(
      json(await click('qa.status', { questionId: anonymous.id, status: 'hidden' }, member(1))),
    ).toContain('Bare sekretariatet');
    const answered = await click('qa.status', { questionId: anonymous.id, status: 'answered' }, secretary);
    expect(json(answered.value)).toContain('besvart');
    const hidden = await click(
      'qa.status',
      { questionId: questions.find((q) => !q.anonymous)!.id, status: 'hidden' },
      secretary,
    );
    expect(json(hidden.value)).not.toContain('budsjettet');
  });
});

describe('the current sak', () => {
  it('from a member, «sak 17/23» is a question about that sak; the current sak stays the moderators’', async () => {
    const before = harness.connector.sent.length;
    await postActivity(
      harness.bot.url,
      activityFor(harness.connector, {
        conversation: GROUP,
        from: member(2),
        text: '<at>Møtebot</at> sak 17/23',
        entities: MENTION,
      }),
    );
    // A typing indicator, then the answer.
    const answer = JSON.stringify((await harness.connector.waitFor(before + 2)).slice(before));
    expect(answer).toContain('17/23');
    expect(answer).not.toContain('Bare sekretariatet og møtearrangøren kan bytte sak');
    expect(await harness.store.getConversationMeeting(GROUP.id)).toMatchObject({ currentSak: '16/23' });
  });
});

describe('innspill', () => {
  it('registers innspill for the current sak and a named sak, lists them, lets only the author edit and withdraw', async () => {
    const receipt = await say(
      'innspill på vegne av KS: Kommunene må med fra start i arbeidet med målbildet.',
      member(1),
    );
    expect(json(receipt)).toContain('Innspillet ditt er registrert');
    expect(json(receipt)).toContain('Sak 16/23');
    await say('innspill 17/23: Indikatorene bør måle samhandling.', member(2));
    const [mine] = await harness.store.listInnspill({ committee: 'NUIT', meeting: '2/2023', sak: '16/23' });
    expect(mine).toMatchObject({ authorId: 'aad-m1', authorName: 'Medlem 1', organisation: 'KS' });

    expect(json(await click('innspill.edit', { id: mine!.id, text: 'Kapret' }, member(2)))).toContain(
      'Bare den som ga innspillet',
    );
    const edited = await click(
      'innspill.edit',
      { id: mine!.id, text: 'Kommunene må med fra start.', organisation: 'KS' },
      member(1),
    );
    expect(json(edited.value)).toContain('Innspillet ditt er endret');

    const list = await say('innspill 16/23', member(3));
    expect(json(list)).toContain('Kommunene må med fra start.');
    expect(json(list)).not.toContain('målbildet.');

    await say('innspill 16/23: Dette trekker jeg.', member(3));
    const withdrawn = (
      await harness.store.listInnspill({ committee: 'NUIT', meeting: '2/2023', sak: '16/23' })
    ).find((i) => i.authorId === 'aad-m3')!;
    expect(json(await click('innspill.withdraw', { id: withdrawn.id }, member(3)))).toContain(
      'trukket tilbake',
    );
    expect(json(await say('innspill 16/23', member(3)))).not.toContain('Dette trekker jeg');
  });

  it('finds an innspill when a member later asks about it', async () => {
    const answerer = await createAnswerer({
      store: harness.store,
      config: loadConfig({ DATA_DIR: harness.dir }),
      logger: createLogger('silent'),
    });
    const answer = await answerer.ask('What input did KS give on 16/23?');
    expect(answer.answer).toContain('Kommunene må med fra start');
    expect(answer.citations.some((c) => c.kind === 'innspill' && c.sak === '16/23')).toBe(true);
    expect(
      answer.citations.every((c) => c.kind !== 'adopted' || !c.quote?.includes('Kommunene må med')),
    ).toBe(true);
  });

  it('exports a meeting’s innspill grouped by sak for the secretariat, as DOCX, Excel and CSV links that work and cannot be forged', async () => {
    expect(json(await say('eksporter innspill 2/2023', member(1)))).toContain('Bare sekretariatet');
    const sent = json(await say('eksporter innspill 2/2023', secretary));
    expect(sent).toContain('## Sak 16/23 Forslag til målbilde');
    const links = new Map(
      [...sent.matchAll(/\[([^\]["]+)\]\((http:\/\/127\.0\.0\.1:\d+\/api\/exports\/[^)]+)\)/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    expect([...links.keys()]).toEqual([
      'Word (DOCX)',
      'Utkast til referat (DOCX)',
      'Excel (XLSX), med avstemninger og spørsmål',
      'CSV',
      'CSV: avstemninger',
      'CSV: spørsmål',
      'Markdown',
    ]);
    const port = new URL(harness.bot.url).port;
    const fetchExport = (link: string) => fetch(link.replace(/:\d+\//, `:${port}/`));
    const stored = await harness.store.listInnspill({ committee: 'NUIT', meeting: '2/2023' });

    const docx = await fetchExport(links.get('Word (DOCX)')!);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    for (const i of stored) expect(text).toContain(i.text);
    expect(text).toContain('Sak 17/23');
    expect(text).not.toContain('Dette trekker jeg');

    // The draft referat: each sak of the agenda with what the chat gave it, and its proposal as the
    // likely vedtak, marked as a draft.
    const draft = await fetchExport(links.get('Utkast til referat (DOCX)')!);
    expect(draft.headers.get('content-disposition')).toContain('utkast-referat.docx');
    const { value: draftText } = await mammoth.extractRawText({
      buffer: Buffer.from(await draft.arrayBuffer()),
    });
    expect(draftText).toContain('Utkast til referat – NUIT møte 2/2023 (25.05.2023)');
    expect(draftText).toContain('Utkast – sekretariatet bekrefter');
    const agenda = (await harness.store.listMeetings()).find(
      (m) => m.role === 'innkalling' && m.meeting === '2/2023',
    )!;
    const sak16 = agenda.items.find((i) => i.sak === '16/23')!;
    expect(draftText).toContain(`Sak 16/23 ${sak16.title}`);
    expect(draftText).toContain(
      `Vedtak (utkast): ${sak16.proposed_decision!.replace(/\s+/g, ' ')}`.slice(0, 80),
    );
    for (const i of stored) expect(draftText).toContain(i.text);
    for (const item of agenda.items) expect(draftText).toContain(`Sak ${item.sak} `);

    // The workbook reads back, by another library, with one row per innspill and real date cells
    // holding the Oslo wall-clock time.
    const xlsx = await fetchExport(links.get('Excel (XLSX), med avstemninger og spørsmål')!);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toContain('.xlsx');
    const workbook = Buffer.from(await xlsx.arrayBuffer());
    const sheets = await readExcelFile(workbook);
    expect(sheets.map((x) => x.sheet)).toEqual(['Innspill', 'Avstemninger', 'Spørsmål']);
    // The chat's polls of this meeting, each option a row with its count.
    const polls = (await harness.store.listPolls(GROUP.id)).filter((p) => p.meeting === '2/2023');
    expect(polls.length).toBeGreaterThan(0);
    const pollRows = sheets[1]!.data.slice(1);
    expect(new Set(pollRows.map((r) => r[1]))).toEqual(new Set(polls.map((p) => p.question)));
    expect(sheets[2]!.data[0]).toEqual(['sak', 'spørsmål', 'stilt av', 'stemmer', 'status', 'stilt']);
    const rows = await readSheet(workbook);
    expect(rows[0]!.join(';')).toBe('utvalg;møte;sak;sakstittel;navn;på vegne av;innspill;registrert;endret');
    expect(rows).toHaveLength(3);
    expect(
      rows
        .slice(1)
        .map((r) => r[6])
        .sort(),
    ).toEqual(
      stored
        .filter((i) => !i.withdrawnAt)
        .map((i) => i.text)
        .sort(),
    );
    const first = stored.find((i) => i.text === rows[1]![6])!;
    const oslo = DateTime.fromISO(first.createdAt, { zone: 'utc' }).setZone('Europe/Oslo');
    // A date cell is a fraction of a day: read back, it may be off by a fraction of a millisecond.
    const cell = (rows[1]![7] as unknown as Date).getTime();
    expect(new Date(Math.round(cell / 60_000) * 60_000).toISOString().slice(0, 16)).toBe(
      oslo.toFormat("yyyy-MM-dd'T'HH:mm"),
    );

    // CSV as Norwegian Excel opens it: a byte-order mark, ";" between fields, Oslo times.
    const bytes = Buffer.from(await (await fetchExport(links.get('CSV')!)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('utvalg;møte;sak;sakstittel;navn;på vegne av;innspill;registrert;endret');
    expect(csv).toContain('KS');
    expect(csv).toContain(oslo.toFormat('dd.MM.yyyy HH:mm'));

    // The chat's poll results and questions, each as a CSV of its own.
    const pollCsv = Buffer.from(await (await fetchExport(links.get('CSV: avstemninger')!)).arrayBuffer());
    const pollLines = pollCsv.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(pollLines[0]).toBe('sak;spørsmål;type;anonym;svar;antall;andel %;snitt;svarte;lukket');
    expect(pollLines.length).toBe(pollRows.length + 1);
    const questionsCsv = await fetchExport(links.get('CSV: spørsmål')!);
    expect(questionsCsv.headers.get('content-disposition')).toContain('sporsmal.csv');

    const forged = links.get('Word (DOCX)')!.replace(/\.[^.]+$/, '.AAAA');
    expect((await fetchExport(forged)).status).toBe(404);
  });
});

describe('meeting start and end', () => {
  const CHAT = { id: '19:meeting_NUIT2@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' };
  const event = (name: 'meetingStart' | 'meetingEnd') =>
    meetingEventActivity(harness.connector, name, {
      chat: CHAT,
      id: 'MCM-nuit-2-2023',
      title: 'NUIT møte 2/2023',
      start: '2023-05-25T07:00:00Z',
      end: '2023-05-25T13:45:00Z',
    });

  it('posts "Møtet er i gang" once, with the agenda of the committee meeting the chat follows and its current sak', async () => {
    await harness.store.saveConversation({
      id: CHAT.id,
      tenantId: 'tenant-1',
      kind: 'groupChat',
      reference: {},
    });
    await harness.store.setSubscription({
      conversationId: CHAT.id,
      committee: 'NUIT',
      active: true,
      changedBy: SECRETARY,
      endedReason: null,
    });
    expect((await postActivity(harness.bot.url, event('meetingStart'))).status).toBe(200);
    await harness.connector.waitFor(1);
    const card = json(lastCard());
    expect(card).toContain('Møtet er i gang · NUIT møte 2/2023');
    expect(card).toContain('Behandles nå');
    expect(card).toContain('**13/23**');
    for (const verb of ['innspill.form', 'poll.form', 'qa.list']) expect(card).toContain(`"verb":"${verb}"`);
    expect(await harness.store.getConversationMeeting(CHAT.id)).toMatchObject({
      meeting: '2/2023',
      currentSak: '13/23',
    });

    await postActivity(harness.bot.url, event('meetingStart'));
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.connector.sent).toHaveLength(1);
  });

  it('posts the recap once at the end: the saker handled, per sak innspill, poll results, open questions and a draft referat, the action points added, and the export', async () => {
    const inChat = (text: string, from: Record<string, string>) =>
      postActivity(
        harness.bot.url,
        activityFor(harness.connector, {
          conversation: CHAT,
          from,
          text: `<at>Møtebot</at> ${text}`,
          entities: MENTION,
        }),
      );
    await inChat('sak 16/23', secretary);
    await inChat('innspill på vegne av Helse Nord RHF: Regionene må prioritere felles løsninger.', member(1));
    await inChat('avstemning Viktigst for målbildet? | Deling | Sikkerhet', secretary);
    await harness.connector.waitFor(3);
    const poll = (await harness.store.listPolls(CHAT.id))[0]!;
    await click('poll.vote', { pollId: poll.id, choice: '0' }, member(1), CHAT);
    await inChat('spørsmål Når kommer neste versjon?', member(2));
    await inChat('aksjonspunkt 16/23: Sende målbildet på høring ansvarlig: NHN frist: 15.6.2023', secretary);
    await harness.connector.waitFor(5);
    harness.connector.sent.length = 0;

    await postActivity(harness.bot.url, event('meetingEnd'));
    await harness.connector.waitFor(1);
    const summary = json(lastCard());
    expect(summary).toContain('Møtet er slutt · NUIT møte 2/2023');
    const agenda = (await harness.store.listMeetings()).find(
      (m) => m.role === 'innkalling' && m.meeting === '2/2023',
    )!;
    expect(summary).toContain(`${agenda.items.length} saker behandlet`);
    for (const item of agenda.items) expect(summary).toContain(`**${item.sak}** ${item.title}`);
    // The card's sak 16/23: its counts, results and question in view, its draft folded away.
    const card = lastCard() as { body: { items?: unknown[] }[] };
    const sak = json(card.body.find((b) => json(b.items ?? []).includes('**16/23**')));
    // The meeting's innspill, from any chat: the earlier tests gave 16/23 some too.
    const given = await harness.store.listInnspill({ committee: 'NUIT', meeting: '2/2023', sak: '16/23' });
    expect(given.length).toBeGreaterThan(1);
    expect(sak).toContain(`${given.length} innspill · 1 avstemning · 1 ubesvart spørsmål · 1 aksjonspunkt`);
    for (const i of given) expect(sak).toContain(`• ${i.text}`);
    expect(sak).toContain('📊 Viktigst for målbildet? — Deling 100 %');
    expect(sak).toContain('❓ Når kommer neste versjon? (0 👍)');
    expect(sak).toContain('"title":"Utkast til referat"');
    expect(sak).toContain('Utkast – sekretariatet bekrefter');
    expect(sak).toContain('Regionene må prioritere felles løsninger. (Medlem 1, Helse Nord RHF)');
    expect(sak).toContain(
      `**Vedtak (utkast):** ${agenda.items.find((i) => i.sak === '16/23')!.proposed_decision!.slice(0, 60)}`,
    );
    expect(summary).toContain('Aksjonspunkter fra møtet');
    expect(summary).toContain('sak 16/23: Sende målbildet på høring (Ansvarlig: NHN · Frist: 15.06.2023)');
    expect(summary).toContain('"verb":"innspill.export"');

    await postActivity(harness.bot.url, event('meetingEnd'));
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.connector.sent).toHaveLength(1);
  });
});
