// A compact inverted index with BM25+ ranking, for the section documents of the search index.
//
// Why not MiniSearch, which this replaces: it keeps a Map entry (≈40 bytes) per term and document
// and builds an object per matching document on every search. At 100× the corpus that was 60 MB
// of live heap and hundreds of MB of garbage per round of questions, which V8 let the heap grow
// with (peak RSS ≈ 500 MB). Here a term's postings are two typed arrays and a search scores into
// one Float64Array. Scores and the order of ties are MiniSearch's (7.x, defaults, one field, exact
// terms), so rankings are the same.

/** MiniSearch's BM25+ parameters. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** The documents a term occurs in (ascending) and how often it occurs in each. */
class Postings {
  docs = new Uint32Array(4);
  counts = new Uint32Array(4);
  size = 0;

  add(doc: number, count: number): void {
    if (this.size === this.docs.length) {
      const docs = new Uint32Array(this.size * 2);
      const counts = new Uint32Array(this.size * 2);
      docs.set(this.docs);
      counts.set(this.counts);
      this.docs = docs;
      this.counts = counts;
    }
    this.docs[this.size] = doc;
    this.counts[this.size] = count;
    this.size++;
  }

  /** Lets go of the room kept for growth, once no more documents come. */
  trim(): void {
    this.docs = this.docs.slice(0, this.size);
    this.counts = this.counts.slice(0, this.size);
  }
}

export interface Scored {
  /** The document's number: the order it was added in, from 0. */
  doc: number;
  score: number;
}

export class InvertedIndex {
  private readonly postings = new Map<string, Postings>();
  /** In how many documents a term stood itself, for the terms that `countAlsoAs` added to. */
  private readonly alone = new Map<string, number>();
  /** Distinct tokens per document (before terms are processed), BM25's document length. */
  private lengths = new Uint32Array(1024);
  private averageLength = 0;
  private count = 0;

  constructor(
    private readonly tokenize: (text: string) => string[],
    /** The term a token is indexed as, or null for none (a stop word). */
    private readonly termOf: (token: string) => string | null,
  ) {}

  /** Adds a document and returns its number. */
  add(text: string): number {
    const doc = this.count++;
    const tokens = this.tokenize(text);
    const frequencies = new Map<string, number>();
    for (const token of tokens) {
      const term = this.termOf(token);
      if (term) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
    for (const [term, n] of frequencies) {
      let p = this.postings.get(term);
      if (!p) this.postings.set(term, (p = new Postings()));
      p.add(doc, n);
    }
    if (doc === this.lengths.length) {
      const lengths = new Uint32Array(doc * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    const length = new Set(tokens).size;
    this.lengths[doc] = length;
    // A running mean, updated as MiniSearch does, so that scores match to the last bit.
    this.averageLength = (this.averageLength * doc + length) / (doc + 1);
    return doc;
  }

  /**
   * Lets each term's occurrences count as occurrences of other terms too (a compound's as its
   * parts'), so that searching a part finds the documents holding the whole. `partsOf` is asked once
   * per term, before any of the counts move, so it sees the frequencies of the documents as added.
   * Call before `seal`.
   */
  countAlsoAs(partsOf: (term: string) => string[]): void {
    const sources = new Map<string, Postings[]>();
    for (const [term, p] of this.postings)
      for (const part of new Set(partsOf(term))) {
        if (part === term) continue;
        const list = sources.get(part);
        if (list) list.push(p);
        else sources.set(part, [p]);
      }
    // One count per document, reused part after part, keeps the merged postings in document order.
    const counts = new Uint32Array(this.count);
    for (const [part, from] of sources) {
      const own = this.postings.get(part);
      this.alone.set(part, own?.size ?? 0);
      for (const p of own ? [own, ...from] : from)
        for (let i = 0; i < p.size; i++) counts[p.docs[i]!]! += p.counts[i]!;
      const merged = new Postings();
      for (let doc = 0; doc < this.count; doc++) {
        if (!counts[doc]) continue;
        merged.add(doc, counts[doc]!);
        counts[doc] = 0;
      }
      this.postings.set(part, merged);
    }
  }

  /** Call once every document is added: drops the room kept for growth. */
  seal(): void {
    for (const p of this.postings.values()) p.trim();
    this.lengths = this.lengths.slice(0, this.count);
  }

  /** In how many documents a term occurs. */
  frequency(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  /** In how many documents a term occurs itself, not counting the terms that count as it too. */
  frequencyAlone(term: string): number {
    return this.alone.get(term) ?? this.frequency(term);
  }

  /**
   * The documents holding any of the terms (already processed; a term given twice counts twice),
   * best first. A document scores the sum of each term's BM25+, times how many distinct terms it
   * holds. Equal scores keep the order in which the documents were first met.
   */
  search(terms: string[], keep: (doc: number) => boolean): Scored[] {
    const scores = new Float64Array(this.count);
    const matched = new Uint16Array(this.count);
    const met: number[] = [];
    const counted = new Set<string>();
    for (const term of terms) {
      const p = this.postings.get(term);
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
}
