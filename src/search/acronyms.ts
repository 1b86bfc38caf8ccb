// Abbreviations the record defines itself: "Grunnleggende Nasjonal Funksjon (GNF)", "Helsetjenestens
// driftsorganisasjon for nødnett (HDO)". The abbreviation table holds the committees' common ones;
// a document introducing a new one defines it in the text, and a member asking "what's GNF" or
// "who is in HDO" should reach the words it stands for. Found the way Schwartz and Hearst find
// them: a parenthesised short form after the words whose initials it spells. Names the text never
// defines are found by their initials too: "HSØ" is how members write "Helse Sør-Øst".
/** A parenthesised short form: "(GNF)", "( HDO )". */
const SHORT = /\(\s*(\p{Lu}[\p{Lu}\d]{1,7})\s*\)/gu;
/** How far before the parenthesis a long form is looked for. */
const REACH = 120;

/**
 * The long form of `short` at the end of `before`, or null (Schwartz & Hearst's algorithm): the
 * short form's characters are found right to left in the words before it, the first at the start
 * of a word, so "KVU" finds "Konseptvalgutredningen" and "HDO" "Helsetjenestens driftsorganisasjon
 * for nødnett". A legal form just before the parenthesis ("… nødnett HF (HDO)") is passed over.
 */
export function longForm(short: string, before: string): string | null {
  let words = before.split(/\s+/).filter(Boolean);
  if (words.length > 1 && /^\p{Lu}{2,3}$/u.test(words.at(-1)!) && words.at(-1) !== short)
    words = words.slice(0, -1);
  // At most min(|A| + 5, 2|A|) words, as the algorithm bounds the candidate.
  const max = Math.min(short.length + 5, short.length * 2);
  const long = words.slice(-max).join(' ');
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  const alnum = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);
  while (si >= 0) {
    const ch = s[si]!;
    if (!alnum(ch)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== ch || (si === 0 && li > 0 && alnum(l[li - 1])))) li--;
    if (li < 0) return null;
    li--;
    si--;
  }
  const found = long.slice(long.lastIndexOf(' ', li) + 1);
  return found.length > short.length + 2 && found.split(' ').length <= max ? found : null;
}

/** A name of two to four capitalised words, a hyphen's parts each a word: "Helse Sør-Øst", "Helse Midt-Norge". */
const NAME = /\p{Lu}\p{Ll}+(?:(?:\s+|-)\p{Lu}\p{Ll}+){1,3}/gu;
/** Initials shorter than this would spell too many names ("KB" of every Kari Berg). */
const MIN_INITIALS = 3;

/** Names by their initials: "hsø" → "helse sør-øst". */
function initialisms(text: string, into: Map<string, Set<string>>): void {
  for (const m of text.matchAll(NAME)) {
    const initials = m[0]
      .split(/\s+|-/)
      .map((w) => w[0]!.toLowerCase())
      .join('');
    if (initials.length < MIN_INITIALS) continue;
    const long = m[0].toLowerCase().replace(/\s+/g, ' ');
    if (!into.has(initials)) into.set(initials, new Set());
    into.get(initials)!.add(long);
  }
}

/** Definitions in a text: short form (lower case) → long forms. */
export function definitions(text: string, into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  initialisms(text, into);
  // Only the words just before each parenthesis are read: one pass over the text, no backtracking.
  for (const m of text.matchAll(SHORT)) {
    const short = m[1]!;
    const before =
      text
        .slice(Math.max(0, m.index - REACH), m.index)
        .split(/[\n.;:()]/)
        .at(-1) ?? '';
    const long = longForm(short, before.trim());
    if (!long) continue;
    const key = short.toLowerCase();
    if (!into.has(key)) into.set(key, new Set());
    into.get(key)!.add(long.toLowerCase());
  }
  return into;
}
