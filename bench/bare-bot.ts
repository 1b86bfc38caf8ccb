// The yardstick for the vote burst: a botbuilder bot, behind the same adapter and JSON body parser
// as Møtebot, that answers the vote invoke with a fixed reply and does nothing else. Run as a
// script it listens on PORT (0: any free port) and logs the port as the bot does.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, type AdaptiveCardInvokeResponse } from 'botbuilder';
import express from 'express';
import { createAdapter } from '../bot/edge/adapter.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';

export function startBareBot(port = 0): Promise<Server> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const adapter = createAdapter(config, createLogger('silent'));
  const bot = new (class extends ActivityHandler {
    protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: {} };
    }
  })();
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
  return new Promise((resolve) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] === import.meta.filename) {
  const server = await startBareBot(Number(process.env.PORT ?? 0));
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
}
