// The refusal table read as a whole: a code names one refusal, each text says one thing in each
// language, both languages carry the same values, and every code is used somewhere (no dead rows).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSALS, refusalText, type RefusalCode } from './refusals.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const codes = Object.keys(REFUSALS) as RefusalCode[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the refusal table', () => {
  it('lists each code once, as the source spells it', () => {
    // An object literal would keep the last of two equal keys without a word: count them in the source.
    const source = readFileSync(path.join(import.meta.dirname, 'refusals.ts'), 'utf8');
    const written = [...source.matchAll(/^ {2}(\w+): \{$/gm)].map((m) => m[1]);
    expect(written).toEqual(codes);
    expect(codes.every((c) => /^[a-z]+(_[a-z]+)*$/.test(c))).toBe(true);
  });

  it('has a different text for every code, in bokmål and in English, with the same placeholders', () => {
    for (const lang of ['nb', 'en'] as const) {
      const texts = codes.map((c) => REFUSALS[c][lang]);
      expect(new Set(texts).size, lang).toBe(texts.length);
    }
    for (const c of codes) expect(placeholders(REFUSALS[c].en), c).toEqual(placeholders(REFUSALS[c].nb));
  });

  it('fills in the values a refusal carries, in the language asked for', () => {
    const refusal = { code: 'sak_not_on_agenda', params: { sak: '17/23', meeting: '2/2023' } } as const;
    expect(refusalText(refusal)).toBe(
      'Sak 17/23 står ikke på agendaen for møte 2/2023. Ingenting ble lagret.',
    );
    expect(refusalText(refusal, 'en')).toBe(
      'Item 17/23 is not on the agenda of meeting 2/2023. Nothing was saved.',
    );
  });

  it('shows the shape of a sak id or meeting number in its examples, never one of a record', () => {
    // A fixed id ("innspill 12/24") points a member at a sak their record may not hold.
    const texts = Object.values(REFUSALS).flatMap((t) => [t.nb, t.en]);
    expect(texts.filter((t) => /\d{1,3}\/\d{2}/.test(t))).toEqual([]);
  });

  it('has no code that nothing refuses with', () => {
    const files = ['src', 'bot'].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'refusals.ts')
        .map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8')),
    );
    const used = files.join('\n');
    for (const c of codes) expect(used, c).toContain(`'${c}'`);
  });
});
