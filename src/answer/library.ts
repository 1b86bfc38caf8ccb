// Everything the answerer reads, loaded from the store once per record revision: the cases, the
// meetings, the passages by case, and the search index.
import type { Passage } from '../record/types.ts';
import type { Embedder } from '../search/embeddings.ts';
import { SearchIndex } from '../search/index.ts';
import type { MeetingRow, Store } from '../store/types.ts';
import { buildCases, caseKey, type Case } from './cases.ts';
import { stems } from './terms.ts';
import { foldForMatch } from '../record/normalize.ts';

export interface Library {
  revision: number;
  meetings: MeetingRow[];
  cases: Case[];
  byKey: Map<string, Case>;
  /** Passages of each case, by case key. */
  passagesByCase: Map<string, Passage[]>;
  index: SearchIndex;
  /** Folded full text and stems of a case, computed on first use. */
  caseText(c: Case): { folded: string; stems: Set<string> };
}

export function passageCaseKey(p: Passage): string | null {
  return p.sak ? caseKey(p.committee, p.meeting, p.sak) : null;
}

export async function loadLibrary(store: Store, embed: Embedder | null = null): Promise<Library> {
  const revision = await store.revision();
  const [meetings, passages] = await Promise.all([store.listMeetings(), store.listPassages()]);
  const cases = buildCases(meetings);
  const byKey = new Map(cases.map((c) => [c.key, c]));
  const passagesByCase = new Map<string, Passage[]>();
  for (const p of passages) {
    const key = passageCaseKey(p);
    if (!key) continue;
    const list = passagesByCase.get(key);
    if (list) list.push(p);
    else passagesByCase.set(key, [p]);
  }
  const index = await SearchIndex.build(passages, embed);
  const textCache = new Map<string, { folded: string; stems: Set<string> }>();
  return {
    revision,
    meetings,
    cases,
    byKey,
    passagesByCase,
    index,
    caseText(c) {
      let entry = textCache.get(c.key);
      if (!entry) {
        const all = [c.item.title, ...(passagesByCase.get(c.key) ?? []).map((p) => p.text)].join('\n');
        entry = { folded: foldForMatch(all), stems: stems(all) };
        textCache.set(c.key, entry);
      }
      return entry;
    },
  };
}
