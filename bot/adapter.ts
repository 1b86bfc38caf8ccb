// The Bot Framework adapter (CloudAdapter with configuration-based authentication) and the one
// place turn errors are handled: the member gets a short bokmål message with a reference, the
// logs get the details under the same reference. No stack trace ever reaches a chat.
import { randomUUID } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/logger.ts';
import { keepEntityProperties } from './entity-serialisation.ts';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  keepEntityProperties();
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, credentials));
  adapter.onTurnError = async (context, error) => {
    const reference = randomUUID().slice(0, 8);
    logger.error(
      {
        err: error,
        reference,
        activityType: context.activity.type,
        conversation: context.activity.conversation?.id,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(
        `Beklager, noe gikk galt hos meg. Prøv igjen om litt. Oppgi referanse ${reference} hvis du melder fra om feilen.`,
      );
    } catch (sendError) {
      logger.error({ err: sendError, reference }, 'could not tell the member about the error');
    }
  };
  return adapter;
}
