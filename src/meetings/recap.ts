// The after-meeting recap, the way a Facilitator user would know it: the saker the meeting handled
// in agenda order, and for each what the chat gave it (innspill, poll results, questions still
// open, action points added) and a draft of its referat section, with the proposal as the likely
// vedtak. The draft is the secretariat's to confirm, and says so wherever it is shown.
import { actionPointText } from '../actions/text.ts';
import type { ActionPoint } from '../actions/types.ts';
import type { ExportMeeting } from '../innspill/export.ts';
import { resultLine } from '../polls/summary.ts';
import type { MeetingInput } from './input-export.ts';

/** How every draft of a referat section is marked, on the card and in the document. */
export const DRAFT_MARK = 'Utkast – sekretariatet bekrefter';

export interface SakRecap {
  /** The sak id; "" for what the chat gave no sak (a poll or question outside any sak). */
  sak: string;
  title: string;
  /** "Text (Name, organisation)", oldest first. */
  innspill: string[];
  /** One line per poll: the question and its outcome. */
  polls: string[];
  /** Questions not answered, most upvoted first. */
  openQuestions: string[];
  /** Action points added in the meeting's chat. */
  actionPoints: ActionPoint[];
  /** The proposal (forslag til vedtak) as the likely vedtak; null when the agenda has none. */
  likelyDecision: string | null;
}

const who = (i: MeetingInput['innspill'][number]) =>
  i.organisation ? `${i.authorName}, ${i.organisation}` : i.authorName;

type Held = { sak: string | null };

/** The recap of each sak on the agenda, in its order, then what the chat gave no sak of it. */
export function meetingRecap(meeting: ExportMeeting, input: MeetingInput): SakRecap[] {
  const recap = (sak: string, title: string, likelyDecision: string | null, of: (x: Held) => boolean) => ({
    sak,
    title,
    innspill: input.innspill.filter(of).map((i) => `${i.text} (${who(i)})`),
    polls: input.polls.filter(({ poll }) => of(poll)).map(({ poll, results }) => resultLine(poll, results)),
    openQuestions: input.questions
      .filter((q) => q.status === 'open' && of(q))
      .map((q) => `${q.text} (${q.upvotes} 👍)`),
    actionPoints: input.actionPoints.filter(of),
    likelyDecision,
  });
  const onAgenda = meeting.saker.map((s) => recap(s.sak, s.title, s.proposal, (x) => x.sak === s.sak));
  // What was tied to no sak, or to one this agenda does not hold, is still the meeting's.
  const agendaSaker = new Set(meeting.saker.map((s) => s.sak));
  const elsewhere = recap('', 'Uten sak', null, (x) => !agendaSaker.has(x.sak ?? ''));
  const empty =
    elsewhere.innspill.length +
      elsewhere.polls.length +
      elsewhere.openQuestions.length +
      elsewhere.actionPoints.length ===
    0;
  return empty ? onAgenda : [...onAgenda, elsewhere];
}

/** The parts of a sak's draft section, each a heading and its lines (none: the part is left out). */
export function draftParts(r: SakRecap): { heading: string; lines: string[] }[] {
  return [
    { heading: 'Innspill i møtet', lines: r.innspill },
    { heading: 'Avstemninger', lines: r.polls },
    { heading: 'Ubesvarte spørsmål', lines: r.openQuestions },
    { heading: 'Aksjonspunkter', lines: r.actionPoints.map(actionPointText) },
  ].filter((p) => p.lines.length);
}

/** What the draft says of the vedtak: the proposal, or that there was none to take. */
export function likelyDecisionText(r: SakRecap): string {
  return r.likelyDecision ?? 'Innkallingen har ikke noe forslag til vedtak i denne saken.';
}
