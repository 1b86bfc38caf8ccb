// Polls in a conversation: who may create and close one, which votes count, and what each member
// sees of the results. The Teams layer parses and draws; every decision about a poll is made here.
import { mayModerate, type Actor } from '../actor.ts';
import type { Clock } from '../meetings/clock.ts';
import { meetingName } from '../record/passages.ts';
import { ok, refuse, type Result } from '../refusals.ts';
import type { ConversationRecord, Store } from '../store/types.ts';
import { parseAnswer, type VoteData } from './answers.ts';
import { MAX_OPTIONS, parseQuickPoll } from './quick.ts';
import { tally, type PollResults } from './tally.ts';
import type { CountedAnswer, NewPoll, Poll, PollAnswer } from './types.ts';
import { VOTER_KEY_SECRET, voterKey } from './voter.ts';

export type PollStore = Pick<
  Store,
  | 'getConversationMeeting'
  | 'saveConversation'
  | 'createPoll'
  | 'getPoll'
  | 'latestOpenPoll'
  | 'latestPoll'
  | 'setPollActivity'
  | 'closePoll'
  | 'pollsDue'
  | 'castVote'
  | 'getVote'
  | 'countAnswers'
  | 'secret'
>;

/** What one viewer of a poll sees: their own answer, whether results show, whether they may close it. */
export interface PollViewer {
  answer: PollAnswer | null;
  seesResults: boolean;
  mayClose: boolean;
}

/** A poll as one viewer (or a shared screen) sees it: what cards/poll.ts draws. */
export interface PollView {
  poll: Poll;
  results: PollResults;
  viewer: PollViewer;
  /** "Sak 17/23 · NUIT-møte 2/2023" when the poll belongs to a sak. */
  context: string;
}

/** A poll's settings as a member gives them (the quick form or the card form). */
export interface PollDraft {
  kind: Poll['kind'];
  question: string;
  options: string[];
  maxPicks: number | null;
  anonymous: boolean;
  results: Poll['results'];
  /** Closes by itself after this many minutes; null or 0: closed by hand. */
  closeInMinutes: number | null;
}

const NOBODY: PollViewer = { answer: null, seesResults: false, mayClose: false };

/** Open polls a process keeps for voting (see `openPoll`); far more than are open at once. */
const OPEN_POLLS_KEPT = 1_000;

export class PollService {
  private readonly openPolls = new Map<string, Poll>();

  constructor(
    private readonly deps: {
      store: PollStore;
      clock: Clock;
      /** POLL_CREATORS: "moderators" keeps creating polls to the secretariat and the organiser. */
      creators: 'members' | 'moderators';
    },
  ) {}

  /** Whether this member may create polls here (asked before the form is shown, too). */
  mayCreate(actor: Actor): Result<true> {
    return this.deps.creators === 'members' || mayModerate(actor)
      ? ok(true)
      : refuse('poll_create_moderators_only');
  }

  /** "avstemning Spørsmål? | A | B": a single-choice (or keyword-picked) named poll. */
  async createQuick(actor: Actor, conversation: ConversationRecord, text: string): Promise<Result<PollView>> {
    const allowed = this.mayCreate(actor);
    if (!allowed.ok) return allowed;
    const quick = parseQuickPoll(text);
    if (!quick.ok) return quick;
    return this.create(actor, conversation, {
      ...quick.value,
      maxPicks: null,
      results: 'after_vote',
      closeInMinutes: null,
    });
  }

  /** A new poll, tied to the sak the conversation is handling; returns the card everyone gets first. */
  async create(actor: Actor, conversation: ConversationRecord, draft: PollDraft): Promise<Result<PollView>> {
    const allowed = this.mayCreate(actor);
    if (!allowed.ok) return allowed;
    const options = draft.options.map((s) => s.trim().slice(0, 100)).filter(Boolean);
    const needsOptions = draft.kind === 'single' || draft.kind === 'multi' || draft.kind === 'ranking';
    if (needsOptions && (options.length < 2 || options.length > MAX_OPTIONS))
      return refuse('poll_form_options', { max: MAX_OPTIONS });
    const { store, clock } = this.deps;
    const conversationId = conversation.id;
    const meeting = await store.getConversationMeeting(conversationId);
    // A poll that closes by itself posts its results later, into this conversation.
    await store.saveConversation(conversation);
    const minutes = draft.closeInMinutes ?? 0;
    const settings: NewPoll = {
      kind: draft.kind,
      question: draft.question.trim().slice(0, 300),
      options: needsOptions ? options : [],
      maxPicks: draft.kind === 'multi' && draft.maxPicks ? Math.min(draft.maxPicks, options.length) : null,
      anonymous: draft.anonymous,
      results: draft.results,
      closesAt: minutes > 0 ? new Date(clock.now().getTime() + minutes * 60_000).toISOString() : null,
      conversationId,
      committee: meeting?.committee ?? null,
      meeting: meeting?.meeting ?? null,
      sak: meeting?.currentSak ?? null,
      createdBy: actor.id,
    };
    return ok(await this.shared(await store.createPoll(settings)));
  }

  /** The posted card's activity, so closing the poll can replace it with the results. */
  async posted(pollId: string, activityId: string): Promise<void> {
    await this.deps.store.setPollActivity(pollId, activityId);
  }

