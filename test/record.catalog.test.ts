// The parser against ../shared/eval/catalog.json, for the corpus text and its PDF and DOCX
// renderings. Thresholds are the issue's: every meeting, ≥ 95 % of titles, types and decisions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/documents/index.ts';
import { squash } from '../src/record/normalize.ts';
import { parseDocument } from '../src/record/parse.ts';
import { redact } from '../src/record/redact.ts';
import type { Meeting } from '../src/record/types.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');

interface CatalogItem {
  case_owner?: string | null;
  case_handler?: string | null;
  sak: string;
  title: string;
  sakstype: string | null;
  proposed_decision: string | null;
  adopted_decision: string | null;
}
interface CatalogMeeting {
  committee: string;
  meeting_no?: string;
  date?: string;
  dates?: string[];
  role?: string;
  source_file: string;
  items: CatalogItem[];
}

const catalog = (
  JSON.parse(readFileSync(path.join(SHARED, 'eval/catalog.json'), 'utf8')) as { meetings: CatalogMeeting[] }
).meetings;
const files = [...new Set(catalog.map((m) => m.source_file))];

const norm = (s: string | null | undefined) => squash((s ?? '').normalize('NFKC')).replace(/[.\s]+$/, '');

interface Score {
  checked: number;
  ok: number;
  misses: string[];
}
const score = (): Score => ({ checked: 0, ok: 0, misses: [] });
function tally(s: Score, ok: boolean, miss: string) {
  s.checked++;
  if (ok) s.ok++;
  else s.misses.push(miss);
}

function compare(expected: CatalogMeeting[], actual: Meeting[]) {
  const titles = score();
  const types = score();
  const decisions = score();
  const meetings = score();
  const people = score();
  for (const exp of expected) {
    const role = exp.role ?? 'innkalling';
    const date = exp.date ?? exp.dates?.[0];
    const got = actual.find(
      (m) =>
        m.role === role &&
        m.committee === exp.committee &&
        (exp.meeting_no ? m.meeting === exp.meeting_no : m.date === date),
    );
    tally(meetings, !!got && got.date === date, `${exp.committee} ${exp.meeting_no ?? date} ${role}`);
    const items = got?.items ?? [];
    for (const it of exp.items) {
      const a = items.find(
        (x) => x.sak === it.sak && (it.title === 'Eventuelt') === (x.title === 'Eventuelt'),
      );
      tally(titles, norm(a?.title) === norm(it.title), `${it.sak} title: «${a?.title}» ≠ «${it.title}»`);
      tally(
        types,
        (a?.sakstype ?? null) === it.sakstype,
        `${it.sak} sakstype: ${a?.sakstype} ≠ ${it.sakstype}`,
      );
      for (const k of ['case_owner', 'case_handler'] as const) {
        if (!it[k]) continue;
        tally(people, norm(a?.[k]) === norm(it[k]), `${it.sak} ${k}: «${a?.[k]}» ≠ «${it[k]}»`);
      }
      for (const k of ['proposed_decision', 'adopted_decision'] as const) {
        if (!it[k]) continue;
        tally(decisions, norm(a?.[k]) === norm(it[k]), `${it.sak} ${k}: «${a?.[k]}» ≠ «${it[k]}»`);
      }
    }
  }
  return { meetings, titles, types, decisions, people };
}

function expectScores(r: ReturnType<typeof compare>) {
  expect(r.meetings.misses, 'meetings').toEqual([]);
  for (const k of ['titles', 'types', 'decisions'] as const) {
    const s = r[k];
    expect(s.ok / Math.max(1, s.checked), `${k}:\n${s.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  }
  // Sakseier and saksbehandler from the toppnotater (not part of the bar, but kept honest).
  if (r.people.checked)
    expect(r.people.ok / r.people.checked, `people:\n${r.people.misses.join('\n')}`).toBeGreaterThanOrEqual(
      0.9,
    );
}

describe('the record parser against the catalog', () => {
  it.each(files)('reads %s as the catalog does', (file) => {
    const text = readFileSync(path.join(SHARED, 'corpus', file), 'utf8');
    const doc = parseDocument(redact(text).text);
    expectScores(
      compare(
        catalog.filter((m) => m.source_file === file),
        doc.meetings,
      ),
    );
  });

  it.each(files.flatMap((f) => ['pdf', 'docx'].map((ext) => [f.replace(/\.txt$/, `.${ext}`), f] as const)))(
    'reads the rendering %s as the catalog does',
    async (rendering, file) => {
      const doc = await readDocument(path.join(SHARED, 'corpus-formats', rendering));
      expectScores(
        compare(
          catalog.filter((m) => m.source_file === file),
          parseDocument(redact(doc.text).text).meetings,
        ),
      );
    },
  );
});
