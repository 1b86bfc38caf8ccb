// node --import tsx bench/layout-variants.ts — per layout variant, how much of each corpus file's
// record (txt, PDF and DOCX renderings) the parser keeps: meetings, saker, decisions, attendance.
// Prints a table; test/record.metamorphic.test.ts asserts the same comparison.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readDocument } from '../src/documents/index.ts';
import { parseDocument } from '../src/record/parse.ts';
import { redact } from '../src/record/redact.ts';
import { kept, VARIANTS, type Kept } from '../test/helpers/layout-variants.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const parse = (text: string) => parseDocument(redact(text).text).meetings;

const sources: [string, string][] = [];
for (const f of readdirSync(path.join(SHARED, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  sources.push([f, readFileSync(path.join(SHARED, 'corpus', f), 'utf8')]);
  for (const ext of ['pdf', 'docx']) {
    const name = f.replace(/\.txt$/, `.${ext}`);
    sources.push([name, (await readDocument(path.join(SHARED, 'corpus-formats', name))).text]);
  }
}

const pct = ([ok, n]: [number, number]) => (n ? `${((100 * ok) / n).toFixed(0)}%` : '–').padStart(5);
const total: Kept = { meetings: [0, 0], saker: [0, 0], decisions: [0, 0], attendance: [0, 0], misses: [] };
console.log(`${'variant'.padEnd(40)} meetings saker decisions attendance`);
for (const [name, variant] of Object.entries(VARIANTS)) {
  const sum: Kept = { meetings: [0, 0], saker: [0, 0], decisions: [0, 0], attendance: [0, 0], misses: [] };
  for (const [, text] of sources) {
    const k = kept(parse(text), parse(variant(text)));
    for (const f of ['meetings', 'saker', 'decisions', 'attendance'] as const) {
      sum[f][0] += k[f][0];
      sum[f][1] += k[f][1];
      total[f][0] += k[f][0];
      total[f][1] += k[f][1];
    }
  }
  console.log(
    `${name.padEnd(40)} ${pct(sum.meetings)}    ${pct(sum.saker)} ${pct(sum.decisions)}     ${pct(sum.attendance)}`,
  );
}
console.log(
  `${'all'.padEnd(40)} ${pct(total.meetings)}    ${pct(total.saker)} ${pct(total.decisions)}     ${pct(total.attendance)}`,
);
