// When a meeting counts as held: after its last day, so a two-day NUFA meeting is still open on day
// two; and the agenda view marks it only when told what day it is.
import { describe, expect, it } from 'vitest';
import { agendaView, isPast } from './agenda.ts';
import { useServiceWorld } from '../../test/helpers/services.ts';

const world = useServiceWorld();

describe('a held meeting', () => {
  it('is past only after its last day', () => {
    const twoDays = { date: '2021-10-27', dates: ['2021-10-27', '2021-10-28'] };
    expect(isPast(twoDays, '2021-10-28')).toBe(false);
    expect(isPast(twoDays, '2021-10-29')).toBe(true);
    expect(isPast({ date: '2020-09-09', dates: [] }, '2020-09-10')).toBe(true);
    expect(isPast({ date: null, dates: [] }, '2031-01-01')).toBe(false);
  });

  it('is marked in the agenda view when the day is given', async () => {
    const meeting = (await world.store.listMeetings()).find((m) => m.role === 'innkalling')!;
    const sources = { answerer: { earlierTreatments: async () => [] }, store: world.store };
    expect((await agendaView(meeting, sources)).past).toBe(false);
    expect((await agendaView(meeting, sources, '2031-09-05')).past).toBe(true);
    expect((await agendaView(meeting, sources, '2031-09-04')).past).toBe(false);
  });
});
