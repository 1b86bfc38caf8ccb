// The labels a meeting package puts before its parts, by meaning, with the spellings other
// secretaries and templates use: bokmål, nynorsk, and the English of a translated template.
// Matched on cleaned text (NFKC, markup out), case-insensitively; each regex also eats the colon
// and spaces after the label, so the rest is the labelled text.

/**
 * Where a label ends: a colon, a dash ("Vedtak – NUIT tar …"), the line's end, or the committee
 * its text starts with ("Vedtak NUIT tar …").
 */
const END = String.raw`(?:\s*:\s*|\s*[–—-](?:\s+|\s*$)|\s*$|\s+(?=(?:NUIT|NUFA)\b))`;

/** Whose a label is, in the genitive: "Sekretariatets innstilling", "Utvalgets vedtak", "NUITs vedtak". */
const WHOSE = String.raw`(?:\p{L}{2,16}s\s+)?`;

/**
 * The proposed decision: "Forslag til vedtak:", "Forslag til vedtak" as a heading, "Forslag til
 * konklusjon:", "Innstilling", "Tilråding", nynorsk "Framlegg til vedtak", English "Proposed decision".
 */
export const FORSLAG = new RegExp(
  String.raw`^${WHOSE}(?:(?:forslag|framlegg) til (?:vedtak|beslutning|konklusjon)|innstilling(?: til vedtak)?|anbefalt vedtak|tilrådn?ing|(?:proposed|draft) (?:decision|resolution))${END}`,
  'iu',
);

/** How a decision was made, said before or after its label: "Enstemmig vedtak", "Vedtak (enstemmig)". */
const HOW = String.raw`(?:(?:enstemmig|endelig|omforent)e?\s+)?`;
const NOTE = String.raw`(?:\s*\([^()]{1,30}\))?`;

/**
 * The sentence minutes introduce a decision with: "Utvalget fattet følgende vedtak:", "NUIT fattet
 * slikt vedtak:", "Følgende vedtak ble fattet:". Only its colon makes it a label: "NUIT fattet vedtak
 * om …" and "det er fattet 15 vedtak" are sentences.
 */
const MADE = String.raw`(?:fattet|gjorde|traff)`;
const MADE_SENTENCE = String.raw`(?:(?:[\p{L}-]+\s+){0,3}${MADE}\s+(?:\p{L}+\s+){0,2}vedtak|(?:følgende|slikt)\s+vedtak\s+ble\s+${MADE})\s*:\s*`;

/**
 * The adopted decision: "Vedtak:", "VEDTAK", "Vedtak" alone on a line, "Vedtak i saken:",
 * "Utvalgets vedtak:", "Enstemmig vedtak:", "Vedtak (enstemmig):", English "Decision:", "Beslutning:",
 * "Utvalgets konklusjon:", English "Resolution:", and the sentence that introduces it. "Beslutning" needs its colon: alone
 * it is a sakstype cell.
 */
export const VEDTAK = new RegExp(
  String.raw`^(?:${WHOSE}(?:${HOW}(?:vedtak(?:et)?|decision|resolution)${NOTE}(?: i saken)?${END}|(?:beslutning|konklusjon)\s*:\s*)|${MADE_SENTENCE})`,
  'iu',
);

/** A decision label anywhere after a tab: a detail table row that carries its decision. */
export const DECISION_CELL =
  /\t(?:(?:forslag|framlegg) til vedtak|innstilling|vedtak|(?:proposed )?(?:decision|resolution))\b/i;

/** Action points: "Aksjonspunkter:", "Oppfølgingspunkter". */
export const AKSJONSPUNKT = /^(?:aksjonspunkt(?:er)?|oppfølgingspunkt(?:er)?|oppfølging)(?:\s*:\s*|\s*$)/i;
