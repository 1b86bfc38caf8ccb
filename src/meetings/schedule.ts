// When agenda cards are due: each invited meeting's start in Europe/Oslo, and the lead times
// before it ("3d@09:00": three days before at 09:00; "60m": sixty minutes before the start).
// luxon does the time-zone arithmetic, so summer time and its changeovers come out right.
import { DateTime } from 'luxon';
import { MotebotError } from '../errors.ts';
import { meetingLabel } from '../record/passages.ts';
import type { Meeting } from '../record/types.ts';
import type { PlannedAgendaPost, Subscription } from '../store/types.ts';

export const ZONE = 'Europe/Oslo';

/** Start time when neither the meeting nor its first sak prints one. */
const DEFAULT_START = '09:00';

export type LeadTime = { name: string; days: number; at: string } | { name: string; minutes: number };

/** Parses a comma-separated list such as "3d@09:00,60m". */
export function parseLeadTimes(spec: string): LeadTime[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const days = /^(\d+)d@([01]\d|2[0-3]):([0-5]\d)$/.exec(name);
      if (days) return { name, days: Number(days[1]), at: `${days[2]}:${days[3]}` };
      const minutes = /^(\d+)(m|h)$/.exec(name);
      if (minutes) return { name, minutes: Number(minutes[1]) * (minutes[2] === 'h' ? 60 : 1) };
      throw new MotebotError(
        'invalid_config',
        `Ugyldig varslingstid «${name}»: bruk for eksempel «3d@09:00» (tre dager før kl. 09:00) eller «60m».`,
      );
    });
}

/** Which meeting of the record a card shows: committee and meeting label. */
export function meetingKey(m: Pick<Meeting, 'committee' | 'meeting' | 'date'>): string {
  return `${m.committee}|${meetingLabel(m)}`;
}

/** The meeting's start in Europe/Oslo, or null when the record has no date. */
export function meetingStart(m: Meeting): DateTime | null {
  if (!m.date) return null;
  const time = m.start_time ?? m.items[0]?.start_time ?? DEFAULT_START;
  const start = DateTime.fromISO(`${m.date}T${time}`, { zone: ZONE });
  return start.isValid ? start : null;
}

export function dueAt(start: DateTime, lead: LeadTime): DateTime {
  if ('minutes' in lead) return start.minus({ minutes: lead.minutes });
  const [hour, minute] = lead.at.split(':').map(Number) as [number, number];
  return start.minus({ days: lead.days }).set({ hour, minute, second: 0, millisecond: 0 });
}

/**
 * The posts the subscriptions call for: each invited meeting that has not begun, for each
 * conversation following its committee, at each lead time.
 */
export function planAgendaPosts(
  meetings: Meeting[],
  subscriptions: Subscription[],
  leads: LeadTime[],
  now: Date,
): PlannedAgendaPost[] {
  const posts: PlannedAgendaPost[] = [];
  for (const m of meetings) {
    if (m.role !== 'innkalling') continue;
    const start = meetingStart(m);
    if (!start || start.toMillis() <= now.getTime()) continue;
    for (const s of subscriptions) {
      if (!s.active || s.committee !== m.committee) continue;
      for (const lead of leads)
        posts.push({
          committee: m.committee,
          meetingKey: meetingKey(m),
          conversationId: s.conversationId,
          lead: lead.name,
          dueAt: dueAt(start, lead).toUTC().toISO()!,
          startsAt: start.toUTC().toISO()!,
        });
    }
  }
  return posts;
}
