// Guards that read their lists from the source: every verb a card can send has a handler; the
// domain in src/ stays free of Teams (it imports neither bot/ nor botbuilder), so the move to the
// Microsoft 365 Agents SDK stays inside bot/; nothing imports itself round a cycle; and the Teams
// layer reaches feature rules only through the services.
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
  it('has a handler for every verb a card can send', () => {
    const verbs = new Set<string>();
    for (const file of files('cards/templates', '.json'))
      for (const m of readFileSync(file, 'utf8').matchAll(/"verb":\s*"([^"$]+)"/g)) verbs.add(m[1]!);
    // Cards drawn in code (the poll card) name their verbs the same way.
    for (const file of files('cards', '.ts'))
      for (const m of readFileSync(file, 'utf8').matchAll(/\bverb: '([^']+)'/g)) verbs.add(m[1]!);
    expect(verbs).toContain('poll.vote');
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

/** Relative imports of each file (type-only ones too, when asked), as absolute paths. */
function importGraph(dirs: string[], opts: { typeOnly: boolean }): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((d) => files(d, '.ts')).filter((f) => !f.endsWith('.test.ts'))) {
    const deps: string[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms))
      if (opts.typeOnly || !m[1]) deps.push(path.resolve(path.dirname(file), m[2]!));
    graph.set(file, deps);
  }
  return graph;
}

/** The files that reach themselves again through their imports (depth-first, colouring). */
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const visit = (file: string, trail: string[]) => {
    state.set(file, 'open');
    for (const dep of graph.get(file) ?? []) {
      if (!graph.has(dep)) continue;
      if (state.get(dep) === 'open')
        found.push(trail.slice(trail.indexOf(dep)).map((f) => path.relative(ROOT, f)));
      else if (!state.has(dep)) visit(dep, [...trail, dep]);
    }
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
  return found;
}

describe('imports', () => {
  it('finds a cycle when there is one', () => {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
  });

  it('have no cycle in bot/, even through type-only imports', () => {
    expect(cycles(importGraph(['bot'], { typeOnly: true }))).toEqual([]);
  });

  it('have no cycle that runs code, across bot/, cards/ and src/', () => {
    expect(cycles(importGraph(['bot', 'cards', 'src'], { typeOnly: false }))).toEqual([]);
  });

  it('keep the Teams turn off the store: its handlers ask the services', () => {
    // Those that still read the store: actor resolution (who installed the bot here), the agenda
    // (a read with no rule in it), the export links (the store keeps their signing key) and file
    // uploads (the ingest pipeline).
    const allowed = ['actor.ts', 'agenda.ts', 'export.ts', 'router.ts'];
    for (const file of files('bot/turn', '.ts').filter((f) => !allowed.includes(path.basename(f))))
      expect(readFileSync(file, 'utf8'), path.relative(ROOT, file)).not.toMatch(/deps\.store\b/);
  });

  it('lets a vote reach the poll service in one hop from its card action', () => {
    const handler = readFileSync(path.join(ROOT, 'bot/turn/polls.ts'), 'utf8');
    expect(handler).toMatch(/export const vote: CardAction<VoteData> = [^]*?deps\.services\.polls\.vote\(/);
    expect(CARD_ACTIONS['poll.vote'].run.name).toBe('vote');
  });
});
