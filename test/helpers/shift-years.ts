// A copy of a meeting package moved `k` years on, for tests and the bench that need more packages
// than the corpus holds: meeting numbers, sak ids and dates stay consistent with each other.
export function shiftYears(text: string, k: number): string {
  const yy = (y: string) => String((Number(y) + k) % 100).padStart(2, '0');
  return text
    .replace(/\b(19|20)(\d\d)\b/g, (y) => String(Number(y) + k))
    .replace(/\b(\d{1,3})\/(\d{2})\b(?!\d)/g, (_m, n: string, y: string) => `${n}/${yy(y)}`)
    .replace(
      /\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b(?!\d)/g,
      (_m, d: string, mo: string, y: string) => `${d}.${mo}.${yy(y)}`,
    );
}
