// A local HTTP server that speaks the OpenAI wire format (chat completions and embeddings), playing
// whatever model a test describes. Real HTTP, so the `openai` client's request shape, timeouts and
// error handling are part of what is tested.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

/** What the model does with one request: answer after a delay, fail with a status, or reply. */
export interface Reply {
  delayMs?: number;
  status?: number;
  content?: string;
}

export interface FakeModel {
  /** The base URL to give as OPENAI_BASE_URL. */
  url: string;
  /** Every chat request, in order. */
  requests: ChatRequest[];
  /** How many texts have been embedded. */
  embedded: () => number;
  /** Sets what the model does with the next requests. */
  behave(b: (req: ChatRequest) => Reply): void;
  close(): Promise<void>;
}

/** A small deterministic embedding: hashed word counts, so similar texts get similar vectors. */
function bagOfWords(text: string): number[] {
  const v = new Array<number>(32).fill(0);
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    let h = 0;
    for (const ch of w) h = (h * 31 + ch.charCodeAt(0)) % 32;
    v[h]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

async function body(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += chunk;
  return s;
}

/** The user message of a request: what the model is given as data and question. */
export function userMessage(req: ChatRequest): string {
  return req.messages.at(-1)!.content;
}

/** The passage ids the model was shown, read back from the request. */
export function shownIds(req: ChatRequest): string[] {
  return [...userMessage(req).matchAll(/<passage id="(P\d+)"/g)].map((m) => m[1]!);
}

/** A reply of claims, as the model's JSON. */
export function claims(...list: { text: string; passage_ids: string[] }[]): Reply {
  return { content: JSON.stringify({ abstain: false, claims: list }) };
}

export async function startFakeModel(): Promise<FakeModel> {
  const requests: ChatRequest[] = [];
  let embedded = 0;
  let behaviour: (req: ChatRequest) => Reply = () => ({ content: '{"abstain": true, "claims": []}' });
  const server = createServer(async (req, res) => {
    if (req.url?.endsWith('/embeddings')) {
      const { input } = JSON.parse(await body(req)) as { input: string[] };
      embedded += input.length;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model: 'test-embedding',
          data: input.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWords(text) })),
          usage: { prompt_tokens: 0, total_tokens: 0 },
        }),
      );
      return;
    }
    const parsed = JSON.parse(await body(req)) as ChatRequest;
    requests.push(parsed);
    const b = behaviour(parsed);
    if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
    if (res.destroyed) return;
    res.writeHead(b.status ?? 200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 0,
        model: parsed.model,
        choices: [
          { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: b.content ?? '' } },
        ],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    embedded: () => embedded,
    behave: (b) => {
      behaviour = b;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
