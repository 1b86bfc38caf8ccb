// Every card the bot sends parses with the adaptivecards library without errors or warnings and
// stays under 28 KB, including long answers over the real corpus.
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaCard, memoCard } from '../cards/agenda.ts';
import { answerCard } from '../cards/answer.ts';
import { meetingSummaryCard } from '../cards/meeting-summary.ts';
import { innspillFormCard, innspillListCard, innspillReceiptCard } from '../cards/innspill.ts';
import { pollCard } from '../cards/poll.ts';
import { pollFormCard } from '../cards/poll-form.ts';
import { questionsCard } from '../cards/qna.ts';
import { tally } from '../src/polls/tally.ts';
import { POLL_KINDS, type Poll, type PollAnswer } from '../src/polls/types.ts';
import { helpCard, messageCard, welcomeCard } from '../cards/messages.ts';
import type { CardJson } from '../cards/render.ts';
import { COMMANDS } from '../bot/turn/commands.ts';
import { findInCard } from './helpers/card-walk.ts';
import { registerCard } from '../cards/register.ts';
import { timelineCard } from '../cards/timeline.ts';
import { decisionRegister } from '../src/register/register.ts';
import { createAnswerer } from '../src/answer/index.ts';
import type { Answer } from '../src/answer/types.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { agendaView, memoSections, type AgendaView } from '../src/meetings/agenda.ts';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/types.ts';

// The adaptivecards library expects a browser; jsdom provides one.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, {
  window: dom.window,
  document: dom.window.document,
  navigator: dom.window.navigator,
  HTMLElement: dom.window.HTMLElement,
});
const AC = await import('adaptivecards');

const MAX_BYTES = 28 * 1024;

/** Parse errors and warnings the adaptivecards library reports for a card. */
/**
 * Teams' own elements (its charts, the star rating input) that the reference renderer does not know. A card may use one
 * only with a fallback the renderer does know, which it then checks in its place.
 */
const TEAMS_ONLY = /^(?:Chart\.|Input\.Rating$)/;

/** Elements of a Teams-only type without a fallback: a client without them would show nothing. */
function teamsOnlyWithoutFallback(card: unknown): string[] {
  return findInCard(card, (x) => typeof x.type === 'string' && TEAMS_ONLY.test(x.type) && !x.fallback).map(
    (x) => String(x.type),
  );
}

function problems(card: CardJson): string[] {
  const ctx = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const out: string[] = teamsOnlyWithoutFallback(card).map((t) => `no fallback for ${t}`);
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    const teamsOnly =
      e.event === AC.ValidationEvent.UnknownElementType &&
      [...e.message.matchAll(/"([^"]+)"/g)].some((m) => TEAMS_ONLY.test(m[1]!));
    if (!teamsOnly) out.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents)
    out.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return out;
}

