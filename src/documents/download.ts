// A file sent in chat, fetched from its download URL as a stream: refused as soon as it grows past
// the size cap (whatever Content-Length claims), and aborted when it takes longer than the time
// limit or the caller gives up (shutdown), so a download that never finishes holds nothing.
import { MotebotError } from '../errors.ts';
import { megabytes } from './limits.ts';

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Aborts the download from outside, e.g. on shutdown. */
  signal?: AbortSignal;
}

export async function download(url: string, fileName: string, limits: DownloadLimits): Promise<Uint8Array> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const stop = new AbortController();
  const signal = AbortSignal.any([timeout, stop.signal, ...(limits.signal ? [limits.signal] : [])]);
  const tooLarge = () =>
    new MotebotError(
      'file_too_large',
      `«${fileName}» er for stor; største tillatte størrelse er ${megabytes(limits.maxBytes)} MB.`,
    );
  try {
    const res = await fetch(url, { signal });
    if (!res.ok || !res.body) {
      throw new MotebotError(
        'download_failed',
        `Jeg klarte ikke å laste ned «${fileName}» (HTTP ${res.status}). Prøv å sende den på nytt.`,
      );
    }
    if (Number(res.headers.get('content-length')) > limits.maxBytes) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const chunk = next.value;
      size += chunk.byteLength;
      if (size > limits.maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return bytes;
  } catch (err) {
    if (err instanceof MotebotError) throw err;
    if (limits.signal?.aborted) {
      throw new MotebotError(
        'download_failed',
        `Møtebot ble stoppet mens «${fileName}» ble lastet ned. Prøv å sende den på nytt om litt.`,
        { cause: err },
      );
    }
    if (timeout.aborted) {
      throw new MotebotError(
        'download_failed',
        `«${fileName}» ble ikke lastet ned innen ${limits.timeoutMs / 1000} sekunder. Prøv å sende den på nytt.`,
        { cause: err },
      );
    }
    throw new MotebotError(
      'download_failed',
      `Jeg klarte ikke å laste ned «${fileName}». Prøv å sende den på nytt.`,
      { cause: err },
    );
  } finally {
    // Ends the response stream when it was left unread (refused early): the connection is freed.
    stop.abort();
  }
}
