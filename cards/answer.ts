// The answer card: the answer, decisions labelled Vedtak / Forslag til vedtak, the citations
// (each expandable to its quoted passage) and 👍/👎 feedback.
import type { Answer, Citation } from '../src/answer/types.ts';
import { clip, render, type CardJson } from './render.ts';

const TEXT = {
  nb: {
    sources: 'Kilder',
    show: 'Vis utdrag',
    ai: 'KI-generert svar – kontroller mot kildene',
    adopted: 'Vedtak',
    proposed: 'Forslag til vedtak',
    meeting: 'møte',
  },
  en: {
    sources: 'Sources',
    show: 'Show excerpt',
    ai: 'AI-generated answer – check against the sources',
    adopted: 'Decision (Vedtak)',
    proposed: 'Proposed decision (Forslag til vedtak)',
    meeting: 'meeting',
  },
} as const;

function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function citationLabel(c: Citation, lang: 'nb' | 'en'): string {
  const meeting = c.meeting.includes('/') ? `${TEXT[lang].meeting} ${c.meeting}` : c.meeting;
  const parts = [
    c.meeting.startsWith(c.committee) ? '' : c.committee,
    meeting,
    formatDate(c.date),
    c.sak ? `sak ${c.sak}` : '',
    c.title ?? '',
  ];
  return parts.filter(Boolean).join(' · ');
}

export function answerCard(question: string, a: Answer): CardJson {
  const t = TEXT[a.language];
  // Fixed budgets keep every card far under Teams' ~28 KB: 6,000 characters of answer, three
  // decisions and six citations with their excerpts.
  // A history (several saker) labels each step's decision in its own line; boxes would repeat them.
  const saker = new Set(a.citations.map((c) => `${c.committee}|${c.meeting}|${c.sak}`));
  const decisions = a.citations
    .filter((c) => saker.size === 1 && (c.kind === 'adopted' || c.kind === 'proposed') && c.quote)
    .slice(0, 3)
    .map((c) => ({
      label: c.kind === 'adopted' ? t.adopted : t.proposed,
      quote: clip(c.quote!, 1200),
      ref: citationLabel(c, a.language),
    }));
  // Decisions stand in their own labelled boxes; the text does not repeat their quotes.
  const quoted =
    /^(Vedtak|Vedtatt|Forslag til vedtak|Decision \(Vedtak\)|Adopted|Proposed decision \(Forslag til vedtak\)): «/;
  const text = decisions.length
    ? a.answer
        .split('\n')
        .filter((l) => !quoted.test(l))
        .join('\n')
    : a.answer;
  return render('answer', {
    text: clip(text.replace(/\n/g, '\n\n'), 6000),
    generated: a.generated,
    aiLabel: t.ai,
    decisions,
    sourcesLabel: t.sources,
    citations: a.citations.slice(0, 6).map((c, i) => ({
      id: `kilde-${i + 1}`,
      label: `[${i + 1}] ${citationLabel(c, a.language)}`,
      showLabel: t.show,
      quote: clip(c.quote ?? c.title ?? '', 600),
    })),
    question: clip(question, 500),
    answerSummary: clip(a.answer, 1000),
  });
}
