// Retrieval alone, apart from the answerer: for each answerable gold case with a cited sak, whether
// a section of a cited sak is among the first K hits of the search index. Run by hand after
// `motebot ingest --data DIR`:
//
//   node --import tsx scripts/retrieval.ts --data DIR QA.json...
//
// Prints counts per file and half (read / held out); only read-half misses are named, by id, so the
// held-out questions stay unread.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadLibrary } from '../src/answer/library.ts';
import { loadConfig } from '../src/config.ts';
import { evalCases, splitHalves } from '../src/eval.ts';
import { openStore } from '../src/store/index.ts';

const K = 5;

const { values, positionals } = parseArgs({ options: { data: { type: 'string' } }, allowPositionals: true });
const store = await openStore(
  loadConfig({ ...process.env, ...(values.data ? { DATA_DIR: values.data } : {}) }),
);
try {
  const lib = await loadLibrary(store);
  for (const file of positionals) {
    const halves = splitHalves(evalCases(JSON.parse(readFileSync(file, 'utf8'))));
    const line: string[] = [];
    const misses: string[] = [];
    for (const [half, cases] of Object.entries(halves)) {
      let hit = 0;
      let total = 0;
      for (const c of cases) {
        const wanted = c.citations.map((x) => x.sak).filter((s): s is string => !!s);
        if (c.type === 'not_in_corpus' || !wanted.length) continue;
        total++;
        const hits = await lib.index.search(c.question, {}, K);
        if (hits.some((h) => h.section.sak && wanted.includes(h.section.sak))) hit++;
        else if (half === 'read') misses.push(c.id);
      }
      line.push(`${half} ${hit}/${total}`);
    }
    console.log(`${file}: top-${K} holds a cited sak — ${line.join(', ')}`);
    if (misses.length) console.log(`  read-half misses: ${misses.join(' ')}`);
  }
} finally {
  await store.close();
}
