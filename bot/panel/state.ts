// What the meeting side panel and stage show for one chat: the agenda with the current sak, the
// latest poll as everyone may see it, the innspill per sak and the open audience questions. Built
// from the store alone, so every bot process sharing the store shows the same.
import { createHash } from 'node:crypto';
import { agendaCard } from '../../cards/agenda.ts';
import { pollViewCard } from '../../cards/poll.ts';
import type { CardJson } from '../../cards/render.ts';
import type { Answerer } from '../../src/answer/types.ts';
import type { Config } from '../../src/config.ts';
import { agendaView, type AgendaView } from '../../src/meetings/agenda.ts';
import type { Clock } from '../../src/meetings/clock.ts';
import { PollService } from '../../src/polls/service.ts';
import { meetingLabel, meetingName } from '../../src/record/passages.ts';
import type { Store } from '../../src/store/types.ts';

export interface PanelState {
  conversationId: string;
  meeting: { committee: string; meeting: string; name: string } | null;
  currentSak: string | null;
  currentTitle: string | null;
  /** The agenda card (as in the chat) with the current sak marked; null when the meeting is not in the record. */
  agenda: CardJson | null;
  poll: { id: string; open: boolean; card: CardJson } | null;
  innspill: { sak: string; title: string; items: { id: number; by: string; text: string }[] }[];
  questions: { id: number; sak: string | null; text: string; by: string; upvotes: number }[];
}

export interface PanelStateDeps {
  store: Store;
  answerer: Answerer;
  clock: Clock;
  config: Pick<Config, 'POLL_CREATORS'>;
}

/**
 * Builds panel states. The agenda view (earlier treatments come from the search index) is the
 * costly part and changes only with the record, so it is kept per record revision and meeting.
 */
export class PanelStates {
  private readonly views = new Map<string, AgendaView | null>();
  private revision = -1;
  private readonly polls: PollService;

  constructor(private readonly deps: PanelStateDeps) {
    this.polls = new PollService({
      store: deps.store,
      clock: deps.clock,
      creators: deps.config.POLL_CREATORS,
    });
  }

  async of(conversationId: string): Promise<PanelState> {
    const { store } = this.deps;
    const chat = await store.getConversationMeeting(conversationId);
    const view = chat ? await this.agenda(chat.committee, chat.meeting) : null;
    const poll = await this.polls.screen(conversationId);
    const innspill = chat
      ? await store.listInnspill({ committee: chat.committee, meeting: chat.meeting })
      : [];
    const questions = await store.listQuestions({ conversationId });
    const titles = new Map(view?.items.map((i) => [i.sak, i.title]));
    const order = [...titles.keys()];
    const saker = [...new Set(innspill.map((i) => i.sak))].sort(
      (a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b),
    );
    return {
      conversationId,
      meeting: chat ? { committee: chat.committee, meeting: chat.meeting, name: meetingName(chat) } : null,
      currentSak: chat?.currentSak ?? null,
      currentTitle: (chat?.currentSak && titles.get(chat.currentSak)) || null,
      agenda: view ? agendaCard(view, { currentSak: chat?.currentSak }) : null,
      poll: poll && {
        id: poll.poll.id,
        open: !poll.poll.closedAt,
        card: pollViewCard(poll, { screen: true }),
      },
      innspill: saker.map((sak) => ({
        sak,
        title: titles.get(sak) ?? '',
        items: innspill
          .filter((i) => i.sak === sak)
          .map((i) => ({
            id: i.id,
            by: i.organisation ? `${i.authorName}, på vegne av ${i.organisation}` : i.authorName,
            text: i.text,
          })),
      })),
      questions: questions
        .filter((q) => q.status === 'open')
        .map((q) => ({
          id: q.id,
          sak: q.sak,
          text: q.text,
          by: q.anonymous ? 'Anonym' : (q.authorName ?? 'Anonym'),
          upvotes: q.upvotes,
        })),
    };
  }

  private async agenda(committee: string, label: string): Promise<AgendaView | null> {
    const revision = await this.deps.store.revision();
    // Views of an older record are stale for good.
    if (revision !== this.revision) this.views.clear();
    this.revision = revision;
    const key = `${committee}|${label}`;
    if (this.views.has(key)) return this.views.get(key)!;
    const meeting = (await this.deps.store.listMeetings()).find(
      (m) => m.role === 'innkalling' && m.committee === committee && meetingLabel(m) === label,
    );
    const view = meeting ? await agendaView(meeting, this.deps) : null;
    this.views.set(key, view);
    return view;
  }
}

/** Saker on the agenda first, in its order; others (an innspill on a sak since removed) after. */
function rank(order: string[], sak: string): number {
  const i = order.indexOf(sak);
  return i < 0 ? order.length : i;
}

/** Changes exactly when the state does: the event stream sends a new state only then. */
export function stateHash(state: PanelState): string {
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}
