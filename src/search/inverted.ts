// A compact inverted index with BM25+ ranking, for the section documents of the search index.
// Documents come and go one at a time (a sak's section is replaced when its text changes), so the
// index is never rebuilt whole for one change.
//
// Why not MiniSearch, which this replaced: it keeps a Map entry (≈40 bytes) per term and document
// and builds an object per matching document on every search. At 100× the corpus that was 60 MB
// of live heap and hundreds of MB of garbage per round of questions, which V8 let the heap grow
// with (peak RSS ≈ 500 MB). Here a term's postings are two typed arrays and a search scores into
// one Float64Array. Scores and the order of ties are MiniSearch's (7.x, defaults, one field, exact
// terms), so rankings are the same.

import { distance } from 'fastest-levenshtein';

/** MiniSearch's BM25+ parameters. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** The documents a term occurs in (ascending) and how often it occurs in each. */
class Postings {
  docs: Uint32Array = new Uint32Array(4);
  counts: Uint32Array = new Uint32Array(4);
  size = 0;

  /** Appends a document numbered above every document already here. */
  add(doc: number, count: number): void {
    if (this.size === this.docs.length) {
      const docs = new Uint32Array(Math.max(4, this.size * 2));
      const counts = new Uint32Array(Math.max(4, this.size * 2));
      docs.set(this.docs);
      counts.set(this.counts);
      this.docs = docs;
      this.counts = counts;
    }
    this.docs[this.size] = doc;
    this.counts[this.size] = count;
    this.size++;
  }

  /** Takes a document out; false when it was not here. */
  remove(doc: number): boolean {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.docs[mid]!;
      if (d < doc) lo = mid + 1;
      else if (d > doc) hi = mid - 1;
      else {
        this.docs.copyWithin(mid, mid + 1, this.size);
        this.counts.copyWithin(mid, mid + 1, this.size);
        this.size--;
        return true;
      }
    }
    return false;
  }

  /** Lets go of the room kept for growth. */
  trim(): void {
    if (this.size === this.docs.length) return;
    this.docs = this.docs.slice(0, this.size);
    this.counts = this.counts.slice(0, this.size);
  }
}

export interface Scored {
  /** The document's number: the order it was added in, from 0. */
  doc: number;
  score: number;
}

/** What the index keeps of a document's text: how often each term occurs, and its BM25 length. */
export interface AnalysedText {
  counts: Map<string, number>;
  /** Distinct tokens (before terms are processed). */
  length: number;
}

