// From what a vote card submits (its inputs, as strings) to a checked answer for one poll. Every
// value is validated against the poll: an unknown option, too many picks or a malformed value is
// refused with a reason the member can act on.
import { z } from 'zod';
import { squash } from '../record/normalize.ts';
import { ok, refuse, type Result } from '../refusals.ts';
import type { Poll, PollAnswer } from './types.ts';

/** Card data of a vote: the poll id plus the card's inputs. */
export const voteDataSchema = z.object({
  pollId: z.string().regex(/^[0-9a-f]{16}$/),
  choice: z.string().max(200).optional(),
  // Input.Rating may send its stars as a number; the fallback choice set sends a string.
  rating: z
    .union([z.string().max(3), z.number()])
    .transform(String)
    .optional(),
  text: z.string().max(1000).optional(),
  words: z.string().max(200).optional(),
  // Ranking: one input per place, rank1 … rank10.
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`rank${i + 1}`, z.string().max(3).optional()])),
});
export type VoteData = z.infer<typeof voteDataSchema>;

function optionIndexes(value: string | undefined, poll: Poll): number[] | null {
  const parts = (value ?? '').split(',').filter((s) => s.trim() !== '');
  const indexes = parts.map((s) => Number(s.trim()));
  return indexes.every((n) => Number.isInteger(n) && n >= 0 && n < poll.options.length) ? indexes : null;
}

/** Words of a word cloud answer, normalised so that "Tillit", "tillit " and "TILLIT" count as one. */
export function normaliseWords(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((w) =>
      squash(w)
        .toLocaleLowerCase('nb')
        .replace(/[.!?]+$/, ''),
    )
    .filter(Boolean)
    .map((w) => w.slice(0, 40));
}

export function parseAnswer(poll: Poll, data: VoteData): Result<PollAnswer> {
  switch (poll.kind) {
    case 'single':
    case 'multi': {
      const picks = optionIndexes(data.choice, poll);
      if (!picks?.length) return refuse('vote_pick_option');
      const unique = [...new Set(picks)];
      if (poll.kind === 'single' && unique.length !== 1) return refuse('vote_pick_one');
      const max = poll.maxPicks ?? poll.options.length;
      if (unique.length > max) return refuse('vote_too_many_picks', { max });
      return ok({ choices: unique.sort((a, b) => a - b) });
    }
    case 'rating': {
      const rating = Number(data.rating);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return refuse('vote_rating_range');
      return ok({ rating });
    }
    case 'ranking': {
      const order = poll.options.map((_, i) => (data as Record<string, string | undefined>)[`rank${i + 1}`]);
      const indexes = order.map((v) => (v === undefined || v === '' ? NaN : Number(v)));
      if (indexes.some((n) => !Number.isInteger(n) || n < 0 || n >= poll.options.length))
        return refuse('vote_rank_all');
      if (new Set(indexes).size !== indexes.length) return refuse('vote_rank_twice');
      return ok({ ranking: indexes });
    }
    case 'text': {
      const text = squash(data.text ?? '');
      return text ? ok({ text }) : refuse('vote_text_missing');
    }
    case 'wordcloud': {
      const words = [...new Set(normaliseWords(data.words ?? ''))];
      if (!words.length) return refuse('vote_words_missing');
      if (words.length > 3) return refuse('vote_too_many_words');
      return ok({ words });
    }
  }
}
