// Batching work that arrives while the same kind of work is under way: a lone item runs at once;
// what arrives meanwhile runs together next, one part (voter) at most once a batch, in order.
import { describe, expect, it } from 'vitest';
import { Batches } from './batches.ts';

/** A round per call, each held until the test lets it finish. */
function rounds() {
  const ran: { key: string; items: string[]; finish: (err?: Error) => void }[] = [];
  const batches = new Batches<string, string>({
    run: (key, items) =>
      new Promise((resolve, reject) =>
        ran.push({ key, items, finish: (err) => (err ? reject(err) : resolve(items.join('+'))) }),
      ),
    part: (item) => item.split(':')[0]!,
    max: 3,
  });
  return { batches, ran };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('batches', () => {
  it('runs a lone item at once, and what arrives during its round together in the next', async () => {
    const { batches, ran } = rounds();
    const first = batches.add('p', 'a:1');
    await tick();
    expect(ran.map((r) => r.items)).toEqual([['a:1']]);
    const later = ['b:1', 'c:1'].map((item) => batches.add('p', item));
    const other = batches.add('q', 'a:1');
    await tick();
    // Another key is not held up by this one's round.
    expect(ran.map((r) => r.items)).toEqual([['a:1'], ['a:1']]);
    ran[0]!.finish();
    expect(await first).toBe('a:1');
    await tick();
    expect(ran[2]!.items).toEqual(['b:1', 'c:1']);
    ran[2]!.finish();
    expect(await Promise.all(later)).toEqual(['b:1+c:1', 'b:1+c:1']);
    ran[1]!.finish();
    expect(await other).toBe('a:1');
  });

  it('keeps one part to one item a batch, and at most `max` items, in the order they came', async () => {
    const { batches, ran } = rounds();
    void batches.add('p', 'x:0');
    await tick();
    const all = ['a:1', 'a:2', 'b:1', 'c:1', 'd:1', 'a:3'].map((item) => batches.add('p', item));
    for (let k = 0; k < 4; k++) {
      ran[k]!.finish();
      await tick();
    }
    expect(ran.map((r) => r.items)).toEqual([['x:0'], ['a:1', 'b:1', 'c:1'], ['a:2', 'd:1'], ['a:3']]);
    await Promise.all(all);
  });

  it('fails only the batch whose round failed, and goes on with the next', async () => {
    const { batches, ran } = rounds();
    void batches.add('p', 'x:0');
    await tick();
    const failing = batches.add('p', 'a:1');
    ran[0]!.finish();
    await tick();
    const next = batches.add('p', 'b:1');
    ran[1]!.finish(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await tick();
    ran[2]!.finish();
    expect(await next).toBe('b:1');
  });
});
