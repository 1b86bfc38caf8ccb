// What an action point's text says beyond the task: who is responsible and by when. Written as
// labels ("ansvarlig: NHN", "ansv. KS", "eier: …", "frist: 1.9.2024", "innen 1. september 2024")
// anywhere in the text, in any of the date styles the record reads; the rest is the task.
import { formatDate } from '../answer/texts.ts';
import { DATE_TEXT, parseDate } from '../record/dates.ts';

export interface ActionText {
  text: string;
  owner: string | null;
  due: string | null;
}

/** Words that open the owner's clause: "ansvarlig: NHN", "ansv. KS", "(eier: FHI)", "owner: NHN". */
const OWNER_LABEL = String.raw`(?:ansvarlig|ansv\.?|ansvar|eier|owner|responsible)`;
/** Words that open the due date's clause: "frist: 1.9.2024", "innen 1. september", "due 2024-09-01". */
const DUE_LABEL = String.raw`(?:frist|tidsfrist|innen|senest|due|deadline|by)`;

const DUE = new RegExp(String.raw`[\s,;(–-]*\b${DUE_LABEL}\b\s*:?\s*(${DATE_TEXT.source})\)?`, 'i');
const OWNER = new RegExp(
  String.raw`[\s,;(–-]*\b${OWNER_LABEL}(?:\s*:\s*|\s+)([^,;()\n]+?)\s*(?=[,;)]|\b${DUE_LABEL}\b\s*:?\s*\d|$)\)?`,
  'i',
);

/** The task, the owner and the due date an action point's text gives. */
export function parseActionText(raw: string): ActionText {
  let text = raw.replace(/\s+/g, ' ').trim();
  let due: string | null = null;
  const d = DUE.exec(text);
  if (d) {
    due = parseDate(d[1]!);
    text = cut(text, d);
  }
  let owner: string | null = null;
  const o = OWNER.exec(text);
  if (o?.[1]?.trim()) {
    owner = o[1].trim().replace(/[.:]$/, '');
    text = cut(text, o);
  }
  // What the cut clauses leave: a space before a stop, two stops in a row, a dangling dash.
  text = text
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/([.,;:])(?:\s*[.,;:])+/g, '$1')
    .replace(/[\s,;:–-]+$/, '')
    .trim();
  return { text, owner, due };
}

function cut(text: string, m: RegExpExecArray): string {
  return `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
}

/** Who and by when: "Ansvarlig: NHN · Frist: 01.09.2024", or "" when neither is written. */
export function ownerAndDue(p: Pick<ActionText, 'owner' | 'due'>): string {
  return [p.owner && `Ansvarlig: ${p.owner}`, p.due && `Frist: ${formatDate(p.due, 'nb')}`]
    .filter(Boolean)
    .join(' · ');
}

/** An action point as one line: "Sende notatet (Ansvarlig: NHN · Frist: 01.09.2024)". */
export function actionPointText(p: Pick<ActionText, 'text' | 'owner' | 'due'>): string {
  const about = ownerAndDue(p);
  return about ? `${p.text} (${about})` : p.text;
}
