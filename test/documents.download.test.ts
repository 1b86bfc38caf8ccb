// Files sent in chat are downloaded as a stream with a size cap and a time limit, from a real
// local HTTP server that can stall or send without end.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, DownloadError } from '../src/documents/download.ts';
import { refusalText } from '../src/refusals.ts';

let server: Server;
let base: string;
/** Bytes the endless route had written when its client went away. */
let endlessWritten = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/stalls') {
      // Headers and a first chunk, then nothing, for ever.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(1024));
      return;
    }
    if (req.url === '/endless') {
      // No Content-Length: only counting the stream can stop it.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      endlessWritten = 0;
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (!res.destroyed && endlessWritten < 1 << 30) {
          endlessWritten += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
      return;
    }
    if (req.url === '/claims-huge') {
      res.writeHead(200, { 'content-length': String(1 << 30) });
      res.write(Buffer.alloc(10));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Møteinnkalling');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('downloading a file sent in chat', () => {
  it('returns the bytes of a file within the limits', async () => {
    const bytes = await download(`${base}/ok`, 'pakke.txt', { maxBytes: 1024, timeoutMs: 5000 });
    expect(new TextDecoder().decode(bytes)).toBe('Møteinnkalling');
  });

  it('aborts a download that never finishes when the time limit is reached', async () => {
    const started = Date.now();
    await expect(
      download(`${base}/stalls`, 'treg.pdf', { maxBytes: 1 << 20, timeoutMs: 300 }),
    ).rejects.toMatchObject({
      code: 'download_failed',
      message: '«treg.pdf» ble ikke lastet ned innen 0.3 sekunder. Prøv å sende den på nytt.',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says why in the member’s language: the refusal travels with the error', async () => {
    const err = await download(`${base}/stalls`, 'slow.pdf', { maxBytes: 1 << 20, timeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DownloadError);
    expect(refusalText((err as DownloadError).refusal, 'en')).toBe(
      '«slow.pdf» did not download within 0.2 seconds. Please send it again.',
    );
  });

  it('cuts a stream at the size cap instead of reading it to the end', async () => {
    const cap = 1 << 20;
    await expect(
      download(`${base}/endless`, 'uendelig.txt', { maxBytes: cap, timeoutMs: 10_000 }),
    ).rejects.toMatchObject({
      code: 'file_too_large',
      message: '«uendelig.txt» er for stor; største tillatte størrelse er 1.0 MB.',
    });
    // The server stopped soon after the cap: the connection was closed, not drained.
    await new Promise((r) => setTimeout(r, 100));
    expect(endlessWritten).toBeLessThan(64 * cap);
  });

  it('refuses at once a file whose Content-Length is over the cap', async () => {
    await expect(
      download(`${base}/claims-huge`, 'stor.pdf', { maxBytes: 1 << 20, timeoutMs: 10_000 }),
    ).rejects.toMatchObject({
      code: 'file_too_large',
    });
  });

  it('stops when the caller aborts (shutdown)', async () => {
    const stop = new AbortController();
    const pending = download(`${base}/stalls`, 'treg.pdf', {
      maxBytes: 1 << 20,
      timeoutMs: 60_000,
      signal: stop.signal,
    });
    setTimeout(() => stop.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'download_failed' });
  });
});
