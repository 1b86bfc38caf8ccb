// Placeholder replaced below.
export function looksLikeSlideDeck(_text: string): boolean {
  return false;
}
export function parseSlideDeck(_text: string) {
  return [];
}
