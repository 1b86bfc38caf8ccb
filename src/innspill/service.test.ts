// The innspill rules, without Teams: which sak an innspill goes to, that the meeting takes them
// until its day is over (Oslo time), that only the author changes their own, and who exports them.
import { describe, expect, it } from 'vitest';
import { chat, member, organiser, secretary, useServiceWorld } from '../../test/helpers/services.ts';

const world = useServiceWorld();

const CHAT = chat().id;
const said = (text: string, organisation = '') => ({ text, organisation });

describe('the innspill service', () => {
  it('files an innspill under the sak named, by the member acting, and makes it searchable', async () => {
    const { innspill } = world.services;
    const got = await innspill.submit(member(1), CHAT, '43/31', said('Kommunene må med.', 'KS'));
    expect(got.ok && got.value).toMatchObject({
      title: 'Prismodell for nasjonal meldingsformidling',
      innspill: {
        committee: 'NUIT',
        meeting: '3/2031',
        sak: '43/31',
        authorId: 'aad-m1',
        organisation: 'KS',
      },
    });
    const passages = await world.store.listPassages();
    expect(passages.filter((p) => p.kind === 'innspill').map((p) => p.text)).toEqual([
      'Innspill fra Navn aad-m1 (på vegne av KS) i Teams: Kommunene må med.',
    ]);
  });

  it('defaults to the sak the chat is handling, and asks which sak when there is none', async () => {
    const { innspill, meetingChat } = world.services;
    expect((await innspill.submit(member(1), CHAT, null, said('Hei'))).refusal?.code).toBe(
      'innspill_which_sak',
    );
    await meetingChat.setMeeting(secretary, CHAT, '3/2031');
    await meetingChat.setCurrentSak(secretary, CHAT, { sak: '42/31' });
    const got = await innspill.submit(member(1), CHAT, null, said('Bra sak.'));
    expect(got.ok && got.value.innspill.sak).toBe('42/31');
    expect((await innspill.submit(member(1), CHAT, '17/23', said('Feil møte.'))).refusal).toEqual({
      code: 'sak_not_on_agenda',
      params: { sak: '17/23', meeting: '3/2031' },
    });
    const listed = await innspill.list(CHAT, '42/31');
    expect(listed.ok && listed.value.innspill.map((i) => i.text)).toEqual(['Bra sak.']);
  });

  it('takes innspill through the meeting day in Oslo, and none after', async () => {
    const { innspill } = world.services;
    world.clock.set('2031-09-04T21:59:00Z'); // 23:59 in Oslo, the meeting day
    const late = await innspill.submit(member(1), CHAT, '42/31', said('Sent, men i tide.'));
    expect(late.ok).toBe(true);
    world.clock.set('2031-09-04T22:00:00Z'); // midnight in Oslo
    expect((await innspill.submit(member(1), CHAT, '42/31', said('For sent.'))).refusal).toEqual({
      code: 'innspill_meeting_over',
      params: { meeting: '3/2031' },
    });
    const id = late.ok ? late.value.innspill.id : 0;
    expect((await innspill.withdraw(member(1), id)).refusal?.code).toBe('innspill_locked');
    // Nor is the form offered any more: the member would type only to be refused.
    expect((await innspill.form(CHAT, { committee: 'NUIT', meeting: '3/2031' })).refusal).toEqual({
      code: 'innspill_meeting_over',
      params: { meeting: '3/2031' },
    });
  });

  it('lets only the author edit or withdraw, and a withdrawn innspill is gone', async () => {
    const { innspill } = world.services;
    const got = await innspill.submit(member(1), CHAT, '42/31', said('Første tanke.'));
    const id = got.ok ? got.value.innspill.id : 0;
    expect((await innspill.edit(member(2), id, said('Kapret.'))).refusal?.code).toBe('innspill_not_author');
    expect((await innspill.withdraw(secretary, id)).refusal?.code).toBe('innspill_not_author');
    const edited = await innspill.edit(member(1), id, said('Bedre tanke.', 'Testby kommune'));
    expect(edited.ok && edited.value.innspill).toMatchObject({
      text: 'Bedre tanke.',
      organisation: 'Testby kommune',
    });
    expect((await innspill.withdraw(member(1), id)).ok).toBe(true);
    expect((await innspill.edit(member(1), id, said('Igjen.'))).refusal?.code).toBe('innspill_gone');
    expect((await world.store.listPassages()).some((p) => p.kind === 'innspill')).toBe(false);
  });

  it('offers the form for the next meeting, with the chat’s current sak chosen', async () => {
    const { innspill, meetingChat } = world.services;
    await meetingChat.setMeeting(secretary, CHAT, '3/2031');
    await meetingChat.setCurrentSak(secretary, CHAT, { sak: '43/31' });
    const form = await innspill.form(CHAT);
    expect(form.ok && form.value).toMatchObject({ committee: 'NUIT', meeting: '3/2031', current: '43/31' });
    expect(form.ok && form.value.saker.map((s) => s.sak)).toEqual([
      '40/31',
      '41/31',
      '42/31',
      '43/31',
      '44/31',
    ]);
    expect((await innspill.form(CHAT, { committee: 'NUFA', meeting: '1/2031' })).refusal?.code).toBe(
      'innspill_no_meeting',
    );
  });

  it('exports a meeting’s innspill for the secretariat and the organiser only', async () => {
    const { innspill } = world.services;
    await innspill.submit(member(1), CHAT, '42/31', said('Til referatet.'));
    expect((await innspill.exportDraft(member(1), '3/2031')).refusal?.code).toBe('export_moderators_only');
    const draft = await innspill.exportDraft(organiser, '3/2031');
    expect(draft.ok && draft.value.innspill.map((i) => i.text)).toEqual(['Til referatet.']);
    expect((await innspill.exportDraft(secretary, '9/2099')).refusal).toEqual({
      code: 'meeting_not_found',
      params: { label: '9/2099' },
    });
  });
});
