// Full-text search over the record. One search document per sak and kind of text (its proposal,
// decision, minutes, memo, agenda facts, slides), with filters for committee, meeting, year, sak
// and kind. MiniSearch with the Norwegian stemmer and stop words (from @orama/stemmers and
// @orama/stopwords); English questions reach Norwegian text through the lexicon. With an embedder
// configured, sections also get vectors and the score is hybrid.
//
// Why section documents and MiniSearch: at 100× the corpus, per-passage documents in Orama took
// 150–1,500 ms a question; sections in MiniSearch take under 30 ms (measured, see README).
import MiniSearch from 'minisearch';
import type { Passage, PassageKind } from '../record/types.ts';
import type { Embedder } from './embeddings.ts';
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
    private readonly engine: MiniSearch<{ id: string; text: string }>,
    private readonly byId: Map<string, Section>,
    /** In how many sections each indexed term occurs. */
    private readonly df: Map<string, number>,
    private readonly vectors: Map<string, number[]> | null,
    private readonly embed: Embedder | null,
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
    // Document frequencies are counted while MiniSearch reads each section, so the text is
    // tokenised once.
    const df = new Map<string, number>();
    let seen = new Set<string>();
    const engine = new MiniSearch<{ id: string; text: string }>({
      // One field: a sak's title stands in its agenda section, and titles weigh in when the
      // answerer reranks; a second field would double the index.
      fields: ['text'],
      storeFields: [],
      tokenize,
      processTerm: (term) => {
        const t = searchTerm(term);
        if (t) seen.add(t);
        return t;
      },
      searchOptions: { processTerm: searchTerm },
    });
    const byId = new Map<string, Section>();
    const vectors = embed ? new Map<string, number[]>() : null;
    let unembedded: { id: string; text: string }[] = [];
    const embedPending = async () => {
      if (!embed || !vectors || !unembedded.length) return;
      const v = await embed(unembedded.map((u) => u.text));
      unembedded.forEach((u, i) => vectors.set(u.id, v[i]!));
      unembedded = [];
    };
    for await (const passages of groups) {
      const section = sectionOf(passages, caseKeyOf(passages[0]!));
      const text = passages.map((p) => p.text).join('\n');
      byId.set(section.id, section);
      seen = new Set();
      engine.add({ id: section.id, text });
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
      if (vectors) {
        unembedded.push({ id: section.id, text: `${section.title}\n${text}`.slice(0, 8000) });
        if (unembedded.length === EMBED_BATCH) await embedPending();
      }
    }
    await embedPending();
    return new SearchIndex(engine, byId, df, vectors?.size ? vectors : null, vectors?.size ? embed : null);
  }

  /**
   * How rare a word is in the record (inverse document frequency over sections), given the stems it
   * may stand as. A word found nowhere is as rare as can be.
   */
  /** Whether any of the stems (or, for a phrase, each of its words) occurs in the record. */
  known(stems: string[]): boolean {
    return stems.some((st) => st.split(' ').every((w) => this.df.has(searchTerm(w) ?? w) || this.df.has(w)));
  }

  rarity(stems: string[]): number {
    const df = Math.max(
      0,
      ...stems.map(
        (st) => this.df.get(st.includes(' ') ? (searchTerm(st.split(' ').at(-1)!) ?? st) : st) ?? 0,
      ),
    );
    return Math.log(1 + this.byId.size / (1 + df));
  }

  /** The words of a query without those most sections share; the rarest ones if all are common. */
  private informative(phrases: string[]): string[] {
    const words = [...new Set(phrases.flatMap(tokenize).filter(Boolean))];
    const share = (w: string) => (this.df.get(searchTerm(w) ?? '') ?? 0) / Math.max(1, this.byId.size);
    // Words the record never uses match nothing; of the rest, the common ones are left out.
    const used = words.filter((w) => searchTerm(w) && share(w) > 0);
    const kept = used.filter((w) => share(w) <= COMMON);
    return kept.length ? kept : used.sort((a, b) => share(a) - share(b)).slice(0, 3);
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Sections ranked for a question: its topic words and their Norwegian translations, matched with
   * stemming and a little prefix matching for compounds ("prismodell" → "prismodeller").
   */
  async search(query: string, filters: SearchFilters = {}, limit = 40): Promise<SearchHit[]> {
    const terms = this.informative([...topicWords(query), ...expansions(query)]).join(' ');
    const keep = (s: Section) =>
      (!filters.committee || s.committee === filters.committee) &&
      (!filters.meeting || s.meeting === filters.meeting) &&
      (!filters.sak || s.sak === filters.sak) &&
      (!filters.year || s.year === filters.year) &&
      (!filters.kinds?.length || filters.kinds.includes(s.kind));
    const scores = new Map<string, number>();
    if (terms.trim()) {
      const results = this.engine.search(terms, {
        prefix: false,
        filter: (r) => keep(this.byId.get(r.id as string)!),
      });
      const top = results[0]?.score ?? 1;
      for (const r of results) scores.set(r.id as string, r.score / top);
    }
    if (this.vectors && this.embed) {
      const [q] = await this.embed([query]);
      for (const [id, v] of this.vectors) {
        const s = this.byId.get(id)!;
        if (!keep(s)) continue;
        const sim = cosine(q!, v);
        if (sim > 0) scores.set(id, (scores.get(id) ?? 0) + VECTOR_WEIGHT * sim);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id, score]) => ({ section: this.byId.get(id)!, score }));
  }
}
