// Full-text search over the record's passages: Orama with Norwegian stemming and stop words,
// filters for committee, meeting, year, sak and kind, and lexicon expansion for English questions.
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import { stemmer } from '@orama/stemmers/norwegian';
import { stopwords } from '@orama/stopwords/norwegian';
import type { Passage, PassageKind } from '../record/types.ts';
import type { Embedder } from './embeddings.ts';
import { expansions } from './lexicon.ts';

export interface SearchFilters {
  committee?: string;
  meeting?: string;
  year?: number;
  sak?: string;
  kinds?: PassageKind[];
}

export interface SearchHit {
  passage: Passage;
  score: number;
}

const schema = {
  text: 'string',
  title: 'string',
  committee: 'enum',
  meeting: 'enum',
  sak: 'enum',
  kind: 'enum',
  year: 'number',
} as const;

export class SearchIndex {
  private constructor(
    private readonly db: AnyOrama,
    private readonly byId: Map<string, Passage>,
    private readonly embed: Embedder | null,
  ) {}

  /** With an embedder, passages also get vectors and searches are hybrid (text + vectors). */
  static async build(passages: Passage[], embed: Embedder | null = null): Promise<SearchIndex> {
    const vectors =
      embed && passages.length ? await embed(passages.map((p) => `${p.title ?? ''}\n${p.text}`)) : null;
    const dims = vectors?.[0]?.length;
    const db = create({
      schema: dims ? { ...schema, embedding: `vector[${dims}]` as const } : schema,
      components: { tokenizer: { language: 'norwegian', stemming: true, stemmer, stopWords: stopwords } },
    });
    await insertMultiple(
      db,
      passages.map((p, i) => ({
        ...(vectors ? { embedding: vectors[i] } : {}),
        id: p.id,
        text: p.text,
        title: p.title ?? '',
        committee: p.committee,
        meeting: p.meeting,
        sak: p.sak ?? '',
        kind: p.kind,
        year: p.date ? Number(p.date.slice(0, 4)) : 0,
      })),
      1000,
    );
    return new SearchIndex(db, new Map(passages.map((p) => [p.id, p])), dims ? embed : null);
  }

  get size(): number {
    return this.byId.size;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** Ranked passages for a question (English words are expanded to their Norwegian terms). */
  async search(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchHit[]> {
    const term = [query, ...expansions(query)].join(' ');
    const where: Record<string, unknown> = {};
    if (filters.committee) where.committee = { eq: filters.committee };
    if (filters.meeting) where.meeting = { eq: filters.meeting };
    if (filters.sak) where.sak = { eq: filters.sak };
    if (filters.kinds?.length) where.kind = { in: filters.kinds };
    if (filters.year) where.year = { eq: filters.year };
    const vector = this.embed ? { value: (await this.embed([query]))[0]!, property: 'embedding' } : undefined;
    const res = await search(this.db, {
      ...(vector ? { mode: 'hybrid', vector, similarity: 0.2 } : {}),
      term,
      properties: ['text', 'title'],
      boost: { title: 1.5 },
      where: Object.keys(where).length ? where : undefined,
      limit,
      threshold: 1,
    } as Parameters<typeof search>[1]);
    return res.hits.flatMap((h) => {
      const passage = this.byId.get(String(h.id));
      return passage ? [{ passage, score: h.score }] : [];
    });
  }
}
