// Full-text search over the record. One search document per sak and kind of text (its proposal,
// decision, minutes, memo, agenda facts, slides), with filters for committee, meeting, year, sak
// and kind. BM25+ over the Norwegian stems and without the stop words (from @orama/stemmers and
// @orama/stopwords); English questions reach Norwegian text through the lexicon. With an embedder
// configured, sections also get vectors and the score is hybrid.
//
// Why section documents: at 100× the corpus, per-passage documents in Orama took 150–1,500 ms a
// question; sections take under 30 ms (measured, see README). The index over them is our own
// (./inverted.ts): MiniSearch ranked the same but cost 60 MB of heap and much garbage at 100×.
import type { Passage, PassageKind } from '../record/types.ts';
import type { CaseRef, Store, StoredSearchSection } from '../store/types.ts';
import { compoundParts } from './compounds.ts';
import type { Embedder } from './embeddings.ts';
import { InvertedIndex, type Vocabulary } from './inverted.ts';
import { expansions, lexicon } from './lexicon.ts';
import { sectionGroups, sectionText, syncSearchSections, tokenize } from './sections.ts';
import { decodeSnapshot, encodeSnapshot, type IndexSnapshot } from './snapshot.ts';
import { searchTerm, topicWords } from './terms.ts';

export interface SearchFilters {
  committee?: string;
  meeting?: string;
  year?: number;
  sak?: string;
  kinds?: PassageKind[];
}

/** The text of one kind for one sak (or the meeting header when sak is null). */
export interface Section {
  id: string;
  /** Key of the sak the section belongs to: committee|meeting|sak. */
  caseKey: string;
  committee: string;
  meeting: string;
  sak: string | null;
  year: number;
  kind: PassageKind;
  title: string;
}

export interface SearchHit {
  section: Section;
  score: number;
}

/** A word in more than this share of sections ("helse", "direktoratet") tells little and costs much. */
const COMMON = 0.2;

/** Weight of vector similarity against the (normalised) text score in hybrid search. */
const VECTOR_WEIGHT = 1;

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** A question word this long may be one typing slip from the record's word, this long two. */
const ONE_SLIP = 8;
const TWO_SLIPS = 11;
/** Letters a slip leaves as they were at the start of a word. */
const SAME_START = 2;
/** Corrections remembered; past this many they are looked for anew. */
const CORRECTIONS_KEPT = 1000;

/** Sections whose texts go to the embedder in one call. */
const EMBED_BATCH = 256;

export class SearchIndex {
  private readonly text = new InvertedIndex(tokenize, searchTerm);
  /** The sections, by document number in the text index (removed ones leave a gap). */
  private readonly sections: (Section | undefined)[] = [];
  /** Each sak's document numbers, to replace its sections when its text changes. */
  private readonly docsOfCase = new Map<string, number[]>();
  /** The sections' vectors, by document number. */
  private readonly vectors: (number[] | undefined)[] = [];
  /** Abbreviations each section defines: [short form, long form] pairs. */
  private readonly definitionsOf = new Map<number, [string, string][]>();
  /** Abbreviations the record defines: short form (lower case) → long forms; made when first asked. */
  private definedForms: Map<string, string[]> | null = null;
  /** Question terms the record lacks → the record's term they were a slip for (or none), as asked. */
  private readonly corrections = new Map<string, string | null>();

  private constructor(
    private readonly caseKeyOf: (c: CaseRef) => string,
    private readonly embed: Embedder | null,
  ) {}

  /**
   * The index over the sections the store keeps (brought up to the record's revision first): their
   * term counts are read, not the record's text, so a restart does not tokenise the record again.
   * With an embedder, the sections' texts are read once for their vectors.
   */
  static async load(store: Store, caseKeyOf: (c: CaseRef) => string, embed: Embedder | null = null) {
    await syncSearchSections(store);
    const index = new SearchIndex(caseKeyOf, embed);
    const revision = await store.searchIndexRevision();
    const stored = await store.searchSnapshot();
    const snapshot = stored?.revision === revision ? decodeSnapshot(stored.bytes) : null;
    if (snapshot) index.restore(snapshot);
    else {
      const terms = index.text.vocabulary(await store.searchTerms());
      for await (const s of store.searchSections()) index.add(s, terms);
      // Kept for the next start, unless the sections moved while they were read: then they may be
      // of a later revision than the one read first, and the next start builds them again.
      if ((await store.searchIndexRevision()) === revision)
        await store.saveSearchSnapshot(revision, encodeSnapshot(index.snapshot()));
    }
    // A compound counts as its parts too: "liste" finds "legemiddellisten", "journal" "kjernejournal".
    // A term is split by the documents that hold it alone, as the record stood when it was first seen.
    index.text.countAlsoAs((term) => compoundParts(term, (t) => index.text.frequencyAlone(t)));
    index.text.seal();
    if (embed) await index.embedSections(store.passageGroups());
    return index;
  }

