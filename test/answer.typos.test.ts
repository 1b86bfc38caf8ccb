// Metamorphic test of typing slips: a question about each sak of the gold catalog, asked again with
// one letter dropped from the longest word of the sak's title, must get the same answer. Members
// type in a chat; a slip in the one word that names the topic should not lose it. Generated from
// the catalog, not from gold questions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, useCorpus } from './helpers/corpus.ts';
import type { Answer } from '../src/answer/types.ts';

const catalog = JSON.parse(readFileSync(path.join(SHARED, 'eval/catalog.json'), 'utf8')) as {
  meetings: { committee: string; items: { sak: string; title: string }[] }[];
};

/** The title with one letter dropped from the middle of its longest lower-case word of nine letters or more. */
function slipped(title: string): string | null {
  const words = (title.match(/\p{Ll}{9,}/gu) ?? []).sort((a, b) => b.length - a.length);
  const w = words[0];
  if (!w) return null;
  const at = Math.floor(w.length / 2);
  return title.replace(w, w.slice(0, at) + w.slice(at + 1));
}

/** What must not change with the slip: whether it abstains, and the sak it cites first. */
const outcome = (a: Answer) => `${a.abstained ? 'abstained' : 'answered'} ${a.citations[0]?.sak}`;

const corpus = useCorpus();

describe('a typing slip in the word that names the topic', () => {
  const questions = catalog.meetings.flatMap((m) =>
    m.items.flatMap((i) => {
      const slip = slipped(i.title);
      return slip ? [{ committee: m.committee, sak: i.sak, title: i.title, slip }] : [];
    }),
  );

  it('leaves nearly every sak’s question answered as it was', async () => {
    const changed: string[] = [];
    for (const q of questions) {
      const [a, b] = [
        await corpus.answerer.ask(`Hva sa ${q.committee} om ${q.title}?`),
        await corpus.answerer.ask(`Hva sa ${q.committee} om ${q.slip}?`),
      ];
      if (outcome(a) !== outcome(b)) changed.push(`${q.sak}: ${outcome(a)} → ${outcome(b)} («${q.slip}»)`);
    }
    expect(questions.length).toBeGreaterThan(30);
    // 4 of 56 changed when this was written; 20 of 56 before slips were read as the record's words.
    expect(changed.length / questions.length, changed.join('\n')).toBeLessThanOrEqual(0.1);
  });
});
