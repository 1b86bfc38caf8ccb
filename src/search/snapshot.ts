// The search index as one blob per revision: its sections' facts and each term's postings, as the
// index holds them once built. At 100× the corpus, loading the index from its 17,327 stored
// sections (1.5 million counted terms, one row each) took 0.38–0.49 s of a start; from the blob,
// 0.13–0.14 s (measured by hand). The blob is derived: whoever builds the index from the sections
// at a revision with no blob keeps one, and it is read only at that revision.
//
// Layout: the byte length of a JSON head (4 bytes, little-endian), the head, padding to 4 bytes,
// then unsigned 32-bit numbers: the documents' lengths, then per term its documents and counts.
import type { InvertedState } from './inverted.ts';
import type { PassageKind } from '../record/types.ts';
import type { StoredSearchSection } from '../store/types.ts';

/** A section's facts, as the index keeps them (without its text or terms). */
export type SnapshotSection = Omit<StoredSearchSection, 'length' | 'terms'>;

export interface IndexSnapshot {
  /** By document number. */
  sections: SnapshotSection[];
  text: InvertedState;
}

/** Bumped when the layout changes: a blob of another version is not read (the index is built). */
const VERSION = 1;

interface Head {
  version: number;
  averageLength: number;
  terms: string[];
  sizes: number[];
  sections: [string, string, string | null, PassageKind, string, number][];
  definitions: [number, [string, string][]][];
}

export function encodeSnapshot({ sections, text }: IndexSnapshot): Uint8Array {
  const head: Head = {
    version: VERSION,
    averageLength: text.averageLength,
    terms: text.terms,
    sizes: text.postings.map((p) => p.docs.length),
    sections: sections.map((s) => [s.committee, s.meeting, s.sak, s.kind, s.title, s.year]),
    definitions: sections.flatMap((s, doc) => (s.definitions.length ? [[doc, s.definitions]] : [])),
  };
  const json = Buffer.from(JSON.stringify(head));
  const start = 4 + json.length + ((4 - ((4 + json.length) % 4)) % 4);
  const numbers = text.lengths.length + 2 * head.sizes.reduce((a, b) => a + b, 0);
  const bytes = new Uint8Array(start + 4 * numbers);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  const body = new Uint32Array(bytes.buffer, start, numbers);
  body.set(text.lengths);
  let at = text.lengths.length;
  for (const p of text.postings) {
    body.set(p.docs, at);
    body.set(p.counts, at + p.docs.length);
    at += 2 * p.docs.length;
  }
  return bytes;
}

/** The snapshot in these bytes; null for a blob of another layout version. */
export function decodeSnapshot(stored: Uint8Array): IndexSnapshot | null {
  // One copy into a fresh buffer: a Uint32Array needs 4-byte alignment, and its views outlive the driver's buffer.
  const bytes = stored.slice();
  const length = new DataView(bytes.buffer).getUint32(0, true);
  const head = JSON.parse(Buffer.from(bytes.buffer, 4, length).toString('utf8')) as Head;
  if (head.version !== VERSION) return null;
  const start = 4 + length + ((4 - ((4 + length) % 4)) % 4);
  const body = new Uint32Array(bytes.buffer, start, (bytes.length - start) / 4);
  const definitions = new Map(head.definitions);
  const sections = head.sections.map(
    ([committee, meeting, sak, kind, title, year], doc): SnapshotSection => ({
      committee,
      meeting,
      sak,
      kind,
      title,
      year,
      definitions: definitions.get(doc) ?? [],
    }),
  );
  let at = sections.length;
  const postings = head.sizes.map((size) => {
    const p = { docs: body.subarray(at, at + size), counts: body.subarray(at + size, at + 2 * size) };
    at += 2 * size;
    return p;
  });
  return {
    sections,
    text: {
      terms: head.terms,
      postings,
      lengths: body.subarray(0, sections.length),
      averageLength: head.averageLength,
    },
  };
}
