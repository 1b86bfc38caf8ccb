// Bot Framework channel tokens for tests: the OpenID configuration and signing keys the Bot
// Connector publishes, served from a local server with a key pair of our own, and tokens signed
// with it as the connector signs the requests it sends to /api/messages.
import { sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newKey } from './sso.ts';

export const BOT_APP_ID = '5a7d9e1f-3333-4c5d-8e6f-0123456789ef';
export const KID = 'bf-test-key';
const ISSUER = 'https://api.botframework.com';

export interface BotFrameworkKeys {
  /** The adapter's authentication settings: the public cloud's, with this server as its key source. */
  authSettings: Record<string, string | boolean>;
  key: KeyObject;
  close(): Promise<void>;
}

export async function startBotFrameworkKeys(): Promise<BotFrameworkKeys> {
  const pair = newKey();
  const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig' };
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify(req.url === '/keys' ? { keys: [jwk] } : { issuer: ISSUER, jwks_uri: `${base}/keys` }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    // botbuilder takes all of these or none, so the public cloud's values are spelled out.
    authSettings: {
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: ISSUER,
      ToBotFromChannelTokenIssuer: ISSUER,
      OAuthUrl: ISSUER,
      ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`,
      ToBotFromEmulatorOpenIdMetadataUrl:
        'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
      CallerId: 'urn:botframework:azure',
    },
    key: pair.privateKey,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A channel token for BOT_APP_ID naming `serviceUrl`; `over` changes any claim, `header` the JOSE header. */
export function channelToken(
  key: KeyObject,
  serviceUrl: string,
  over: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const head = part({ alg: 'RS256', typ: 'JWT', kid: KID, ...header });
  const body = part({
    iss: ISSUER,
    aud: BOT_APP_ID,
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
    ...over,
  });
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url')}`;
}

/** The same claims with `alg: none` and no signature, under the real key id. */
export function unsignedToken(serviceUrl: string): string {
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT', kid: KID })}.${part({ iss: ISSUER, aud: BOT_APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 })}.`;
}
