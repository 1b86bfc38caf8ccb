// Everything the answerer reads, loaded from the store once per record revision: the cases, the
// meetings and the search index over their sections. Passage text stays in the store: a question
// loads the passages of the saker it weighs (a bounded cache keeps recent ones), so memory does
// not grow with the size of the record.
import { foldForMatch } from '../record/normalize.ts';
import type { Passage } from '../record/types.ts';
import type { Embedder } from '../search/embeddings.ts';
import { SearchIndex } from '../search/index.ts';
import type { MeetingRow, Store } from '../store/types.ts';
import { buildCases, caseKey, type Case } from './cases.ts';
import { foldedText, joinFolded } from './folded.ts';

/** Saker whose passages are kept between questions. */
const CACHED_CASES = 400;

export interface Library {
  revision: number;
  meetings: MeetingRow[];
  cases: Case[];
  byKey: Map<string, Case>;
  index: SearchIndex;
  /** Loads the passages of these saker (by case key) so that `passagesOf` can return them. */
  load(keys: string[]): Promise<void>;
  /** The passages of a loaded sak. */
  passagesOf(key: string): Passage[];
  /** A loaded sak's title and passages, folded for matching. */
  caseText(c: Case): string;
}

/** The case a passage belongs to; meeting-level passages (no sak) get a key of their own. */
export function passageCaseKey(p: Pick<Passage, 'committee' | 'meeting' | 'sak'>): string {
  return caseKey(p.committee, p.meeting, p.sak ?? '');
}

export async function loadLibrary(store: Store, embed: Embedder | null = null): Promise<Library> {
  const revision = await store.revision();
  const stored = await store.listMeetings({ summary: true });
  // The long texts of an item live on in its passages; the library keeps the short fields.
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
  const index = await SearchIndex.build(store.passageGroups(), passageCaseKey, embed);

  const cache = new Map<string, Passage[]>();
  const refOf = (key: string) => {
    const [committee, meeting, sak] = key.split('|') as [string, string, string];
    return { committee, meeting, sak: sak || null };
  };
  return {
    revision,
    meetings,
    cases,
    byKey,
    index,
    async load(keys) {
      const missing = [...new Set(keys)].filter((k) => !cache.has(k));
      if (missing.length) {
        // Filled in whole once fetched, so a question running alongside never sees half a sak.
        const fetched = new Map(missing.map((k) => [k, [] as Passage[]]));
        for (const p of await store.passagesFor(missing.map(refOf))) fetched.get(passageCaseKey(p))?.push(p);
        for (const [k, v] of fetched) cache.set(k, v);
      }
      // Least recently loaded saker leave the cache first.
      for (const k of keys) {
        const v = cache.get(k);
        if (!v) continue;
        cache.delete(k);
        cache.set(k, v);
      }
      while (cache.size > CACHED_CASES) cache.delete(cache.keys().next().value!);
    },
    passagesOf(key) {
      return cache.get(key) ?? [];
    },
    caseText(c) {
      return joinFolded([foldForMatch(c.item.title), ...(cache.get(c.key) ?? []).map(foldedText)]);
    },
  };
}
