// The decision register over the real corpus: built from the record, so each committee's year lists
// exactly the adopted decisions of the gold catalog, with their dates; proposals whose outcome no
// ingested referat holds are listed as such; a topic narrows it; the exports read back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { SHARED, useCorpus } from './helpers/corpus.ts';
import {
  decisionRegister,
  exportRegister,
  parseRegisterQuery,
  registerTable,
} from '../src/register/register.ts';

const corpus = useCorpus();

const catalog = JSON.parse(readFileSync(path.join(SHARED, 'eval/catalog.json'), 'utf8')) as {
  meetings: {
    committee: string;
    role?: string;
    date?: string;
    items: { sak: string; adopted_decision?: string | null }[];
  }[];
};

describe('the decision register', () => {
  const minutes = catalog.meetings.filter((m) => m.role === 'referat' && m.date);

  it.each(minutes.map((m) => [m.committee, m.date!, m]))(
    '%s %s: lists exactly the adopted decisions of the catalog, dated',
    async (committee, date, m) => {
      const year = Number(date.slice(0, 4));
      const adopted = (await decisionRegister(corpus.store, { committee, year })).filter(
        (e) => e.status === 'adopted',
      );
      const gold = m.items.filter((i) => i.adopted_decision).map((i) => i.sak);
      expect(
        adopted
          .filter((e) => e.date === date)
          .map((e) => e.sak)
          .sort(),
      ).toEqual([...gold].sort());
    },
  );

  it('lists a proposal no referat settles as such, newest first', async () => {
    const nuit2023 = await decisionRegister(corpus.store, { committee: 'NUIT', year: 2023 });
    const dates = nuit2023.map((e) => e.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    // May 2023's saker are known by their proposals only: the minutes are in the next package.
    expect(nuit2023.find((e) => e.sak === '16/23')).toMatchObject({ status: 'proposed', decision: null });
    expect(nuit2023.find((e) => e.sak === '6/23')).toMatchObject({ status: 'adopted' });
  });

  it('narrows to a topic by its words, its abbreviation or its English name', async () => {
    for (const topic of ['PLL', 'pasientens legemiddelliste']) {
      const saker = (await decisionRegister(corpus.store, { topic })).map((e) => e.sak);
      expect(saker, topic).toEqual(expect.arrayContaining(['16/23', '5/23']));
      expect(saker, topic).not.toContain('13/23');
    }
    expect(await decisionRegister(corpus.store, { topic: 'jetpacks' })).toEqual([]);
  });

  it('reads what "vedtak NUIT 2023" and "decisions PLL" ask for', () => {
    expect(parseRegisterQuery('NUIT 2023')).toEqual({ committee: 'NUIT', year: 2023, topic: undefined });
    expect(parseRegisterQuery('PLL')).toEqual({ committee: undefined, year: undefined, topic: 'PLL' });
  });

  it('exports the same rows as a workbook and as CSV', async () => {
    const entries = await decisionRegister(corpus.store, { committee: 'NUIT', year: 2020 });
    const table = registerTable(entries);
    const [sheet] = await readExcelFile(Buffer.from(await exportRegister(entries, 'xlsx')));
    expect(sheet!.sheet).toBe('Vedtak');
    // An empty cell reads back as nothing.
    expect(sheet!.data).toEqual(table.map((row) => row.map((c) => (c === '' ? null : c))));
    const csv = new TextDecoder().decode(await exportRegister(entries, 'csv'));
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(table.length);
  });
});
