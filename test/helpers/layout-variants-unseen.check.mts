/**
 * Reviewer's check of the blind layout variants: applies each variant to each corpus document and
 * prints how many documents it changed, a short diff sample (the first changed lines), and any
 * word of the original that no longer occurs anywhere in the output (after NFKC, lower-casing).
 * A variant that changes no document, or throws, makes the script exit with status 1.
 *
 *   npx tsx test/helpers/layout-variants-unseen.check.mts [corpus-dir]
 *   node --experimental-strip-types test/helpers/layout-variants-unseen.check.mts [corpus-dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNSEEN_VARIANTS } from './layout-variants-unseen.ts';

const dir = process.argv[2] ?? '/work/shared/corpus';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const docs = files.map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** Visible form of a line for the sample: tabs, form feeds, CRs and NBSPs made visible, cut short. */
const show = (line: string): string => {
  const visible = line
    .replace(/\t/g, '⇥')
    .replace(/\f/g, '␌')
    .replace(/\r/g, '␍')
    .replace(/\u00a0/g, '⍽');
  return visible.length > 150 ? `${visible.slice(0, 150)}…` : visible;
};

/** A small resynchronising line diff: the first `limit` changed lines as "-"/"+" entries. */
function diffSample(a: string[], b: string[], limit: number): string[] {
  const sample: string[] = [];
  let i = 0;
  let j = 0;
  const window = 80;
  while ((i < a.length || j < b.length) && sample.length < limit * 2) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    let skipB = -1;
    for (let k = j; k < Math.min(b.length, j + window); k++) {
      if (i < a.length && b[k] === a[i] && (a[i] ?? '').trim() !== '') {
        skipB = k;
        break;
      }
    }
    let skipA = -1;
    for (let k = i; k < Math.min(a.length, i + window); k++) {
      if (j < b.length && a[k] === b[j] && (b[j] ?? '').trim() !== '') {
        skipA = k;
        break;
      }
    }
    if (skipB > j && (skipA < 0 || skipB - j <= skipA - i)) {
      for (; j < skipB && sample.length < limit * 2; j++) sample.push(`  + ${show(b[j] ?? '')}`);
    } else if (skipA > i) {
      for (; i < skipA && sample.length < limit * 2; i++) sample.push(`  - ${show(a[i] ?? '')}`);
    } else {
      if (i < a.length) sample.push(`  - ${show(a[i] ?? '')}`);
      if (j < b.length) sample.push(`  + ${show(b[j] ?? '')}`);
      i++;
      j++;
    }
  }
  return sample.slice(0, limit * 2);
}

const words = (text: string): Set<string> =>
  new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}][\p{L}\p{N}]{2,}/gu) ?? [],
  );

let failures = 0;
for (const [name, variant] of Object.entries(UNSEEN_VARIANTS)) {
  let changed = 0;
  const notes: string[] = [];
  let sample: string[] = [];
  const lost = new Set<string>();
  for (const doc of docs) {
    let result: string;
    try {
      result = variant(doc.text);
    } catch (error) {
      notes.push(`  ! ${doc.name}: threw ${String(error)}`);
      failures++;
      continue;
    }
    if (result === doc.text) continue;
    changed++;
    const before = doc.text.split('\n');
    const after = result.split('\n');
    if (sample.length === 0) sample = [`  [${doc.name}]`, ...diffSample(before, after, 3)];
    const kept = words(result);
    for (const w of words(doc.text)) if (!kept.has(w)) lost.add(w);
  }
  out(`${name}: changed ${changed}/${docs.length} files`);
  for (const line of sample) out(line);
  if (lost.size > 0)
    out(`  words no longer present: ${[...lost].slice(0, 12).join(', ')}${lost.size > 12 ? ', …' : ''}`);
  for (const note of notes) out(note);
  if (changed === 0) {
    out('  ! changes no corpus file');
    failures++;
  }
}
out(`${Object.keys(UNSEEN_VARIANTS).length} variants, ${docs.length} files, ${failures} failure(s)`);
process.exitCode = failures > 0 ? 1 : 0;