  /**
   * Replaces the sections of these saker with the store's (brought up to the record's revision
   * first): what a new innspill or a changed document touches, and nothing else.
   */
  async replace(store: Store, cases: CaseRef[]): Promise<void> {
    await syncSearchSections(store);
    const terms = await store.searchTerms();
    const stored: StoredSearchSection[] = [];
    for await (const s of store.searchSections(cases)) stored.push(s);
    const passages = this.embed ? sectionGroups(await store.passagesFor(cases)) : [];
    // Taken out and put in without a pause, so a search never sees a sak half replaced.
    const gone = cases.flatMap((c) => this.docsOfCase.get(this.caseKeyOf(c)) ?? []);
    this.text.remove(gone);
    this.corrections.clear();
    for (const doc of gone) {
      const section = this.sections[doc]!;
      this.docsOfCase.delete(section.caseKey);
      this.sections[doc] = undefined;
      this.vectors[doc] = undefined;
      this.definitionsOf.delete(doc);
    }
    const vocabulary = this.text.vocabulary(terms);
    for (const s of stored) this.add(s, vocabulary);
    this.definedForms = null;
    if (this.embed) await this.embedSections(passages);
  }

  /** The index as built from the stored sections, before compounds are counted. */
  private snapshot(): IndexSnapshot {
    return {
      sections: this.sections.map((s, doc) => ({ ...s!, definitions: this.definitionsOf.get(doc) ?? [] })),
      text: this.text.state(),
    };
  }

  /** Takes in a snapshot, into an index still empty: the same index `add` makes of its sections. */
  private restore({ sections, text }: IndexSnapshot): void {
    this.text.restore(text);
    sections.forEach((s, doc) => this.place(doc, s, s.definitions));
  }

  private add(s: StoredSearchSection, vocabulary: Vocabulary): void {
    this.place(this.text.addCounted(s.terms, vocabulary, s.length), s, s.definitions);
  }

  /** Files a section's facts under its document number. */
  private place(doc: number, s: Omit<Section, 'id' | 'caseKey'>, definitions: [string, string][]): void {
    const caseKey = this.caseKeyOf(s);
    this.sections[doc] = {
      id: `${caseKey}#${s.kind}`,
      caseKey,
      committee: s.committee,
      meeting: s.meeting,
      sak: s.sak,
      year: s.year,
      kind: s.kind,
      title: s.title,
    };
    const docs = this.docsOfCase.get(caseKey);
    if (docs) docs.push(doc);
    else this.docsOfCase.set(caseKey, [doc]);
    if (definitions.length) this.definitionsOf.set(doc, definitions);
  }

