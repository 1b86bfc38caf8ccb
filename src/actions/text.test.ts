// Owner and due date come from the labels a secretary writes, in any order and date style; the
// rest is the task. A referat's follow-ups are the sentences that give a body a task.
import { describe, expect, it } from 'vitest';
import { parseActionCommand } from './command.ts';
import { actionTexts, followUpOf } from './record.ts';
import { parseActionText } from './text.ts';
import { newAgendaItem } from '../record/item.ts';

describe('an action point’s text', () => {
  it.each([
    ['Oppdatere prisene ansvarlig: NHN frist: 1.9.2024', 'Oppdatere prisene', 'NHN', '2024-09-01'],
    [
      'Oppdatere prisene. Frist: 01.09.2024. Ansvarlig: Norsk helsenett SF',
      'Oppdatere prisene.',
      'Norsk helsenett SF',
      '2024-09-01',
    ],
    ['Lage plan (ansv. KS, innen 1. september 2024)', 'Lage plan', 'KS', '2024-09-01'],
    ['Lage plan, eier: FHI, frist 26.08.24', 'Lage plan', 'FHI', '2024-08-26'],
    ['Lage plan – ansvarlig Helse Vest RHF – senest 2024-09-01', 'Lage plan', 'Helse Vest RHF', '2024-09-01'],
    ['Send the draft owner: NHN due 1 September 2024', 'Send the draft', 'NHN', '2024-09-01'],
    ['Utrede saken videre', 'Utrede saken videre', null, null],
    ['Følge opp innen utgangen av året', 'Følge opp innen utgangen av året', null, null],
  ])('%s', (raw, text, owner, due) => {
    expect(parseActionText(raw)).toEqual({ text, owner, due });
  });
});

describe('a referat’s follow-ups', () => {
  it.each([
    ['NUIT tar saken til orientering og ber Helse Nord RHF utrede kostnadene.', 'Helse Nord RHF'],
    ['Utvalget ba Folkehelseinstituttet om å komme tilbake med en plan.', 'Folkehelseinstituttet'],
    ['Sekretariatet ble oppfordret til å sette saken på neste møte.', 'Sekretariatet'],
    ['KS tar med seg innspillene i det videre arbeidet.', 'KS'],
    ['Helsedirektoratet vil komme tilbake med en ny vurdering.', 'Helsedirektoratet'],
  ])('%s', (sentence, owner) => {
    expect(followUpOf(sentence)).toEqual({ owner, text: sentence });
  });

  it.each([
    'NUIT tar saken til orientering.',
    'NUIT tar med seg innspillene.',
    'Medlemmene ba om at små kommuner ikke får høyere kostnader.',
    'Videre ble det oppfordret til mer effektive prosesser.',
    'Direktoratet svarte at de vil komme tilbake til dette.',
  ])('gives no task: %s', (sentence) => {
    expect(followUpOf(sentence)).toBeNull();
  });

  it('takes labelled points one by one, and a follow-up of the vedtak once', () => {
    const item = {
      ...newAgendaItem('5/24', 'Prismodell', 1),
      action_points: ['• Sende notatet ansvarlig: NHN frist: 1.9.2024 • Invitere KS (ansv. sekretariatet)'],
      adopted_decision:
        '1. NUIT er orientert. 2. NUIT ber Norsk helsenett SF legge fram en ny modell innen 1. desember 2024.',
    };
    expect(actionTexts(item)).toEqual([
      { text: 'Sende notatet', owner: 'NHN', due: '2024-09-01' },
      { text: 'Invitere KS', owner: 'sekretariatet', due: null },
      {
        text: 'NUIT ber Norsk helsenett SF legge fram en ny modell.',
        owner: 'Norsk helsenett SF',
        due: '2024-12-01',
      },
    ]);
  });
});

describe('an action point command', () => {
  it.each([
    ['17/24: Sende notat ansvarlig: NHN', { kind: 'add', sak: '17/24', text: 'Sende notat ansvarlig: NHN' }],
    ['point 17/24: Send the note', { kind: 'add', sak: '17/24', text: 'Send the note' }],
    [': Sende notat', { kind: 'add', sak: null, text: 'Sende notat' }],
    ['utført 12', { kind: 'done', id: 12 }],
    ['done #7', { kind: 'done', id: 7 }],
    ['#7 er utført', { kind: 'done', id: 7 }],
    ['NUIT', { kind: 'list', committee: 'NUIT' }],
    ['points nufa', { kind: 'list', committee: 'NUFA' }],
    ['', { kind: 'list' }],
  ])('«%s»', (rest, command) => {
    expect(parseActionCommand(rest)).toEqual(command);
  });
});
