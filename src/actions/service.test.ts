// The action point rules, without Teams: a referat's follow-ups are there to follow up, only the
// secretariat and the organiser add or finish one, an added one stands on the next agenda under its
// sak (or under "Oppfølging"), and finishing it takes it off.
import { describe, expect, it } from 'vitest';
import { chat, member, organiser, secretary, useServiceWorld } from '../../test/helpers/services.ts';
import { agendaView } from '../meetings/agenda.ts';

const world = useServiceWorld();
const CHAT = chat().id;

/** The sample's next meeting (3/2031) as its agenda card shows it. */
async function nextAgenda() {
  const meeting = (await world.store.listMeetings()).find((m) => m.role === 'innkalling')!;
  return agendaView(meeting, { answerer: { earlierTreatments: async () => [] }, store: world.store });
}

describe('the action point service', () => {
  it("lists the previous referat's follow-ups with their sak and owner, and puts them under Oppfølging", async () => {
    const { actions } = world.services;
    const list = await actions.list(CHAT, 'NUIT');
    expect(list.points.map((p) => [p.meeting, p.sak, p.owner, p.origin, p.status])).toEqual([
      ['2/2031', '31/31', 'Direktoratet', 'referat', 'open'],
      ['2/2031', '32/31', 'Norsk helsenett SF', 'referat', 'open'],
    ]);
    expect(list.points[1]!.title).toBe('Prismodell for meldingsformidling – første drøfting');
    // Read again, the record gives the same points, not new ones.
    expect((await actions.list(CHAT, 'NUIT')).points.map((p) => p.id)).toEqual(list.points.map((p) => p.id));
    expect((await actions.list(CHAT, 'NUFA')).points).toEqual([]);
    const view = await nextAgenda();
    expect(view.followUps.map((p) => p.sak)).toEqual(['31/31', '32/31']);
    expect(view.items.flatMap((i) => i.followUps)).toEqual([]);
  });

  it('adds one for the secretariat under the sak named, with owner and due date, on the agenda under that sak', async () => {
    const { actions, meetingChat } = world.services;
    await meetingChat.setMeeting(secretary, CHAT, '3/2031');
    const added = await actions.add(
      secretary,
      CHAT,
      '43/31',
      'Sende prismodellen på høring ansvarlig: NHN frist: 1.10.2031',
    );
    expect(added.ok && added.value).toMatchObject({
      committee: 'NUIT',
      meeting: '3/2031',
      sak: '43/31',
      title: 'Prismodell for nasjonal meldingsformidling',
      text: 'Sende prismodellen på høring',
      owner: 'NHN',
      due: '2031-10-01',
      origin: 'chat',
      createdBy: secretary.id,
      status: 'open',
    });
    const view = await nextAgenda();
    expect(view.items.find((i) => i.sak === '43/31')!.followUps.map((p) => p.text)).toEqual([
      'Sende prismodellen på høring',
    ]);
    expect(view.followUps.map((p) => p.sak)).not.toContain('43/31');
  });

  it('lets only the secretariat and the organiser add or finish one; finishing takes it off the agenda', async () => {
    const { actions, meetingChat } = world.services;
    await meetingChat.setMeeting(secretary, CHAT, '3/2031');
    await meetingChat.setCurrentSak(secretary, CHAT, { sak: '42/31' });
    expect((await actions.add(member(1), CHAT, null, 'Noe')).refusal?.code).toBe('action_moderators_only');
    const added = await actions.add(
      organiser,
      CHAT,
      null,
      'Kartlegge behovet i kommunene innen 15. oktober 2031',
    );
    expect(added.ok && [added.value.sak, added.value.due, added.value.owner]).toEqual([
      '42/31',
      '2031-10-15',
      null,
    ]);
    const id = added.ok ? added.value.id : 0;
    expect((await actions.complete(member(1), id)).refusal?.code).toBe('action_moderators_only');
    const done = await actions.complete(secretary, id);
    expect(done.ok && [done.value.status, done.value.doneBy]).toEqual(['done', secretary.id]);
    expect((await actions.complete(organiser, id)).refusal).toEqual({
      code: 'action_already_done',
      params: { id },
    });
    expect((await actions.complete(secretary, 9999)).refusal?.code).toBe('action_not_found');
    const view = await nextAgenda();
    expect(view.items.flatMap((i) => i.followUps)).toEqual([]);
    expect((await actions.list(CHAT)).points.map((p) => p.id)).not.toContain(id);
    // A referat point finished stays finished when the record is read again.
    const first = (await actions.list(CHAT)).points[0]!;
    await actions.complete(secretary, first.id);
    expect((await nextAgenda()).followUps.map((p) => p.id)).not.toContain(first.id);
  });

  it('asks which sak, what to do, and refuses a sak not on the meeting', async () => {
    const { actions, meetingChat } = world.services;
    expect((await actions.add(secretary, CHAT, null, 'Noe')).refusal?.code).toBe('action_which_sak');
    expect((await actions.add(secretary, CHAT, '43/31', 'ansvarlig: NHN')).refusal?.code).toBe(
      'action_text_missing',
    );
    expect((await actions.add(secretary, CHAT, '99/31', 'Noe')).refusal).toEqual({
      code: 'action_sak_unknown',
      params: { sak: '99/31' },
    });
    await meetingChat.setMeeting(secretary, CHAT, '3/2031');
    expect((await actions.add(secretary, CHAT, '31/31', 'Noe')).refusal).toEqual({
      code: 'sak_not_on_agenda',
      params: { sak: '31/31', meeting: '3/2031' },
    });
  });
});
