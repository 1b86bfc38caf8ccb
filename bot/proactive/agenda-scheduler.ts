// Posts agenda cards before each meeting into the conversations that follow its committee. The
// durable job table in the store is the schedule: every tick plans the posts the record and the
// subscriptions call for, claims the due ones (atomically, so two bot processes never post the
// same one), sends them, and updates cards already posted when a re-ingest changed the agenda.
import { randomUUID } from 'node:crypto';
import { cardActivity } from '../activity.ts';
import { agendaCard } from '../../cards/agenda.ts';
import type { Answerer } from '../../src/answer/types.ts';
import type { Logger } from '../../src/logger.ts';
import { agendaHash, agendaView, type AgendaView } from '../../src/meetings/agenda.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import { meetingKey, planAgendaPosts, type LeadTime } from '../../src/meetings/schedule.ts';
import type { AgendaPost, Store } from '../../src/store/types.ts';
import { ConversationGoneError, type ProactiveSender } from './sender.ts';

/** A claim outlives the longest send (retries included); after it, another process may take over. */
const LEASE_MS = 10 * 60_000;
/** Tries of one post (each after its lease ran out) before it is given up as failed. */
const MAX_ATTEMPTS = 3;

export class AgendaScheduler {
  private readonly owner = randomUUID();
  /** The record revision and subscriptions the posts were last planned for. */
  private plannedFor = '';
  /** Record revision whose agendas were last compared with the posted cards. */
  private checkedRevision = -1;

  constructor(
    private readonly deps: {
      store: Store;
      answerer: Answerer;
      sender: ProactiveSender;
      logger: Logger;
      clock: Clock;
      leads: LeadTime[];
    },
  ) {}

  /** One round: plan, post what is due, update what changed. */
  async tick(): Promise<void> {
    const views = new Map<string, Promise<AgendaView | null>>();
    const viewOf = (key: string) => {
      let v = views.get(key);
      if (!v) views.set(key, (v = this.view(key)));
      return v;
    };
    await this.plan();
    await this.postDue(viewOf);
    await this.updateChanged(viewOf);
  }

  /**
   * Plans what the record and the subscriptions call for. Reading every meeting is the costly part
   * of a round, and the plan only changes with them, so a round with neither changed skips it.
   */
  private async plan(): Promise<void> {
    const { store, leads, clock } = this.deps;
    const [revision, subscriptions] = await Promise.all([
      store.revision(),
      store.listSubscriptions({ activeOnly: true }),
    ]);
    const basis = JSON.stringify([revision, subscriptions.map((s) => [s.conversationId, s.committee])]);
    if (basis === this.plannedFor) return;
    const meetings = await store.listMeetings({ summary: true });
    await store.planAgendaPosts(planAgendaPosts(meetings, subscriptions, leads, clock.now()));
    this.plannedFor = basis;
  }

  private async view(key: string): Promise<AgendaView | null> {
    const meeting = (await this.deps.store.listMeetings()).find(
      (m) => m.role === 'innkalling' && meetingKey(m) === key,
    );
    return meeting ? agendaView(meeting, this.deps) : null;
  }

  private async postDue(viewOf: (key: string) => Promise<AgendaView | null>): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const claimed = await store.claimAgendaPosts(
      now.toISOString(),
      this.owner,
      new Date(now.getTime() + LEASE_MS).toISOString(),
    );
    // Conversations in parallel; posts within one conversation in order.
    const byConversation = new Map<string, AgendaPost[]>();
    for (const p of claimed)
      byConversation.set(p.conversationId, [...(byConversation.get(p.conversationId) ?? []), p]);
    await Promise.all(
      [...byConversation.values()].map(async (posts) => {
        for (const post of posts) await this.post(post, await viewOf(post.meetingKey));
      }),
    );
  }

  private async post(post: AgendaPost, view: AgendaView | null): Promise<void> {
    const { store, sender, logger } = this.deps;
    const jobId = `agenda-post-${post.id}`;
    const conversation = await store.getConversation(post.conversationId);
    if (!conversation || !view) {
      const error = conversation ? 'the meeting is no longer in the record' : 'unknown conversation';
      await store.finishAgendaPost(post.id, this.owner, { status: 'failed', error });
      logger.warn({ jobId, error }, 'agenda post given up');
      return;
    }
    try {
      const activityId = await sender.send(conversation.reference, cardActivity(agendaCard(view)), jobId);
      await store.finishAgendaPost(post.id, this.owner, {
        status: 'sent',
        activityId,
        cardHash: agendaHash(view),
      });
    } catch (err) {
      if (err instanceof ConversationGoneError) {
        await this.endSubscriptions(post.conversationId);
        await store.finishAgendaPost(post.id, this.owner, { status: 'failed', error: 'bot removed (403)' });
        return;
      }
      logger.error({ err, jobId, attempts: post.attempts }, 'agenda post failed');
      // Left claimed, the post is tried again when its lease runs out, up to MAX_ATTEMPTS tries.
      if (post.attempts >= MAX_ATTEMPTS)
        await store.finishAgendaPost(post.id, this.owner, { status: 'failed', error: String(err) });
    }
  }

  private async endSubscriptions(conversationId: string): Promise<void> {
    const { store, logger } = this.deps;
    for (const s of await store.listSubscriptions({ conversationId, activeOnly: true })) {
      await store.setSubscription({ ...s, active: false, changedBy: 'motebot', endedReason: 'removed' });
      logger.warn(
        { conversation: conversationId, committee: s.committee },
        'Teams refused a post (403): subscription deactivated',
      );
    }
  }

  private async updateChanged(viewOf: (key: string) => Promise<AgendaView | null>): Promise<void> {
    const { store, sender, logger, clock } = this.deps;
    const revision = await store.revision();
    if (revision === this.checkedRevision) return;
    let complete = true;
    for (const post of await store.listSentAgendaPosts(clock.now().toISOString())) {
      const view = await viewOf(post.meetingKey);
      const conversation = await store.getConversation(post.conversationId);
      if (!view || !conversation || !post.activityId) continue;
      const hash = agendaHash(view);
      if (hash === post.cardHash) continue;
      const jobId = `agenda-update-${post.id}`;
      try {
        await sender.update(
          conversation.reference,
          post.activityId,
          cardActivity(agendaCard(view, { updated: true })),
          jobId,
        );
        await store.setAgendaPostCard(post.id, hash);
      } catch (err) {
        if (err instanceof ConversationGoneError) await this.endSubscriptions(post.conversationId);
        else {
          logger.error({ err, jobId }, 'agenda card update failed');
          complete = false;
        }
      }
    }
    // After a failed update the next round compares again.
    if (complete) this.checkedRevision = revision;
  }
}
