// Innspill registered in Teams become part of the searchable record, as passages of their own kind
// ("innspill", never decisions), so "what input did KS give on 12/24?" finds them. Each meeting's
// innspill are one stored document, replaced whenever one is added, edited or withdrawn.
import { createHash } from 'node:crypto';
import type { Passage } from '../record/types.ts';
import type { Store } from '../store/types.ts';
import type { Innspill } from './types.ts';

export function innspillSource(committee: string, meeting: string): string {
  return `Innspill i Teams – ${committee} ${meeting}`;
}

export function innspillPassageText(i: Innspill): string {
  const who = i.organisation ? `${i.authorName} (på vegne av ${i.organisation})` : i.authorName;
  return `Innspill fra ${who} i Teams: ${i.text}`;
}

/** Rewrites the record's copy of one meeting's innspill from the store. */
export async function syncInnspillToRecord(
  store: Pick<Store, 'listInnspill' | 'passagesFor' | 'findDocument' | 'putDocument'>,
  committee: string,
  meeting: string,
): Promise<void> {
  const innspill = await store.listInnspill({ committee, meeting });
  // The meeting's date and the saker's titles, from the record's own passages of the meeting and
  // those saker: a few rows, where listing every meeting would read the whole record.
  const record = (
    await store.passagesFor([
      { committee, meeting, sak: null },
      ...[...new Set(innspill.map((i) => i.sak))].map((sak) => ({ committee, meeting, sak })),
    ])
  ).filter((p) => p.kind !== 'innspill');
  const date = record.find((p) => p.sak === null)?.date ?? record[0]?.date ?? null;
  const titles = new Map<string, string>();
  for (const p of record) if (p.sak && p.title && !titles.has(p.sak)) titles.set(p.sak, p.title);
  const source = innspillSource(committee, meeting);
  const passages: Omit<Passage, 'id'>[] = innspill.map((i, n) => ({
    committee,
    meeting,
    date,
    sak: i.sak,
    title: titles.get(i.sak) ?? null,
    kind: 'innspill',
    text: innspillPassageText(i),
    source,
    locator: { line: n + 1 },
  }));
  const hash = createHash('sha256').update(JSON.stringify(passages)).digest('hex');
  if ((await store.findDocument(source))?.hash === hash) return;
  await store.putDocument({ source, hash, format: 'txt', meetings: [], passages });
}
