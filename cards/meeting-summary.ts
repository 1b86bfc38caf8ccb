// The recap posted when a meeting ends: the saker handled, each with its innspill count, poll
// results and open questions, and its draft referat section folded away (clearly marked as a draft);
// then the action points added in the meeting, and the export of innspill and draft referat.
import { actionPointText } from '../src/actions/text.ts';
import { DRAFT_MARK, draftParts, likelyDecisionText } from '../src/meetings/recap.ts';
import type { MeetingSummary } from '../src/meetings/summary.ts';
import { clip, firstThatFits, render, type CardJson } from './render.ts';

/** How long a line may be, and how many lines a list shows; less until the card fits. */
const LEVELS = [
  { line: 500, lines: 40 },
  { line: 200, lines: 10 },
  { line: 100, lines: 4 },
];

/** "2 innspill · 1 avstemning · 1 ubesvart spørsmål · 1 aksjonspunkt" */
function counts(r: MeetingSummary['saker'][number]): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(r.innspill.length, 'innspill', 'innspill'),
    n(r.polls.length, 'avstemning', 'avstemninger'),
    n(r.openQuestions.length, 'ubesvart spørsmål', 'ubesvarte spørsmål'),
    n(r.actionPoints.length, 'aksjonspunkt', 'aksjonspunkter'),
  ].join(' · ');
}

export function meetingSummaryCard(summary: MeetingSummary): CardJson {
  const { saker } = summary;
  const total = (pick: (r: (typeof saker)[number]) => unknown[]) =>
    saker.reduce((n, r) => n + pick(r).length, 0);
  const overview = `${saker.filter((r) => r.sak).length} saker behandlet. ${total((r) => r.innspill)} innspill, ${total((r) => r.polls)} avstemninger, ${total((r) => r.openQuestions)} ubesvarte spørsmål og ${summary.actionPoints.length} nye aksjonspunkter. Trykk «Utkast til referat» for sakens utkast; sekretariatet bekrefter det.`;
  return firstThatFits(LEVELS, (level) => {
    const list = (lines: string[]) => lines.slice(0, level.lines).map((l) => clip(l, level.line));
    return render('meeting-summary', {
      heading: `Møtet er slutt · ${summary.name}`,
      overview,
      committee: summary.committee,
      meeting: summary.meeting,
      saker: saker.map((r, i) => ({
        title: r.sak ? `**${r.sak}** ${r.title}` : `**${r.title}**`,
        counts: counts(r),
        lines: list([...r.polls.map((p) => `📊 ${p}`), ...r.openQuestions.map((q) => `❓ ${q}`)]),
        draftId: `utkast-${i}`,
        draftMark: DRAFT_MARK,
        parts: draftParts(r).map((p) => ({ heading: p.heading, lines: list(p.lines) })),
        decision: r.sak ? `**Vedtak (utkast):** ${clip(likelyDecisionText(r), level.line * 3)}` : '',
      })),
      actionPoints: list(summary.actionPoints.map((a) => `#${a.id} sak ${a.sak}: ${actionPointText(a)}`)),
    });
  });
}
