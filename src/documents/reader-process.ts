// The child process a document is read in: bytes → text → record (src/record/build.ts). It runs
// with a heap cap of its own, so a file that needs too much memory or time ends this process, not
// the one that ingests it (src/documents/isolated.ts).
import type { ErrorCode } from '../errors.ts';
import { isMotebotError } from '../errors.ts';
import { buildRecord, type BuiltRecord } from '../record/build.ts';
import type { NewPassage } from '../record/passages.ts';
import { extractText } from './index.ts';
import type { ReadLimits } from './limits.ts';
import type { DocumentFormat } from './types.ts';

export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  limits: ReadLimits;
  /** False when only the meetings are wanted (`motebot inspect`): the passages stay here. */
  passages: boolean;
}

/**
 * The passages come first, a batch to a message, then the rest of the record: one message of a
 * large document's record would be serialised whole here and gathered whole again by the parent,
 * two copies the size of all its passages besides the passages themselves.
 */
export type ReadReply =
  | { kind: 'passages'; passages: NewPassage[] }
  | { kind: 'done'; ok: true; format: DocumentFormat; record: Omit<BuiltRecord, 'passages'> }
  /** `detail` is for the log only: an unexpected error's own message. */
  | { kind: 'done'; ok: false; code: ErrorCode; message: string; detail?: string };

const BATCH = 2_000;

/** Sends one message and waits until it has left, so batches are not queued up in memory. */
const send = (reply: ReadReply) =>
  new Promise<void>((resolve, reject) =>
    process.send!(reply, undefined, {}, (err: Error | null) => (err ? reject(err) : resolve())),
  );

async function read({ bytes, fileName, limits, passages: withPassages }: ReadRequest): Promise<void> {
  let built: BuiltRecord;
  let format: DocumentFormat;
  try {
    const extracted = await extractText(bytes, fileName, limits);
    format = extracted.format;
    built = buildRecord(extracted, fileName, limits.maxPassages);
  } catch (err) {
    await send(
      isMotebotError(err)
        ? { kind: 'done', ok: false, code: err.code, message: err.message }
        : {
            kind: 'done',
            ok: false,
            code: 'unreadable_file',
            message: `«${fileName}» kunne ikke leses inn.`,
            detail: err instanceof Error ? err.message : String(err),
          },
    );
    return;
  }
  const { passages, ...record } = built;
  if (withPassages)
    for (let at = 0; at < passages.length; at += BATCH)
      await send({ kind: 'passages', passages: passages.slice(at, at + BATCH) });
  await send({ kind: 'done', ok: true, format, record });
}

process.on('message', (request: ReadRequest) => void read(request));
// The reader lives as long as the process that started it.
process.on('disconnect', () => process.exit(0));
