// The bot over real HTTP: Bot Framework activities posted to /api/messages, the real botbuilder
// adapter, the real store and answerer over the ingested corpus, and a local Bot Connector. The
// "postgres" test project runs this file again on PostgreSQL (MOTEBOT_TEST_STORE=postgres).
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../bot/edge/adapter.ts';
import { MotebotBot } from '../bot/turn/router.ts';
import { clientAllowed, createApp, listen } from '../bot/edge/server.ts';
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest.ts';
import { createLogger } from '../src/logger.ts';
import { ManualClock } from './helpers/clock.ts';
import {
  activityFor,
  invokeActivity,
  postActivity,
  SECRETARY,
  sentCards,
  startTestBot,
  type TestBot,
  useTestBot,
} from './helpers/bot.ts';
import { docxBomb } from './helpers/docx-bomb.ts';
import { openTestStore } from './helpers/stores.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/packages/nuit-3-2031.txt');

interface Gold {
  question: string;
  type: string;
  citations: { sak: string | null }[];
}

/** The bot's time: 1 May 2023, before NUIT meeting 2/2023 (25 May). */
const clock = new ManualClock('2023-05-01T10:00:00Z');

function startBot(env: Record<string, string> = {}): Promise<TestBot> {
  return startTestBot({ store: harness.store, dir: harness.dir, clock, env });
}

const activity = (over: Record<string, unknown>) => activityFor(harness.connector, over);
const post = postActivity;
const cards = () => sentCards(harness.connector);

const harness = useTestBot({
  name: 'bot',
  clock,
  openStore: openTestStore,
  fill: (store) => ingestPaths([path.join(SHARED, 'corpus')], { store, maxBytes: 50 * 1024 * 1024 }),
});

