// The innspill port, on every store: only the author edits or withdraws, a withdrawn innspill is
// never listed again, and lists keep the order innspill were given in.
import { expect, it } from 'vitest';
import type { NewInnspill } from '../../src/innspill/types.ts';
import { describeStores } from '../helpers/stores.ts';

const innspill = (over: Partial<NewInnspill> = {}): NewInnspill => ({
  committee: 'NUIT',
  meeting: '2/2023',
  sak: '16/23',
  conversationId: '19:møte',
  authorId: 'aad-kari',
  authorName: 'Kari Medlem',
  organisation: null,
  text: 'Vi støtter forslaget.',
  ...over,
});

describeStores('innspill', ({ open }) => {
  it('keeps an innspill as given, lets only its author change or withdraw it, and lists the rest in order', async () => {
    const store = await open();
    const first = await store.addInnspill(innspill());
    expect(first).toMatchObject({ ...innspill(), withdrawnAt: null });
    expect(first.createdAt).toBe(first.updatedAt);
    expect(await store.getInnspill(first.id)).toEqual(first);
    const second = await store.addInnspill(
      innspill({ sak: '17/23', authorId: 'aad-ola', organisation: 'KS' }),
    );
    const third = await store.addInnspill(innspill({ text: 'Og en ting til.' }));
    await store.addInnspill(innspill({ meeting: '3/2023' }));

    expect(await store.editInnspill(first.id, 'aad-ola', { text: 'kapret', organisation: null })).toBeNull();
    const edited = await store.editInnspill(first.id, 'aad-kari', {
      text: 'Vi støtter forslaget, med ett forbehold.',
      organisation: 'Helse Vest',
    });
    expect(edited).toMatchObject({
      id: first.id,
      text: 'Vi støtter forslaget, med ett forbehold.',
      organisation: 'Helse Vest',
    });

    expect(await store.withdrawInnspill(third.id, 'aad-ola')).toBe(false);
    expect(await store.withdrawInnspill(third.id, 'aad-kari')).toBe(true);
    expect(await store.withdrawInnspill(third.id, 'aad-kari')).toBe(false);
    expect(
      await store.editInnspill(third.id, 'aad-kari', { text: 'for sent', organisation: null }),
    ).toBeNull();
    expect((await store.getInnspill(third.id))!.withdrawnAt).not.toBeNull();

    const ids = async (filter: { sak?: string }) =>
      (await store.listInnspill({ committee: 'NUIT', meeting: '2/2023', ...filter })).map((i) => i.id);
    expect(await ids({})).toEqual([first.id, second.id]);
    expect(await ids({ sak: '16/23' })).toEqual([first.id]);
    expect(await store.getInnspill(9999)).toBeNull();
  });
});
