// The poll card (question, the member's inputs, their own answer, the results they may see) and the
// results card posted when a poll closes. The same template serves both.
import type { PollView, PollViewer } from '../src/polls/service.ts';
import type { PollResults } from '../src/polls/tally.ts';
import type { Poll, PollAnswer } from '../src/polls/types.ts';
import { clip, render, type CardJson } from './render.ts';

const KIND_LABEL: Record<Poll['kind'], string> = {
  single: 'Ett valg',
  multi: 'Flere valg',
  rating: 'Vurdering 1–5',
  ranking: 'Rangering',
  text: 'Fritekst',
  wordcloud: 'Ordsky',
};

/**
 * What is stored of a member's answer, said on every open poll (src/polls/voter.ts): an anonymous
 * poll keeps a keyed hash of poll and member, a named one the member's name.
 */
const PRIVACY = {
  anonymous:
    '🔒 Anonym: svaret ditt lagres under en nøkkel laget av avstemningen og deg med en hemmelig nøkkel, ikke under navnet ditt. Ingen, heller ikke sekretariatet, kan se hvem som svarte hva.',
  named: 'Navngitt: navnet ditt lagres med svaret, og sekretariatet kan se hvem som svarte hva.',
};

const VISIBILITY_LABEL: Record<Poll['results'], string> = {
  live: 'resultatene vises fortløpende',
  after_vote: 'resultatene vises når du har svart',
  after_close: 'resultatene vises når avstemningen lukkes',
};

function answerText(poll: Poll, a: PollAnswer): string {
  if ('choices' in a) return a.choices.map((i) => poll.options[i]).join(', ');
  if ('rating' in a) return String(a.rating);
  if ('ranking' in a) return a.ranking.map((i, n) => `${n + 1}. ${poll.options[i]}`).join(', ');
  if ('text' in a) return a.text;
  return a.words.join(', ');
}

/** The answer as the card's inputs hold it, so a member sees (and can change) what they gave. */
function inputValue(a: PollAnswer | null): string {
  if (!a) return '';
  if ('choices' in a) return a.choices.join(',');
  if ('rating' in a) return String(a.rating);
  if ('text' in a) return a.text;
  if ('words' in a) return a.words.join(', ');
  return '';
}

/** What a member submitted and was refused for: shown again, with why, so nothing they typed is lost. */
export interface PollDraft {
  values: Partial<Record<string, string>>;
  error: string;
}

/** The input values of a refused submission, for the input of the poll's kind. */
function draftValue(poll: Poll, draft: PollDraft | undefined): string | undefined {
  if (!draft) return undefined;
  const v = draft.values;
  if (poll.kind === 'single' || poll.kind === 'multi') return v.choice;
  if (poll.kind === 'rating') return v.rating;
  if (poll.kind === 'text') return v.text;
  if (poll.kind === 'wordcloud') return v.words;
  return undefined;
}

function participation(results: PollResults, members: number | null): string {
  const n = results.voters;
  return members ? `${n} av ${members} medlemmer har svart` : `${n} svar`;
}

function resultData(poll: Poll, r: PollResults) {
  const bars =
    poll.kind === 'rating' && r.rating
      ? r.rating.counts.map((count, i) => ({
          label: String(i + 1),
          count,
          percent: r.voters ? (count / r.voters) * 100 : 0,
        }))
      : poll.kind === 'ranking'
        ? r.ranking.map((x, i) => ({
            label: `${i + 1}. ${x.label}`,
            detail: `${x.average} poeng i snitt`,
            average: x.average,
            percent: (x.average / Math.max(1, poll.options.length)) * 100,
          }))
        : r.options;
  const top = r.words.slice(0, 15);
  return {
    bars: bars.map((b) => {
      const filled = Math.round(Math.max(0, Math.min(100, b.percent)));
      return {
        label: clip(b.label, 100),
        detail: 'detail' in b ? b.detail : `${b.count} (${Math.round(b.percent)} %)`,
        // What the chart plots: the votes, or a ranking's average points.
        value: 'count' in b ? b.count : b.average,
        filled,
        empty: 100 - filled,
      };
    }),
    words: top.map((w, i) => ({
      word: w.word,
      count: w.count,
      size: i === 0 ? 'ExtraLarge' : i < 3 ? 'Large' : i < 8 ? 'Medium' : 'Default',
    })),
    texts: r.texts.slice(-30).map((t) => clip(t, 300)),
    ratingLine: r.rating ? `Snitt ${r.rating.average}` : '',
  };
}

