// Text of one meeting package → the meetings it records. Two layouts exist: the written
// møteinnkalling (agenda table, forslag til vedtak, attached referat, toppnotater) and the
// slide deck (NUFA: agenda table with Sakseier/Start/Varighet, then slides per sak).
import { expandSakstypeCodes } from './legend.ts';
import { normalizeText } from './normalize.ts';
import { parsePackage } from './package.ts';
import { looksLikeSlideDeck, parseSlideDeck } from './slides.ts';
import type { ParsedDocument } from './types.ts';

export function parseDocument(text: string): ParsedDocument {
  const clean = expandSakstypeCodes(normalizeText(text));
  const meetings = looksLikeSlideDeck(clean) ? parseSlideDeck(clean) : parsePackage(clean);
  return { meetings };
}