  /** Vectors for the sections these passage groups make. */
  private async embedSections(groups: AsyncIterable<Passage[]> | Passage[][]): Promise<void> {
    const docOf = new Map<string, number>();
    this.sections.forEach((s, doc) => s && docOf.set(s.id, doc));
    let batch: { doc: number; text: string }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const vectors = await this.embed!(batch.map((b) => b.text));
      batch.forEach((b, i) => (this.vectors[b.doc] = vectors[i]));
      batch = [];
    };
    for await (const passages of groups) {
      const doc = docOf.get(`${this.caseKeyOf(passages[0]!)}#${passages[0]!.kind}`);
      if (doc === undefined) continue;
      batch.push({ doc, text: `${this.sections[doc]!.title}\n${sectionText(passages)}`.slice(0, 8000) });
      if (batch.length === EMBED_BATCH) await flush();
    }
    await flush();
  }

  /** The long forms the record gives an abbreviation where it defines it ("GNF" → "grunnleggende …"). */
  defined(word: string): string[] {
    if (!this.definedForms) {
      const forms = new Map<string, Set<string>>();
      for (const pairs of this.definitionsOf.values())
        for (const [short, long] of pairs) {
          const set = forms.get(short);
          if (set) set.add(long);
          else forms.set(short, new Set([long]));
        }
      this.definedForms = new Map([...forms].map(([k, v]) => [k, [...v]]));
    }
    return this.definedForms.get(word.toLowerCase()) ?? [];
  }

  /**
   * The head of a compound word, as the record uses it alone: "samarbeidsgruppene" → "grupp". A
   * text that holds the head speaks of the same kind of thing ("de tre gruppene"). [] for a word
   * that does not split.
   */
  compoundHead(word: string): string[] {
    const term = searchTerm(word);
    const parts = term ? compoundParts(term, (t) => this.text.frequency(t)) : [];
    return parts.length >= 2 ? [parts[1]!] : [];
  }

  /**
   * The record's word for a question word it never uses that is nearly it, a typing slip:
   * "prismodeler" → "prismodell", "kjernejornal" → "kjernejournal". One edit from a word of eight
   * letters or more, two from one of eleven or more, keeping its first two letters; null for a word
   * that is used, short, or near none.
   */
  corrected(word: string): string | null {
    const term = searchTerm(word);
    if (!term || /[^\p{L}]/u.test(term) || this.text.frequency(term) > 0) return null;
    const max = term.length >= TWO_SLIPS ? 2 : term.length >= ONE_SLIP ? 1 : 0;
    // An English word the dictionary holds is a word, not a slip: it is translated, not corrected.
    if (!max || lexicon().enNb.get(word)) return null;
    let fixed = this.corrections.get(term);
    if (fixed === undefined) {
      // A slip keeps the word's first letters: "anfall" is no slip for "antall".
      const near = this.text.nearest(term, max);
      fixed = near && near.slice(0, SAME_START) === term.slice(0, SAME_START) ? near : null;
      if (this.corrections.size >= CORRECTIONS_KEPT) this.corrections.clear();
      this.corrections.set(term, fixed);
    }
    return fixed;
  }

  /** Whether any of the stems (or, for a phrase, each of its words) occurs in the record. */
  known(stems: string[]): boolean {
    const used = (t: string) => this.text.frequency(t) > 0;
    // Split as the index splits ("sør-øst" stands as "sør" and "øst"); a stop word says nothing.
    const usedWord = (w: string) => used(w) || searchTerm(w) === null || used(searchTerm(w)!);
    return stems.some((st) => used(st) || tokenize(st).filter(Boolean).every(usedWord));
  }

  /**
   * How rare a word is in the record (inverse document frequency over sections), given the stems it
   * may stand as. A word found nowhere is as rare as can be.
   */
  rarity(stems: string[]): number {
    // A phrase is as rare as its last word at most; a hyphenated word ("e-helse") is indexed as its
    // parts, so its last part says how often it is used, not the joined stem no section holds.
    const frequency = (st: string): number => {
      const word = st.includes(' ') ? st.split(' ').at(-1)! : st;
      const last = word.includes('-') ? (tokenize(word).filter(Boolean).at(-1) ?? word) : word;
      const asStem = st.includes(' ') || last !== word ? searchTerm(last) : null;
      return Math.max(this.text.frequency(last), asStem ? this.text.frequency(asStem) : 0);
    };
    const df = Math.max(0, ...stems.map(frequency));
    return Math.log(1 + this.text.size / (1 + df));
  }

  /** The words of a query without those most sections share; the rarest ones if all are common. */
  private informative(asked: string[], implied: string[]): string[] {
    const own = new Set(asked.flatMap(tokenize));
    const words = [...new Set([...asked, ...implied].flatMap(tokenize).filter(Boolean))];
    // A word of the question the record never uses is searched as the word it was a slip for, if
    // any; a translation or respelling is not corrected.
    const terms = words.flatMap((w) => {
      const term = searchTerm(w);
      return term ? [(own.has(w) && this.corrected(w)) || term] : [];
    });
    // A word is common by how often it stands alone: "plan" in many compounds is still a topic.
    const share = (t: string) => this.text.frequencyAlone(t) / Math.max(1, this.text.size);
    // Words the record never uses match nothing; of the rest, the common ones are left out.
    const used = terms.filter((t) => share(t) > 0);
    const kept = used.filter((t) => share(t) <= COMMON);
    return kept.length ? kept : used.sort((a, b) => share(a) - share(b)).slice(0, 3);
  }

  get size(): number {
    return this.text.size;
  }

  /**
   * Sections ranked for a question: its topic words and their Norwegian translations, matched by
   * their stems.
   */
  async search(query: string, filters: SearchFilters = {}, limit = 40): Promise<SearchHit[]> {
    const terms = this.informative(topicWords(query), expansions(query));
    const keep = (s: Section) =>
      (!filters.committee || s.committee === filters.committee) &&
      (!filters.meeting || s.meeting === filters.meeting) &&
      (!filters.sak || s.sak === filters.sak) &&
      (!filters.year || s.year === filters.year) &&
      (!filters.kinds?.length || filters.kinds.includes(s.kind));
    /** Score by document number. */
    const scores = new Map<number, number>();
    const results = this.text.search(terms, (doc) => keep(this.sections[doc]!));
    const top = results[0]?.score ?? 1;
    for (const r of results) scores.set(r.doc, r.score / top);
    if (this.embed && this.vectors.some(Boolean)) {
      const [q] = await this.embed([query]);
      this.vectors.forEach((v, doc) => {
        if (!v || !keep(this.sections[doc]!)) return;
        const sim = cosine(q!, v);
        if (sim > 0) scores.set(doc, (scores.get(doc) ?? 0) + VECTOR_WEIGHT * sim);
      });
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([doc, score]) => ({ section: this.sections[doc]!, score }));
  }
}
