// A sak the question names but the record does not hold (another committee's, an earlier year's)
// may still be quoted in the record: a memo's "Vedtak fra tidligere behandlinger", a slide that
// refers back. The answer quotes those mentions, credited to the sak that quotes them, never to
// the named sak's own meeting.
import { foldForMatch } from '../record/normalize.ts';
import type { Case } from './cases.ts';
import { abstain, capital, citation, result, type OfflineResult } from './compose.ts';
import { keyTerms, share, unitsOf, type Unit } from './evidence.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import { rankCases } from './rank.ts';
import type { AskOptions } from './types.ts';
import { caseRef, t } from './texts.ts';

/** Quoted units at most: the mention and what follows it. */
const QUOTED = 3;

function mentionPattern(sak: string): RegExp {
  const [n, y] = sak.split('/');
  return new RegExp(`(?<![\\d/])${n}\\s?/\\s?${y}(?![\\d/])`);
}

export async function answerMentions(
  lib: Library,
  q: Question,
  opts: AskOptions,
  absent: string[],
): Promise<OfflineResult> {
  const lang = q.language;
  // Another committee's sak is quoted in this one's papers: search both. The id's numbers are
  // searched too, as the text quoting the sak prints them ("18/22").
  const text = `${q.text} ${absent.map((id) => id.replace('/', ' ')).join(' ')}`;
  const { ranked } = await rankCases(
    lib,
    { ...q, text, committee: undefined },
    { ...opts, committee: undefined },
  );
  const patterns = absent.map(mentionPattern);
  const terms = keyTerms(lib, q);
  let best: { c: Case; units: Unit[]; at: number; score: number } | undefined;
  // The saker ranked by the question's topic are where a quote of the named sak is looked for.
  for (const { c } of ranked) {
    const units = unitsOf(lib.passagesOf(c.key), true);
    units.forEach((u, at) => {
      if (!patterns.some((p) => p.test(u.text))) return;
      // The mention and the units after it (a quoted decision follows its heading).
      const text = units
        .slice(at, at + QUOTED)
        .map((x) => x.text)
        .join('\n');
      const score = share(terms, foldForMatch(text));
      if (!best || score > best.score) best = { c, units, at, score };
    });
  }
  if (!best) return abstain(lib, q, ranked[0], 'evidence');
  const { c, units, at } = best;
  const quoted = units.slice(at, at + QUOTED).filter((u) => u.passage.kind === units[at]!.passage.kind);
  const lines = [
    `${capital(t(lang, 'notInRecord'))} ${absent.join(', ')}. ${t(lang, 'mentionedIn')} ${caseRef(c, lang)}:`,
    ...quoted.map((u) => `«${u.text}»`),
  ];
  const used = [...new Set(quoted.map((u) => u.passage))].map((p) => ({
    citation: citation(c, p, p.kind),
    passage: p,
  }));
  return result(q, lines, used);
}
