// The labels a meeting package puts before its parts, by meaning, with the spellings other
// secretaries and templates use. Matched on cleaned text (NFKC, markup out), case-insensitively;
// each regex also eats the colon and spaces after the label, so the rest is the labelled text.

/**
 * Where a label ends: a colon, a dash ("Vedtak – NUIT tar …"), the line's end, or the committee
 * its text starts with ("Vedtak NUIT tar …").
 */
const END = String.raw`(?:\s*:\s*|\s*[–—-](?:\s+|\s*$)|\s*$|\s+(?=(?:NUIT|NUFA)\b))`;

/** Whose a label is, in the genitive: "Sekretariatets innstilling", "Utvalgets vedtak", "NUITs vedtak". */
const WHOSE = String.raw`(?:\p{L}{2,16}s\s+)?`;

/**
 * The proposed decision: "Forslag til vedtak:", "Forslag til vedtak" as a heading, "Forslag til
 * konklusjon:", "Innstilling".
 */
export const FORSLAG = new RegExp(
  String.raw`^${WHOSE}(?:forslag til (?:vedtak|beslutning|konklusjon)|innstilling(?: til vedtak)?|anbefalt vedtak)${END}`,
  'iu',
);

/**
 * The adopted decision: "Vedtak:", "VEDTAK", "Vedtak" alone on a line, "Vedtak i saken:",
 * "Utvalgets vedtak:", "Beslutning:", "Utvalgets konklusjon:". "Beslutning" needs its colon: alone it
 * is a sakstype cell.
 */
export const VEDTAK = new RegExp(
  String.raw`^${WHOSE}(?:vedtak(?:et)?(?: i saken)?${END}|(?:beslutning|konklusjon)\s*:\s*)`,
  'iu',
);

/** A decision label anywhere after a tab: a detail table row that carries its decision. */
export const DECISION_CELL = /\t(?:forslag til vedtak|innstilling|vedtak)\b/i;

/** Action points: "Aksjonspunkter:", "Oppfølgingspunkter". */
export const AKSJONSPUNKT = /^(?:aksjonspunkt(?:er)?|oppfølgingspunkt(?:er)?|oppfølging)(?:\s*:\s*|\s*$)/i;
