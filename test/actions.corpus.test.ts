// Action points over the real corpus. Its referater label no "Aksjonspunkt"; they give tasks in their
// vedtak and minutes ("… ber Direktoratet for e-helse ta med seg …", "Direktoratet vil komme tilbake
// med …"). Each becomes an open point listed with its sak and owner, quoting the referat, and the
// committee's next agenda card shows them under "Oppfølging" (their saker are not on it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionPointsCard } from '../cards/action-points.ts';
import { agendaCard } from '../cards/agenda.ts';
import { ActionPointService } from '../src/actions/service.ts';
import { agendaView, findAgendaMeeting } from '../src/meetings/agenda.ts';
import { SHARED, useCorpus } from './helpers/corpus.ts';

const corpus = useCorpus();

/** The corpus as one text with its spaces and line breaks folded, to find a quote in. */
const corpusText = () =>
  readdirSync(path.join(SHARED, 'corpus'))
    .map((f) => readFileSync(path.join(SHARED, 'corpus', f), 'utf8'))
    .join('\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('action points of the corpus referater', () => {
  it('are listed open, each with the sak of its referat, an owner and the referat’s own words', async () => {
    const { points } = await new ActionPointService({ store: corpus.store }).list('19:any', 'NUIT');
    expect(points.map((p) => `${p.meeting} ${p.sak}`)).toEqual([
      '4/2020 22/20',
      '4/2020 23/20',
      '4/2020 23/20',
      '1/2023 4/23',
      '1/2023 6/23',
      '1/2023 7/23',
      '1/2023 8/23',
      '1/2023 9/23',
    ]);
    const referater = (await corpus.store.listMeetings()).filter((m) => m.role === 'referat');
    const text = corpusText();
    for (const p of points) {
      expect(p).toMatchObject({ committee: 'NUIT', status: 'open', origin: 'referat' });
      const item = referater.find((m) => m.meeting === p.meeting)!.items.find((i) => i.sak === p.sak)!;
      expect(p.title).toBe(item.title);
      expect(text).toContain(p.text);
      expect(p.text).toContain(p.owner!);
    }
    expect(points.find((p) => p.sak === '6/23')!.owner).toBe(
      'Norsk helsenett SF og Direktoratet for e-helse',
    );
    expect(points.find((p) => p.sak === '22/20')!.owner).toBe('Direktoratet');
    // Standing items (approvals, orienteringer taken note of) give no one a task.
    expect(points.map((p) => p.sak)).not.toContain('1/23');
    const card = JSON.stringify(actionPointsCard({ committee: 'NUIT', points }));
    expect(card).toContain('Åpne aksjonspunkter · NUIT');
    expect(card).toContain('Ansvarlig: Norsk helsenett SF og Direktoratet for e-helse');
  });

  it('stand under Oppfølging on the committee’s next agenda card', async () => {
    const meeting = (await findAgendaMeeting(corpus.store, { committee: 'NUIT' }, '2023-01-01'))!;
    const view = await agendaView(meeting, corpus);
    expect(view.followUps.map((p) => p.sak)).toEqual([
      '22/20',
      '23/20',
      '23/20',
      '4/23',
      '6/23',
      '7/23',
      '8/23',
      '9/23',
    ]);
    const card = JSON.stringify(agendaCard(view));
    expect(card).toContain('"text":"Oppfølging"');
    // The oldest five, and where the rest are.
    expect(card).toContain('sak 22/20, NUIT møte 4/2020');
    expect(card).toContain('sak 6/23, NUIT møte 1/2023');
    expect(card).not.toContain('sak 9/23, NUIT møte 1/2023');
    expect(card).toContain('… og 3 til: skriv «aksjonspunkter NUIT» for alle.');
  });
});
