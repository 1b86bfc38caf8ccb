// One error base for the domain: a typed code for logs and tests, and a message a person can act on.

export const ERROR_CODES = [
  'unsupported_type',
  'empty_file',
  'corrupt_file',
  'encrypted_file',
  'file_too_large',
  'too_much_content',
  'read_timeout',
  'read_out_of_memory',
  'download_failed',
  'unreadable_file',
  'no_meeting_found',
  'invalid_config',
  'store_failure',
  'not_found',
  'forbidden',
  'invalid_input',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class MotebotError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MotebotError';
    this.code = code;
  }
}

export function isMotebotError(err: unknown): err is MotebotError {
  return err instanceof MotebotError;
}
