// The child process a document is read in: bytes → text → record (src/record/build.ts). It runs
// with a heap cap of its own, so a file that needs too much memory or time ends this process, not
// the one that ingests it (src/documents/isolated.ts).
import type { ErrorCode } from '../errors.ts';
import { isMotebotError } from '../errors.ts';
import { buildRecord, type BuiltRecord } from '../record/build.ts';
import { extractText } from './index.ts';
import type { ReadLimits } from './limits.ts';
import type { DocumentFormat } from './types.ts';

export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  limits: ReadLimits;
}

export type ReadReply =
  | { ok: true; format: DocumentFormat; record: BuiltRecord }
  /** `detail` is for the log only: an unexpected error's own message. */
  | { ok: false; code: ErrorCode; message: string; detail?: string };

async function read({ bytes, fileName, limits }: ReadRequest): Promise<ReadReply> {
  try {
    const extracted = await extractText(bytes, fileName, limits);
    return {
      ok: true,
      format: extracted.format,
      record: buildRecord(extracted, fileName, limits.maxPassages),
    };
  } catch (err) {
    if (isMotebotError(err)) return { ok: false, code: err.code, message: err.message };
    return {
      ok: false,
      code: 'unreadable_file',
      message: `«${fileName}» kunne ikke leses inn.`,
      detail: err instanceof Error ? err.message : String(err),
    };
  }
}

process.on('message', (request: ReadRequest) => {
  void read(request).then((reply) => process.send!(reply));
});
// The reader lives as long as the process that started it.
process.on('disconnect', () => process.exit(0));
