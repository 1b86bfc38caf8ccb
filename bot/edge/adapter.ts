// The Bot Framework adapter (CloudAdapter with configuration-based authentication) and the one
// place turn errors are handled: the member gets a short bokmål message with a reference, the
// logs get the details under the same reference. No stack trace ever reaches a chat.
import { randomUUID } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { keepEntityProperties } from './entity-serialisation.ts';
import { ReusingBotFrameworkAuthentication } from './reused-clients.ts';

/** Who sent a request, as the Bot Framework authentication found it (botbuilder does not export the type). */
export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * CloudAdapter with its two steps apart: the HTTP edge authenticates the request first (so every
 * token refusal is its 401, never botbuilder's 500) and runs the turn only for what passed.
 */
export class MotebotAdapter extends CloudAdapter {
  /** The request's Bot Framework identity; throws when the token is missing or invalid. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an authenticated activity; an invoke's response comes back. */
  runTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createAdapter(
  config: Config,
  logger: Logger,
  /**
   * Bot Framework authentication settings, by botbuilder's names; the public cloud's when absent.
   * Tests give the public cloud's with a key source of their own.
   */
  authSettings: Record<string, string | boolean> = {},
): MotebotAdapter {
  keepEntityProperties();
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  });
  const adapter = new MotebotAdapter(new ReusingBotFrameworkAuthentication(authSettings, credentials));
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
