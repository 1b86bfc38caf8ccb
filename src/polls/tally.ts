// Results of a poll, always computed from the stored votes (one row per member, identical answers
// counted together by the store), never kept as a running count: whatever the order or repetition
// of votes, the tally is the same.
import type { CountedAnswer, Poll } from './types.ts';

export interface OptionResult {
  label: string;
  count: number;
  /** Share of voters who picked it, 0–100. */
  percent: number;
}

export interface PollResults {
  voters: number;
  /** single and multi: each option, in the poll's order. */
  options: OptionResult[];
  /** rating: the average and how many gave each of 1–5. */
  rating: { average: number; counts: number[] } | null;
  /** ranking: options by average points (Slido: first place gets as many points as there are options). */
  ranking: { label: string; points: number; average: number }[];
  /** text: the answers, oldest first. */
  texts: string[];
  /** wordcloud: words by how many gave them, most first. */
  words: { word: string; count: number }[];
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

export function tally(poll: Poll, counted: CountedAnswer[]): PollResults {
  const voters = counted.reduce((n, c) => n + c.count, 0);
  const out: PollResults = { voters, options: [], rating: null, ranking: [], texts: [], words: [] };
  if (poll.kind === 'single' || poll.kind === 'multi') {
    const counts = poll.options.map(() => 0);
    for (const { answer: a, count } of counted)
      if ('choices' in a) for (const c of a.choices) if (c < counts.length) counts[c]! += count;
    out.options = poll.options.map((label, i) => ({
      label,
      count: counts[i]!,
      percent: pct(counts[i]!, voters),
    }));
  } else if (poll.kind === 'rating') {
    const counts = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const { answer: a, count } of counted)
      if ('rating' in a) {
        counts[a.rating - 1]! += count;
        sum += a.rating * count;
      }
    out.rating = { average: voters ? Math.round((sum / voters) * 10) / 10 : 0, counts };
  } else if (poll.kind === 'ranking') {
    const n = poll.options.length;
    const points = poll.options.map(() => 0);
    for (const { answer: a, count } of counted)
      if ('ranking' in a) a.ranking.forEach((option, place) => (points[option]! += (n - place) * count));
    out.ranking = poll.options
      .map((label, i) => ({
        label,
        points: points[i]!,
        average: voters ? Math.round((points[i]! / voters) * 10) / 10 : 0,
      }))
      .sort((x, y) => y.points - x.points || x.label.localeCompare(y.label, 'nb'));
  } else if (poll.kind === 'text') {
    out.texts = counted.flatMap(({ answer: a, count }) =>
      'text' in a ? Array<string>(count).fill(a.text) : [],
    );
  } else {
    const counts = new Map<string, number>();
    for (const { answer: a, count } of counted)
      if ('words' in a) for (const w of a.words) counts.set(w, (counts.get(w) ?? 0) + count);
    out.words = [...counts]
      .map(([word, count]) => ({ word, count }))
      .sort((x, y) => y.count - x.count || x.word.localeCompare(y.word, 'nb'));
  }
  return out;
}
