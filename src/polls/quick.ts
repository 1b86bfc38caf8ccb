// The quick form of a poll: "avstemning Hvor skal vi legge kruttet? | Tilgjengelighet |
// Funksjonalitet | Innovasjon" — the question, then the options, separated by "|". Leading keywords
// pick another kind ("flervalg", "vurdering", "rangering", "fritekst", "ordsky") and make it
// anonymous ("anonym"), in either order.
import { ok, refuse, type Result } from '../refusals.ts';
import type { PollKind } from './types.ts';

const KIND_WORDS: Record<string, PollKind> = {
  flervalg: 'multi',
  multi: 'multi',
  vurdering: 'rating',
  rating: 'rating',
  rangering: 'ranking',
  ranking: 'ranking',
  fritekst: 'text',
  text: 'text',
  ordsky: 'wordcloud',
  wordcloud: 'wordcloud',
};

export const MAX_OPTIONS = 10;

/** Words that make a quick poll anonymous. */
const ANONYMOUS_WORDS = new Set(['anonym', 'anonymt', 'anonymous']);

export interface QuickPoll {
  kind: PollKind;
  anonymous: boolean;
  question: string;
  options: string[];
}

export function parseQuickPoll(text: string): Result<QuickPoll> {
  let rest = text.trim();
  let kind: PollKind = 'single';
  let anonymous = false;
  for (;;) {
    const first = /^(\S+)\s+/.exec(rest);
    const word = first?.[1]!.toLowerCase().replace(/:$/, '') ?? '';
    if (KIND_WORDS[word] && kind === 'single') kind = KIND_WORDS[word];
    else if (ANONYMOUS_WORDS.has(word) && !anonymous) anonymous = true;
    else break;
    rest = rest.slice(first![0].length);
  }
  const [question = '', ...options] = rest.split('|').map((s) => s.trim());
  const choices = options.filter(Boolean);
  if (!question) return refuse('poll_question_missing');
  const needsOptions = kind === 'single' || kind === 'multi' || kind === 'ranking';
  if (needsOptions && choices.length < 2) return refuse('poll_too_few_options');
  if (choices.length > MAX_OPTIONS) return refuse('poll_too_many_options', { max: MAX_OPTIONS });
  return ok({
    kind,
    anonymous,
    question: question.slice(0, 300),
    options: needsOptions ? choices.map((c) => c.slice(0, 100)) : [],
  });
}
