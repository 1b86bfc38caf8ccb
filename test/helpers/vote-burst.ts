// A burst of card actions over HTTP, as many members clicking at once: activities posted to
// /api/messages over keep-alive connections, a fixed number in flight. With several bot instances
// the bodies alternate between them, and a request an instance never answered (it died) goes to the
// next one, as a load balancer does. Used by the several-instances test and `npm run bench`.
import { Agent, request } from 'node:http';

export const GROUP_CHAT = {
  id: '19:avstemning@thread.v2',
  conversationType: 'groupChat',
  tenantId: 'tenant-1',
};

/** Member `i`'s vote for option `choice` as Teams delivers it: an adaptiveCard/action invoke. */
export function voteActivity(
  serviceUrl: string,
  pollId: string,
  i: number,
  choice: number,
  conversation: Record<string, unknown> = GROUP_CHAT,
): string {
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `vote-${i}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:voter-${i}`, name: `Medlem ${i}`, aadObjectId: `aad-voter-${i}` },
    conversation,
    recipient: { id: '28:motebot', name: 'Møtebot' },
    channelData: { tenant: { id: 'tenant-1' } },
    value: {
      action: { type: 'Action.Execute', verb: 'poll.vote', data: { pollId, choice: String(choice) } },
    },
  });
}

export interface Reply {
  status: number;
  /** Which target answered (index into the targets). */
  target: number;
  body: string;
}

export interface BurstResult {
  perSecond: number;
  p50: number;
  p99: number;
  /** Bodies that got no 200 from any target. */
  failed: number;
  /** Per body, the reply that ended it; null when no target answered at all. */
  replies: (Reply | null)[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Posts each body once, body i to target i mod n, `connections` in flight per target. A request
 * that fails on the network moves on to the next target; one that got any HTTP status stays
 * answered. `onReply` sees each reply as it comes (a test kills an instance from there).
 */
export async function burst(
  targets: string[],
  bodies: string[],
  opts: { connections?: number; onReply?: (reply: Reply, done: number) => void } = {},
): Promise<BurstResult> {
  const connections = opts.connections ?? 16;
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: connections }));
  const post = (t: number, body: string) =>
    new Promise<Reply>((resolve, reject) => {
      const url = new URL(`${targets[t]}/api/messages`);
      const req = request(
        {
          agent: agents[t],
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (s: string) => (text += s));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, target: t, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const replies: (Reply | null)[] = bodies.map(() => null);
  const latencies: number[] = [];
  let next = 0;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections * targets.length }, async () => {
      while (next < bodies.length) {
        const i = next++;
        const t0 = performance.now();
        for (let k = 0; k < targets.length && !replies[i]; k++) {
          const reply = await post((i + k) % targets.length, bodies[i]!).catch(() => null);
          if (reply) replies[i] = reply;
        }
        latencies.push(performance.now() - t0);
        if (replies[i]) opts.onReply?.(replies[i], ++done);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agents.forEach((a) => a.destroy());
  latencies.sort((a, b) => a - b);
  return {
    perSecond: bodies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed: replies.filter((r) => r?.status !== 200).length,
    replies,
  };
}
