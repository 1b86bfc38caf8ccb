// Guards that read their lists from the source: every verb a card can send has a handler, and the
// domain in src/ stays free of Teams (it imports neither bot/ nor botbuilder), so the move to the
// Microsoft 365 Agents SDK stays inside bot/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_ACTIONS } from '../bot/turn/card-actions.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string, ext: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(ROOT, dir, f));
}

describe('the tree', () => {
  it('has a handler for every verb a card template can send', () => {
    const verbs = new Set<string>();
    for (const file of files('cards/templates', '.json'))
      for (const m of readFileSync(file, 'utf8').matchAll(/"verb":\s*"([^"$]+)"/g)) verbs.add(m[1]!);
    expect(verbs.size).toBeGreaterThan(10);
    for (const verb of verbs) expect(Object.keys(CARD_ACTIONS), `card verb ${verb}`).toContain(verb);
  });

  it('keeps src/ free of bot/ and botbuilder', () => {
    for (const file of files('src', '.ts')) {
      const text = readFileSync(file, 'utf8');
      expect(text, path.relative(ROOT, file)).not.toMatch(
        /from ['"](botbuilder[^'"]*|(\.\.\/)+bot\/[^'"]*)['"]/,
      );
    }
  });
});
