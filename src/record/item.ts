// A new agenda item with nothing known yet but its sak, title and where it stands.
import type { AgendaItem } from './types.ts';

export function newAgendaItem(
  sak: string,
  title: string,
  line: number,
  known: Partial<AgendaItem> = {},
): AgendaItem {
  return {
    sak,
    title,
    sakstype: null,
    day: null,
    start_time: null,
    end_time: null,
    duration_minutes: null,
    presenter: null,
    case_owner: null,
    case_handler: null,
    proposed_decision: null,
    adopted_decision: null,
    description: null,
    minutes: null,
    innspill: [],
    action_points: [],
    discussion_prompts: [],
    named_items: [],
    memo: [],
    slides: null,
    attachments: [],
    locator: { line },
    ...known,
  };
}

/** Formalities of every meeting: approving the notice and the minutes, any other business. */
const FORMALITY = /^\s*(godkjenning av (innkalling|referat|dagsorden)|eventuelt|velkommen)/i;

export function isFormality(title: string): boolean {
  return FORMALITY.test(title);
}

/** Items on every meeting's agenda: the formalities and the directorate's news. */
export function isStandingItem(title: string): boolean {
  return isFormality(title) || /^\s*orientering(er)? fra/i.test(title);
}
