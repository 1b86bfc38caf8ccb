// The examples the welcome and help cards give, drawn from the record as it stands: the next
// meeting's (else the latest) first sak of substance. A fixed sak id would point a new member at a
// sak their record does not hold.
import type { Language } from '../answer/types.ts';
import { isStandingItem } from '../record/item.ts';
import { meetingLabel } from '../record/passages.ts';
import type { Store } from '../store/types.ts';
import { findAgendaMeeting } from './agenda.ts';

/** What the examples of the help texts are filled with. */
export interface Example {
  committee: string;
  /** The meeting's label: "2/2023" or "NUFA 27.10.2021". */
  meeting: string;
  sak: string;
}

/** Stand-ins for an empty record: the shape of a sak id and a meeting number, not one of them. */
const PLACEHOLDER: Record<Language, Example> = {
  nb: { committee: 'NUIT', meeting: 'N/ÅÅÅÅ', sak: 'N/ÅÅ' },
  en: { committee: 'NUIT', meeting: 'N/YYYY', sak: 'N/YY' },
};

/** The record's example, or null when no meeting invitation is loaded. */
export async function recordExample(
  store: Pick<Store, 'listMeetings'>,
  today: string,
): Promise<Example | null> {
  const meeting = await findAgendaMeeting(store, {}, today);
  if (!meeting?.items.length) return null;
  const item = meeting.items.find((i) => !isStandingItem(i.title)) ?? meeting.items[0]!;
  return { committee: meeting.committee, meeting: meetingLabel(meeting), sak: item.sak };
}

/** A help text with its `{sak}`, `{meeting}` and `{committee}` filled from the example or stand-ins. */
export function fillExample(text: string, example: Example | null, lang: Language): string {
  const e = example ?? PLACEHOLDER[lang];
  return text
    .replaceAll('{sak}', e.sak)
    .replaceAll('{meeting}', e.meeting)
    .replaceAll('{committee}', e.committee);
}

/** A question to try, about the example's sak. */
export function exampleQuestion(example: Example, lang: Language): string {
  return lang === 'en'
    ? `What is the proposed decision in item ${example.sak}?`
    : `Hva er forslag til vedtak i sak ${example.sak}?`;
}
