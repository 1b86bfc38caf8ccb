// Untrusted documents are read in a child process with a heap cap and a time limit: a file that
// would exhaust memory or never finish ends that process and becomes the file's own error, while
// the process reading it (a folder ingest, the bot) goes on. A child process rather than a worker
// thread: a worker's heap cap does not hold for one large allocation, which takes the whole process
// down. One child serves file after file and is replaced after a failure.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MotebotError } from '../errors.ts';
import type { BuiltRecord } from '../record/build.ts';
import type { NewPassage } from '../record/passages.ts';
import type { Meeting } from '../record/types.ts';
import type { ReadLimits } from './limits.ts';
import type { ReadReply, ReadRequest } from './reader-process.ts';
import type { DocumentFormat } from './types.ts';

const BOOT = fileURLToPath(new URL('./reader-boot.js', import.meta.url));
const ENTRY = new URL('./reader-process.ts', import.meta.url).href;
/** What V8 prints when a heap runs out: the child's stderr tells an exhausted heap from a crash. */
const HEAP_EXHAUSTED = /heap out of memory|Reached heap limit/;

export interface ReadDocument {
  format: DocumentFormat;
  record: BuiltRecord;
}

/** A reading child and the end of its stderr, read when it dies. */
interface Reader {
  child: ChildProcess;
  stderr: string;
}

export class IsolatedReader {
  private current: Reader | null = null;

  constructor(private readonly limits: ReadLimits) {}

  /** Reads one document in the child process (one read at a time). */
  read(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
    return this.request(bytes, fileName, true);
  }

  /** The meetings of one document, read as `read` does; its passages are not sent back. */
  async meetings(bytes: Uint8Array, fileName: string): Promise<Meeting[]> {
    return (await this.request(bytes, fileName, false)).record.meetings;
  }

  private request(bytes: Uint8Array, fileName: string, withPassages: boolean): Promise<ReadDocument> {
    const reader = (this.current ??= this.start());
    const { child } = reader;
    const passages: NewPassage[] = [];
    return new Promise<ReadDocument>((resolve, reject) => {
      const settle = (outcome: () => void, broken: boolean) => {
        clearTimeout(timer);
        child.off('message', onMessage).off('close', onClose);
        if (broken) this.stop(reader);
        outcome();
      };
      const onMessage = (reply: ReadReply) => {
        if (reply.kind === 'passages') {
          for (const p of reply.passages) passages.push(p);
          return;
        }
        settle(
          () =>
            reply.ok
              ? resolve({ format: reply.format, record: { ...reply.record, passages } })
              : reject(
                  new MotebotError(reply.code, reply.message, reply.detail ? { cause: reply.detail } : {}),
                ),
          false,
        );
      };
      // 'close' comes after the child's stderr has ended, so all it printed is read.
      const onClose = (code: number | null, signal: string | null) =>
        settle(
          () =>
            reject(
              HEAP_EXHAUSTED.test(reader.stderr)
                ? new MotebotError(
                    'read_out_of_memory',
                    `«${fileName}» krever mer enn ${this.limits.memoryMb} MB minne å lese, og ble stoppet.`,
                  )
                : new MotebotError('unreadable_file', `«${fileName}» kunne ikke leses inn.`, {
                    cause: `reader exited (${signal ?? code}): ${reader.stderr.slice(-500)}`,
                  }),
            ),
          true,
        );
      const timer = setTimeout(
        () =>
          settle(
            () =>
              reject(
                new MotebotError(
                  'read_timeout',
                  `«${fileName}» tok mer enn ${this.limits.timeoutMs / 1000} sekunder å lese, og ble stoppet.`,
                ),
              ),
            true,
          ),
        this.limits.timeoutMs,
      );
      child.on('message', onMessage).once('close', onClose);
      const request: ReadRequest = { bytes, fileName, limits: this.limits, passages: withPassages };
      child.send(request);
    });
  }

  private start(): Reader {
    const child = fork(BOOT, [ENTRY], {
      execArgv: [`--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      // pdf.js warns on stdout; nothing a reader prints belongs in the CLI's output.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const reader: Reader = { child, stderr: '' };
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      reader.stderr = (reader.stderr + s).slice(-4000);
    });
    // A child that dies between reads is only replaced: no file was being read in it.
    child.on('close', () => {
      if (this.current === reader) this.current = null;
    });
    return reader;
  }

  private stop(reader: Reader): void {
    if (this.current === reader) this.current = null;
    reader.child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    const child = this.current?.child;
    this.current = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const closed = new Promise((r) => child.once('close', r));
    // An idle reader holds nothing worth a graceful end.
    child.kill();
    await closed;
  }
}
