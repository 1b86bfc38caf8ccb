// Entry point: config, logger, store, answerer, adapter, bot, agenda schedule, HTTP server, shutdown.
import type { AddressInfo } from 'node:net';
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { isMotebotError } from '../src/errors.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/meetings/clock.ts';
import { openStore } from '../src/store/index.ts';
import { createAdapter } from './edge/adapter.ts';
import { MotebotBot } from './turn/router.ts';
import { createApp, listen } from './edge/server.ts';
import { backgroundJobs, startTicking } from './proactive/background.ts';
import { stopOnSignals } from './edge/shutdown.ts';

/** A setting or a database that does not hold stops the start with its message, not a stack. */
async function orStop<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!isMotebotError(err)) throw err;
    process.stderr.write(`Møtebot kan ikke starte: ${err.message}\n`);
    process.exit(1);
  }
}

const config = await orStop(() => loadConfig());
const logger = createLogger(config.LOG_LEVEL);
const store = await orStop(() => openStore(config, logger));
const answerer = await createAnswerer({ store, config, logger });
const adapter = createAdapter(config, logger);
const shutdown = new AbortController();
const bot = new MotebotBot({
  config,
  store,
  answerer,
  logger,
  clock: systemClock,
  stopping: shutdown.signal,
});
const stopTicking = startTicking(
  backgroundJobs({ config, store, answerer, adapter, logger, clock: systemClock }),
  config.AGENDA_POLL_SECONDS * 1000,
  logger,
);
// Local mode listens on loopback only, so nothing outside this machine can reach it.
const server = await listen(
  createApp({ config, logger, adapter, bot, store, answerer, clock: systemClock, shutdown: shutdown.signal }),
  config.PORT,
  config.localMode ? '127.0.0.1' : undefined,
);
const { port } = server.address() as AddressInfo;
logger.info(
  { port, dataDir: config.dataDir, mode: config.localMode ? 'local' : 'teams' },
  config.localMode
    ? `Møtebot kjører lokalt på http://127.0.0.1:${port}/api/messages (ingen app-id: bare tilkoblinger fra denne maskinen)`
    : `Møtebot kjører på port ${port}`,
);

stopOnSignals({
  server,
  controller: shutdown,
  stopBackground: stopTicking,
  closeStore: () => store.close(),
  logger,
});
