// Small documents for the store tests: passages of one fictional meeting (NUIT møte 1/2031), built
// by the few fields a test is about.
import type { NewPassage } from '../../src/record/passages.ts';
import type { NewDocument } from '../../src/store/types.ts';

/** A passage of the meeting in a.txt; its text says its line unless the test names one. */
export const passage = (
  sak: string | null,
  kind: 'agenda' | 'memo',
  line: number,
  text = `tekst ${line}`,
): NewPassage => ({
  committee: 'NUIT',
  meeting: '1/2031',
  date: '2031-01-01',
  sak,
  title: sak && `Sak ${sak}`,
  kind,
  text,
  source: 'a.txt',
  locator: { line },
});

/** A document of these passages, hashed by its name. */
export const document = (passages: NewPassage[], source = 'a.txt'): NewDocument => ({
  source,
  hash: source,
  format: 'txt',
  meetings: [],
  passages: passages.map((p) => ({ ...p, source })),
});

/**
 * A document whose passage count is written in its hash, and each passage in its version: a reader
 * can tell a whole document from half of one, and one version from another.
 */
export function countedDocument(source: string, passages: number, version = 1): NewDocument {
  const p = (n: number): NewPassage => ({
    ...passage(`${n}/31`, 'agenda', n + 1, `versjon ${version} tekst ${n}`),
    title: `Sak ${n}`,
  });
  return {
    ...document(
      Array.from({ length: passages }, (_, n) => p(n)),
      source,
    ),
    hash: `${passages}`,
  };
}
