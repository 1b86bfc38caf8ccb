// Earlier treatments of a sak's topic, for the agenda card's "Tidligere behandlinger": the steps of
// the topic's timeline (src/answer/history.ts, the same steps "historikk" draws) as it stood before
// this sak, those with an adopted decision, newest first. The sak's title is the topic. Computed from
// the record, never copied from the memo's own history section.
import { isStandingItem } from '../record/item.ts';
import { caseKey } from './cases.ts';
import { historySteps } from './history.ts';
import type { Library } from './library.ts';
import { rankCases } from './rank.ts';
import { understand } from './question.ts';
import type { Question } from './question.ts';
import type { EarlierTreatment } from './types.ts';

export async function earlierTreatments(
  lib: Library,
  ref: { committee: string; meeting: string; sak: string },
  limit = 3,
): Promise<EarlierTreatment[]> {
  const self = lib.byKey.get(caseKey(ref.committee, ref.meeting, ref.sak));
  if (!self?.date || isStandingItem(self.item.title)) return [];
  // The title as a history question, without the sak id or dates it might carry, so the steps are
  // the topic's across all meetings, as the timeline finds them.
  const q: Question = {
    ...understand(self.item.title),
    intent: 'history',
    sakIds: [],
    years: [],
    meetingYear: undefined,
    meeting: undefined,
    date: undefined,
    month: undefined,
  };
  // The timeline as it stood before this sak: the sak itself (always the best step of its own
  // title) and later ones would set the bar the earlier steps are measured against.
  const before = (await rankCases(lib, q, {})).ranked.filter((r) => !!r.c.date && r.c.date < self.date!);
  return historySteps(lib, q, before)
    .map((s) => s.c)
    .filter((c) => !!c.item.adopted_decision)
    .sort((a, b) => b.date!.localeCompare(a.date!))
    .slice(0, limit)
    .map((c) => ({
      committee: c.committee,
      meeting: c.meeting,
      date: c.date!,
      sak: c.item.sak,
      title: c.item.title,
      adoptedDecision: c.item.adopted_decision!,
    }));
}
