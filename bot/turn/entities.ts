// Teams AI message entities for an LLM-written answer: the AI-generated label and one citation
// (Claim with a DigitalDocument appearance) per source.
import type { Answer } from '../../src/answer/types.ts';
import { citationLabel } from '../../cards/answer.ts';

export function aiEntities(answer: Answer) {
  return [
    {
      type: 'https://schema.org/Message',
      '@type': 'Message',
      '@context': 'https://schema.org',
      '@id': '',
      additionalType: ['AIGeneratedContent'],
      citation: answer.citations.slice(0, 10).map((c, i) => ({
        '@type': 'Claim',
        position: i + 1,
        appearance: {
          '@type': 'DigitalDocument',
          name: citationLabel(c, answer.language).slice(0, 80),
          abstract: (c.quote ?? c.title ?? '').slice(0, 160),
          keywords: [c.committee, c.sak ?? '', c.kind].filter(Boolean),
        },
      })),
    },
  ];
}
