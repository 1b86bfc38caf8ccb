// The quick form of a poll: "avstemning Hvor skal vi legge kruttet? | Tilgjengelighet |
// Funksjonalitet | Innovasjon" — the question, then the options, separated by "|". A leading
// keyword picks another kind: "flervalg", "vurdering", "rangering", "fritekst", "ordsky".
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

export type QuickPoll =
  { ok: true; kind: PollKind; question: string; options: string[] } | { ok: false; reason: string };

export function parseQuickPoll(text: string): QuickPoll {
  let rest = text.trim();
  let kind: PollKind = 'single';
  const first = /^(\S+)\s+/.exec(rest);
  const named = first ? KIND_WORDS[first[1]!.toLowerCase().replace(/:$/, '')] : undefined;
  if (named) {
    kind = named;
    rest = rest.slice(first![0].length);
  }
  const [question = '', ...options] = rest.split('|').map((s) => s.trim());
  const choices = options.filter(Boolean);
  if (!question)
    return { ok: false, reason: 'Skriv spørsmålet, for eksempel «avstemning Hva er viktigst? | A | B».' };
  const needsOptions = kind === 'single' || kind === 'multi' || kind === 'ranking';
  if (needsOptions && choices.length < 2)
    return {
      ok: false,
      reason: 'Gi minst to alternativer, skilt med «|»: «avstemning Hva er viktigst? | A | B».',
    };
  if (choices.length > MAX_OPTIONS) return { ok: false, reason: `Høyst ${MAX_OPTIONS} alternativer.` };
  return {
    ok: true,
    kind,
    question: question.slice(0, 300),
    options: needsOptions ? choices.map((c) => c.slice(0, 100)) : [],
  };
}
