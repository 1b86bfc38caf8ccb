// Action points over real HTTP, as the secretariat and members use them in a meeting chat: one added
// in the chat stands under its sak on the next agenda card, "aksjonspunkter NUIT" lists the open
// ones, and marking one done (by command or the card's button) takes it off the agenda. Members
// are refused, in the language they wrote. The corpus' NUIT meeting 2/2023 (25 May 2023) is the
// next meeting; the bot's clock stands at 1 May 2023. The "postgres" project runs this again there.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/ingest.ts';
import { invokeActivity, postActivity, SECRETARY, sentCards, mentionBot, useTestBot } from './helpers/bot.ts';
import { ManualClock } from './helpers/clock.ts';
import { SHARED } from './helpers/corpus.ts';
import { openTestStore } from './helpers/stores.ts';

const GROUP = { id: '19:nuit-aksjon@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' };
const member = { id: '29:m1', name: 'Medlem 1', aadObjectId: 'aad-m1' };
const secretary = { id: '29:sek', name: 'Sigrid Sekretær', aadObjectId: SECRETARY };

const harness = useTestBot({
  name: 'actions',
  clock: new ManualClock('2023-05-01T10:00:00Z'),
  openStore: openTestStore,
  fill: (store) => ingestPaths([path.join(SHARED, 'corpus')], { store, maxBytes: 5e7 }),
});

/** "@Møtebot <text>" in the group chat; what the bot sent back. */
const say = (text: string, from: Record<string, string> = member) => mentionBot(harness, GROUP, text, from);

/** A card's Action.Execute; the invoke response's body. */
async function click(verb: string, data: Record<string, unknown>, from: Record<string, string>) {
  const res = await postActivity(
    harness.bot.url,
    invokeActivity(harness.connector, verb, data, { conversation: GROUP, from }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { statusCode: number; type: string; value: unknown };
}

const lastCard = () => JSON.stringify(sentCards(harness.connector).at(-1)!.content);

/** The agenda card's container of one sak (its items in the card's JSON). */
async function agendaSak(sak: string) {
  await say('agenda NUIT');
  const card = sentCards(harness.connector).at(-1)!.content as { body: { items?: unknown[] }[] };
  const container = card.body.find((b) => JSON.stringify(b.items ?? []).includes(`**${sak}**`));
  return { card: JSON.stringify(card), sak: JSON.stringify(container) };
}

beforeAll(async () => {
  await say('møte 2/2023', secretary);
});

describe('action points in the meeting chat', () => {
  it('refuses a member, in bokmål or in English as they wrote', async () => {
    const [nb] = await say('aksjonspunkt 17/23: Sende veikartet ansvarlig: NHN');
    expect(nb!.activity.text).toBe(
      'Bare sekretariatet og møtearrangøren kan legge til aksjonspunkter eller markere dem som utført.',
    );
    const [en] = await say('action point 17/23: Send the roadmap owner: NHN');
    expect(en!.activity.text).toBe(
      'Only the secretariat and the meeting organiser can add action points or mark them done.',
    );
    expect(await harness.store.listActionPoints({ conversationId: GROUP.id })).toEqual([]);
  });

  it('one added by the secretariat stands under its sak on the next agenda; done, it is gone from there', async () => {
    await say(
      'aksjonspunkt 17/23: Sende oppdatert veikart til medlemmene ansvarlig: NHN frist: 1.9.2023',
      secretary,
    );
    const receipt = lastCard();
    const [added] = await harness.store.listActionPoints({ conversationId: GROUP.id });
    expect(added).toMatchObject({
      committee: 'NUIT',
      meeting: '2/2023',
      sak: '17/23',
      text: 'Sende oppdatert veikart til medlemmene',
      owner: 'NHN',
      due: '2023-09-01',
      status: 'open',
      createdBy: SECRETARY,
    });
    expect(receipt).toContain(`Aksjonspunkt #${added!.id} er lagt til`);
    expect(receipt).toContain('Ansvarlig: NHN · Frist: 01.09.2023');
    expect(receipt).toContain('"verb":"action.done"');

    const line = `Aksjonspunkt #${added!.id} Sende oppdatert veikart til medlemmene (Ansvarlig: NHN · Frist: 01.09.2023)`;
    const before = await agendaSak('17/23');
    expect(before.card).toContain('Agenda · NUIT møte 2/2023');
    expect(before.sak).toContain(line);
    // The previous referat's follow-ups, whose saker are not on this agenda, under Oppfølging.
    expect(before.card).toContain('"text":"Oppfølging"');
    expect(before.card).toContain('sak 6/23, NUIT møte 1/2023');

    await say('aksjonspunkter NUIT');
    const list = lastCard();
    expect(list).toContain('Åpne aksjonspunkter · NUIT');
    expect(list).toContain('Sende oppdatert veikart til medlemmene');

    const refused = await click('action.done', { id: added!.id, committee: 'NUIT', view: 'list' }, member);
    expect(JSON.stringify(refused.value)).toContain('Bare sekretariatet og møtearrangøren');
    const done = await click('action.done', { id: added!.id, committee: 'NUIT', view: 'list' }, secretary);
    expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = JSON.stringify(done.value);
    expect(after).toContain('Åpne aksjonspunkter · NUIT');
    expect(after).not.toContain('Sende oppdatert veikart');
    expect((await harness.store.getActionPoint(added!.id))!.status).toBe('done');

    const gone = await agendaSak('17/23');
    expect(gone.card).not.toContain('Sende oppdatert veikart');
    expect(gone.sak).not.toContain('Aksjonspunkt #');
  });

  it('marks a referat’s point done by its number, and says so when it already is', async () => {
    const referat = (await harness.store.listActionPoints({ committee: 'NUIT', status: 'open' })).find(
      (p) => p.origin === 'referat' && p.sak === '6/23',
    )!;
    await say(`aksjonspunkt utført ${referat.id}`, secretary);
    expect(lastCard()).toContain(`Aksjonspunkt #${referat.id} er utført`);
    const [again] = await say(`action done ${referat.id}`, secretary);
    expect(again!.activity.text).toBe(`Action point ${referat.id} was already marked done.`);
    expect((await agendaSak('17/23')).card).not.toContain('sak 6/23, NUIT møte 1/2023');
  });
});
