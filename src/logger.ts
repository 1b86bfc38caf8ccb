// One structured logger (pino) for the whole process. Everything logs through it; nothing prints to
// the console except the CLI's own output.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  // Logs go to stderr so that `motebot ask --json` keeps stdout clean for its JSON.
  return pino({ level, base: { app: 'motebot' } }, destination ?? pino.destination(2));
}
