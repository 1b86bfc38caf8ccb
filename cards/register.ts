// The decision register as a card: each decision with its date, meeting and sak, its status, and
// its text unfolding in place; a proposal whose outcome is not in the documents says so.
import { formatDate } from '../src/answer/texts.ts';
import { meetingName } from '../src/record/passages.ts';
import type { RegisterEntry } from '../src/register/register.ts';
import { clip, firstThatFits, render, type CardJson } from './render.ts';

/** How many entries a card shows before it points to the export; fewer when the texts are long. */
const MAX_ENTRIES = [40, 25, 15, 8];

export function registerCard(heading: string, entries: RegisterEntry[]): CardJson {
  const adopted = entries.filter((e) => e.status === 'adopted').length;
  const summary = entries.length
    ? `${adopted} vedtak og ${entries.length - adopted} forslag der utfallet ikke er kjent. Trykk på en sak for teksten.`
    : 'Dokumentene har ingen vedtak eller forslag til vedtak som passer.';
  return firstThatFits(MAX_ENTRIES, (max) => {
    const shown = entries.slice(0, max);
    return render('register', {
      heading,
      summary,
      entries: shown.map((e, i) => ({
        when: `${formatDate(e.date, 'nb')} · ${meetingName(e)} · sak ${e.sak}`,
        title: e.title,
        status: e.status === 'adopted' ? 'Vedtatt' : 'Forslag – utfall ikke kjent',
        statusColor: e.status === 'adopted' ? 'Good' : 'Warning',
        decision: e.decision ? `**Vedtak:** ${clip(e.decision, 1200)}` : '',
        proposal: e.proposal && !e.decision ? `**Forslag til vedtak:** ${clip(e.proposal, 1200)}` : '',
        bodyId: `vedtak-${i}`,
      })),
      omitted:
        entries.length > shown.length
          ? `… og ${entries.length - shown.length} til. Hele registeret: motebot register (CLI), som XLSX eller CSV.`
          : '',
    });
  });
}