function expectValid(card: CardJson) {
  expect(problems(card)).toEqual([]);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_BYTES);
  expect(card.version).toBe('1.5');
}

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-cards-'));
  store = await openStore(loadConfig({ DATA_DIR: dir }));
  await ingestPaths([path.resolve(import.meta.dirname, '../../shared/corpus')], { store, maxBytes: 5e7 });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cards', () => {
  it('welcome and help cards are valid, with a record loaded and without', () => {
    const example = { committee: 'NUIT', meeting: '2/2023', sak: '16/23' };
    for (const e of [example, null]) {
      expectValid(welcomeCard([...COMMANDS], e));
      expectValid(helpCard([...COMMANDS], 'nb', e));
      expectValid(helpCard([...COMMANDS], 'en', e));
    }
    expectValid(messageCard('Lest inn: 1', ['+ pakke.txt: 2 møte(r)']));
  });

  it('help texts take their examples from the record, and say how to load one when it is empty', () => {
    const example = { committee: 'NUFA', meeting: 'NUFA 27.10.2021', sak: '30/21' };
    const en = JSON.stringify(helpCard([...COMMANDS], 'en', example));
    expect(en).toContain('What is the proposed decision in item 30/21?');
    expect(en).toContain('Give input on an item (input 30/21: text)');
    expect(en).not.toMatch(/Vis agendaen|Gi innspill/);
    const nb = JSON.stringify(welcomeCard([...COMMANDS], example));
    expect(nb).toContain('Hva er forslag til vedtak i sak 30/21?');
    expect(nb).toContain('agenda NUFA 27.10.2021');
    const empty = JSON.stringify(welcomeCard([...COMMANDS], null));
    expect(empty).toContain('Ingen møtedokumenter er lest inn ennå');
    expect(empty).toContain('innspill N/ÅÅ: tekst');
    // No sak id of any record stands in the texts themselves.
    expect(JSON.stringify(COMMANDS)).not.toMatch(/\d{1,3}\/\d{2}/);
  });

  it('answer cards for every gold question are valid, label decisions and carry feedback', async () => {
    const answerer = await createAnswerer({
      store,
      config: loadConfig({ DATA_DIR: dir }),
      logger: createLogger('silent'),
    });
    const qa = (await import('../../shared/eval/qa.json', { with: { type: 'json' } })).default as {
      question: string;
    }[];
    let labelled = 0;
    for (const { question } of qa) {
      const card = answerCard(question, await answerer.ask(question));
      expectValid(card);
      const json = JSON.stringify(card);
      expect(json).toContain('"verb":"feedback"');
      if (
        /"(Vedtak|Forslag til vedtak|Decision \(Vedtak\)|Proposed decision \(Forslag til vedtak\))"/.test(
          json,
        )
      )
        labelled++;
    }
    expect(labelled).toBeGreaterThan(5);
  });

  it('a very long generated answer is cut to stay under the size limit and shows the AI label', () => {
    const long: Answer = {
      answer: 'Lang tekst. '.repeat(5000),
      citations: Array.from({ length: 20 }, (_, i) => ({
        committee: 'NUIT',
        meeting: '1/2023',
        date: '2023-02-16',
        sak: `${i + 1}/23`,
        title: 'Tittel',
        source: 'x.txt',
        kind: 'adopted' as const,
        quote: 'Vedtakstekst. '.repeat(300),
      })),
      abstained: false,
      intent: 'adopted_decision',
      language: 'nb',
      generated: true,
    };
    const card = answerCard('spørsmål', long);
    expectValid(card);
    expect(JSON.stringify(card)).toContain('KI-generert');
  });

  it('a history over several saker keeps each decision in its own line, without repeating it in boxes', () => {
    const cite = (sak: string, kind: 'adopted' | 'proposed') => ({
      committee: 'NUIT',
      meeting: '1/2023',
      date: '2023-02-16',
      sak,
      title: 'Tittel',
      source: 'x.txt',
      kind,
      quote: `Vedtakstekst for ${sak}.`,
    });
    const history: Answer = {
      answer:
        'Behandlinger i dokumentene, eldst først:\n- 16.02.2023: Sak 5/23. Vedtak: «Vedtakstekst for 5/23.»\n- 16.02.2023: Sak 6/23. Forslag til vedtak: «Vedtakstekst for 6/23.»',
      citations: [cite('5/23', 'adopted'), cite('6/23', 'proposed')],
      abstained: false,
      intent: 'adopted_decision',
      language: 'nb',
      generated: false,
    };
    const json = JSON.stringify(answerCard('Hva har NUIT vedtatt om prismodeller?', history));
    expect(json).not.toMatch(/"text":"(Vedtak|Forslag til vedtak)"/);
    expect(json.match(/Vedtakstekst for 5\/23/g)!.length).toBeGreaterThanOrEqual(1);
    // The single-sak answer still gets its labelled box.
    const single = answerCard('Hva ble vedtatt i sak 5/23?', {
      ...history,
      citations: [cite('5/23', 'adopted')],
    });
    expect(JSON.stringify(single)).toMatch(/"text":"Vedtak"/);
  });

  it('the agenda of every invited meeting in the corpus makes a valid card with each sak, folded details and actions', async () => {
    const answerer = await createAnswerer({
      store,
      config: loadConfig({ DATA_DIR: dir }),
      logger: createLogger('silent'),
    });
    const invited = (await store.listMeetings()).filter((m) => m.role === 'innkalling');
    expect(invited.length).toBeGreaterThanOrEqual(4);
    for (const meeting of invited) {
      const view = await agendaView(meeting, { answerer, store });
      for (const updated of [false, true]) {
        const card = agendaCard(view, { updated });
        expectValid(card);
        const json = JSON.stringify(card);
        for (const item of meeting.items) expect(json).toContain(`**${item.sak}**`);
        expect(json).toContain('"verb":"agenda.ask"');
        expect(json.includes('Oppdatert')).toBe(updated);
      }
      const live = JSON.stringify(
        agendaCard(view, { live: true, currentSak: meeting.items[1]?.sak ?? null }),
      );
      expectValid(JSON.parse(live));
      expect(live).toContain('Møtet er i gang');
      expect(live).toContain('Behandles nå');
      const withMemo = meeting.items.find((i) => i.memo.length);
      if (withMemo)
        expectValid(memoCard({ ...withMemo, meeting: view.meeting }, memoSections(withMemo.memo)));
    }
  });

  it('a very long agenda folds its details to stay under the size limit', async () => {
    const answerer = await createAnswerer({
      store,
      config: loadConfig({ DATA_DIR: dir }),
      logger: createLogger('silent'),
    });
    const meeting = (await store.listMeetings()).find((m) => m.role === 'innkalling' && m.items.length > 8)!;
    const view: AgendaView = await agendaView(meeting, { answerer, store });
    const long: AgendaView = {
      ...view,
      items: Array.from({ length: 40 }, (_, n) => ({
        ...view.items[n % view.items.length]!,
        sak: `${n + 1}/23`,
        proposal: 'Forslag til vedtak med mye tekst. '.repeat(60),
      })),
    };
    const card = agendaCard(long);
    expectValid(card);
    expect(JSON.stringify(card)).toContain('**40/23**');
    expect(JSON.stringify(agendaCard(view))).toContain('Forslag til vedtak');
  });

  it('shows poll results as a Teams bar chart, with the bars any client draws as its fallback', () => {
    const poll = samplePoll();
    const results = tally(poll, [
      { answer: { choices: [0] }, count: 3 },
      { answer: { choices: [1] }, count: 1 },
    ]);
    const card = pollCard(poll, results, { answer: null, seesResults: true, mayClose: false });
    const chart = findInCard(card, (x) => x.type === 'Chart.HorizontalBar')[0] as {
      data: { x: string; y: number }[];
      fallback: unknown;
    };
    expect(chart.data).toEqual([
      { x: 'A · 3 (75 %)', y: 3 },
      { x: 'B · 1 (25 %)', y: 1 },
    ]);
    expect(JSON.stringify(chart.fallback)).toContain('3 (75 %)');
  });

  it('asks a rating with Teams’ star input, falling back to a choice of 1–5, the member’s rating kept', () => {
    const poll = { ...samplePoll(), kind: 'rating' as const, options: [] };
    const card = pollCard(poll, tally(poll, []), {
      answer: { rating: 4 },
      seesResults: false,
      mayClose: false,
    });
    const stars = findInCard(card, (x) => x.type === 'Input.Rating')[0]!;
    expect(stars).toMatchObject({ id: 'rating', max: 5, value: 4, isRequired: true });
    expect(stars.fallback).toMatchObject({ type: 'Input.ChoiceSet', id: 'rating', value: '4' });
  });

  it('draws the decision register within Teams’ size limit, however long it is', async () => {
    const entries = await decisionRegister(store);
    expectValid(registerCard('Vedtak', entries));
    const many = Array.from({ length: 12 }, () => entries).flat();
    const card = registerCard('Vedtak', many);
    expectValid(card);
    expect(JSON.stringify(card)).toMatch(/… og \d+ til/);
  });

  it('draws a topic’s timeline, and says so when there is none', async () => {
    const answerer = await createAnswerer({
      store,
      config: loadConfig({ DATA_DIR: dir }),
      logger: createLogger('silent'),
    });
    expectValid(timelineCard('kjernejournal', await answerer.timeline('kjernejournal')));
    expect(JSON.stringify(timelineCard('jetpacks', []))).toContain('Jeg finner ingen behandlinger');
  });

  it('shows a memo by its own sections, purpose open and the rest folded, shortened only to fit', async () => {
    const long = (await store.listMeetings())
      .flatMap((m) => m.items)
      .find((i) => i.sak === '31/20' && i.memo.length)!;
    const card = memoCard({ sak: '31/20', title: long.title, meeting: '5/2020' }, memoSections(long.memo));
    expectValid(card);
    const headings = findInCard(card, (x) => x.weight === 'Bolder' && typeof x.text === 'string').map(
      (x) => x.text,
    );
    expect(headings).toEqual(expect.arrayContaining(['Hensikt med saken', 'BAKGRUNN']));
    const body = (n: number) => findInCard(card, (x) => x.id === `memo-${n}`)[0]!;
    const hensikt = long.memo.findIndex((s) => s.heading === 'Hensikt med saken');
    const bakgrunn = long.memo.findIndex((s) => s.heading === 'BAKGRUNN');
    expect(body(hensikt).isVisible).toBe(true);
    expect(body(bakgrunn).isVisible).toBe(false);
    // Background runs to 12 000 characters and still fits: whole, not cut.
    const text = (n: number) => findInCard(body(n), (x) => x.type === 'TextBlock')[0]!.text;
    expect(text(bakgrunn)).toBe(long.memo[bakgrunn]!.text);
    expect(JSON.stringify(card)).not.toContain('Forkortet her');
    // Three times as long, it is shortened, says so, and the short sections stay whole.
    const longer = long.memo.map((s) => (s.heading === 'BAKGRUNN' ? { ...s, text: s.text.repeat(3) } : s));
    const cut = memoCard({ sak: '31/20', title: long.title, meeting: '5/2020' }, memoSections(longer));
    expectValid(cut);
    expect(JSON.stringify(cut)).toContain('Forkortet her');
    expect(JSON.stringify(cut)).toContain(JSON.stringify(long.memo[hensikt]!.text).slice(1, -1));
  });

  it('says on every open poll what is stored of an answer, anonymous or named', () => {
    const poll = samplePoll();
    const viewer = { answer: null, seesResults: false, mayClose: false };
    const named = JSON.stringify(pollCard(poll, tally(poll, []), viewer));
    expect(named).toContain('Navngitt: navnet ditt lagres med svaret');
    const anonymous = JSON.stringify(pollCard({ ...poll, anonymous: true }, tally(poll, []), viewer));
    expect(anonymous).toContain('🔒 Anonym: svaret ditt lagres under en nøkkel');
    expect(anonymous).not.toContain('navnet ditt lagres med svaret');
  });

  it('says when a timed poll closes, in Oslo time, in summer and winter alike', () => {
    const viewer = { answer: null, seesResults: false, mayClose: false };
    const at = (closesAt: string) =>
      JSON.stringify(pollCard({ ...samplePoll(), closesAt }, tally(samplePoll(), []), viewer));
    expect(at('2026-12-07T13:05:00Z')).toContain('lukkes 14:05');
    expect(at('2026-06-07T13:05:00Z')).toContain('lukkes 15:05');
  });

  it('poll cards of every kind, open and closed, the poll form, Q&A and innspill cards are valid', () => {
    const answers: Record<Poll['kind'], PollAnswer[]> = {
      single: [{ choices: [0] }, { choices: [1] }],
      multi: [{ choices: [0, 2] }],
      rating: [{ rating: 4 }, { rating: 2 }],
      ranking: [{ ranking: [2, 0, 1] }],
      text: [{ text: 'Mer samhandling mellom kommuner og sykehus.' }],
      wordcloud: [{ words: ['tillit', 'deling'] }, { words: ['tillit'] }],
    };
    for (const kind of POLL_KINDS) {
      const poll: Poll = {
        ...samplePoll(),
        kind,
        options: ['Tilgjengelighet', 'Funksjonalitet', 'Innovasjon'],
        maxPicks: kind === 'multi' ? 2 : null,
      };
      const results = tally(
        poll,
        answers[kind].map((answer) => ({ answer, count: 1 })),
      );
      expectValid(
        pollCard(
          poll,
          results,
          { answer: answers[kind][0]!, seesResults: true, mayClose: true },
          { members: 7 },
        ),
      );
      expectValid(
        pollCard({ ...poll, closedAt: '2023-05-25T09:00:00Z' }, results, {
          answer: null,
          seesResults: true,
          mayClose: false,
        }),
      );
    }
    expectValid(pollFormCard());
    expectValid(
      meetingSummaryCard({
        committee: 'NUIT',
        meeting: '2/2023',
        name: 'NUIT møte 2/2023',
        saker: [
          {
            sak: '16/23',
            title: 'Forslag til målbilde',
            innspill: ['Kommunene må med. (Kari, KS)'],
            polls: ['Viktigst? — Deling 100 % (1 svar)'],
            openQuestions: ['Hvem eier planen? (3 👍)'],
            actionPoints: [],
            likelyDecision: 'NUIT slutter seg til målbildet.',
          },
          {
            sak: '',
            title: 'Uten sak',
            innspill: [],
            polls: [],
            openQuestions: ['Når?'],
            actionPoints: [],
            likelyDecision: null,
          },
        ],
        actionPoints: [],
      }),
    );
    const question = {
      id: 1,
      conversationId: '19:x',
      committee: 'NUIT',
      meeting: '2/2023',
      sak: '16/23',
      text: 'Hvem eier planen?',
      authorName: null,
      anonymous: true,
      status: 'open' as const,
      createdAt: '2023-05-25T08:00:00Z',
      upvotes: 3,
    };
    expectValid(questionsCard({ sak: '16/23' }, [question], { moderator: true }));
    expectValid(questionsCard({ sak: null }, [], { moderator: false }));
    const innspill = {
      id: 1,
      committee: 'NUIT',
      meeting: '2/2023',
      sak: '16/23',
      conversationId: '19:x',
      authorId: 'aad-x',
      authorName: 'Kari',
      organisation: 'KS',
      text: 'Kommunene må med fra start.',
      createdAt: '2023-05-25T08:00:00Z',
      updatedAt: '2023-05-25T08:00:00Z',
      withdrawnAt: null,
    };
    expectValid(innspillReceiptCard(innspill, 'Målbilde', 'new'));
    expectValid(innspillReceiptCard(innspill, 'Målbilde', 'withdrawn'));

    // What cannot be undone is asked first: withdrawing, closing and hiding each sit behind a
    // ShowCard that says what will happen, and nowhere else on the card.
    const openPoll = pollCard({ ...samplePoll(), kind: 'single' }, tally(samplePoll(), []), {
      answer: null,
      seesResults: true,
      mayClose: true,
    });
    for (const [card, verb] of [
      [innspillReceiptCard(innspill, 'Målbilde', 'new'), 'innspill.withdraw'],
      [openPoll, 'poll.close'],
      [questionsCard({ sak: '16/23' }, [question], { moderator: true }), 'qa.status:hidden'],
    ] as const) {
      const found = destructive(card, verb);
      expect(found.length, verb).toBeGreaterThan(0);
      expect(
        found.every((f) => f.confirmed),
        verb,
      ).toBe(true);
    }
    expectValid(innspillListCard({ sak: '16/23', title: 'Målbilde' }, [innspill]));
    expectValid(
      innspillFormCard({
        committee: 'NUIT',
        meeting: '2/2023',
        name: 'NUIT møte 2/2023',
        saker: [{ sak: '16/23', title: 'Målbilde' }],
        current: '16/23',
      }),
    );
  });
});

