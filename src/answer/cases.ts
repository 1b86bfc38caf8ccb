// A "case" is one sak of one meeting as the whole record knows it: the proposal from the meeting's
// innkalling and the adopted decision from the referat that arrives with the next package.
import type { MeetingRow } from '../store/types.ts';
import { meetingLabel } from '../record/passages.ts';
import type { AgendaItem, Meeting } from '../record/types.ts';

export interface Case {
  key: string;
  committee: string;
  meeting: string;
  date: string | null;
  item: AgendaItem;
  /** The meetings (innkalling and/or referat) this case was assembled from. */
  sources: { meeting: Meeting; source: string; item: AgendaItem }[];
}

export function caseKey(committee: string, meeting: string, sak: string): string {
  return `${committee}|${meeting}|${sak}`;
}

function merge(a: AgendaItem, b: AgendaItem): AgendaItem {
  const pick = <K extends keyof AgendaItem>(k: K): AgendaItem[K] => {
    const x = a[k];
    if (Array.isArray(x)) return (x.length ? x : b[k]) as AgendaItem[K];
    return (x ?? b[k]) as AgendaItem[K];
  };
  const out = { ...a };
  for (const k of Object.keys(a) as (keyof AgendaItem)[]) (out as Record<string, unknown>)[k] = pick(k);
  return out;
}

/** Cases from all meetings in the store. An innkalling's item comes first, so its title wins. */
export function buildCases(meetings: MeetingRow[]): Case[] {
  const byKey = new Map<string, Case>();
  const ordered = [...meetings].sort((x, y) => (x.role === y.role ? 0 : x.role === 'innkalling' ? -1 : 1));
  for (const m of ordered) {
    const label = meetingLabel(m);
    for (const item of m.items) {
      const key = caseKey(m.committee, label, item.sak);
      const existing = byKey.get(key);
      const src = { meeting: m as Meeting, source: m.source, item };
      if (existing) {
        existing.item = merge(existing.item, item);
        existing.sources.push(src);
        existing.date ??= item.day ?? m.date;
      } else {
        byKey.set(key, {
          key,
          committee: m.committee,
          meeting: label,
          date: item.day ?? m.date,
          item: { ...item },
          sources: [src],
        });
      }
    }
  }
  return [...byKey.values()];
}
