// Earlier treatments of a sak's topic: saker of earlier meetings in the record whose titles name
// what this sak's title names, with their adopted decisions. Computed from the record (never copied
// from the memo's own history section), for the agenda card's "Tidligere behandlinger".
import { isStandingItem } from '../record/item.ts';
import { caseKey } from './cases.ts';
import type { Library } from './library.ts';
import { titleCoverage } from './evidence.ts';
import { rankCases } from './rank.ts';
import { understand } from './question.ts';
import type { EarlierTreatment } from './types.ts';

/** Share of a title's topic words an earlier sak's title must name. */
const SAME_TOPIC = 0.5;

export async function earlierTreatments(
  lib: Library,
  ref: { committee: string; meeting: string; sak: string },
  limit = 3,
): Promise<EarlierTreatment[]> {
  const self = lib.byKey.get(caseKey(ref.committee, ref.meeting, ref.sak));
  if (!self?.date || isStandingItem(self.item.title)) return [];
  // The title as a question, without the sak id it might carry, so the search is about the topic.
  const q = {
    ...understand(self.item.title),
    sakIds: [],
    years: [],
    meetingYear: undefined,
    meeting: undefined,
    date: undefined,
    month: undefined,
  };
  const { ranked } = await rankCases(lib, q, {});
  return ranked
    .map((r) => r.c)
    .filter(
      (c) =>
        c.key !== self.key &&
        !!c.date &&
        c.date < self.date! &&
        !!c.item.adopted_decision &&
        titleCoverage(lib, c, q) >= SAME_TOPIC,
    )
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
