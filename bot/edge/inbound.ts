// What an activity posted to /api/messages must be before a turn runs: an activity (its shape,
// checked with zod), from the Bot Connector (its token), answered where it may be (its serviceUrl)
// and from one allowed tenant. Each check refuses with the edge's coded error; none retries.
import type { Activity } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import { z } from 'zod';
import type { Config } from '../../src/config.ts';
import type { AuthenticateRequestResult, MotebotAdapter } from './adapter.ts';
import { HttpError } from './http-errors.ts';

const id = z.string().min(1).max(1_000);
const party = z.looseObject({ id });

/** The fields every turn relies on; the rest of the activity passes as Teams sent it. */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  channelId: id,
  // Replies are posted here: an http(s) URL, never a default the connector client would pick.
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2_000),
  from: party,
  recipient: party,
  conversation: z.looseObject({ id, tenantId: z.string().optional() }),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().optional() }).optional() }).optional(),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
});

type ParsedActivity = z.infer<typeof activitySchema>;

export function parseActivity(body: unknown): Activity & ParsedActivity {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) throw new HttpError('invalid_activity', z.prettifyError(parsed.error));
  // botbuilder's own fix-up: timestamps as dates, the raw strings kept.
  return validateAndFixActivity(parsed.data as unknown as Activity) as Activity & ParsedActivity;
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * In local mode replies may go to this machine (the Agents Playground) or a host named in
 * LOCAL_SERVICE_HOSTS only. In Teams mode the connector's token names the serviceUrl (checked in
 * `authenticate`).
 */
export function serviceUrlAllowed(config: Pick<Config, 'LOCAL_SERVICE_HOSTS'>, serviceUrl: string): boolean {
  const host = new URL(serviceUrl).hostname.toLowerCase();
  return LOOPBACK_HOSTS.test(host) || config.LOCAL_SERVICE_HOSTS.some((h) => h.toLowerCase() === host);
}

/**
 * The request's identity. Any failure of the token (missing, forged, expired, for another bot,
 * its keys unreachable) is a 401, and so is a token issued for another serviceUrl: the connector
 * signs the serviceUrl it sends from, so a reply can only go back there.
 */
export async function authenticate(
  adapter: MotebotAdapter,
  config: Pick<Config, 'localMode'>,
  activity: Activity,
  authHeader: string,
): Promise<AuthenticateRequestResult> {
  let auth: AuthenticateRequestResult;
  try {
    auth = await adapter.authenticate(activity, authHeader);
  } catch (err) {
    throw new HttpError('unauthorized', 'the Bot Framework token was refused', { cause: err });
  }
  if (!config.localMode && auth.claimsIdentity.getClaimValue('serviceurl') !== activity.serviceUrl)
    throw new HttpError('unauthorized', 'the token names another serviceUrl');
  return auth;
}

/**
 * The activity's tenant, when both places Teams gives it agree; refused when they disagree, or
 * when ALLOWED_TENANTS is set and does not hold it.
 */
export function checkTenant(config: Pick<Config, 'ALLOWED_TENANTS'>, activity: ParsedActivity): void {
  const fromChannel = activity.channelData?.tenant?.id;
  const fromConversation = activity.conversation.tenantId;
  if (fromChannel && fromConversation && fromChannel !== fromConversation)
    throw new HttpError('tenant_mismatch', `${fromChannel} ≠ ${fromConversation}`);
  const tenant = fromChannel ?? fromConversation;
  if (config.ALLOWED_TENANTS.length && !(tenant && config.ALLOWED_TENANTS.includes(tenant)))
    throw new HttpError('tenant_not_allowed', `tenant ${tenant ?? '(none)'}`);
}
