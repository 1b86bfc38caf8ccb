// Stopping the bot process on SIGTERM or SIGINT, within SHUTDOWN_DEADLINE_MS: no new requests,
// the shutdown signal aborted (open event streams end on it; downloads and other in-flight work
// can hook into it), the background rounds stopped, requests in flight given a moment to finish,
// then the store closed and the process ended. Whatever is cut loses nothing committed: each
// store write is one SQLite transaction, and agenda posts are leased jobs another run picks up.
import type { Server } from 'node:http';
import type { Logger } from '../../src/logger.ts';

/** What a platform (Kubernetes, systemd, Azure App Service) allows before it kills the process. */
const SHUTDOWN_DEADLINE_MS = 5_000;
/** Requests still running after this are cut, leaving time to close the store before the deadline. */
const DRAIN_MS = 3_000;

export interface Stoppable {
  server: Server;
  /** Aborted first: everything long-lived listens to its signal. */
  controller: AbortController;
  stopBackground(): void;
  closeStore(): Promise<void>;
  logger: Logger;
}

/** Stops once, however many signals arrive; ends the process with 0, or 1 when something failed. */
export function stopOnSignals(parts: Stoppable): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Exits explicitly: a timer or socket somewhere must not keep a stopped bot alive.
    void shutDown(parts, signal).then((code) => process.exit(code));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function shutDown(parts: Stoppable, signal: NodeJS.Signals): Promise<number> {
  const { server, controller, logger } = parts;
  logger.info({ signal }, 'Møtebot stopper');
  const deadline = setTimeout(() => {
    logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting anyway');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  try {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    controller.abort();
    parts.stopBackground();
    server.closeIdleConnections();
    const drain = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    await closed;
    clearTimeout(drain);
    await parts.closeStore();
    logger.info('Møtebot har stoppet');
    return 0;
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    return 1;
  } finally {
    clearTimeout(deadline);
  }
}
