// Work that arrives while the same kind of work is under way goes together in the next round: the
// first item of a key runs at once, alone; items of that key arriving meanwhile wait for it and then
// run as one batch. Nothing waits on a timer, so a lone item costs no more than before, and a
// burst costs one round per batch instead of one per item. Items whose `part` is already in a batch
// (one voter twice) wait for a later one, in the order they came.

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

export class Batches<T, R> {
  /** Per key, the items waiting for the round under way; a key is present while a round runs. */
  private readonly waiting = new Map<string, Waiting<T, R>[]>();

  constructor(
    private readonly opts: {
      /** One round: every item of the batch gets its result, or the round's error. */
      run: (key: string, items: T[]) => Promise<R>;
      /** Items of one batch have distinct parts. */
      part: (item: T) => string;
      max: number;
    },
  ) {}

  add(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry = { item, resolve, reject };
      const queue = this.waiting.get(key);
      if (queue) queue.push(entry);
      else {
        this.waiting.set(key, []);
        void this.round(key, [entry]);
      }
    });
  }

  private async round(key: string, batch: Waiting<T, R>[]): Promise<void> {
    try {
      const result = await this.opts.run(
        key,
        batch.map((w) => w.item),
      );
      for (const w of batch) w.resolve(result);
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
    const queue = this.waiting.get(key)!;
    if (!queue.length) {
      this.waiting.delete(key);
      return;
    }
    const next: Waiting<T, R>[] = [];
    const later: Waiting<T, R>[] = [];
    const parts = new Set<string>();
    for (const w of queue) {
      const part = this.opts.part(w.item);
      if (next.length < this.opts.max && !parts.has(part)) {
        parts.add(part);
        next.push(w);
      } else later.push(w);
    }
    this.waiting.set(key, later);
    void this.round(key, next);
  }
}
