// One line per poll for the end-of-meeting summary: the question and what came out of it.
import type { PollResults } from './tally.ts';
import type { Poll } from './types.ts';

export function resultLine(poll: Poll, r: PollResults): string {
  const answers = `${r.voters} svar`;
  const outcome = (() => {
    switch (poll.kind) {
      case 'single':
      case 'multi':
        return [...r.options]
          .sort((a, b) => b.count - a.count)
          .slice(0, 3)
          .map((o) => `${o.label} ${Math.round(o.percent)} %`)
          .join(', ');
      case 'rating':
        return r.rating ? `snitt ${r.rating.average} av 5` : '';
      case 'ranking':
        return r.ranking.map((x, i) => `${i + 1}. ${x.label}`).join(', ');
      case 'text':
        return '';
      case 'wordcloud':
        return r.words
          .slice(0, 5)
          .map((w) => `${w.word} (${w.count})`)
          .join(', ');
    }
  })();
  return `${poll.question} — ${outcome ? `${outcome} (${answers})` : answers}${poll.closedAt ? '' : ', fortsatt åpen'}`;
}
