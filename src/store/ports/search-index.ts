// The search-index port: the index over the record's sak sections as the store keeps it, with its
// terms already counted, so a restart reads numbers instead of tokenising the record again. It is
// a port of its own rather than part of the record: it is derived from the record, has its own
// revision (which may lag the record's) and its own write rule (replace only from the revision the
// writer read), and a reader of the record never needs it.
import type { PassageKind } from '../../record/types.ts';
import type { CaseRef } from './record.ts';

/** One section of the search index (a sak's passages of one kind), its terms counted. */
export interface StoredSearchSection {
  committee: string;
  meeting: string;
  sak: string | null;
  kind: PassageKind;
  title: string;
  year: number;
  /** Distinct tokens of the text: BM25's document length. */
  length: number;
  /** (term number, count) pairs; term numbers come from `searchTermIds`. */
  terms: Uint32Array;
  /** Abbreviations the text defines: [short form, long form] pairs, lower case. */
  definitions: [string, string][];
}

export interface SearchIndexPort {
  /** The search index's terms, by number (numbers without a term are empty). */
  searchTerms(): Promise<string[]>;
  /** The numbers of these terms; a term new to the store gets one. Numbers never change. */
  searchTermIds(terms: string[]): Promise<number[]>;
  /** The record revision the stored search sections reflect (0: none counted yet). */
  searchIndexRevision(): Promise<number>;
  /**
   * Replaces the stored sections of these saker (or all) and moves the search index from revision
   * `from` to `to` — only when it still stands at `from`: false when another process moved it.
   */
  replaceSearchSections(change: {
    from: number;
    to: number;
    cases: CaseRef[] | 'all';
    sections: StoredSearchSection[];
  }): Promise<boolean>;
  /** The stored sections (all, or those of these saker) in record order: by their first passage. */
  searchSections(cases?: CaseRef[]): AsyncIterable<StoredSearchSection>;
  /** The index as one blob, as last saved, with the revision it was built at; null when none is. */
  searchSnapshot(): Promise<{ revision: number; bytes: Uint8Array } | null>;
  /**
   * Keeps the index built at `revision` as one blob, replacing any before — only while the stored
   * sections still stand at that revision: false (and nothing kept) when they have moved.
   */
  saveSearchSnapshot(revision: number, bytes: Uint8Array): Promise<boolean>;
}
