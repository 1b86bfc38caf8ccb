// A file sent in chat, fetched from its download URL as a stream: refused as soon as it grows past
// the size cap (whatever Content-Length claims), and aborted when it takes longer than the time
// limit or the caller gives up (shutdown), so a download that never finishes holds nothing.
import { MotebotError } from '../errors.ts';
import { refusalText, type Refusal } from '../refusals.ts';
import { megabytes } from './limits.ts';

/**
 * A download refused or failed: its message in bokmål for logs and the CLI, and the refusal, so a
 * chat can answer in the member's own language.
 */
export class DownloadError extends MotebotError {
  constructor(
    readonly refusal: Refusal,
    options?: { cause?: unknown },
  ) {
    super(
      refusal.code === 'download_too_large' ? 'file_too_large' : 'download_failed',
      refusalText(refusal),
      options,
    );
  }
}

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
    new DownloadError({
      code: 'download_too_large',
      params: { file: fileName, mb: megabytes(limits.maxBytes) },
    });
  try {
    const res = await fetch(url, { signal });
    if (!res.ok || !res.body)
      throw new DownloadError({ code: 'download_failed', params: { file: fileName } });
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
    const params = { file: fileName };
    if (limits.signal?.aborted) throw new DownloadError({ code: 'download_stopped', params }, { cause: err });
    if (timeout.aborted)
      throw new DownloadError(
        { code: 'download_timed_out', params: { ...params, seconds: limits.timeoutMs / 1000 } },
        { cause: err },
      );
    throw new DownloadError({ code: 'download_failed', params }, { cause: err });
  } finally {
    // Ends the response stream when it was left unread (refused early): the connection is freed.
    stop.abort();
  }
}
