// A local HTTP server standing in for the Bot Connector service at an activity's serviceUrl: it
// records what the bot sends (new activities and in-place updates), serves files for Teams
// file-download attachments, and can be told to fail the next requests (429 with Retry-After, 403…).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sent {
  conversationId: string;
  /** Set for an update (PUT) of an earlier activity. */
  updates?: string;
  /** The id the stand-in gave a new activity. */
  id: string;
  activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    entities?: unknown[];
  };
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
}

export interface Connector {
  url: string;
  /** Activities accepted (2xx), in order. */
  sent: Sent[];
  /** Every request to the activities API and every member lookup, with the status it got. */
  requests: { method: string; conversationId: string; status: number }[];
  files: Map<string, Uint8Array>;
  /** The names of the files asked for, served or not, in order. */
  downloads: string[];
  /** The members every conversation has (Teams' paged members API); five by default. */
  members: { id: string; name: string; aadObjectId: string }[];
  /** Answers the next requests to the activities API with these failures, in order. */
  failNext(...failures: Failure[]): void;
  close(): Promise<void>;
  /** Resolves once `n` activities have arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<Sent[]>;
}

export async function startConnector(): Promise<Connector> {
  const sent: Sent[] = [];
  const requests: Connector['requests'] = [];
  const failures: Failure[] = [];
  const files = new Map<string, Uint8Array>();
  const downloads: string[] = [];
  const members = Array.from({ length: 5 }, (_, i) => ({
    id: `29:m${i}`,
    name: `Medlem ${i}`,
    aadObjectId: `aad-m${i}`,
  }));
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const name = decodeURIComponent(url.pathname.slice('/files/'.length));
      downloads.push(name);
      const file = files.get(name);
      res.writeHead(file ? 200 : 404).end(file ? Buffer.from(file) : undefined);
      return;
    }
    const one = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const id = decodeURIComponent(one[1]!);
      const member = members.find((m) => m.id === id || m.aadObjectId === id);
      requests.push({
        method: 'GET',
        conversationId: decodeURIComponent(url.pathname.split('/')[3]!),
        status: member ? 200 : 404,
      });
      res
        .writeHead(member ? 200 : 404, { 'content-type': 'application/json' })
        .end(JSON.stringify(member ?? { error: { code: 'MemberNotFoundInConversation' } }));
      return;
    }
    if (req.method === 'GET' && /^\/v3\/conversations\/[^/]+\/pagedmembers$/.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ members }));
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(url.pathname);
    if ((req.method === 'POST' || req.method === 'PUT') && m) {
      const conversationId = decodeURIComponent(m[1]!);
      const failure = failures.shift();
      requests.push({ method: req.method, conversationId, status: failure?.status ?? 200 });
      if (failure) {
        res
          .writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers })
          .end(
            JSON.stringify({ error: { code: 'Failure', message: `stand-in answered ${failure.status}` } }),
          );
        return;
      }
      const updates = req.method === 'PUT' && m[2] ? decodeURIComponent(m[2]) : undefined;
      const id = updates ?? `sent-${sent.length + 1}`;
      sent.push({ conversationId, id, ...(updates ? { updates } : {}), activity: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    sent,
    requests,
    files,
    downloads,
    members,
    failNext: (...f) => failures.push(...f),
    close: () => new Promise((r) => server.close(() => r())),
    async waitFor(n, ms = 5000) {
      const until = Date.now() + ms;
      while (sent.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return sent;
    },
  };
}
