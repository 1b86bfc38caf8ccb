// Everything the answerer reads: the cases, the meetings and the search index over their sections.
// Loaded from the store once, then kept up to date in place: when the record moves, the change log
// names the documents and saker that changed, and only their meetings, cases, search sections and
// cached passages are read again. Passage text stays in the store: a question loads the passages
// of the saker it weighs (a bounded cache keeps recent ones), so memory does not grow with the size
// of the record.
import { foldForMatch } from '../record/normalize.ts';
import { meetingLabel } from '../record/passages.ts';
import type { Passage } from '../record/types.ts';
import type { Embedder } from '../search/embeddings.ts';
import { SearchIndex } from '../search/index.ts';
import type { CaseRef, MeetingRow, Store } from '../store/types.ts';
import { buildCases, caseKey, type Case } from './cases.ts';
import { foldedText, joinFolded } from './folded.ts';

/** Saker whose passages are kept between questions. */
const CACHED_CASES = 400;

export interface Library {
  /** The record revision the library reflects. */
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
  /**
   * Brings the library up to the store's revision: in place, for the saker that changed; in full
   * only when the store's change log does not reach back to the library's revision.
   */
  refresh(): Promise<'current' | 'updated' | 'reloaded'>;
  /** How often the library was loaded whole and updated in place, since it was created. */
  readonly loads: { full: number; updates: number };
}

/** The case a passage belongs to; meeting-level passages (no sak) get a key of their own. */
export function passageCaseKey(p: Pick<Passage, 'committee' | 'meeting' | 'sak'>): string {
  return caseKey(p.committee, p.meeting, p.sak ?? '');
}

/** The long texts of an item live on in its passages; the library keeps the short fields. */
const summarised = (rows: MeetingRow[]): MeetingRow[] =>
  rows.map((m) => ({
    ...m,
    items: m.items.map((i) => ({
      ...i,
      minutes: i.minutes ?? null,
      memo: i.memo ?? [],
      description: i.description ?? null,
      slides: i.slides ?? null,
    })),
  }));

const caseKeysOf = (m: MeetingRow) => m.items.map((i) => caseKey(m.committee, meetingLabel(m), i.sak));

/** Meetings in the store's order (by source), which cases and answers are built in. */
const bySource = (a: MeetingRow, b: MeetingRow) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

const NO_PASSAGES: Passage[] = [];

export async function loadLibrary(store: Store, embed: Embedder | null = null): Promise<Library> {
  const cache = new Map<string, Passage[]>();
  /** Each case's text for matching, with the passages it was joined from. */
  const joined = new WeakMap<Case, { passages: Passage[]; text: string }>();
  const refOf = (key: string): CaseRef => {
    const [committee, meeting, sak] = key.split('|') as [string, string, string];
    return { committee, meeting, sak: sak || null };
  };

  const loadWhole = async () => {
    const revision = await store.revision();
    const meetings = summarised(await store.listMeetings({ summary: true }));
    const cases = buildCases(meetings);
    const index = await SearchIndex.load(store, passageCaseKey, embed);
    return { revision, meetings, cases, byKey: new Map(cases.map((c) => [c.key, c])), index };
  };

  const lib: Library = {
    ...(await loadWhole()),
    loads: { full: 1, updates: 0 },
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
      // Joined once per case and passages loaded: coverage asks for it many times a question.
      const passages = cache.get(c.key) ?? NO_PASSAGES;
      const known = joined.get(c);
      if (known?.passages === passages) return known.text;
      // Where the meeting was held names it too: "the NUFA meeting at Gardermoen".
      const places = c.sources.flatMap((s) => (s.meeting.place ? [foldForMatch(s.meeting.place)] : []));
      const text = joinFolded([foldForMatch(c.item.title), ...places, ...passages.map(foldedText)]);
      joined.set(c, { passages, text });
      return text;
    },
    async refresh() {
      const changes = await store.recordChangesSince(lib.revision);
      if (changes && changes.revision === lib.revision) return 'current';
      if (!changes) {
        Object.assign(lib, await loadWhole());
        cache.clear();
        lib.loads.full++;
        return 'reloaded';
      }
      const changed = new Set(changes.documents);
      const added = summarised(await store.listMeetings({ summary: true, documents: changes.documents }));
      await lib.index.replace(store, changes.cases);
      // From here on without a pause: a question never sees the meetings and cases half updated.
      const kept = lib.meetings.filter((m) => !changed.has(m.documentId));
      const touched = new Set([
        ...lib.meetings.filter((m) => changed.has(m.documentId)).flatMap(caseKeysOf),
        ...added.flatMap(caseKeysOf),
      ]);
      const meetings = [...kept, ...added].sort(bySource);
      // A case is built from every meeting holding it (the innkalling's and the referat's), in order.
      const rebuilt = buildCases(meetings.filter((m) => caseKeysOf(m).some((k) => touched.has(k))));
      const byKey = new Map(lib.byKey);
      for (const key of touched) byKey.delete(key);
      for (const c of rebuilt) if (touched.has(c.key)) byKey.set(c.key, c);
      // Cases keep their places; a new one comes last, a gone one leaves.
      const cases = lib.cases.flatMap((c) =>
        touched.has(c.key) ? (byKey.has(c.key) ? [byKey.get(c.key)!] : []) : [c],
      );
      const placed = new Set(cases.map((c) => c.key));
      for (const c of rebuilt) if (touched.has(c.key) && !placed.has(c.key)) cases.push(c);
      for (const c of changes.cases) cache.delete(passageCaseKey(c));
      Object.assign(lib, { revision: changes.revision, meetings, cases, byKey });
      lib.loads.updates++;
      return 'updated';
    },
  };
  return lib;
}
