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
