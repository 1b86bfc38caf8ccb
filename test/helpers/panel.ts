// The meeting panel as tests reach it: the fixture meeting NUIT 3/2031 in a real store, a chat tied
// to it with 42/31 as the current sak, and the panel router alone in an express app over HTTP.
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { ChatMembers } from '../../bot/panel/chat-members.ts';
import type { PanelState } from '../../bot/panel/state.ts';
import { errorHandler, notFound } from '../../bot/edge/http-errors.ts';
import { createPanelRouter } from '../../bot/panel/routes.ts';
import { listen } from '../../bot/edge/server.ts';
import { createAnswerer } from '../../src/answer/index.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestBytes } from '../../src/ingest.ts';
import { createLogger } from '../../src/logger.ts';
import { systemClock } from '../../src/meetings/clock.ts';
import type { Poll } from '../../src/polls/types.ts';
import type { SqliteStore } from '../../src/store/sqlite.ts';

export const CHAT = '19:meeting_nuit-3-2031@thread.v2';
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/packages/nuit-3-2031.txt');

/** Ingests the fixture package and ties CHAT to its meeting, handling sak 42/31. */
export async function seedMeeting(store: SqliteStore): Promise<void> {
  const text = await readFile(FIXTURE, 'utf8');
  await ingestBytes(new TextEncoder().encode(text), 'nuit-3-2031.txt', { store, maxBytes: 1 << 20 });
  await store.setConversationMeeting({
    conversationId: CHAT,
    committee: 'NUIT',
    meeting: '3/2031',
    currentSak: '42/31',
    changedBy: 'aad-sekretær',
  });
}

export async function createPoll(store: SqliteStore, results: Poll['results'] = 'live'): Promise<Poll> {
  return store.createPoll({
    conversationId: CHAT,
    committee: 'NUIT',
    meeting: '3/2031',
    sak: '42/31',
    kind: 'single',
    question: 'Skal NUIT anbefale felles booking?',
    options: ['Ja', 'Nei', 'Vet ikke'],
    maxPicks: null,
    anonymous: false,
    results,
    closesAt: null,
    createdBy: 'aad-sekretær',
  });
}

export async function vote(store: SqliteStore, poll: Poll, member: number, choice: number): Promise<void> {
  await store.castVote({
    pollId: poll.id,
    voterKey: `aad-m${member}`,
    voterName: `Medlem ${member}`,
    answer: { choices: [choice] },
    votedAt: new Date().toISOString(),
  });
}

export interface PanelServer {
  url: string;
  server: Server;
}

/** A fixed roster: chat id → the aadObjectIds of its members. */
export function rosterOf(roster: Record<string, string[]>): ChatMembers {
  return { isMember: async (chat, member) => roster[chat]?.includes(member) ?? false };
}

/** The panel router (and the edge's error handler) in an express app of its own, on a free loopback port. */
export async function startPanel(opts: {
  store: SqliteStore;
  dir: string;
  env?: Record<string, string>;
  jwksUrl?: string;
  /** Routes of the test's own on the same origin (a stand-in Teams host page). */
  extra?: express.Router;
  /** Who is in which chat; by default everyone is in CHAT (the roster lookup is tested on its own). */
  members?: ChatMembers;
}): Promise<PanelServer> {
  const config = loadConfig({ DATA_DIR: opts.dir, LOG_LEVEL: 'silent', ...opts.env });
  const logger = createLogger('silent');
  const answerer = await createAnswerer({ store: opts.store, config, logger });
  const app = express();
  if (opts.extra) app.use(opts.extra);
  app.use(
    createPanelRouter({
      config,
      store: opts.store,
      answerer,
      clock: systemClock,
      logger,
      jwksUrl: opts.jwksUrl,
      members: opts.members ?? rosterOf({ [CHAT]: ['aad-m1', 'aad-sekretær'] }),
      shutdown: new AbortController().signal,
    }),
  );
  app.use(notFound, errorHandler(logger));
  const server = await listen(app, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The states of a server-sent event stream, one per "state" event. */
export async function* stateEvents(res: Response): AsyncGenerator<PanelState> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(event)?.[1];
      if (event.startsWith('event: state') && data) yield JSON.parse(data) as PanelState;
    }
  }
}
