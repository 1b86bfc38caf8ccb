// Everything the answerer reads, loaded from the store once per record revision: the cases, the
// meetings, the passages by case, and the search index over their sections.
import { foldForMatch } from '../record/normalize.ts';
import type { Passage } from '../record/types.ts';
import type { Embedder } from '../search/embeddings.ts';
import { SearchIndex, sectionsOf } from '../search/index.ts';
import type { MeetingRow, Store } from '../store/types.ts';
import { buildCases, caseKey, type Case } from './cases.ts';

export interface Library {
  revision: number;
  meetings: MeetingRow[];
  cases: Case[];
  byKey: Map<string, Case>;
  /** Passages of each case, by case key. */
  passagesByCase: Map<string, Passage[]>;
  index: SearchIndex;
  /** A case's title and passages, folded for matching. */
  caseText(c: Case): string;
}

/** The case a passage belongs to; meeting-level passages (no sak) get a key of their own. */
export function passageCaseKey(p: Passage): string {
  return caseKey(p.committee, p.meeting, p.sak ?? '');
}

export async function loadLibrary(store: Store, embed: Embedder | null = null): Promise<Library> {
  const revision = await store.revision();
  // The long texts of an item live on in its passages; the library keeps the short fields.
  const [stored, passages] = await Promise.all([store.listMeetings({ summary: true }), store.listPassages()]);
  const meetings = stored.map((m) => ({
    ...m,
    items: m.items.map((i) => ({
      ...i,
      minutes: i.minutes ?? null,
      memo: i.memo ?? [],
      description: i.description ?? null,
      slides: i.slides ?? null,
    })),
  }));
  const cases = buildCases(meetings);
  const byKey = new Map(cases.map((c) => [c.key, c]));
  const passagesByCase = new Map<string, Passage[]>();
  for (const p of passages) {
    const key = passageCaseKey(p);
    const list = passagesByCase.get(key);
    if (list) list.push(p);
    else passagesByCase.set(key, [p]);
  }
  const index = await SearchIndex.build(sectionsOf(passages, passageCaseKey), embed);
  return {
    revision,
    meetings,
    cases,
    byKey,
    passagesByCase,
    index,
    // Not cached: folding one sak's text is cheaper than keeping every sak's folded text.
    caseText(c) {
      return foldForMatch([c.item.title, ...(passagesByCase.get(c.key) ?? []).map((p) => p.text)].join('\n'));
    },
  };
}
