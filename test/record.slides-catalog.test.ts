// The slide-deck parser against ../shared/eval/catalog.json (the NUFA decks), for the corpus text
// and its PDF and DOCX renderings: the meeting, ≥ 95 % of titles, sakstyper and proposals, the
// agenda facts of each sak, and the catalog's discussion prompts found among the parsed ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/documents/index.ts';
import { squash } from '../src/record/normalize.ts';
import { parseDocument } from '../src/record/parse.ts';
import type { AgendaItem, Meeting } from '../src/record/types.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');

interface CatalogItem {
  sak: string;
  title: string;
  sakstype: string | null;
  day: string;
  start_time: string | null;
  end_time: string | null;
  /** "00:45", or "02:00 (sum of sessions …)". */
  duration: string | null;
  sakseier: string | null;
  presenter: string | null;
  proposed_decision: string | null;
  discussion_questions: string[];
}
interface CatalogMeeting {
  committee: string;
  dates: string[];
  place: string;
  meeting_no?: string;
  source_file: string;
  items: CatalogItem[];
}

const decks = (
  JSON.parse(readFileSync(path.join(SHARED, 'eval/catalog.json'), 'utf8')) as { meetings: CatalogMeeting[] }
).meetings.filter((m) => !m.meeting_no && m.dates?.length);

const norm = (s: string | null | undefined) =>
  squash((s ?? '').normalize('NFKC').toLowerCase()).replace(/[.\s]+$/, '');
const minutes = (d: string | null) => {
  const m = /^(\d{2}):(\d{2})/.exec(d ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** The parts of a catalog prompt a parser must reproduce: its pieces between dashes, colons and questions. */
const keyStrings = (q: string) =>
  norm(q)
    .split(/ [–-] |: |\? /)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);

function share(pairs: [boolean, string][]) {
  return {
    ratio: pairs.filter(([ok]) => ok).length / Math.max(1, pairs.length),
    misses: pairs.filter(([ok]) => !ok).map(([, miss]) => miss),
  };
}

function find(items: AgendaItem[], it: CatalogItem) {
  return items.find((x) => x.sak === it.sak && (it.title === 'Eventuelt') === (x.title === 'Eventuelt'));
}

function expectCatalog(exp: CatalogMeeting, meetings: Meeting[]) {
  expect(meetings).toHaveLength(1);
  const m = meetings[0]!;
  expect({ committee: m.committee, dates: m.dates, date: m.date, place: m.place, role: m.role }).toEqual({
    committee: exp.committee,
    dates: exp.dates,
    date: exp.dates[0],
    place: exp.place,
    role: 'innkalling',
  });
  const at = exp.items.map((it) => [it, find(m.items, it)] as const);
  const check = (f: (it: CatalogItem, a: AgendaItem | undefined) => [unknown, unknown], floor = 0.95) => {
    const r = share(
      at.map(([it, a]) => {
        const [got, want] = f(it, a);
        return [
          JSON.stringify(got) === JSON.stringify(want),
          `${it.sak}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`,
        ];
      }),
    );
    expect(r.ratio, r.misses.join('\n')).toBeGreaterThanOrEqual(floor);
  };
  check((it, a) => [norm(a?.title), norm(it.title)]);
  check((it, a) => [a?.sakstype ?? null, it.sakstype]);
  check((it, a) => [norm(a?.proposed_decision) || null, norm(it.proposed_decision) || null]);
  check((it, a) => [a?.day, it.day]);
  check((it, a) => [
    [a?.start_time, a?.end_time, a?.duration_minutes],
    [it.start_time, it.end_time, minutes(it.duration)],
  ]);
  check(
    (it, a) => [
      [a?.case_owner ?? null, a?.presenter ?? null],
      [it.sakseier, it.presenter],
    ],
    0.9,
  );
  expect(m.items.every((i) => i.adopted_decision === null)).toBe(true);

  const prompts = share(
    at.flatMap(([it, a]) => {
      const got = (a?.discussion_prompts ?? []).map(norm).join('\n');
      return it.discussion_questions.map((q): [boolean, string] => [
        keyStrings(q).some((k) => got.includes(k)),
        `${it.sak}: «${q}» not among ${JSON.stringify(a?.discussion_prompts)}`,
      ]);
    }),
  );
  expect(prompts.ratio, prompts.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
}

describe('the slide-deck parser against the catalog', () => {
  it.each(decks.map((d) => [d.source_file, d] as const))(
    'reads the deck %s as the catalog does',
    (file, exp) => {
      const text = readFileSync(path.join(SHARED, 'corpus', file), 'utf8');
      expectCatalog(exp, parseDocument(text).meetings);
    },
  );

  it.each(
    decks.flatMap((d) =>
      ['pdf', 'docx'].map((ext) => [d.source_file.replace(/\.txt$/, `.${ext}`), d] as const),
    ),
  )('reads the rendering %s as the catalog does', async (rendering, exp) => {
    const { text } = await readDocument(path.join(SHARED, 'corpus-formats', rendering));
    expectCatalog(exp, parseDocument(text).meetings);
  });
});
