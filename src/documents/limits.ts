// What reading one untrusted document may cost. A file breaking a limit is refused with its own
// error; the limits are settings (src/config.ts), these are their defaults.
import type { Config } from '../config.ts';

export interface ReadLimits {
  /** Largest file, as stored or sent. */
  maxBytes: number;
  /** Largest total of a DOCX's entries once unpacked. */
  maxUnzippedBytes: number;
  maxPages: number;
  maxTextChars: number;
  maxPassages: number;
  /** Heap of the process a document is read in. */
  memoryMb: number;
  timeoutMs: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 50 * MB,
  maxUnzippedBytes: 100 * MB,
  maxPages: 2_000,
  maxTextChars: 5_000_000,
  maxPassages: 20_000,
  memoryMb: 256,
  timeoutMs: 120_000,
};

export function readLimits(config: Config): ReadLimits {
  return {
    maxBytes: config.MAX_FILE_MB * MB,
    maxUnzippedBytes: config.MAX_UNZIPPED_MB * MB,
    maxPages: config.MAX_PAGES,
    maxTextChars: config.MAX_TEXT_CHARS,
    maxPassages: config.MAX_PASSAGES,
    memoryMb: config.READ_MEMORY_MB,
    timeoutMs: config.READ_TIMEOUT_SECONDS * 1000,
  };
}

export const megabytes = (n: number) => (n / MB).toFixed(1);