export function pollCard(
  poll: Poll,
  results: PollResults,
  viewer: PollViewer,
  opts: {
    members?: number | null;
    context?: string;
    /** Shown on a shared screen (meeting side panel or stage): no inputs or buttons. */
    screen?: boolean;
    /** A refused submission, shown again in the inputs with the reason. */
    draft?: PollDraft;
  } = {},
): CardJson {
  const draft = opts.draft;
  const open = !poll.closedAt;
  const screen = opts.screen ?? false;
  const shown = resultData(poll, results);
  const showResults = viewer.seesResults || !open;
  const participationLine =
    participation(results, opts.members ?? null) + (shown.ratingLine ? ` · ${shown.ratingLine}` : '');
  const settings = [
    KIND_LABEL[poll.kind] + (poll.kind === 'multi' && poll.maxPicks ? ` (høyst ${poll.maxPicks})` : ''),
    poll.anonymous ? 'anonym' : 'navngitt',
    open ? VISIBILITY_LABEL[poll.results] : 'lukket',
    open && poll.closesAt
      ? `lukkes ${new Date(poll.closesAt).toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' })}`
      : '',
  ].filter(Boolean);
  return render('poll', {
    heading: open ? 'Avstemning' : 'Resultat av avstemning',
    context: opts.context ?? '',
    question: poll.question,
    settings: settings.join(' · '),
    privacy: open && !screen ? PRIVACY[poll.anonymous ? 'anonymous' : 'named'] : '',
    inputs: open && !screen ? poll.kind : 'none',
    choices: poll.options.map((title, value) => ({ title, value: String(value) })),
    rankPlaces:
      poll.kind === 'ranking' && open
        ? poll.options.map((_, i) => ({
            id: `rank${i + 1}`,
            label: `${i + 1}. plass`,
            value:
              draft?.values[`rank${i + 1}`] ??
              (viewer.answer && 'ranking' in viewer.answer ? String(viewer.answer.ranking[i] ?? '') : ''),
          }))
        : [],
    mineValue: draftValue(poll, draft) ?? inputValue(viewer.answer),
    // Input.Rating takes a number; 0 shows no stars chosen.
    ratingValue:
      poll.kind === 'rating' ? Number(draftValue(poll, draft) ?? inputValue(viewer.answer)) || 0 : 0,
    error: draft?.error ?? '',
    mine: viewer.answer
      ? `Ditt svar: ${clip(answerText(poll, viewer.answer), 300)}${open ? ' – du kan endre det til avstemningen lukkes.' : ''}`
      : '',
    showResults,
    participation: participationLine,
    // A screen everyone watches sees how many have answered, but not the results before they may.
    waiting:
      screen && !showResults
        ? `${participation(results, opts.members ?? null)}. Resultatene vises når avstemningen lukkes.`
        : '',
    screen,
    ...shown,
    open,
    canClose: viewer.mayClose,
    voteTitle: viewer.answer ? 'Endre svar' : 'Send svar',
    pollId: poll.id,
  });
}

/** A poll as the poll service's view gives it: for one viewer, or (`screen`) for everyone watching. */
export function pollViewCard(
  view: PollView,
  opts: { members?: number | null; screen?: boolean; draft?: PollDraft } = {},
): CardJson {
  return pollCard(view.poll, view.results, view.viewer, { ...opts, context: view.context });
}
