// The meeting panel's API over real HTTP, on a real store: the chat's meeting state (agenda with
// the current sak, the latest poll as everyone may see it, innspill per sak, open questions), the
// event stream that follows the store, and Teams SSO tokens once an app id is configured.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdapter } from '../bot/edge/adapter.ts';
import { TeamsChatMembers } from '../bot/panel/chat-members.ts';
import type { PanelState } from '../bot/panel/state.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/meetings/clock.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { startConnector } from './helpers/connector.ts';
import {
  CHAT,
  createPoll,
  seedMeeting,
  startPanel,
  stateEvents,
  vote,
  type PanelServer,
} from './helpers/panel.ts';
import { APP_ID, newKey, signToken, SSO_ENV, startJwks, TENANT, type Jwks } from './helpers/sso.ts';

let dir: string;
let store: SqliteStore;
let panel: PanelServer;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-panel-'));
  store = new SqliteStore(dir);
  await seedMeeting(store);
});

afterEach(async () => {
  panel?.server.closeAllConnections();
  await new Promise((resolve) => panel?.server.close(resolve));
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function state(headers: Record<string, string> = {}): Promise<PanelState> {
  const res = await fetch(`${panel.url}/api/panel/state?conversation=${encodeURIComponent(CHAT)}`, {
    headers,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PanelState;
}

/** The agenda card's sak containers, as the template expands them. */
function agendaItems(card: unknown): { style: string; text: string }[] {
  const body = (card as { body: Record<string, unknown>[] }).body;
  return body
    .filter((b) => b.type === 'Container' && 'style' in b)
    .map((b) => ({ style: String(b.style), text: JSON.stringify(b) }));
}

describe('the meeting panel state', () => {
  it('shows the agenda with the current sak marked, the poll results and the innspill per sak', async () => {
    panel = await startPanel({ store, dir });
    const poll = await createPoll(store, 'live');
    await vote(store, poll, 1, 0);
    await vote(store, poll, 2, 0);
    await vote(store, poll, 3, 1);
    for (const [sak, text, org] of [
      ['43/31', 'Prismodellen må ta hensyn til små kommuner.', 'KS'],
      ['42/31', 'Fysioterapeutene må med i piloten.', null],
      ['42/31', 'Husk universell utforming.', null],
    ] as const)
      await store.addInnspill({
        committee: 'NUIT',
        meeting: '3/2031',
        sak,
        conversationId: CHAT,
        authorId: 'aad-m1',
        authorName: 'Medlem 1',
        organisation: org,
        text,
      });
    await store.addQuestion({
      conversationId: CHAT,
      committee: 'NUIT',
      meeting: '3/2031',
      sak: '42/31',
      text: 'Hvem drifter løsningen?',
      authorName: null,
      anonymous: true,
      authorKey: 'k1',
    });

    const s = await state();
    expect(s.meeting).toEqual({ committee: 'NUIT', meeting: '3/2031', name: 'NUIT møte 3/2031' });
    expect(s.currentSak).toBe('42/31');
    expect(s.currentTitle).toBe('Felles bookingløsning for fysioterapi');
    const items = agendaItems(s.agenda);
    expect(items.map((i) => i.style)).toEqual(['default', 'default', 'accent', 'default', 'default']);
    const current = items.find((i) => i.style === 'accent')!.text;
    expect(current).toContain('42/31');
    expect(current).toContain('Behandles nå');

    const pollJson = JSON.stringify(s.poll!.card);
    expect(s.poll!.open).toBe(true);
    expect(pollJson).toContain('3 svar');
    expect(pollJson).toContain('2 (67 %)');
    // A screen is not a voter: no inputs and no buttons.
    expect(pollJson).not.toContain('Input.ChoiceSet');
    expect(pollJson).not.toContain('Action.Execute');

    expect(s.innspill.map((g) => [g.sak, g.items.length])).toEqual([
      ['42/31', 2],
      ['43/31', 1],
    ]);
    expect(s.innspill[1]!.items[0]!.by).toBe('Medlem 1, på vegne av KS');
    expect(s.questions).toEqual([
      expect.objectContaining({ text: 'Hvem drifter løsningen?', by: 'Anonym', upvotes: 0, sak: '42/31' }),
    ]);
  });

  it('shows only how many have answered while the results wait for the poll to close', async () => {
    panel = await startPanel({ store, dir });
    for (const results of ['after_close', 'after_vote'] as const) {
      const poll = await createPoll(store, results);
      await vote(store, poll, 1, 0);
      await vote(store, poll, 2, 1);
      const open = JSON.stringify((await state()).poll!.card);
      expect(open).toContain('2 svar. Resultatene vises når avstemningen lukkes.');
      expect(open).not.toContain('%)');
      await store.closePoll(poll.id, new Date().toISOString());
      const closed = await state();
      expect(closed.poll!.open).toBe(false);
      expect(JSON.stringify(closed.poll!.card)).toContain('1 (50 %)');
    }
  });

  it('tells a chat with no meeting so, and asks for the conversation when it is missing', async () => {
    panel = await startPanel({ store, dir });
    const res = await fetch(`${panel.url}/api/panel/state?conversation=19:annen@thread.v2`);
    expect(await res.json()).toMatchObject({ meeting: null, agenda: null, poll: null, innspill: [] });
    const missing = await fetch(`${panel.url}/api/panel/state`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'conversation_required', message: /samtale/ });
  });

  it('serves the page, its configuration page and the teams-js and adaptivecards bundles', async () => {
    panel = await startPanel({ store, dir });
    const page = await fetch(`${panel.url}/panel?conversation=x`);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/teams/);
    expect(await page.text()).toContain('Del på skjerm');
    expect(await (await fetch(`${panel.url}/panel/config`)).text()).toContain('Lagre');
    for (const [file, global] of [
      ['teams-js.min.js', 'microsoftTeams'],
      ['adaptivecards.min.js', 'AdaptiveCards'],
      ['panel.js', 'shareAppContentToStage'],
    ]) {
      const res = await fetch(`${panel.url}/panel/assets/${file}`);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(await res.text()).toContain(global);
    }
    expect((await fetch(`${panel.url}/panel/assets/nope.js`)).status).toBe(404);
  });
});

describe('the panel event stream', () => {
  it('sends the state at once and again when a vote changes it, and stops when the client goes', async () => {
    panel = await startPanel({ store, dir });
    const poll = await createPoll(store, 'live');
    const abort = new AbortController();
    const res = await fetch(`${panel.url}/api/panel/events?conversation=${encodeURIComponent(CHAT)}`, {
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = stateEvents(res);
    expect(JSON.stringify((await events.next()).value!.poll!.card)).toContain('0 svar');
    await vote(store, poll, 1, 2);
    expect(JSON.stringify((await events.next()).value!.poll!.card)).toContain('1 svar');
    abort.abort();
    // The server's change polling ends with the connection: the store is not asked again.
    const reads = vi.spyOn(store, 'getConversationMeeting');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = reads.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(reads.mock.calls.length).toBe(after);
  });
});

describe('Teams SSO on the panel API', () => {
  let jwks: Jwks;

  beforeEach(async () => {
    jwks = await startJwks();
    panel = await startPanel({ store, dir, env: SSO_ENV, jwksUrl: jwks.url });
  });

  afterEach(async () => {
    await new Promise((resolve) => jwks.server.close(resolve));
  });

  async function status(path: string, auth?: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${panel.url}${path}?conversation=${encodeURIComponent(CHAT)}`, {
      headers: auth ? { authorization: auth } : {},
    });
    return { status: res.status, body: res.status === 200 ? '' : await res.text() };
  }

  it('refuses a call without a token, with garbage, or with a token signed by another key', async () => {
    const stranger = signToken(newKey().privateKey);
    for (const auth of [undefined, 'Bearer garbage', 'Bearer a.b.c', `Bearer ${stranger}`]) {
      for (const path of ['/api/panel/state', '/api/panel/events']) {
        const res = await status(path, auth);
        expect(res.status).toBe(401);
        expect(JSON.parse(res.body)).toMatchObject({ error: 'sso_required', message: /pålogging fra Teams/ });
      }
    }
  });

  it('refuses a well-signed token for another app, from a foreign issuer, expired, or with an unknown key', async () => {
    for (const bad of [
      signToken(jwks.key, { aud: 'api://annen.example.no/annen-app' }),
      signToken(jwks.key, { iss: 'https://login.example.com/v2.0' }),
      signToken(jwks.key, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      signToken(jwks.key, {}, 'unknown-key'),
    ])
      expect((await status('/api/panel/state', `Bearer ${bad}`)).status).toBe(401);
  });

  it('accepts a valid token for the app (v2 and v1 issuers, either audience form)', async () => {
    for (const good of [
      signToken(jwks.key),
      signToken(jwks.key, { aud: APP_ID, iss: `https://sts.windows.net/${TENANT}/` }),
    ])
      expect((await status('/api/panel/state', `Bearer ${good}`)).status).toBe(200);
    const s = await state({ authorization: `Bearer ${signToken(jwks.key)}` });
    expect(s.currentSak).toBe('42/31');
  });

  it('answers the panel’s buttons in the panel, as the member the token names', async () => {
    const token = `Bearer ${signToken(jwks.key)}`;
    const act = async (verb: string, data: Record<string, unknown>, auth = token) => {
      const res = await fetch(`${panel.url}/api/panel/action?conversation=${encodeURIComponent(CHAT)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ verb, data }),
      });
      return {
        status: res.status,
        body: (await res.json()) as { card?: unknown; message?: string; error?: string },
      };
    };
    const sak = { committee: 'NUIT', meeting: '3/2031', sak: '43/31' };
    // "Spør om saken": the answer card, in the panel.
    const asked = await act('agenda.ask', sak);
    expect(asked.status).toBe(200);
    expect(JSON.stringify(asked.body.card)).toMatch(/43\/31[\s\S]*Forslag til vedtak/);
    // "Vis toppnotat": the memo card.
    expect(JSON.stringify((await act('agenda.memo', sak)).body.card)).toContain('Toppnotat · sak 43/31');
    // "Gi innspill": the form, then the receipt; the author is the token's member, whatever the card says.
    expect(JSON.stringify((await act('innspill.form', sak)).body.card)).toContain('"verb":"innspill.create"');
    const given = await act('innspill.create', {
      ...sak,
      text: 'Gitt fra sidepanelet.',
      organisation: 'KS',
      authorId: 'aad-forfalsket',
    });
    expect(JSON.stringify(given.body.card)).toContain('Gitt fra sidepanelet.');
    const stored = (await store.listInnspill({ committee: 'NUIT', meeting: '3/2031', sak: '43/31' })).at(-1)!;
    expect(stored).toMatchObject({ authorId: 'aad-m1', authorName: 'Medlem 1', conversationId: CHAT });
    // What the panel does not take, and a call without a token, change nothing.
    expect(await act('poll.close', { pollId: '0123456789abcdef' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_action' },
    });
    expect((await act('innspill.create', { ...sak, text: 'Uten pålogging.' }, '')).status).toBe(401);
    const all = await store.listInnspill({ committee: 'NUIT', meeting: '3/2031', sak: '43/31' });
    expect(all.map((i) => i.text)).not.toContain('Uten pålogging.');
  });

  it('refuses a valid token of someone who is not in the chat', async () => {
    const outsider = signToken(jwks.key, { oid: 'aad-utenforstående' });
    for (const path of ['/api/panel/state', '/api/panel/events']) {
      const res = await status(path, `Bearer ${outsider}`);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({
        error: 'not_a_member',
        message: /ikke med i denne samtalen/,
      });
    }
  });
});

describe('chat membership, asked of Teams', () => {
  it('finds members in the chat roster through the stored conversation reference, and no one else', async () => {
    const connector = await startConnector();
    try {
      await store.saveConversation({
        id: CHAT,
        tenantId: TENANT,
        kind: 'groupChat',
        reference: {
          serviceUrl: connector.url,
          channelId: 'msteams',
          bot: { id: '28:motebot', name: 'Møtebot' },
          conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true },
        },
      });
      const logger = createLogger('silent');
      const members = new TeamsChatMembers({
        adapter: createAdapter(loadConfig({ LOG_LEVEL: 'silent' }), logger),
        appId: '',
        store,
        clock: systemClock,
        logger,
      });
      expect(await members.isMember(CHAT, 'aad-m1')).toBe(true);
      expect(await members.isMember(CHAT, 'aad-utenforstående')).toBe(false);
      expect(await members.isMember('19:ukjent@thread.v2', 'aad-m1')).toBe(false);
      // Asked once per chat and member within five minutes.
      const asked = connector.requests.length;
      await members.isMember(CHAT, 'aad-m1');
      expect(connector.requests.length).toBe(asked);
    } finally {
      await connector.close();
    }
  });
});
