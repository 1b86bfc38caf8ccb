// The search index as the store keeps it: one row per section (a sak's passages of one kind) with
// its terms already counted. Whoever sees the record move (an ingest when it ends, an answering
// process when a question comes) brings the rows up to date for the saker the change log names, so
// a restart reads counts instead of tokenising the record again, and one new innspill re-reads
// one sak.
import type { Passage } from '../record/types.ts';
import type { CaseRef, Store, StoredSearchSection } from '../store/types.ts';
import { definitions } from './acronyms.ts';
import { analyse, type AnalysedText } from './inverted.ts';
import { searchTerm } from './terms.ts';

export const tokenize = (s: string) => s.split(/[^\p{L}\p{N}@]+/u);

/** A section's text as the index reads it. */
export function analyseText(text: string): AnalysedText {
  return analyse(text, tokenize, searchTerm);
}

/** The passages' joined text, as one section of the index holds it. */
export function sectionText(passages: Passage[]): string {
  return passages.map((p) => p.text).join('\n');
}

/** Passages (in document order) grouped into sections: by sak and kind, in order of first passage. */
export function sectionGroups(passages: Passage[]): Passage[][] {
  const groups = new Map<string, Passage[]>();
  for (const p of passages) {
    const key = `${p.committee}|${p.meeting}|${p.sak ?? ''}|${p.kind}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()];
}

/** Gives terms the store's numbers, asking the store only for terms it has not numbered yet. */
class Vocabulary {
  private constructor(private readonly ids: Map<string, number>) {}

  static async of(store: Store): Promise<Vocabulary> {
    return new Vocabulary(new Map((await store.searchTerms()).flatMap((t, id) => (t ? [[t, id]] : []))));
  }

  async encode(store: Store, counts: Map<string, number>): Promise<Uint32Array> {
    const unknown = [...counts.keys()].filter((t) => !this.ids.has(t));
    if (unknown.length)
      (await store.searchTermIds(unknown)).forEach((id, i) => this.ids.set(unknown[i]!, id));
    const pairs = new Uint32Array(counts.size * 2);
    let i = 0;
    for (const [term, n] of counts) {
      pairs[i++] = this.ids.get(term)!;
      pairs[i++] = n;
    }
    return pairs;
  }
}

async function storedSection(store: Store, vocabulary: Vocabulary, passages: Passage[]) {
  const p = passages[0]!;
  const text = sectionText(passages);
  const { counts, length } = analyseText(text);
  const section: StoredSearchSection = {
    committee: p.committee,
    meeting: p.meeting,
    sak: p.sak,
    kind: p.kind,
    title: p.title ?? '',
    year: p.date ? Number(p.date.slice(0, 4)) : 0,
    length,
    terms: await vocabulary.encode(store, counts),
    definitions: [...definitions(text)].flatMap(([short, longs]) =>
      [...longs].map((long): [string, string] => [short, long]),
    ),
  };
  return section;
}

/** Tries before giving the update up to the next reader, when other processes keep moving the index. */
const ATTEMPTS = 3;

/**
 * Brings the stored search sections up to the record's revision: the saker the change log names
 * since the index's revision are read and counted again; from nothing (or past the log's reach)
 * every section is. Safe when several processes do it at once: the first to write wins and the
 * others see the index moved.
 */
export async function syncSearchSections(store: Store): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const from = await store.searchIndexRevision();
    const revision = await store.revision();
    if (from === revision) return;
    const changes = from === 0 ? null : await store.recordChangesSince(from);
    const vocabulary = await Vocabulary.of(store);
    const sections: StoredSearchSection[] = [];
    const groups: AsyncIterable<Passage[]> | Passage[][] = changes
      ? sectionGroups(await store.passagesFor(changes.cases))
      : store.passageGroups();
    for await (const passages of groups) sections.push(await storedSection(store, vocabulary, passages));
    const cases: CaseRef[] | 'all' = changes ? changes.cases : 'all';
    if (await store.replaceSearchSections({ from, to: changes?.revision ?? revision, cases, sections }))
      return;
  }
}
