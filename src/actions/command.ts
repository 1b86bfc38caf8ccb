// What a chat message about action points asks for: "aksjonspunkt N/ÅÅ: … ansvarlig: … frist: …"
// (or "aksjonspunkt: …" for the sak being handled) adds one, "aksjonspunkt utført 12" marks one
// done, and "aksjonspunkter NUIT" (or anything else) lists the open ones. English: "action point …",
// "action points NUIT", "action done 12".
export type ActionCommand =
  | { kind: 'add'; sak: string | null; text: string }
  | { kind: 'done'; id: number }
  | { kind: 'list'; committee?: string };

const DONE = /^(?:utført|ferdig|done|completed?)\s*#?(\d+)$|^#?(\d+)\s+(?:er\s+)?(?:utført|ferdig|done)$/i;
const ADD =
  /^(?<sak>\d{1,3}\s?\/\s?\d{2})?\s*:\s*(?<text>[\s\S]+)$|^(?<sak2>\d{1,3}\s?\/\s?\d{2})\s+(?<text2>[\s\S]+)$/;

export function parseActionCommand(rest: string): ActionCommand {
  // "action point(s) …": the English command's second word.
  const text = rest.replace(/^points?\b\s*/i, '').trim();
  const done = DONE.exec(text);
  if (done) return { kind: 'done', id: Number(done[1] ?? done[2]) };
  const add = ADD.exec(text)?.groups;
  if (add) {
    const sak = (add.sak ?? add.sak2)?.replace(/\s/g, '') ?? null;
    return { kind: 'add', sak, text: (add.text ?? add.text2 ?? '').trim() };
  }
  const committee = /\b(NUIT|NUFA)\b/i.exec(text)?.[1]?.toUpperCase();
  return committee ? { kind: 'list', committee } : { kind: 'list' };
}
