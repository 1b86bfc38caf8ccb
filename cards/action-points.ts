// Action points as cards: the open ones of a committee, each with its sak, owner and due date and
// a button to mark it done; and the one line an action point takes on the agenda and in the recap.
import type { ActionPointList, ActionPointView } from '../src/actions/service.ts';
import { ownerAndDue } from '../src/actions/text.ts';
import { meetingName } from '../src/record/passages.ts';
import { clip, firstThatFits, render, type CardJson } from './render.ts';

/**
 * One action point as a line: "#12 Arbeide videre … (Ansvarlig: NHN · Frist: 01.09.2031)", with
 * where it came from ("sak 32/31, møte 2/2031") when it does not stand under its sak.
 */
export function actionPointLine(p: ActionPointView, opts: { where?: boolean; max?: number } = {}): string {
  const about = [opts.where ? `sak ${p.sak}, ${meetingName(p)}` : '', ownerAndDue(p)]
    .filter(Boolean)
    .join(' · ');
  return `#${p.id} ${clip(p.text, opts.max ?? 300)}${about ? ` (${about})` : ''}`;
}

/** How many points a list card shows before it says how many more there are; fewer when long. */
const MAX_POINTS = [40, 20, 10];

export function actionPointsCard(list: ActionPointList): CardJson {
  const scope = list.committee ? ` · ${list.committee}` : '';
  return firstThatFits(MAX_POINTS, (max) => {
    const shown = list.points.slice(0, max);
    return render('action-points', {
      heading: `Åpne aksjonspunkter${scope}`,
      summary: list.points.length
        ? `${list.points.length} åpne, eldst først. Sekretariatet og møtearrangøren kan markere dem som utført.`
        : 'Ingen åpne aksjonspunkter. Sekretariatet legger til et med «aksjonspunkt N/ÅÅ: … ansvarlig: … frist: …».',
      committee: list.committee ?? '',
      view: 'list',
      points: shown.map((p) => ({
        id: String(p.id),
        where: `#${p.id} · sak ${p.sak}${p.title ? ` ${clip(p.title, 80)}` : ''} · ${meetingName(p)}`,
        text: clip(p.text, 600),
        about: ownerAndDue(p),
      })),
      omitted: list.points.length > shown.length ? `… og ${list.points.length - shown.length} til.` : '',
    });
  });
}

/** The receipt when one is added or marked done: the point, and (while open) the button to finish it. */
export function actionPointReceiptCard(p: ActionPointView): CardJson {
  return render('action-points', {
    heading: p.status === 'done' ? `Aksjonspunkt #${p.id} er utført` : `Aksjonspunkt #${p.id} er lagt til`,
    summary:
      p.status === 'done'
        ? 'Det står ikke lenger under «Oppfølging» på agendaen.'
        : 'Det står på agendaen til neste møte til det er markert som utført.',
    committee: p.committee,
    view: 'receipt',
    points: [
      {
        id: String(p.id),
        where: `sak ${p.sak}${p.title ? ` ${clip(p.title, 80)}` : ''} · ${meetingName(p)}`,
        text: clip(p.text, 600),
        about: ownerAndDue(p),
        open: p.status === 'open',
      },
    ],
    omitted: '',
  });
}
