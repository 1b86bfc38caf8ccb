// Who a vote belongs to. A named poll keeps the member's id; an anonymous one keeps only a keyed
// hash of poll and member (HMAC with a secret kept in the store), which still allows one vote per
// member but names no one, not even to someone holding the database without the key.
import { createHmac } from 'node:crypto';
import type { Poll } from './types.ts';

export const VOTER_KEY_SECRET = 'voter-key';

export function voterKey(poll: Pick<Poll, 'id' | 'anonymous'>, memberId: string, secret: string): string {
  return poll.anonymous
    ? createHmac('sha256', secret).update(`${poll.id}:${memberId}`).digest('hex')
    : memberId;
}

/** The key one member's upvotes and questions are kept under: never their id. */
export function memberHash(scope: string, memberId: string, secret: string): string {
  return createHmac('sha256', secret).update(`${scope}:${memberId}`).digest('hex');
}