/** Reads a text the way the index counts it. */
export function analyse(
  text: string,
  tokenize: (text: string) => string[],
  termOf: (token: string) => string | null,
): AnalysedText {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (const token of tokens) {
    const term = termOf(token);
    if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return { counts, length: new Set(tokens).size };
}

/**
 * What an index holds before compounds are counted: each term's own postings, and the documents'
 * lengths. Enough to make the same index again without the documents (see ./snapshot.ts).
 */
export interface InvertedState {
  terms: string[];
  /** Each term's documents and counts, in the order of `terms`. */
  postings: { docs: Uint32Array; counts: Uint32Array }[];
  /** BM25 length by document number. */
  lengths: Uint32Array;
  averageLength: number;
}

/** Terms by number, with their postings once met. */
export interface Vocabulary {
  readonly terms: readonly string[];
  readonly postings: (Postings | undefined)[];
}

export class InvertedIndex {
  /** Each term's postings from the documents that hold the term itself. */
  private readonly own = new Map<string, Postings>();
  /** The terms that count as each part too (a part's compounds), once `countAlsoAs` is called. */
  private readonly compoundsOf = new Map<string, Set<string>>();
  /** A term's parts, as first given by `partsOf`. */
  private readonly partsOfTerm = new Map<string, Set<string>>();
  /**
   * A part's postings with its compounds' counted in, made when first asked and dropped when a
   * document holding the part or one of its compounds comes or goes.
   */
  private readonly merged = new Map<string, Postings>();
  private partsOf: ((term: string) => string[]) | null = null;
  /** Distinct tokens per document number, BM25's document length (0 once a document is removed). */
  private lengths = new Uint32Array(1024);
  private averageLength = 0;
  /** Document numbers handed out; a removed document's number is not reused. */
  private numbers = 0;
  /** Documents in the index. */
  private count = 0;

  constructor(
    private readonly tokenize: (text: string) => string[],
    /** The term a token is indexed as, or null for none (a stop word). */
    private readonly termOf: (token: string) => string | null,
  ) {}

  /** Adds a document and returns its number. */
  add(text: string): number {
    return this.addAnalysed(analyse(text, this.tokenize, this.termOf));
  }

  /** Adds a document read by `analyse` and returns its number. */
  addAnalysed({ counts, length }: AnalysedText): number {
    const terms = [...counts.keys()];
    const pairs = new Uint32Array(terms.length * 2);
    terms.forEach((_, i) => {
      pairs[2 * i] = i;
      pairs[2 * i + 1] = counts.get(terms[i]!)!;
    });
    return this.addCounted(pairs, this.vocabulary(terms), length);
  }

  /** Terms by number, for `addCounted`; good until a document is removed. */
  vocabulary(terms: readonly string[]): Vocabulary {
    // A packed array: one filled at random numbers would fall back to a slow dictionary.
    return { terms, postings: new Array<Postings | undefined>(terms.length).fill(undefined) };
  }

  /**
   * Adds a document given as (term number, count) pairs of a vocabulary, with its length in
   * distinct tokens, and returns its number: how a stored section comes back without its text.
   */
  addCounted(pairs: Uint32Array, vocabulary: Vocabulary, length: number): number {
    const doc = this.numbers++;
    const fresh: string[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const id = pairs[i]!;
      // Looked up by number once per vocabulary: a load adds a million pairs over a few thousand terms.
      let p = vocabulary.postings[id];
      if (!p) {
        const term = vocabulary.terms[id]!;
        p = this.own.get(term);
        if (!p) {
          this.own.set(term, (p = new Postings()));
          fresh.push(term);
        }
        vocabulary.postings[id] = p;
      }
      p.add(doc, pairs[i + 1]!);
      // Merged postings exist only once compounds are counted (after a load): then keep them true.
      if (this.partsOf) this.touched(vocabulary.terms[id]!);
    }
    if (doc === this.lengths.length) {
      const lengths = new Uint32Array(doc * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.lengths[doc] = length;
    // A running mean, updated as MiniSearch does, so that scores match to the last bit.
    this.averageLength = (this.averageLength * this.count + length) / (this.count + 1);
    this.count++;
    // A word new to the index is split once it is counted; words already split keep their parts.
    if (this.partsOf) for (const term of fresh) if (!this.partsOfTerm.has(term)) this.split(term);
    return doc;
  }

  /** Takes documents out of the index (their numbers stay unused). */
  remove(docs: number[]): void {
    const gone = docs.filter((doc) => doc < this.numbers && this.lengths[doc]);
    if (!gone.length) return;
    for (const [term, p] of this.own) {
      let changed = false;
      for (const doc of gone) changed = p.remove(doc) || changed;
      if (!changed) continue;
      this.touched(term);
      if (!p.size) this.own.delete(term);
    }
    for (const doc of gone) {
      const length = this.lengths[doc]!;
      this.lengths[doc] = 0;
      // MiniSearch's update of the mean when a document is discarded.
      this.averageLength = this.count > 1 ? (this.averageLength * this.count - length) / (this.count - 1) : 0;
      this.count--;
    }
  }

  /**
   * Lets each term's occurrences count as occurrences of other terms too (a compound's as its
   * parts'), so that searching a part finds the documents holding the whole. `partsOf` is asked once
   * per term, before any of the counts move, so it sees the frequencies of the documents as added;
   * a term first added later is asked when it comes.
   */
  countAlsoAs(partsOf: (term: string) => string[]): void {
    const parts = [...this.own.keys()].map((term) => [term, partsOf(term)] as const);
    this.partsOf = partsOf;
    for (const [term, list] of parts) this.register(term, list);
  }

  /** The index's state, for an index with no documents removed and compounds not yet counted. */
  state(): InvertedState {
    const terms = [...this.own.keys()];
    return {
      terms,
      postings: terms.map((t) => {
        const p = this.own.get(t)!;
        return { docs: p.docs.subarray(0, p.size), counts: p.counts.subarray(0, p.size) };
      }),
      lengths: this.lengths.subarray(0, this.numbers),
      averageLength: this.averageLength,
    };
  }

  /** Takes in a state given by `state()` (of another index), into an index still empty. */
  restore(state: InvertedState): void {
    state.terms.forEach((term, i) => {
      const p = new Postings();
      // Views of the state's arrays: a document added later makes a term's arrays anew.
      p.docs = state.postings[i]!.docs;
      p.counts = state.postings[i]!.counts;
      p.size = p.docs.length;
      this.own.set(term, p);
    });
    this.lengths = new Uint32Array(Math.max(1024, state.lengths.length));
    this.lengths.set(state.lengths);
    this.numbers = this.count = state.lengths.length;
    this.averageLength = state.averageLength;
  }

  /** Drops the room kept for growth: call once a batch of documents is added. */
  seal(): void {
    for (const p of this.own.values()) p.trim();
  }

  /** In how many documents a term occurs. */
  frequency(term: string): number {
    return this.postings(term)?.size ?? 0;
  }

  /**
   * The indexed term a term the index lacks is nearest, within `max` edits: the most used of those
   * nearest, or null. Searched in the terms of about the same length only.
   */
  nearest(term: string, max: number): string | null {
    let best: string | null = null;
    let bestDistance = max + 1;
    let bestUse = 0;
    for (const [t, postings] of this.own) {
      if (Math.abs(t.length - term.length) > max || postings.size === 0) continue;
      const d = distance(t, term);
      if (d < bestDistance || (d === bestDistance && postings.size > bestUse))
        [best, bestDistance, bestUse] = [t, d, postings.size];
    }
    return bestDistance <= max ? best : null;
  }

  /** In how many documents a term occurs itself, not counting the terms that count as it too. */
  frequencyAlone(term: string): number {
    return this.own.get(term)?.size ?? 0;
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.count;
  }

  /**
   * The documents holding any of the terms (already processed; a term given twice counts twice),
   * best first. A document scores the sum of each term's BM25+, times how many distinct terms it
   * holds. Equal scores keep the order in which the documents were first met.
   */
  search(terms: string[], keep: (doc: number) => boolean): Scored[] {
    const scores = new Float64Array(this.numbers);
    const matched = new Uint16Array(this.numbers);
    const met: number[] = [];
    const counted = new Set<string>();
    for (const term of terms) {
      const p = this.postings(term);
      if (!p) continue;
      const first = !counted.has(term);
      counted.add(term);
      const idf = Math.log(1 + (this.count - p.size + 0.5) / (p.size + 0.5));
      for (let i = 0; i < p.size; i++) {
        const doc = p.docs[i]!;
        const tf = p.counts[i]!;
        const norm = 1 - B + (B * this.lengths[doc]!) / this.averageLength;
        const score = idf * (D + (tf * (K + 1)) / (tf + K * norm));
        if (!matched[doc]) met.push(doc);
        if (first) matched[doc]!++;
        scores[doc]! += score;
      }
    }
    const out: Scored[] = [];
    for (const doc of met) if (keep(doc)) out.push({ doc, score: scores[doc]! * matched[doc]! });
    return out.sort((a, b) => b.score - a.score);
  }

  private split(term: string): void {
    this.register(term, this.partsOf!(term));
  }

  private register(term: string, parts: string[]): void {
    const set = new Set(parts.filter((part) => part !== term));
    this.partsOfTerm.set(term, set);
    for (const part of set) {
      let compounds = this.compoundsOf.get(part);
      if (!compounds) this.compoundsOf.set(part, (compounds = new Set()));
      compounds.add(term);
      this.merged.delete(part);
    }
  }

  /** A term's postings changed: the merged postings it is part of are stale. */
  private touched(term: string): void {
    this.merged.delete(term);
    for (const part of this.partsOfTerm.get(term) ?? []) this.merged.delete(part);
  }

  /** A term's postings as searched: its own, with those of the compounds it is part of counted in. */
  private postings(term: string): Postings | undefined {
    const compounds = this.compoundsOf.get(term);
    if (!compounds) return this.own.get(term);
    let merged = this.merged.get(term);
    if (merged) return merged;
    // Counts summed per document number, then read in order, keep the postings ascending.
    const counts = new Uint32Array(this.numbers);
    const own = this.own.get(term);
    for (const p of own
      ? [own, ...[...compounds].map((c) => this.own.get(c))]
      : [...compounds].map((c) => this.own.get(c)))
      if (p) for (let i = 0; i < p.size; i++) counts[p.docs[i]!]! += p.counts[i]!;
    merged = new Postings();
    for (let doc = 0; doc < this.numbers; doc++) if (counts[doc]) merged.add(doc, counts[doc]!);
    merged.trim();
    this.merged.set(term, merged);
    return merged;
  }
}
