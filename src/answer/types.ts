// The answer contract shared by the CLI (`motebot ask --json`) and the Teams bot.
import type { PassageKind } from '../record/types.ts';

export interface Citation {
  committee: string;
  meeting: string;
  date: string | null;
  sak: string | null;
  title: string | null;
  source: string;
  kind: PassageKind;
  /** The quoted passage, for expanding a citation in a card. */
  quote?: string;
  /** Passage id in the store, for LLM citation checks and cards. */
  passageId?: string;
  page?: number;
  line?: number;
  /** The headings the quote stands under: its sak, then the memo section or decision. */
  headingPath?: string[];
}

export type Language = 'nb' | 'en';

export type Intent =
  'adopted_decision' | 'proposed_decision' | 'agenda' | 'meeting' | 'history' | 'discussion' | 'free_text';

/**
 * Why an answer abstains: nothing ingested, no sak matches, the time asked holds no meeting, the
 * record does not hold what the question is about, no evidence holds the thing asked for, or only a
 * proposal is known where the outcome was asked.
 */
export type AbstainReason =
  | 'empty'
  | 'no_match'
  | 'time'
  | 'after_record'
  | 'topic'
  | 'evidence'
  | 'outcome_unknown'
  | 'no_history'
  | 'no_meeting'
  | 'no_attendance';

export interface Answer {
  answer: string;
  citations: Citation[];
  abstained: boolean;
  /** Set when `abstained` is: why. */
  abstainedBecause?: AbstainReason;
  /** What the question was taken to ask. */
  intent: Intent;
  language: Language;
  /** True when an LLM wrote the answer text (cards then show the AI-generated label). */
  generated: boolean;
}

export interface AskOptions {
  /** Restrict to one committee / meeting / sak (e.g. "Spør om saken" on an agenda card). */
  committee?: string;
  meeting?: string;
  sak?: string;
}

/** One step of a topic's history: the sak (as its citation), what was proposed and adopted, and what its text says of the topic. */
export interface TimelineStep {
  citation: Citation;
  proposal: string | null;
  /** Null when the outcome is not in the documents. */
  decision: string | null;
  quotes: string[];
}

export interface Answerer {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** A topic's history across meetings and both committees, oldest first ("PLL", "SFM pricing"). */
  timeline(topic: string): Promise<TimelineStep[]>;
  /** Earlier saker of the record on the topic of this one, newest first, each with its decision. */
  earlierTreatments(ref: { committee: string; meeting: string; sak: string }): Promise<EarlierTreatment[]>;
}

/** An earlier sak on the same topic and what was decided there. */
export interface EarlierTreatment {
  committee: string;
  meeting: string;
  date: string;
  sak: string;
  title: string;
  adoptedDecision: string;
}
