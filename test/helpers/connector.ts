// A local HTTP server standing in for the Bot Connector service at an activity's serviceUrl: it
// records what the bot sends, and serves files for Teams file-download attachments.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sent {
  conversationId: string;
  activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    entities?: unknown[];
  };
}

export interface Connector {
  url: string;
  sent: Sent[];
  files: Map<string, Uint8Array>;
  close(): Promise<void>;
  /** Resolves once `n` activities have arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<Sent[]>;
}

export async function startConnector(): Promise<Connector> {
  const sent: Sent[] = [];
  const files = new Map<string, Uint8Array>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const file = files.get(decodeURIComponent(url.pathname.slice('/files/'.length)));
      res.writeHead(file ? 200 : 404).end(file ? Buffer.from(file) : undefined);
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(url.pathname);
    if (req.method === 'POST' && m) {
      sent.push({ conversationId: decodeURIComponent(m[1]!), activity: JSON.parse(body) });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `sent-${sent.length}` }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    sent,
    files,
    close: () => new Promise((r) => server.close(() => r())),
    async waitFor(n, ms = 5000) {
      const until = Date.now() + ms;
      while (sent.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return sent;
    },
  };
}
