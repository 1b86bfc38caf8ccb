// Entry point: config, logger, store, answerer, adapter, bot, agenda schedule, HTTP server.
import { createAnswerer } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/meetings/clock.ts';
import { openStore } from '../src/store/index.ts';
import { createAdapter } from './adapter.ts';
import { AgendaScheduler } from './agenda-scheduler.ts';
import { MotebotBot } from './motebot.ts';
import { PollTimer } from './poll-timer.ts';
import { ProactiveSender } from './proactive.ts';
import { createApp, listen } from './server.ts';
import { startTicking } from './ticker.ts';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const store = await openStore(config);
const answerer = await createAnswerer({ store, config, logger });
const adapter = createAdapter(config, logger);
const bot = new MotebotBot({ config, store, answerer, logger, clock: systemClock });
const sender = new ProactiveSender({
  adapter,
  appId: config.MICROSOFT_APP_ID ?? '',
  clock: systemClock,
  logger,
});
const scheduler = new AgendaScheduler({
  store,
  answerer,
  sender,
  logger,
  clock: systemClock,
  leads: config.leadTimes,
});
const stopTicking = startTicking(
  { agenda: scheduler, polls: new PollTimer({ store, sender, logger, clock: systemClock }) },
  config.AGENDA_POLL_SECONDS * 1000,
  logger,
);
// Local mode listens on loopback only, so nothing outside this machine can reach it.
const server = await listen(
  createApp({ config, logger, adapter, bot, store, answerer, clock: systemClock }),
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
  stopTicking();
  server.close();
  void store.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
