// Teams SSO tokens for tests: a key pair of our own, its JWKS served from a local server in place
// of Entra ID's, and tokens signed with it as Entra ID would issue them to the panel.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const APP_ID = '3f1c2b4a-1111-4a2b-9c3d-0123456789ab';
export const TENANT = '7e1a0b2c-2222-4b3c-8d4e-0123456789cd';
export const DOMAIN = 'motebot.example.no';
export const SSO_ENV = { MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: DOMAIN };

export interface Jwks {
  url: string;
  key: KeyObject;
  server: Server;
}

export const newKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

export async function startJwks(): Promise<Jwks> {
  const pair = newKey();
  const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig' };
  const server = createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`,
    key: pair.privateKey,
    server,
  };
}

/** An Entra ID v2 access token for the app's SSO resource; `over` changes any claim. */
export function signToken(key: KeyObject, over: Record<string, unknown> = {}, kid = 'test-key'): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = part({ alg: 'RS256', typ: 'JWT', kid });
  const body = part({
    aud: `api://${DOMAIN}/${APP_ID}`,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    tid: TENANT,
    oid: 'aad-m1',
    name: 'Medlem 1',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...over,
  });
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url')}`;
}
