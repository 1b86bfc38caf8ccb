// A separate bot process running one round of the agenda schedule against a shared store, as a
// second bot instance would: `node --import tsx agenda-worker.ts` with DATA_DIR and
// AGENDA_LEAD_TIMES set. It prints "done" when the round is over.
import { createAdapter } from '../../bot/edge/adapter.ts';
import { backgroundJobs } from '../../bot/proactive/background.ts';
import { createAnswerer } from '../../src/answer/index.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { systemClock } from '../../src/meetings/clock.ts';
import { openStore } from '../../src/store/index.ts';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const store = await openStore(config);
const answerer = await createAnswerer({ store, config, logger });
await backgroundJobs({
  config,
  store,
  answerer,
  adapter: createAdapter(config, logger),
  logger,
  clock: systemClock,
}).agenda.tick();
await store.close();
process.stdout.write('done\n');
