// The audience Q&A card: the questions for the current sak, most upvoted first, each with an
// upvote button, and for moderators "Besvart" and "Skjul".
import type { AudienceQuestion } from '../src/qna/types.ts';
import { clip, render, type CardJson } from './render.ts';

export function questionsCard(
  scope: { sak: string | null; title?: string },
  questions: AudienceQuestion[],
  opts: { moderator: boolean },
): CardJson {
  return render('qna', {
    heading: scope.sak
      ? `Spørsmål til sak ${scope.sak}${scope.title ? ` ${scope.title}` : ''}`
      : 'Spørsmål fra salen',
    empty: questions.length
      ? ''
      : 'Ingen spørsmål ennå. Skriv «spørsmål …» (eller «spørsmål anonymt: …») for å stille et.',
    sak: scope.sak ?? '',
    moderator: opts.moderator,
    questions: questions.map((q) => ({
      id: String(q.id),
      text: clip(q.text, 500),
      by: `${q.anonymous ? 'Anonym' : (q.authorName ?? 'Ukjent')} · ${q.upvotes} 👍${q.status === 'answered' ? ' · besvart' : ''}`,
      answered: q.status === 'answered',
    })),
  });
}
