// Line shapes shared by the slide-deck readers: slide furniture, sak headings, bullets and the
// committee's decision sentences.
import { squash, stripInlineHtml, stripMarkdown } from './normalize.ts';
import { SAK_WORD } from './dates.ts';

/** The secretariat's logo, printed on every slide ("Direktoratet for" / "e-helse"). */
export const LOGO = /^(direktoratet for|e-helse|direktoratet for e-helse|helsedirektoratet)$/i;
const SAK_ID = String.raw`\d{1,3}\s?\/\s?(?:(?:19|20)\d{2}|\d{2})`;
/**
 * A heading's section number before "Sak", as a numbered outline prints it: "2.2 Sak 37/19: …",
 * or in roman numerals, with their full stop: "III. Sak 37/19: …".
 */
const SECTION = String.raw`(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,7}\.)\s+)?`;
/**
 * A slide's sak heading: "Sak 41/18: Tema …", "Sak nr. 41/18: Tema", "2.2 Sak 41/18: Tema",
 * "Sak 41/18 – Tema", "41/18: Tema", also with the title on the following lines. Without the word
 * "Sak" a colon or dash must follow the id and no tab the line: an agenda row starts with an id too,
 * and its cells are tabbed.
 */
export const SLIDE_HEADING = new RegExp(
  String.raw`^(?:${SECTION}${SAK_WORD}\s+(${SAK_ID})\s*(?::|\s[–—-](?=\s|$))|(${SAK_ID})\s*(?::|\s[–—](?=\s|$))(?=[^\t]*$))\s*(.*)$`,
  'i',
);

/** The sak id of a slide heading, as printed, or undefined. */
export function slideHeadingSak(text: string): string | undefined {
  // A heading set in bold or as a markdown heading ("**Sak 36/19:**", "## Sak 36/19") is one still.
  const m = SLIDE_HEADING.exec(stripMarkdown(stripInlineHtml(text)).trim());
  return m ? (m[1] ?? m[2]) : undefined;
}
/** The meeting named in a slide footer: "NUFA 6. – 7. november 2019". */
export const FOOTER = /^(NUFA|NUIT)\s+\d{1,2}\.\s*[–-]?\s*(\d{1,2}\.)?\s*\p{L}+( \d{4})?$/u;
/** A sentence in which the committee decides: "NUFA tar saken til orientering." */
export const DECISION_SENTENCE =
  /^(NUFA|NUIT)\s+(godkjenner|tar|ber|drøftet|drøfter|støtter|gir|anbefaler|slutter|tilrår|stiller)\b/;
export const BULLET = /^([-•*–]|\d{1,2}\.)\s/;

/** A line without its bullet and emphasis marks. */
export const unbullet = (s: string): string => squash(s.replace(/^[-•*–]\s*/, '').replace(/\*\*/g, ''));
