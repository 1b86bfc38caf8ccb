// Entry point: config, logger, store, answerer, adapter, bot, agenda schedule, HTTP server.
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/meetings/clock.ts';
import { openStore } from '../src/store/index.ts';
import { createAdapter } from './adapter.ts';
import { MotebotBot } from './motebot.ts';
import { createApp, listen } from './server.ts';
import { backgroundJobs, startTicking } from './background.ts';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const store = await openStore(config);
const answerer = await createAnswerer({ store, config, logger });
const adapter = createAdapter(config, logger);
const bot = new MotebotBot({ config, store, answerer, logger, clock: systemClock });
const shutdown = new AbortController();
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
logger.info(
  { port: config.PORT, dataDir: config.dataDir, mode: config.localMode ? 'local' : 'teams' },
  config.localMode
    ? `Møtebot kjører lokalt på http://127.0.0.1:${config.PORT}/api/messages (ingen app-id: bare tilkoblinger fra denne maskinen)`
    : `Møtebot kjører på port ${config.PORT}`,
);

const stop = () => {
  shutdown.abort();
  stopTicking();
  server.close();
  void store.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
