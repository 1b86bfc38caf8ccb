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
import { definitions } from './acronyms.ts';
import { compoundParts } from './compounds.ts';
import type { Embedder } from './embeddings.ts';
import { InvertedIndex } from './inverted.ts';
import { expansions } from './lexicon.ts';
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

const tokenize = (s: string) => s.split(/[^\p{L}\p{N}@]+/u);

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

/** The section a group of passages (one sak, one kind) makes. */
function sectionOf(passages: Passage[], caseKey: string): Section {
  const p = passages[0]!;
  return {
    id: `${caseKey}#${p.kind}`,
    caseKey,
    committee: p.committee,
    meeting: p.meeting,
    sak: p.sak,
    year: p.date ? Number(p.date.slice(0, 4)) : 0,
    kind: p.kind,
    title: p.title ?? '',
  };
}

/** Sections whose texts go to the embedder in one call. */
const EMBED_BATCH = 256;

export class SearchIndex {
  private constructor(
    private readonly text: InvertedIndex,
    /** The sections, by document number in the text index. */
    private readonly sections: Section[],
    /** The sections' vectors, by document number. */
    private readonly vectors: number[][] | null,
    private readonly embed: Embedder | null,
    /** Abbreviations the record defines: short form (lower case) → long forms. */
    private readonly definedForms: Map<string, string[]> = new Map(),
  ) {}

  /**
   * Indexes the record one group of passages (a sak's passages of one kind) at a time: a group's
   * text is read, indexed and let go before the next, so the index never holds the record's text.
   */
  static async build(
    groups: AsyncIterable<Passage[]>,
    caseKeyOf: (p: Passage) => string,
    embed: Embedder | null = null,
  ): Promise<SearchIndex> {
    // One document per section: a sak's title stands in its agenda section, and titles weigh in
    // when the answerer reranks; indexing them apart would double the index.
    const text = new InvertedIndex(tokenize, searchTerm);
    const sections: Section[] = [];
    const vectors: number[][] = [];
    let unembedded: string[] = [];
    const embedPending = async () => {
      if (!embed || !unembedded.length) return;
      vectors.push(...(await embed(unembedded)));
      unembedded = [];
    };
    const defined = new Map<string, Set<string>>();
    for await (const passages of groups) {
      const section = sectionOf(passages, caseKeyOf(passages[0]!));
      const joined = passages.map((p) => p.text).join('\n');
      definitions(joined, defined);
      sections[text.add(joined)] = section;
      if (embed) {
        unembedded.push(`${section.title}\n${joined}`.slice(0, 8000));
        if (unembedded.length === EMBED_BATCH) await embedPending();
      }
    }
    await embedPending();
    // A compound counts as its parts too: "liste" finds "legemiddellisten", "journal" "kjernejournal".
    text.countAlsoAs((term) => compoundParts(term, (t) => text.frequency(t)));
    text.seal();
    return new SearchIndex(
      text,
      sections,
      vectors.length ? vectors : null,
      vectors.length ? embed : null,
      new Map([...defined].map(([k, v]) => [k, [...v]])),
    );
  }

  /** The long forms the record gives an abbreviation where it defines it ("GNF" → "grunnleggende …"). */
  defined(word: string): string[] {
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

  /** Whether any of the stems (or, for a phrase, each of its words) occurs in the record. */
  known(stems: string[]): boolean {
    const used = (t: string) => this.text.frequency(t) > 0;
    return stems.some((st) => st.split(' ').every((w) => used(searchTerm(w) ?? w) || used(w)));
  }

  /**
   * How rare a word is in the record (inverse document frequency over sections), given the stems it
   * may stand as. A word found nowhere is as rare as can be.
   */
  rarity(stems: string[]): number {
    const df = Math.max(
      0,
      ...stems.map((st) =>
        this.text.frequency(st.includes(' ') ? (searchTerm(st.split(' ').at(-1)!) ?? st) : st),
      ),
    );
    return Math.log(1 + this.sections.length / (1 + df));
  }

  /** The words of a query without those most sections share; the rarest ones if all are common. */
  private informative(phrases: string[]): string[] {
    const words = [...new Set(phrases.flatMap(tokenize).filter(Boolean))];
    // A word is common by how often it stands alone: "plan" in many compounds is still a topic.
    const share = (w: string) =>
      this.text.frequencyAlone(searchTerm(w) ?? '') / Math.max(1, this.sections.length);
    // Words the record never uses match nothing; of the rest, the common ones are left out.
    const used = words.filter((w) => searchTerm(w) && share(w) > 0);
    const kept = used.filter((w) => share(w) <= COMMON);
    return kept.length ? kept : used.sort((a, b) => share(a) - share(b)).slice(0, 3);
  }

  get size(): number {
    return this.sections.length;
  }

  /**
   * Sections ranked for a question: its topic words and their Norwegian translations, matched by
   * their stems.
   */
  async search(query: string, filters: SearchFilters = {}, limit = 40): Promise<SearchHit[]> {
    const terms = this.informative([...topicWords(query), ...expansions(query)]).map((w) => searchTerm(w)!);
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
    if (this.vectors && this.embed) {
      const [q] = await this.embed([query]);
      this.vectors.forEach((v, doc) => {
        if (!keep(this.sections[doc]!)) return;
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