/** A poll to draw cards of. */
function samplePoll(): Poll {
  return {
    id: '0123456789abcdef',
    conversationId: '19:x',
    committee: 'NUIT',
    meeting: '2/2023',
    sak: '16/23',
    kind: 'single',
    question: 'Hvor skal vi legge kruttet?',
    options: ['A', 'B'],
    maxPicks: null,
    anonymous: false,
    results: 'live',
    closesAt: null,
    createdBy: 'aad-x',
    createdAt: '2023-05-25T08:00:00Z',
    closedAt: null,
    activityId: null,
  };
}

/**
 * Every Action.Execute of a verb ("qa.status:hidden" names a status too), and whether it stands in
 * a ShowCard's card, that is, behind a question.
 */
function destructive(card: unknown, verb: string): { confirmed: boolean }[] {
  const [name, status] = verb.split(':');
  const out: { confirmed: boolean }[] = [];
  const walk = (o: unknown, inShowCard: boolean) => {
    if (Array.isArray(o)) return o.forEach((x) => walk(x, inShowCard));
    if (!o || typeof o !== 'object') return;
    const x = o as { type?: string; verb?: string; data?: { status?: string }; card?: unknown };
    if (x.type === 'Action.Execute' && x.verb === name && (!status || x.data?.status === status))
      out.push({ confirmed: inShowCard });
    for (const [k, v] of Object.entries(x))
      walk(v, inShowCard || (x.type === 'Action.ShowCard' && k === 'card'));
  };
  walk(card, false);
  return out;
}
