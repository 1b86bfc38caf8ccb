// The agenda card: the meeting, then each sak with its time, type and presenter, and details
// folded away (Forslag til vedtak, Tidligere behandlinger, Spør om saken, Vis toppnotat); the
// committee's open action points under their sak, or under "Oppfølging" when it is not on the agenda.
import type { AgendaView } from '../src/meetings/agenda.ts';
import { actionPointLine } from './action-points.ts';
import type { MemoSection } from '../src/record/types.ts';
import { formatDate } from '../src/answer/texts.ts';
import { meetingName } from '../src/record/passages.ts';
import { clip, firstThatFits, fits, render, type CardJson } from './render.ts';

/**
 * How much detail a card carries; a long agenda steps down until it fits: shorter texts, then no
 * details or per-sak actions (compact), then fewer saker with a note of how many are left out.
 */
const DETAIL_LEVELS = [
  { proposal: 1500, earlier: 3, decision: 400, followUp: 100, followUps: 5, compact: false, items: Infinity },
  { proposal: 500, earlier: 2, decision: 200, followUp: 100, followUps: 5, compact: false, items: Infinity },
  { proposal: 200, earlier: 1, decision: 120, followUp: 100, followUps: 5, compact: false, items: Infinity },
  { proposal: 0, earlier: 0, decision: 0, followUp: 100, followUps: 5, compact: false, items: Infinity },
  { proposal: 0, earlier: 0, decision: 0, followUp: 80, followUps: 3, compact: true, items: Infinity },
  { proposal: 0, earlier: 0, decision: 0, followUp: 80, followUps: 3, compact: true, items: 40 },
  { proposal: 0, earlier: 0, decision: 0, followUp: 60, followUps: 3, compact: true, items: 20 },
] as const;

export interface AgendaCardOptions {
  /** The package changed after the card was posted. */
  updated?: boolean;
  /** The meeting is under way: its current sak is marked and the card offers innspill, polls and Q&A. */
  live?: boolean;
  currentSak?: string | null;
}

function renderAt(
  view: AgendaView,
  opts: AgendaCardOptions,
  level: (typeof DETAIL_LEVELS)[number],
): CardJson {
  const facts = [
    { title: 'Dato', value: view.dateText },
    view.time && { title: 'Tid', value: view.time },
    view.place && { title: 'Sted', value: view.place },
    view.link && { title: 'Lenke', value: `[Bli med i møtet](${view.link})` },
  ].filter((f): f is { title: string; value: string } => !!f);
  return render('agenda', {
    heading: `${opts.live ? 'Møtet er i gang' : view.past ? 'Agenda (avholdt møte)' : 'Agenda'} · ${meetingName(view)}`,
    past: view.past,
    pastNote:
      'Møtet er avholdt, så det tar ikke imot innspill lenger. Du kan fortsatt spørre om sakene og lese toppnotatene.',
    updated: opts.updated ?? false,
    live: opts.live ?? false,
    currentSak: opts.currentSak ?? '',
    updatedNote: 'Møtepakken er endret etter at agendaen ble sendt; dette er den nye versjonen.',
    facts,
    compact: level.compact,
    committee: view.committee,
    meeting: view.meeting,
    firstSak: view.items[0]?.sak ?? '',
    choices: view.items
      .slice(0, level.items)
      .map((i) => ({ title: clip(`${i.sak} ${i.title}`, 80), value: i.sak })),
    // Open action points stay on the card at every level, the oldest few with a pointer to the rest.
    followUp: [
      ...view.followUps
        .slice(0, level.followUps)
        .map((p) => `• ${actionPointLine(p, { where: true, max: level.followUp })}`),
      ...(view.followUps.length > level.followUps
        ? [
            `… og ${view.followUps.length - level.followUps} til: skriv «aksjonspunkter ${view.committee}» for alle.`,
          ]
        : []),
    ],
    omitted:
      view.items.length > level.items
        ? `… og ${view.items.length - level.items} saker til som ikke får plass her.`
        : '',
    items: view.items.slice(0, level.items).map((i, n) => ({
      committee: view.committee,
      meeting: view.meeting,
      sak: i.sak,
      title: i.title,
      current: i.sak === opts.currentSak,
      time: i.time || ' ',
      subline: [i.sakstype, i.presenter].filter(Boolean).join(' · '),
      style: i.sak === opts.currentSak ? 'accent' : 'default',
      detailId: `detaljer-${n}`,
      proposal: level.proposal && i.proposal ? clip(i.proposal, level.proposal) : '',
      earlier: i.earlier
        .slice(0, level.earlier)
        .map(
          (e) =>
            `${meetingName(e)}, ${formatDate(e.date, 'nb')}, sak ${e.sak} «${e.title}»: ${clip(e.adoptedDecision, level.decision)}`,
        ),
      followUps: i.followUps.map((p) => `Aksjonspunkt ${actionPointLine(p, { max: level.followUp })}`),
      hasMemo: i.hasMemo,
      formality: i.formality,
    })),
  });
}

export interface AgendaCardOptions {
  /** The package changed after the card was first sent. */
  updated?: boolean;
  /** The sak being handled now, marked on the card (the meeting side panel shows it). */
  currentSak?: string | null;
}

/** The agenda card, with as much detail as fits under the size limit. */
export function agendaCard(view: AgendaView, opts: AgendaCardOptions = {}): CardJson {
  return firstThatFits(DETAIL_LEVELS, (level) => renderAt(view, opts, level));
}

/** Memo sections a member reads first, shown open; the rest are a click away. */
const READ_FIRST = /hensikt|formål|sammendrag|forslag til vedtak/i;

/** The shortest a clipped section is cut to, so every section still says something. */
const MIN_SECTION_CHARS = 400;

/**
 * "Vis toppnotat": the memo by its own sections (Hensikt, Bakgrunn, Videre saksprosess …), each
 * under its heading and folded but for the ones read first. A memo too long for one card has its
 * longest sections shortened, each saying so, until the card fits.
 */
export function memoCard(
  ref: { sak: string; title: string; meeting: string },
  sections: MemoSection[],
): CardJson {
  const title = `Toppnotat · sak ${ref.sak} ${ref.title}`;
  const draw = (limit: number) =>
    render('memo', {
      title,
      empty: sections.length ? '' : 'Jeg finner ikke noe toppnotat for denne saken i dokumentene.',
      sections: sections.map((s, i) => {
        const cut = s.text.length > limit;
        return {
          heading: s.heading,
          text: cut ? clip(s.text, limit) : s.text,
          clipped: cut ? 'Forkortet her: hele teksten står i toppnotatet i møtepakken.' : '',
          open: READ_FIRST.test(s.heading) || sections.length === 1,
          bodyId: `memo-${i}`,
          closedId: `memo-${i}-closed`,
          openId: `memo-${i}-open`,
        };
      }),
    });
  let limit = Math.max(0, ...sections.map((s) => s.text.length));
  let card = draw(limit);
  while (!fits(card) && limit > MIN_SECTION_CHARS) {
    limit = Math.max(MIN_SECTION_CHARS, Math.floor(limit * 0.8));
    card = draw(limit);
  }
  return card;
}
