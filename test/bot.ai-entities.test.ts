// An LLM-written answer as Teams receives it: the JSON body the bot posts to the Bot Connector, read
// by the connector stand-in after botbuilder's serialiser has run. The activity built in memory is
// not enough: botbuilder 4.23.3's serialiser dropped every entity property but `type`.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/types.ts';
import { activityFor, postActivity, sentCards, startTestBot, type TestBot } from './helpers/bot.ts';
import { ManualClock } from './helpers/clock.ts';
import { startConnector, type Connector } from './helpers/connector.ts';
import { claims, shownIds, startFakeModel, type FakeModel } from './helpers/openai.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/packages/nuit-3-2031.txt');
const QUESTION = 'Hva er forslaget til vedtak i sak 43/31?';

let dir: string;
let store: Store;
let connector: Connector;
let model: FakeModel;
let bot: TestBot;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-ai-entities-'));
  store = await openStore(loadConfig({ DATA_DIR: dir }));
  await ingestPaths([FIXTURE], { store, maxBytes: 1e7 });
  connector = await startConnector();
  model = await startFakeModel();
  bot = await startTestBot({
    store,
    dir,
    clock: new ManualClock('2031-08-01T10:00:00Z'),
    env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key' },
  });
});

afterAll(async () => {
  bot.server.close();
  await model.close();
  await connector.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  connector.sent.length = 0;
});

/** Asks in personal chat and returns the answer's activity as the connector received it. */
async function askOverTheWire() {
  const res = await postActivity(bot.url, activityFor(connector, { text: QUESTION }));
  expect(res.status).toBe(200);
  const sent = await connector.waitFor(2);
  return sent.find((s) => s.activity.type === 'message')!.activity as {
    entities?: Record<string, unknown>[];
    channelData?: Record<string, unknown>;
    attachments?: { content: Record<string, unknown> }[];
  };
}

/** An activity of a stream as the connector received it. */
interface StreamedActivity {
  type: string;
  text?: string;
  entities?: { type: string; streamType?: string; streamSequence?: number; streamId?: string }[];
  channelData?: Record<string, unknown>;
}

