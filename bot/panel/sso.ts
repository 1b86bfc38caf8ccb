// Teams SSO tokens on the meeting panel's API. The panel gets an Entra ID access token for the app
// from Teams (authentication.getAuthToken) and sends it as a bearer token; here its RS256
// signature is checked against Entra ID's published keys, and its issuer, audience, tenant and
// lifetime against the app's configuration. node:crypto does the signature: no JWT library needed.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/meetings/clock.ts';

export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
/** Entra ID rolls its keys every few weeks; a day-old copy is fresh enough. */
const KEYS_TTL_MS = 24 * 60 * 60_000;
/** An unknown key id may mean a new key: fetch again, but not more often than this. */
const REFETCH_AFTER_MS = 5 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const CLOCK_SKEW_S = 300;

/** Who the token was issued to. */
export interface SsoUser {
  oid: string;
  tid: string;
  name: string | null;
}

interface Jwk {
  kid?: string;
  kty?: string;
  n?: string;
  e?: string;
}

const ISSUERS = [
  (tid: string) => `https://login.microsoftonline.com/${tid}/v2.0`,
  (tid: string) => `https://sts.windows.net/${tid}/`,
];

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export class TeamsTokenVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private pending: Promise<void> | null = null;
  private readonly audiences: string[];

  constructor(
    private readonly deps: {
      config: Pick<
        Config,
        | 'MICROSOFT_APP_ID'
        | 'BOT_DOMAIN'
        | 'ALLOWED_TENANTS'
        | 'MICROSOFT_APP_TYPE'
        | 'MICROSOFT_APP_TENANT_ID'
      >;
      clock: Clock;
      logger: Logger;
      jwksUrl?: string;
    },
  ) {
    const appId = deps.config.MICROSOFT_APP_ID ?? '';
    this.audiences = [appId, `api://${deps.config.BOT_DOMAIN}/${appId}`];
  }

  /** The token's user when it is a valid SSO token for this app, else null. */
  async verify(token: string): Promise<SsoUser | null> {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [head, body, signature] = parts as [string, string, string];
    const header = decodePart(head);
    const claims = decodePart(body);
    if (!header || !claims || header.alg !== 'RS256' || typeof header.kid !== 'string') return null;
    const key = await this.key(header.kid);
    if (!key) return null;
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${head}.${body}`),
      key,
      Buffer.from(signature, 'base64url'),
    );
    if (!signed || !this.claimsValid(claims)) return null;
    return {
      oid: String(claims.oid ?? claims.sub),
      tid: String(claims.tid),
      name: typeof claims.name === 'string' ? claims.name : null,
    };
  }

  private claimsValid(c: Record<string, unknown>): boolean {
    const now = this.deps.clock.now().getTime() / 1000;
    const { config } = this.deps;
    const tid = typeof c.tid === 'string' ? c.tid : '';
    if (!tid || !ISSUERS.some((issuer) => issuer(tid) === c.iss)) return false;
    if (typeof c.aud !== 'string' || !this.audiences.includes(c.aud)) return false;
    if (typeof c.exp !== 'number' || c.exp + CLOCK_SKEW_S < now) return false;
    if (typeof c.nbf === 'number' && c.nbf - CLOCK_SKEW_S > now) return false;
    if (config.ALLOWED_TENANTS.length && !config.ALLOWED_TENANTS.includes(tid)) return false;
    if (config.MICROSOFT_APP_TYPE === 'SingleTenant' && config.MICROSOFT_APP_TENANT_ID)
      return tid === config.MICROSOFT_APP_TENANT_ID;
    return true;
  }

  private async key(kid: string): Promise<KeyObject | null> {
    const age = this.deps.clock.now().getTime() - this.fetchedAt;
    if (age > KEYS_TTL_MS || (!this.keys.has(kid) && age > REFETCH_AFTER_MS)) {
      // Concurrent requests share one fetch.
      this.pending ??= this.fetchKeys().finally(() => (this.pending = null));
      await this.pending;
    }
    return this.keys.get(kid) ?? null;
  }

  private async fetchKeys(): Promise<void> {
    const url = this.deps.jwksUrl ?? ENTRA_JWKS_URL;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const { keys } = (await res.json()) as { keys?: Jwk[] };
      const fresh = new Map<string, KeyObject>();
      for (const k of keys ?? [])
        if (k.kid && k.kty === 'RSA' && k.n && k.e)
          fresh.set(k.kid, createPublicKey({ key: { kty: 'RSA', n: k.n, e: k.e }, format: 'jwk' }));
      this.keys = fresh;
    } catch (err) {
      // Keep the keys we had; tokens signed with them still pass.
      this.deps.logger.warn({ err, url }, 'could not fetch the Entra ID signing keys');
    }
    this.fetchedAt = this.deps.clock.now().getTime();
  }
}
