// The secrets port, on every store: a secret is made once and every instance gets the same one,
// even when they ask at the same moment, and it survives a restart.
import { expect, it } from 'vitest';
import { describeStores } from '../helpers/stores.ts';

describeStores('secrets', ({ open }) => {
  it('makes each secret once: instances asking together, and after a restart, get the same value', async () => {
    const stores = [await open(), await open(), await open()];
    const values = await Promise.all(stores.map((s) => s.secret('poll-voter-key')));
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(await stores[0]!.secret('annen')).not.toBe(values[0]);
    await stores[0]!.close();
    const restarted = await open();
    expect(await restarted.secret('poll-voter-key')).toBe(values[0]);
  });
});
