// `motebot eval QA.json`: the gold questions scored by the rules of ../shared/eval/README.md.
import { createHash } from 'node:crypto';
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

/**
 * The fixed seed of the development split. Changing it would leak the held-out half into the
 * half that was read: it was set once, before any case of the extended set was looked at.
 */
export const SPLIT_SEED = 'motebot-dev-split-2026-11-25';

export type Half = 'read' | 'held';

/**
 * Splits cases at random (a seeded hash of the id) into a half developers read and a half they only
 * run, type by type so both halves ask the same mix of things. The same cases always fall in the
 * same half, whatever order the file lists them in.
 */
export function splitHalves(cases: EvalCase[], seed = SPLIT_SEED): Record<Half, EvalCase[]> {
  const rank = (c: EvalCase) => createHash('sha256').update(`${seed}:${c.id}`).digest('hex');
  const halves: Record<Half, EvalCase[]> = { read: [], held: [] };
  const byType = new Map<string, EvalCase[]>();
  for (const c of cases) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
  for (const group of byType.values()) {
    const sorted = [...group].sort((a, b) => rank(a).localeCompare(rank(b)));
    const cut = Math.ceil(sorted.length / 2);
    halves.read.push(...sorted.slice(0, cut));
    halves.held.push(...sorted.slice(cut));
  }
  return halves;
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

export interface Tally {
  passed: number;
  total: number;
}

export interface EvalReport {
  results: CaseResult[];
  byType: Record<string, Tally>;
  passed: number;
  total: number;
  citationHits: number;
  citationCases: number;
  /** Questions the documents do answer on which the answerer abstained anyway. */
  abstainedAnswerable: Tally;
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
  return summarize(results);
}

export function summarize(results: CaseResult[]): EvalReport {
  const byType: EvalReport['byType'] = {};
  for (const r of results) {
    const s = (byType[r.type] ??= { passed: 0, total: 0 });
    s.total++;
    if (r.passed) s.passed++;
  }
  const withCitation = results.filter((r) => r.citationHit !== null);
  const answerable = results.filter((r) => r.type !== 'not_in_corpus');
  return {
    results,
    byType,
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    citationHits: withCitation.filter((r) => r.citationHit).length,
    citationCases: withCitation.length,
    abstainedAnswerable: { passed: answerable.filter((r) => r.abstained).length, total: answerable.length },
  };
}

/** One gold file's report, whole and by half. */
export interface FileReport {
  file: string;
  all: EvalReport;
  read: EvalReport;
  held: EvalReport;
}

/** Several gold files, each reported whole and by half, and their union. */
export async function evalFiles(
  files: { file: string; cases: EvalCase[] }[],
  answerer: Answerer,
): Promise<{ files: FileReport[]; union: EvalReport }> {
  const reports: FileReport[] = [];
  for (const { file, cases } of files) {
    const all = await runEval(cases, answerer);
    const halves = splitHalves(cases);
    const pick = (h: EvalCase[]) => {
      const ids = new Set(h.map((c) => c.id));
      return summarize(all.results.filter((r) => ids.has(r.id)));
    };
    reports.push({ file, all, read: pick(halves.read), held: pick(halves.held) });
  }
  return { files: reports, union: summarize(reports.flatMap((r) => r.all.results)) };
}

const pct = (t: Tally) => (t.total ? `${((100 * t.passed) / t.total).toFixed(0)}%` : '–');
const cell = (t: Tally | undefined) => (t ? `${t.passed}/${t.total} ${pct(t)}` : '').padEnd(13);

/**
 * Passes per type for a file, whole and by half. Failures are named for the read half only: the
 * held-out half is run, never read, so what it gets wrong stays unseen.
 */
export function formatFileReport(r: FileReport): string {
  const types = Object.keys(r.all.byType).sort();
  const overall = (e: EvalReport): Tally => ({ passed: e.passed, total: e.total });
  const cites = (e: EvalReport): Tally => ({ passed: e.citationHits, total: e.citationCases });
  const row = (label: string, f: (e: EvalReport) => Tally | undefined) =>
    `${label.padEnd(22)} ${cell(f(r.all))} ${cell(f(r.read))} ${cell(f(r.held))}`;
  const failed = r.read.results
    .filter((x) => !x.passed)
    .map(
      (x) =>
        `  ✗ ${x.id} ${x.abstained ? '(abstained)' : ''}${x.missing.length ? ` missing: ${x.missing.join(', ')}` : ''}${x.citationHit === false ? ' (wrong sak cited)' : ''}`,
    );
  return [
    `${r.file}`,
    `${''.padEnd(22)} ${'all'.padEnd(13)} ${'read half'.padEnd(13)} ${'held-out half'}`,
    ...types.map((t) => row(t, (e) => e.byType[t])),
    row('overall', overall),
    row('citation hits', cites),
    row('answerable abstained', (e) => e.abstainedAnswerable),
    ...(failed.length ? ['', 'Not passed (read half):', ...failed] : []),
  ].join('\n');
}

export function formatEvalReport(r: EvalReport): string {
  const lines = Object.entries(r.byType)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, s]) => `${type.padEnd(22)} ${cell(s)}`);
  return [
    ...lines,
    `${'overall'.padEnd(22)} ${cell({ passed: r.passed, total: r.total })}`,
    `${'citation hits'.padEnd(22)} ${cell({ passed: r.citationHits, total: r.citationCases })}`,
    `${'answerable abstained'.padEnd(22)} ${cell(r.abstainedAnswerable)}`,
  ].join('\n');
}
