// A topic's history as a timeline card: each step with its date, meeting and sak, what was proposed
// and adopted (or that the outcome is not in the documents), and what its text says of the topic,
// unfolding in place.
import { formatDate } from '../src/answer/texts.ts';
import type { TimelineStep } from '../src/answer/types.ts';
import { meetingName } from '../src/record/passages.ts';
import { clip, render, type CardJson } from './render.ts';

export function timelineCard(topic: string, steps: TimelineStep[]): CardJson {
  return render('timeline', {
    heading: `Historikk · ${topic}`,
    summary: steps.length
      ? `${steps.length} behandlinger i dokumentene, eldst først. Trykk på en sak for det dokumentene sier.`
      : `Jeg finner ingen behandlinger av «${topic}» i møtedokumentene.`,
    steps: steps.map(({ citation: c, proposal, decision, quotes }, i) => ({
      when: `${formatDate(c.date, 'nb')} · ${meetingName(c)} · sak ${c.sak}`,
      title: c.title ?? '',
      outcome: decision
        ? `**Vedtak:** ${clip(decision, 800)}`
        : proposal
          ? `**Forslag til vedtak:** ${clip(proposal, 800)} _(utfallet er ikke i dokumentene)_`
          : 'Ingen forslag til vedtak eller vedtak i dokumentene.',
      quotes: quotes.map((q) => `«${clip(q, 600)}»`),
      source: `${c.source}${c.page ? `, side ${c.page}` : ''}${c.line ? `, linje ${c.line}` : ''}`,
      bodyId: `steg-${i}`,
    })),
  });
}
