// `motebot eval QA.json`: the gold questions scored by the rules of ../shared/eval/README.md.
import { z } from 'zod';
import type { Answerer, Citation } from './answer/types.ts';

const caseSchema = z.object({
  id: z.string(),
  question: z.string(),
  type: z.string(),
  must_mention: z.array(z.string()).default([]),
  citations: z.array(z.object({ sak: z.string().nullable().optional() }).passthrough()).default([]),
});

export type EvalCase = z.infer<typeof caseSchema>;

export function evalCases(json: unknown): EvalCase[] {
  return z.array(caseSchema).parse(json);
}

/** NFKC, lower case, collapsed space, thousand separators removed, decimal commas as points. */
export function normalizeForScoring(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(\d)[  .](?=\d{3}\b)/g, '$1')
    .replace(/(\d),(\d)/g, '$1.$2')
    .trim();
}

export interface CaseResult {
  id: string;
  type: string;
  passed: boolean;
  citationHit: boolean | null;
  missing: string[];
  abstained: boolean;
}

export interface EvalReport {
  results: CaseResult[];
  byType: Record<string, { passed: number; total: number }>;
  passed: number;
  total: number;
  citationHits: number;
  citationCases: number;
}

export function scoreCase(
  c: EvalCase,
  answer: { answer: string; citations: Citation[]; abstained: boolean },
): CaseResult {
  if (c.type === 'not_in_corpus') {
    return {
      id: c.id,
      type: c.type,
      passed: answer.abstained,
      citationHit: null,
      missing: [],
      abstained: answer.abstained,
    };
  }
  const haystack = normalizeForScoring(
    [
      answer.answer,
      ...answer.citations.map((x) =>
        [x.committee, x.meeting, x.date, x.sak, x.title, x.source, x.kind].join(' '),
      ),
    ].join(' \n '),
  );
  const missing = c.must_mention.filter((m) => !haystack.includes(normalizeForScoring(m)));
  const wanted = c.citations.map((x) => x.sak).filter((s): s is string => !!s);
  const citationHit = wanted.length ? answer.citations.some((x) => x.sak && wanted.includes(x.sak)) : null;
  return {
    id: c.id,
    type: c.type,
    passed: !answer.abstained && !missing.length && citationHit !== false,
    citationHit,
    missing,
    abstained: answer.abstained,
  };
}

export async function runEval(cases: EvalCase[], answerer: Answerer): Promise<EvalReport> {
  const results: CaseResult[] = [];
  for (const c of cases) results.push(scoreCase(c, await answerer.ask(c.question)));
  const byType: EvalReport['byType'] = {};
  for (const r of results) {
    const s = (byType[r.type] ??= { passed: 0, total: 0 });
    s.total++;
    if (r.passed) s.passed++;
  }
  const withCitation = results.filter((r) => r.citationHit !== null);
  return {
    results,
    byType,
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    citationHits: withCitation.filter((r) => r.citationHit).length,
    citationCases: withCitation.length,
  };
}

export function formatEvalReport(r: EvalReport): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const lines = Object.entries(r.byType)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([type, s]) =>
        `${type.padEnd(22)} ${String(s.passed).padStart(3)}/${String(s.total).padEnd(3)} ${pct(s.passed, s.total)}`,
    );
  const failed = r.results
    .filter((x) => !x.passed)
    .map(
      (x) =>
        `  ✗ ${x.id} ${x.abstained ? '(abstained)' : ''}${x.missing.length ? ` missing: ${x.missing.join(', ')}` : ''}${x.citationHit === false ? ' (wrong sak cited)' : ''}`,
    );
  return [
    ...lines,
    `${'overall'.padEnd(22)} ${String(r.passed).padStart(3)}/${String(r.total).padEnd(3)} ${pct(r.passed, r.total)}`,
    `${'citation hits'.padEnd(22)} ${String(r.citationHits).padStart(3)}/${String(r.citationCases).padEnd(3)} ${pct(r.citationHits, r.citationCases)}`,
    ...(failed.length ? ['', 'Not passed:', ...failed] : []),
  ].join('\n');
}
