// The application layer in one bundle: one service per feature, each over the store's narrow port
// it needs and the clock. The bot builds it once; tests build it over a store of their own.
import { ActionPointService } from './actions/service.ts';
import type { Answerer } from './answer/types.ts';
import type { Config } from './config.ts';
import { FeedbackService } from './feedback/service.ts';
import { InnspillService } from './innspill/service.ts';
import { MeetingChatService } from './meetings/chat.ts';
import type { Clock } from './meetings/clock.ts';
import { SubscriptionService } from './meetings/subscriptions.ts';
import { MeetingSummaryService } from './meetings/summary.ts';
import { PollService } from './polls/service.ts';
import { QnaService } from './qna/service.ts';
import { DecisionRegister } from './register/register.ts';
import type { Store } from './store/types.ts';

export interface Services {
  polls: PollService;
  innspill: InnspillService;
  qna: QnaService;
  meetingChat: MeetingChatService;
  summary: MeetingSummaryService;
  subscriptions: SubscriptionService;
  feedback: FeedbackService;
  register: DecisionRegister;
  actions: ActionPointService;
}

export function createServices(deps: {
  store: Store;
  clock: Clock;
  answerer: Pick<Answerer, 'earlierTreatments'>;
  config: Pick<Config, 'POLL_CREATORS'>;
}): Services {
  const { store, clock } = deps;
  return {
    polls: new PollService({ store, clock, creators: deps.config.POLL_CREATORS }),
    innspill: new InnspillService({ store, clock }),
    qna: new QnaService({ store }),
    meetingChat: new MeetingChatService({ store, clock, history: deps.answerer }),
    summary: new MeetingSummaryService({ store }),
    subscriptions: new SubscriptionService({ store }),
    feedback: new FeedbackService({ store }),
    register: new DecisionRegister({ store }),
    actions: new ActionPointService({ store }),
  };
}