  /**
   * A member's vote: their one row for this poll (a second vote replaces the first). Refused, and
   * nothing stored, for a poll of another conversation, a closed poll, or an answer the poll does
   * not allow. The card they get back shows their answer and the results they may see.
   */
  async vote(actor: Actor, conversationId: string, data: VoteData): Promise<Result<PollView>> {
    const { store, clock } = this.deps;
    const poll = await this.openPoll(data.pollId);
    if (!poll || poll.conversationId !== conversationId) return refuse('poll_not_found');
    if (poll.closedAt) return refuse('poll_closed');
    const answer = parseAnswer(poll, data);
    if (!answer.ok) return answer;
    // The store checks the poll is still open in the same transaction as the write.
    const counts = await store.castVote({
      pollId: poll.id,
      voterKey: await this.voterKeyOf(poll, actor),
      voterName: poll.anonymous ? null : actor.name,
      answer: answer.value,
      votedAt: clock.now().toISOString(),
    });
    if (!counts) {
      this.openPolls.delete(poll.id);
      return refuse('poll_closed');
    }
    // The answer just stored is the member's own, and the store counted it in: nothing to read back.
    return ok(await this.viewFor(actor, poll, answer.value, counts));
  }

  /** The poll as this member sees it now (a card's refresh). */
  async view(actor: Actor, conversationId: string, pollId: string): Promise<Result<PollView>> {
    const poll = await this.deps.store.getPoll(pollId);
    if (!poll || poll.conversationId !== conversationId) return refuse('poll_not_found');
    return ok(await this.viewFor(actor, poll));
  }

  /**
   * Closes a poll (its creator, the secretariat or the organiser), once: the results view to post,
   * with the poll card's activity to replace. Without an id, the conversation's latest open poll.
   */
  async close(actor: Actor, conversationId: string, pollId?: string): Promise<Result<PollView>> {
    const { store, clock } = this.deps;
    const poll = pollId ? await store.getPoll(pollId) : await store.latestOpenPoll(conversationId);
    if (!poll) return refuse(pollId ? 'poll_not_found' : 'poll_none_open');
    if (poll.conversationId !== conversationId) return refuse('poll_not_found');
    if (!this.mayClose(actor, poll)) return refuse('poll_close_not_allowed');
    if (!(await store.closePoll(poll.id, clock.now().toISOString()))) return refuse('poll_already_closed');
    return ok(await this.results((await store.getPoll(poll.id))!));
  }

  /** Closes the polls whose set time has come, each once (across processes): their results to post. */
  async closeDue(): Promise<PollView[]> {
    const { store, clock } = this.deps;
    const now = clock.now().toISOString();
    const closed: PollView[] = [];
    for (const due of await store.pollsDue(now))
      if (await store.closePoll(due.id, now)) closed.push(await this.results((await store.getPoll(due.id))!));
    return closed;
  }

  /**
   * The conversation's latest poll on a screen everyone watches (side panel, stage): results only
   * as the poll lets everyone see them.
   */
  async screen(conversationId: string): Promise<PollView | null> {
    const poll = await this.deps.store.latestPoll(conversationId);
    return poll && this.seenAs(poll, { ...NOBODY, seesResults: poll.results === 'live' });
  }

  /** The results everyone sees once a poll is closed. */
  async results(poll: Poll): Promise<PollView> {
    return this.seenAs(poll, { ...NOBODY, seesResults: true });
  }

  private mayClose(actor: Actor, poll: Poll): boolean {
    return actor.id === poll.createdBy || mayModerate(actor);
  }

  private async voterKeyOf(poll: Poll, actor: Actor): Promise<string> {
    return voterKey(poll, actor.id, await this.deps.store.secret(VOTER_KEY_SECRET));
  }

  /**
   * An open poll as a vote needs it, read once per process: its question, options and rules never
   * change after it is created, and whether it is still open is checked by the store with each
   * vote, so a copy read while it was open stays good for every later vote (a vote on a poll closed
   * since is refused by the store). A burst of votes on one poll then costs no read of it each.
   */
  private async openPoll(id: string): Promise<Poll | null> {
    const known = this.openPolls.get(id);
    if (known) return known;
    const poll = await this.deps.store.getPoll(id);
    if (poll && !poll.closedAt) {
      // Oldest first out: a Map iterates in insertion order.
      if (this.openPolls.size >= OPEN_POLLS_KEPT) this.openPolls.delete(this.openPolls.keys().next().value!);
      this.openPolls.set(id, poll);
    }
    return poll;
  }

  /** The card everyone sees before their own refresh: no answer, and results only when live. */
  private shared(poll: Poll): Promise<PollView> {
    return this.seenAs(poll, { ...NOBODY, seesResults: poll.results === 'live' });
  }

  private async viewFor(
    actor: Actor,
    poll: Poll,
    known?: PollAnswer,
    counts?: CountedAnswer[],
  ): Promise<PollView> {
    const mine =
      known ?? (await this.deps.store.getVote(poll.id, await this.voterKeyOf(poll, actor)))?.answer ?? null;
    return this.seenAs(
      poll,
      {
        answer: mine,
        seesResults: poll.results === 'live' || (poll.results === 'after_vote' && !!mine),
        mayClose: !poll.closedAt && this.mayClose(actor, poll),
      },
      counts,
    );
  }

  private async seenAs(poll: Poll, viewer: PollViewer, counts?: CountedAnswer[]): Promise<PollView> {
    return {
      poll,
      results: tally(poll, counts ?? (await this.deps.store.countAnswers(poll.id))),
      viewer,
      context: sakContext(poll),
    };
  }
}

function sakContext(poll: Poll): string {
  if (!poll.sak) return '';
  const meeting =
    poll.committee && poll.meeting ? meetingName({ committee: poll.committee, meeting: poll.meeting }) : '';
  return `Sak ${poll.sak}${meeting ? ` · ${meeting}` : ''}`;
}