describe('an LLM-written answer on the wire', () => {
  it('carries the AI-generated label and the citations with all their properties', async () => {
    model.behave((req) =>
      claims({
        text: 'NUIT foreslås å gi tilslutning til ny prismodell fra 2032.',
        passage_ids: [shownIds(req)[0]!],
      }),
    );
    const activity = await askOverTheWire();
    const message = activity.entities?.find((e) => e.type === 'https://schema.org/Message');
    expect(message).toMatchObject({
      '@type': 'Message',
      '@context': 'https://schema.org',
      additionalType: ['AIGeneratedContent'],
    });
    const citation = message!.citation as {
      '@type': string;
      position: number;
      appearance: { '@type': string; name: string; abstract: string; keywords: string[] };
    }[];
    expect(citation).toHaveLength(1);
    expect(citation[0]).toMatchObject({ '@type': 'Claim', position: 1 });
    expect(citation[0]!.appearance['@type']).toBe('DigitalDocument');
    expect(citation[0]!.appearance.name).toContain('sak 43/31');
    expect(citation[0]!.appearance.abstract).toContain('prismodell');
    expect(citation[0]!.appearance.keywords).toContain('43/31');
  });

  it('asks Teams for its feedback buttons, and leaves out the card’s own 👍/👎', async () => {
    model.behave((req) =>
      claims({
        text: 'NUIT foreslås å gi tilslutning til ny prismodell fra 2032.',
        passage_ids: [shownIds(req)[0]!],
      }),
    );
    const activity = await askOverTheWire();
    expect(activity.channelData).toMatchObject({ feedbackLoop: { type: 'default' } });
    expect(JSON.stringify(sentCards(connector)[0]!.content)).not.toContain('"verb":"feedback"');
  });

  it('sends an offline answer with the card’s 👍/👎, no AI label and no feedback loop', async () => {
    model.behave(() => ({ status: 500 }));
    const activity = await askOverTheWire();
    // The stream opened for the model still ends, with the offline answer's card.
    expect(activity.entities).toEqual([expect.objectContaining({ type: 'streaminfo', streamType: 'final' })]);
    expect(activity.channelData?.feedbackLoop).toBeUndefined();
    expect(JSON.stringify(sentCards(connector)[0]!.content)).toContain('"verb":"feedback"');
  });

  it('streams the answer in a personal chat: an informative update, the text as it grows, the card last', async () => {
    model.behave((req) =>
      claims(
        { text: 'NUIT foreslås å gi tilslutning til ny prismodell.', passage_ids: [shownIds(req)[0]!] },
        { text: 'Modellen gjelder fra 2032.', passage_ids: [shownIds(req)[0]!] },
      ),
    );
    await postActivity(bot.url, activityFor(connector, { text: QUESTION }));
    const sent = await connector.waitFor(4);
    const activities = sent.map((s) => s.activity as StreamedActivity);
    const info = activities.map((a) => a.entities?.find((e) => e.type === 'streaminfo'));
    expect(info.map((i) => i?.streamType)).toEqual(['informative', 'streaming', 'streaming', 'final']);
    expect(info.map((i) => i?.streamSequence)).toEqual([1, 2, 3, 4]);
    // The stream's id is the first activity's, on every later one, in the entity and channelData.
    const streamId = sent[0]!.id;
    for (const [i, a] of activities.slice(1).entries()) {
      expect(info[i + 1]!.streamId).toBe(streamId);
      expect(a.channelData?.streamId).toBe(streamId);
    }
    expect(activities[0]).toMatchObject({ type: 'typing', text: 'Søker i møtedokumentene…' });
    // Each chunk repeats the text before it; the last message is the card with the AI label.
    expect(activities[2]!.text!.startsWith(activities[1]!.text!)).toBe(true);
    expect(activities[3]!.type).toBe('message');
    expect(activities[3]!.entities!.some((e) => e.type === 'https://schema.org/Message')).toBe(true);
    expect(activities[3]!.channelData?.feedbackLoop).toEqual({ type: 'default' });
  });

  it('does not stream in a group chat: one message with the whole answer', async () => {
    model.behave((req) =>
      claims({ text: 'NUIT foreslås å gi tilslutning til ny prismodell.', passage_ids: [shownIds(req)[0]!] }),
    );
    const group = { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' };
    await postActivity(
      bot.url,
      activityFor(connector, {
        conversation: group,
        text: `<at>Møtebot</at> ${QUESTION}`,
        entities: [
          { type: 'mention', mentioned: { id: '28:motebot', name: 'Møtebot' }, text: '<at>Møtebot</at>' },
        ],
      }),
    );
    const sent = await connector.waitFor(2);
    expect(sent.map((s) => s.activity.type)).toEqual(['typing', 'message']);
    expect(JSON.stringify(sent)).not.toContain('streaminfo');
  });

  it('stores Teams’ feedback on an LLM answer with its question, and answers the invoke with 200', async () => {
    model.behave((req) =>
      claims({
        text: 'NUIT foreslås å gi tilslutning til ny prismodell fra 2032.',
        passage_ids: [shownIds(req)[0]!],
      }),
    );
    await askOverTheWire();
    const answered = connector.sent.find((s) => s.activity.type === 'message')!;
    const feedback = (replyToId: string, value: unknown) =>
      postActivity(
        bot.url,
        activityFor(connector, {
          type: 'invoke',
          name: 'message/submitAction',
          text: undefined,
          replyToId,
          value,
        }),
      );
    const res = await feedback(answered.id, {
      actionName: 'feedback',
      actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'Mangler vedtaket' }) },
    });
    expect(res.status).toBe(200);
    expect((await store.listFeedback()).at(-1)).toMatchObject({
      conversationId: 'a:personal-kari',
      userId: 'aad-kari',
      question: QUESTION,
      answer: 'NUIT foreslås å gi tilslutning til ny prismodell fra 2032.',
      reaction: 'down',
      comment: 'Mangler vedtaket',
    });

    // A malformed payload is refused and changes nothing.
    const before = (await store.listFeedback()).length;
    const bad = await feedback(answered.id, { actionName: 'feedback', actionValue: { reaction: 'meh' } });
    expect(bad.status).toBe(400);
    expect(await store.listFeedback()).toHaveLength(before);
  });
});
