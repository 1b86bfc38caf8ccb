// The Bot Framework clients a turn gets are made once per bot app id, serviceUrl and audience, and
// every later turn from the same place gets the same ones; a request from elsewhere gets its own.
import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ReusingBotFrameworkAuthentication } from './reused-clients.ts';

const CONNECTOR = 'http://127.0.0.1:3978';
const OTHER_CONNECTOR = 'http://127.0.0.1:3979';

/** Local mode as the bot runs it without an app id: requests need no token. */
const localAuthentication = () =>
  new ReusingBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory({}));

const activity = (serviceUrl: string) =>
  ({ type: 'message', channelId: 'msteams', serviceUrl }) as Partial<Activity> as Activity;

describe('Bot Framework clients across turns', () => {
  it('gives every request from one serviceUrl the same connector client, and another serviceUrl its own', async () => {
    const auth = localAuthentication();
    const clientFor = async (serviceUrl: string) => {
      const result = await auth.authenticateRequest(activity(serviceUrl), '');
      return result.connectorFactory!.create(serviceUrl, result.audience);
    };
    const first = await clientFor(CONNECTOR);
    expect(await clientFor(CONNECTOR)).toBe(first);
    const other = await clientFor(OTHER_CONNECTOR);
    expect(other).not.toBe(first);
    expect([first, other].map((c) => (c as unknown as { baseUri: string }).baseUri)).toEqual([
      CONNECTOR,
      OTHER_CONNECTOR,
    ]);
  });

  it('gives proactive sends the client replies use, and every turn one user token client', async () => {
    const auth = localAuthentication();
    const { claimsIdentity, connectorFactory, audience } = await auth.authenticateRequest(
      activity(CONNECTOR),
      '',
    );
    const reply = await connectorFactory!.create(CONNECTOR, audience);
    expect(await auth.createConnectorFactory(claimsIdentity).create(CONNECTOR, audience)).toBe(reply);
    const tokens = await auth.createUserTokenClient(claimsIdentity);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(tokens);
  });
});
