import { readFileSync, readdirSync } from 'node:fs';
import { parseDocument } from './src/record/parse.ts';
import { recordActionPoints } from './src/actions/record.ts';
import { parseActionText } from './src/actions/text.ts';
const files = [...readdirSync('/work/shared/corpus').map(f=>'/work/shared/corpus/'+f), 'sample/nuit-mote-3-2031.txt'];
for (const f of files) {
  const doc = parseDocument(readFileSync(f, 'utf8'));
  for (const a of recordActionPoints(doc.meetings)) console.log(a.committee, a.meeting, a.sak, '|', a.owner, '|', a.due, '|', a.text.slice(0,140));
}
for (const t of ['Oppdatere prisene ansvarlig: NHN frist: 1.9.2024', 'Lage plan (ansv. KS, innen 1. september 2024)', 'Send notat. Ansvarlig: Direktoratet for e-helse. Frist: 26.08.24', 'Review owner: NHN due 2024-09-01', 'Utrede saken'])
  console.log(JSON.stringify(parseActionText(t)));
