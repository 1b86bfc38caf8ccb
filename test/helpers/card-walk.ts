// Cards are trees of elements and actions: tests look things up wherever they stand in one.

/** Every object in a card (elements, actions, inputs, nested cards) that matches. */
export function findInCard(
  card: unknown,
  match: (x: Record<string, unknown>) => boolean,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (o: unknown) => {
    if (Array.isArray(o)) return o.forEach(walk);
    if (!o || typeof o !== 'object') return;
    const x = o as Record<string, unknown>;
    if (match(x)) out.push(x);
    Object.values(x).forEach(walk);
  };
  walk(card);
  return out;
}