describe('answering in Teams', () => {
  it('answers a gold question in personal chat with a typing indicator and a card citing the expected sak', async () => {
    const gold = (JSON.parse(await readFile(path.join(SHARED, 'eval/qa.json'), 'utf8')) as Gold[]).find(
      (g) => g.type === 'proposed_decision' && g.citations[0]?.sak,
    )!;
    const res = await post(harness.bot.url, activity({ text: gold.question }));
    expect(res.status).toBe(200);
    const sent = await harness.connector.waitFor(2);
    expect(sent[0]!.activity.type).toBe('typing');
    const card = JSON.stringify(cards()[0]!.content);
    expect(card).toContain(`sak ${gold.citations[0]!.sak}`);
    expect(card).toContain('Forslag til vedtak');
    expect(card).toContain('"verb":"feedback"');
  });

  it('answers in a group chat only when @mentioned, without the mention in the question', async () => {
    const group = { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' };
    await post(
      harness.bot.url,
      activity({ conversation: group, text: 'hva er forslag til vedtak i sak 16/23?' }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.connector.sent).toHaveLength(0);

    await post(
      harness.bot.url,
      activity({
        conversation: group,
        text: '<at>Møtebot</at> hva er forslag til vedtak i sak 16/23?',
        entities: [
          { type: 'mention', text: '<at>Møtebot</at>', mentioned: { id: '28:motebot', name: 'Møtebot' } },
        ],
      }),
    );
    await harness.connector.waitFor(2);
    expect(JSON.stringify(cards()[0]!.content)).toContain('16/23');
    expect(harness.connector.sent[1]!.conversationId).toBe(group.id);
  });

  it('shows help for hjelp and help, listing the commands', async () => {
    await post(harness.bot.url, activity({ text: 'hjelp' }));
    await harness.connector.waitFor(1);
    const card = JSON.stringify(cards()[0]!.content);
    expect(card).toContain('Dette kan jeg');
    expect(card).toContain('agenda');
  });

  it('answers help in English, with the next meeting’s first sak of substance as its example', async () => {
    // The clock stands at 1 May 2023: the next meeting is 2/2023, whose first saker are formalities
    // and the directorate's news.
    await post(harness.bot.url, activity({ text: 'help' }));
    await harness.connector.waitFor(1);
    const card = JSON.stringify(cards()[0]!.content);
    expect(card).toContain('What I can do');
    expect(card).toContain('What is the proposed decision in item 16/23?');
    expect(card).toContain('Show the agenda of the next meeting (agenda NUIT, agenda 2/2023)');
  });

  it('suggests the command a short message mistypes, in the language of the command', async () => {
    await post(harness.bot.url, activity({ text: 'agneda' }));
    await post(harness.bot.url, activity({ text: 'hlep' }));
    const sent = await harness.connector.waitFor(2);
    expect(sent.map((s) => s.activity.text)).toEqual([
      'Mente du «agenda»? Skriv «hjelp» for å se alle kommandoene.',
      'Did you mean «help»? Write «help» to see all commands.',
    ]);
  });
});

describe('installation', () => {
  it('welcomes a new conversation once and stores its reference', async () => {
    const conversation = { id: '19:channel@thread.skype', conversationType: 'channel', tenantId: 'tenant-1' };
    const install = activity({ type: 'installationUpdate', action: 'add', conversation, text: undefined });
    await post(harness.bot.url, install);
    await harness.connector.waitFor(1);
    expect(JSON.stringify(cards()[0]!.content)).toContain('Hei! Jeg er Møtebot');
    const stored = await harness.store.getConversation(conversation.id);
    expect(stored).toMatchObject({ id: conversation.id, kind: 'channel', tenantId: 'tenant-1' });
    expect((stored!.reference as { serviceUrl: string }).serviceUrl).toBe(harness.connector.url);

    harness.connector.sent.length = 0;
    await post(harness.bot.url, { ...install, id: 'again' });
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.connector.sent).toHaveLength(0);
  });
});

describe('agenda subscriptions', () => {
  const channel = { id: '19:nuit-kanal@thread.skype', conversationType: 'channel', tenantId: 'tenant-1' };
  const mention = (text: string, from?: Record<string, string>) =>
    activity({
      conversation: channel,
      ...(from ? { from } : {}),
      text: `<at>Møtebot</at> ${text}`,
      entities: [
        { type: 'mention', text: '<at>Møtebot</at>', mentioned: { id: '28:motebot', name: 'Møtebot' } },
      ],
    });
  const texts = () => harness.connector.sent.map((s) => s.activity.text ?? '');
  const installer = { id: '29:eier', name: 'Eva Eier', aadObjectId: 'aad-eier' };

  it('lets the member who installed Møtebot subscribe the channel, and no one else but the secretariat', async () => {
    await post(
      harness.bot.url,
      activity({
        type: 'installationUpdate',
        action: 'add',
        conversation: channel,
        from: installer,
        text: undefined,
      }),
    );
    await harness.connector.waitFor(1);
    harness.connector.sent.length = 0;

    await post(harness.bot.url, mention('abonner NUIT'));
    await harness.connector.waitFor(1);
    expect(texts()[0]).toContain('Bare sekretariatet');
    expect(await harness.store.listSubscriptions({ conversationId: channel.id })).toEqual([]);

    await post(harness.bot.url, mention('abonner NUIT', installer));
    await harness.connector.waitFor(2);
    expect(texts()[1]).toContain('følger nå NUIT');
    await post(
      harness.bot.url,
      mention('subscribe NUFA', { id: '29:sek', name: 'Sigrid', aadObjectId: SECRETARY }),
    );
    await harness.connector.waitFor(3);
    expect(texts()[2]).toContain('now follows NUFA');
    expect(
      (await harness.store.listSubscriptions({ conversationId: channel.id, activeOnly: true })).map(
        (x) => x.committee,
      ),
    ).toEqual(['NUFA', 'NUIT']);

    await post(harness.bot.url, mention('abonnement'));
    await harness.connector.waitFor(4);
    expect(texts()[3]).toContain('NUFA, NUIT');

    await post(harness.bot.url, mention('avslutt abonnement NUFA', installer));
    await harness.connector.waitFor(5);
    expect(texts()[4]).toContain('ikke lenger NUFA');
    expect(
      await harness.store.listSubscriptions({ conversationId: channel.id, activeOnly: true }),
    ).toMatchObject([{ committee: 'NUIT' }]);
  });

  it('knows the installer as soon as Møtebot is installed, though a turn before found none', async () => {
    const later = { ...channel, id: `${channel.id}-later` };
    // A member's turn before the install finds no installer (and remembers that for a while).
    await post(harness.bot.url, { ...mention('abonner NUIT'), conversation: later });
    await harness.connector.waitFor(1);
    expect(texts()[0]).toContain('Bare sekretariatet');
    await post(
      harness.bot.url,
      activity({
        type: 'installationUpdate',
        action: 'add',
        conversation: later,
        from: installer,
        text: undefined,
      }),
    );
    await harness.connector.waitFor(2);
    await post(harness.bot.url, { ...mention('abonner NUIT', installer), conversation: later });
    await harness.connector.waitFor(3);
    expect(texts()[2]).toContain('følger nå NUIT');
  });

  it('asks which committee when none is named', async () => {
    await post(harness.bot.url, mention('abonner', installer));
    await harness.connector.waitFor(1);
    expect(texts()[0]).toContain('Hvilket utvalg?');
  });
});

describe('the decision register', () => {
  it('lists a committee’s decisions of a year, adopted and proposed, and answers a question that starts with the word', async () => {
    await post(harness.bot.url, activity({ text: 'vedtak NUIT 2023' }));
    await harness.connector.waitFor(1);
    const card = JSON.stringify(cards()[0]!.content);
    expect(card).toContain('Vedtak · NUIT 2023');
    expect(card).toContain('Vedtatt');
    expect(card).toContain('Forslag – utfall ikke kjent');
    expect(card).toContain('"type":"Action.ToggleVisibility"');
    harness.connector.sent.length = 0;
    // Naming a sak, it is a question about that sak's decision, not the register.
    await post(harness.bot.url, activity({ text: 'vedtak i sak 6/23?' }));
    await harness.connector.waitFor(2);
    expect(JSON.stringify(cards()[0]!.content)).not.toContain('Vedtak · ');
    expect(JSON.stringify(cards()[0]!.content)).toContain('6/23');
  });
});

describe('a topic’s timeline', () => {
  it('draws every treatment of a topic, oldest first, each unfolding to what its text says', async () => {
    await post(harness.bot.url, activity({ text: 'historikk felles grunnmur' }));
    await harness.connector.waitFor(1);
    const card = JSON.stringify(cards()[0]!.content);
    expect(card).toContain('Historikk · felles grunnmur');
    expect(card.indexOf('sak 22/20')).toBeLessThan(card.indexOf('sak 30/20'));
    expect(card).toContain('"type":"Action.ToggleVisibility"');
  });
});

describe('agenda on request', () => {
  const agendaCard = () =>
    JSON.stringify(cards().find((c) => /Agenda[^"]* · /.test(JSON.stringify(c.content)))?.content ?? {});

  it('shows the agenda of a meeting named by number, with each sak, time and proposal', async () => {
    await post(harness.bot.url, activity({ text: 'agenda 2/2023' }));
    await harness.connector.waitFor(1);
    const card = agendaCard();
    expect(card).toContain('Agenda · NUIT møte 2/2023');
    expect(card).toContain('**16/23**');
    expect(card).toContain('Forslag til vedtak');
    expect(card).toContain('"verb":"agenda.ask"');
  });

  it('finds a NUFA meeting by its date, and the meeting that handles a sak, both marked as held', async () => {
    // The clock stands at 1 May 2023: both meetings are over.
    await post(harness.bot.url, activity({ text: 'agenda NUFA 27.10.2021' }));
    await harness.connector.waitFor(1);
    expect(agendaCard()).toContain('Agenda (avholdt møte) · NUFA 27.10.2021');
    harness.connector.sent.length = 0;
    await post(harness.bot.url, activity({ text: 'agenda 31/20' }));
    await harness.connector.waitFor(1);
    expect(agendaCard()).toContain('Agenda (avholdt møte) · NUIT møte 5/2020');
  });

  it("offers a held meeting's saker for questions and memos, but not for innspill", async () => {
    await post(harness.bot.url, activity({ text: 'agenda 31/20' }));
    await harness.connector.waitFor(1);
    const card = agendaCard();
    expect(card).toContain('Møtet er avholdt, så det tar ikke imot innspill lenger.');
    expect(card).toContain('"verb":"agenda.ask"');
    expect(card).not.toContain('"verb":"innspill.form"');
    // An upcoming meeting's card does offer innspill per sak.
    harness.connector.sent.length = 0;
    await post(harness.bot.url, activity({ text: 'agenda 2/2023' }));
    await harness.connector.waitFor(1);
    expect(agendaCard()).toContain('"verb":"innspill.form"');
    expect(agendaCard()).not.toContain('Møtet er avholdt');
  });

  it('refuses the innspill form of a held meeting before the member has typed anything', async () => {
    await post(
      harness.bot.url,
      invokeActivity(harness.connector, 'innspill.form', {
        committee: 'NUIT',
        meeting: '5/2020',
        sak: '31/20',
      }),
    );
    await harness.connector.waitFor(1);
    const sent = JSON.stringify(harness.connector.sent);
    expect(sent).toContain('Møtet 5/2020 er over, så det tar ikke imot flere innspill.');
    expect(sent).not.toContain('Input.Text');
  });

  it('says so plainly when no such meeting is in the documents', async () => {
    await post(harness.bot.url, activity({ text: 'agenda 9/2019' }));
    await harness.connector.waitFor(1);
    expect(harness.connector.sent[0]!.activity.text).toContain(
      'Jeg finner ingen møteinnkalling for «9/2019»',
    );
  });

  it('answers "Spør om saken" about that sak only, and shows the memo on "Vis toppnotat"', async () => {
    const invoke = (verb: string, data: Record<string, string>) =>
      post(harness.bot.url, invokeActivity(harness.connector, verb, data));
    const res = await invoke('agenda.ask', {
      committee: 'NUIT',
      meeting: '2/2023',
      sak: '16/23',
      question: 'Hva er forslaget?',
    });
    expect(await res.json()).toMatchObject({ statusCode: 200, value: 'Svaret kommer i samtalen.' });
    await harness.connector.waitFor(2);
    const answer = JSON.stringify(cards().at(-1)!.content);
    expect(answer).toContain('16/23');
    expect(answer).toContain('Forslag til vedtak');
    expect(answer).not.toMatch(/sak (1[3-57-9]|2\d)\/23/);

    // The sak's own button asks no question of its own: the answer says what the sak proposes.
    harness.connector.sent.length = 0;
    await invoke('agenda.ask', { committee: 'NUIT', meeting: '2/2023', sak: '21/23' });
    await harness.connector.waitFor(2);
    expect(JSON.stringify(cards().at(-1)!.content)).toContain('21/23');

    harness.connector.sent.length = 0;
    await invoke('agenda.memo', { committee: 'NUIT', meeting: '2/2023', sak: '16/23' });
    await harness.connector.waitFor(1);
    const memo = JSON.stringify(cards()[0]!.content);
    expect(memo).toContain('Toppnotat · sak 16/23');
    expect(memo).toMatch(/Hensikt|Bakgrunn/);

    harness.connector.sent.length = 0;
    const forged = await invoke('agenda.ask', { committee: 'NUIT', meeting: '2/2023', sak: 'DROP TABLE' });
    expect(await forged.json()).toMatchObject({ value: expect.stringContaining('ingenting ble endret') });
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.connector.sent).toHaveLength(0);
  });
});

describe('meeting packages sent as files', () => {
  const file = (name: string) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    content: {
      downloadUrl: `${harness.connector.url}files/${encodeURIComponent(name)}`,
      fileType: name.split('.').pop(),
    },
  });

  const sendFileAsSecretary = async (name: string, text = '', replies = 2) => {
    const secretary = { id: '29:sek', name: 'Sekretær', aadObjectId: SECRETARY };
    await post(harness.bot.url, activity({ from: secretary, text, attachments: [file(name)] }));
    return harness.connector.waitFor(replies);
  };

  it('ingests a package from a secretariat member and reports the summary', async () => {
    harness.connector.files.set('pakke-2031.txt', new Uint8Array(await readFile(FIXTURE)));
    const sent = await sendFileAsSecretary('pakke-2031.txt');
    const summary = JSON.stringify(sent.at(-1)!.activity);
    expect(summary).toContain('Lest inn: 1');
    expect(await harness.store.findDocument('pakke-2031.txt')).not.toBeNull();
  });

  it('refuses a file type it cannot read before downloading it, in bokmål or in English as written', async () => {
    // Served if asked for, so only the bot's own check keeps it from being fetched.
    harness.connector.files.set('budsjett.xlsx', new Uint8Array([1, 2, 3]));
    const types = '.txt, .md, .html, .htm, .pdf, .docx';
    const [nb] = await sendFileAsSecretary('budsjett.xlsx', '', 1);
    expect(nb!.activity.text).toBe(
      `Jeg kan ikke lese inn «budsjett.xlsx»: filtypen støttes ikke. Send møtedokumenter som ${types}.`,
    );
    harness.connector.sent.length = 0;
    const [en] = await sendFileAsSecretary('budsjett.xlsx', 'Here is the budget for the next meeting', 1);
    expect(en!.activity.text).toBe(
      `I cannot add «budsjett.xlsx»: that file type is not supported. Send meeting documents as ${types}.`,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.connector.sent).toHaveLength(1);
    expect(harness.connector.downloads).toEqual([]);
  });

  it('refuses a DOCX bomb with a clear reply on the wire, and goes on answering', async () => {
    // This file once took the bot process down.
    harness.connector.files.set('bombe.docx', new Uint8Array(docxBomb(150)));
    const sent = await sendFileAsSecretary('bombe.docx');
    const reply = JSON.stringify(sent.at(-1)!.activity);
    expect(reply).toContain('Feilet: 1');
    expect(reply).toMatch(/«bombe\.docx» pakkes ut til 15\d\.\d MB; største tillatte er 100\.0 MB utpakket/);
    expect(reply).not.toMatch(/heap|node_modules|\.ts:\d/);
    expect(await harness.store.findDocument('bombe.docx')).toBeNull();

    harness.connector.sent.length = 0;
    const res = await post(harness.bot.url, activity({ text: 'hjelp' }));
    expect(res.status).toBe(200);
    await harness.connector.waitFor(1);
    expect(JSON.stringify(cards()[0]!.content)).toContain('Dette kan jeg');
  }, 60_000);

  it('gives up a download that never finishes and says so in bokmål', async () => {
    const stalling = createServer((_req, res) => {
      res.writeHead(200);
      res.write('Møte');
    });
    await new Promise<void>((r) => stalling.listen(0, '127.0.0.1', r));
    const impatient = await startBot({ DOWNLOAD_TIMEOUT_SECONDS: '0.5' });
    try {
      const url = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/treg.txt`;
      const secretary = { id: '29:sek', name: 'Sekretær', aadObjectId: SECRETARY };
      const upload = {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name: 'treg.txt',
        content: { downloadUrl: url, fileType: 'txt' },
      };
      const res = await post(impatient.url, activity({ from: secretary, text: '', attachments: [upload] }));
      expect(res.status).toBe(200);
      const sent = await harness.connector.waitFor(2);
      expect(sent.at(-1)!.activity.text).toBe(
        '«treg.txt» ble ikke lastet ned innen 0.5 sekunder. Prøv å sende den på nytt.',
      );
    } finally {
      impatient.server.close();
      stalling.closeAllConnections();
      stalling.close();
    }
  });

  it('politely refuses a file from someone outside the secretariat', async () => {
    harness.connector.files.set('pakke-2031.txt', new Uint8Array(await readFile(FIXTURE)));
    await post(harness.bot.url, activity({ text: '', attachments: [file('pakke-2031.txt')] }));
    const sent = await harness.connector.waitFor(1);
    expect(sent[0]!.activity.text).toMatch(/bare sekretariatet kan legge inn møtedokumenter/);
  });
});

describe('feedback', () => {
  it('stores 👍/👎 from the card with the question, keyed by the member who clicked', async () => {
    const res = await post(
      harness.bot.url,
      invokeActivity(harness.connector, 'feedback', {
        reaction: 'down',
        question: 'hva skjedde?',
        answer: 'svar',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ statusCode: 200, value: 'Takk for tilbakemeldingen!' });
    expect((await harness.store.listFeedback()).at(-1)).toMatchObject({
      userId: 'aad-kari',
      question: 'hva skjedde?',
      reaction: 'down',
    });
  });

  it('changes nothing for a malformed feedback payload', async () => {
    const before = (await harness.store.listFeedback()).length;
    const res = await post(
      harness.bot.url,
      invokeActivity(harness.connector, 'feedback', { reaction: 'maybe' }),
    );
    expect(await res.json()).toMatchObject({ value: expect.stringContaining('ingenting ble endret') });
    expect(await harness.store.listFeedback()).toHaveLength(before);
  });
});

describe('when something fails', () => {
  it('tells the member in bokmål with a reference, and no stack trace reaches the chat', async () => {
    // A real failure: the bot's store is closed under it.
    const brokenDir = await mkdtemp(path.join(os.tmpdir(), 'motebot-broken-'));
    const config = loadConfig({ DATA_DIR: brokenDir, LOG_LEVEL: 'silent' });
    const brokenStore = await openTestStore(brokenDir);
    const logger = createLogger('silent');
    const answerer = await createAnswerer({ store: brokenStore, config, logger });
    const broken = new MotebotBot({ config, store: brokenStore, answerer, logger, clock });
    const server = await listen(
      createApp({
        config,
        logger,
        adapter: createAdapter(config, logger),
        bot: broken,
        store: brokenStore,
        answerer,
        clock,
        shutdown: new AbortController().signal,
      }),
      0,
      '127.0.0.1',
    );
    await brokenStore.close();
    await post(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, activity({ text: 'agenda' }));
    const sent = await harness.connector.waitFor(1);
    const text = sent.at(-1)!.activity.text ?? '';
    expect(text).toMatch(/^Beklager, noe gikk galt hos meg\..*referanse [0-9a-f]{8}/);
    expect(text).not.toMatch(/\bat \S+ \(|Error|stack/);
    server.close();
    await rm(brokenDir, { recursive: true, force: true });
  });
});

describe('who may talk to the bot', () => {
  it('refuses an activity from a tenant that is not allowed, and processes nothing', async () => {
    const guarded = await startBot({ ALLOWED_TENANTS: 'tenant-1' });
    const res = await post(
      guarded.url,
      activity({
        text: 'hjelp',
        channelData: { tenant: { id: 'tenant-evil' } },
        conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'tenant-evil' },
      }),
    );
    expect(res.status).toBe(403);
    guarded.server.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.connector.sent).toHaveLength(0);
  });

  it('with an app id configured, refuses a request without a valid token (401) and processes nothing', async () => {
    const secured = await startBot({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'not-a-secret',
    });
    expect((await post(secured.url, activity({ text: 'hjelp' }))).status).toBe(401);
    expect(
      (await post(secured.url, activity({ text: 'hjelp' }), { authorization: 'Bearer not.a.token' })).status,
    ).toBe(401);
    secured.server.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.connector.sent).toHaveLength(0);
  });

  it('in local mode serves loopback clients only', () => {
    expect(clientAllowed({ localMode: true }, '127.0.0.1')).toBe(true);
    expect(clientAllowed({ localMode: true }, '::1')).toBe(true);
    expect(clientAllowed({ localMode: true }, '::ffff:127.0.0.1')).toBe(true);
    expect(clientAllowed({ localMode: true }, '203.0.113.7')).toBe(false);
    expect(clientAllowed({ localMode: true }, undefined)).toBe(false);
    expect(clientAllowed({ localMode: false }, '203.0.113.7')).toBe(true);
  });

  it('says it is healthy, and in which mode', async () => {
    expect(await (await fetch(`${harness.bot.url}/healthz`)).json()).toEqual({ status: 'ok', mode: 'local' });
  });
});
