// A compact agenda's sakstype codes ("G", "D"), read by the key the package prints with its table
// ("Sakstype: G = godkjenning, O = orientering, D = drøfting"): each code stands for its word.
import { PRINTED_SAK_ID } from './dates.ts';
import { escapeRegExp } from './normalize.ts';
import { sakstypeOf } from './table.ts';

/** One entry of a key: a short capital code, "=" or ":", the word it stands for. */
const ENTRY = /(?<![\p{L}\d])(\p{Lu}{1,3})\s*[=:]\s*(\p{L}+)/gu;
/** Entries a line must hold, every one naming a sakstype, to be a key. */
const MIN_ENTRIES = 2;
/** An agenda row, or the part of one PDF text wrapped onto a line of its own from its time on. */
const AGENDA_ROW = new RegExp(`^[ \\t]*(?:<[bi]>)?(?:${PRINTED_SAK_ID}|\\d{1,2}[:.]\\d{2}\\s)`, 'i');

/** The key lines of a text and the codes they define, code → sakstype. */
function legend(text: string): { lines: Set<string>; codes: Map<string, string> } {
  const lines = new Set<string>();
  const codes = new Map<string, string>();
  for (const line of text.split('\n')) {
    // Most lines hold neither mark; the entries' pattern is read only where one stands.
    if (!line.includes('=') && !line.includes(':')) continue;
    const entries = [...line.matchAll(ENTRY)].map((m) => [m[1]!, sakstypeOf(m[2]!)] as const);
    if (entries.length < MIN_ENTRIES || !entries.every(([, type]) => type)) continue;
    lines.add(line);
    for (const [code, type] of entries) codes.set(code, type!);
  }
  return { lines, codes };
}

/**
 * An agenda row's cell that holds a code alone (perhaps in bold), or a code that ends a row whose cells
 * ran together, gets the sakstype it stands for. The key itself is blanked: read, it would be text
 * of the table above or the list before it. Lines stay where they were.
 */
export function expandSakstypeCodes(text: string): string {
  const { lines, codes } = legend(text);
  if (!codes.size) return text;
  const code = new RegExp(
    `(?<=[\\t ](?:<b>)?)(${[...codes.keys()].map(escapeRegExp).join('|')})(?=(?:</b>)?[ \\t]*(?:\\t|$))`,
    'g',
  );
  return text.replace(/^.*$/gm, (line) =>
    lines.has(line) ? '' : AGENDA_ROW.test(line) ? line.replace(code, (c) => codes.get(c)!) : line,
  );
}
