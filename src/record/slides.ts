// The slide-deck package (NUFA): a title slide, an agenda table with Sakstype and times (one per
// day), then slides per sak headed "Sak 41/18: …". Decisions are proposals, often unlabelled
// sentences at the end of a sak ("NUFA tar saken til orientering."); discussion prompts are kept.
import { normalizeSakId, parseDates } from './dates.ts';
import { joinLines, MID_SENTENCE, toLines, type Line } from './lines.ts';
import { FORSLAG } from './labels.ts';
import { squash } from './normalize.ts';
import { agendaItems, agendaRows, columns, daySpans, firstRowAfter } from './slides-agenda.ts';
import { prompts } from './slides-prompts.ts';
import { DECISION_SENTENCE, LOGO, SLIDE_HEADING, slideHeadingSak, unbullet } from './slides-text.ts';
import type { Meeting } from './types.ts';

/**
 * The header of a written innkalling ("Møte 5/2020", "Møte i NUIT", "Meeting of NUIT"): that layout
 * is not a deck.
 */
const WRITTEN_HEADER =
  /^(?:møte(?:\s*nr\.?|nummer)?|meeting)\s*:?\s*\t?\s*\d{1,2}\s?\/\s?\d{4}\s*$|^(?:møte i|meeting of) (NUIT|NUFA)\b/im;
const COMMITTEE = /\b(NUFA|NUIT)\b/;

/** A deck: an agenda table with times and sakstype, slides headed by at least two saker, no innkalling header. */
export function looksLikeSlideDeck(text: string): boolean {
  if (WRITTEN_HEADER.test(text)) return false;
  const lines = text.split('\n');
  const saker = new Set(
    lines
      .map((l) => slideHeadingSak(squash(l)))
      .filter((s): s is string => !!s)
      .map(normalizeSakId),
  );
  // The agenda table as printed, or as the reader puts it back (cells one per line).
  const agenda = (ls: string[]) =>
    ls.some((l, i) => l.length < 200 && columns(l, firstRowAfter(ls, i)) !== null);
  return saker.size >= 2 && (agenda(lines) || agenda(toLines(text).map((l) => l.text)));
}

interface Section {
  lines: Line[];
}

/** Slide lines per sak: from its "Sak N/YY:" heading to the next heading of another sak. */
function sections(lines: Line[], from: number): Map<string, Section> {
  const out = new Map<string, Section>();
  let current: Section | null = null;
  for (const line of lines.slice(from)) {
    const id = slideHeadingSak(line.text.trim());
    const sak = id ? normalizeSakId(id) : null;
    if (sak) {
      current = out.get(sak) ?? { lines: [] };
      out.set(sak, current);
      continue;
    }
    current?.lines.push(line);
  }
  return out;
}

/** "Forslag til vedtak" and the sentences under it; several decision sentences are one proposal. */
function labelledProposal(texts: string[]): string | null {
  const at = texts.findIndex((t) => FORSLAG.test(t));
  if (at < 0) return null;
  // The first sentence may stand on the label's own line ("Forslag til vedtak: NUFA tar …").
  const inline = unbullet(texts[at]!.replace(FORSLAG, '').trim());
  const parts: string[] = inline ? [inline] : [];
  let blanks = 0;
  // A wider gap than the text's usual one between paragraphs ends the proposal.
  const gap = usualGap(texts);
  for (const t of texts.slice(at + 1)) {
    if (!t) {
      if (parts.length && ++blanks > gap) break;
      continue;
    }
    if (LOGO.test(t) || SLIDE_HEADING.test(t)) break;
    // After a finished sentence only another decision sentence continues the proposal.
    const finished = parts.length && /[.!?]$/.test(parts.at(-1)!);
    if ((blanks || finished) && parts.length && !DECISION_SENTENCE.test(unbullet(t)) && !/^[a-zæøå]/.test(t))
      break;
    blanks = 0;
    parts.push(unbullet(t));
  }
  return parts.length ? joinLines(parts) : null;
}

/**
 * The commonest run of blank lines between two lines of text: one in most texts, more where a
 * converter spaces paragraphs wider.
 */
function usualGap(texts: string[]): number {
  const runs = new Map<number, number>();
  let run = 0;
  for (const t of texts) {
    if (!t) run++;
    else {
      if (run) runs.set(run, (runs.get(run) ?? 0) + 1);
      run = 0;
    }
  }
  return [...runs].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1;
}

/** Unlabelled: the last run of decision sentences in the sak's slides. */
function unlabelledProposal(texts: string[]): string | null {
  let run: string[] = [];
  let last: string[] = [];
  for (const t of texts) {
    const s = unbullet(t);
    // A decision sentence wrapped onto the next line goes on there ("… bruk av" / "skytjenester …"),
    // as does one the line's width broke anywhere, its next line in lower case ("… arbeidet" / "med …").
    const prev = run.at(-1) ?? '';
    const unfinished =
      run.length && (MID_SENTENCE.test(prev) || (!/[.!?:]$/.test(prev) && /^\p{Ll}/u.test(s)));
    if (DECISION_SENTENCE.test(s) || (unfinished && s)) run.push(s);
    else if (t) {
      if (run.length) last = run;
      run = [];
    }
  }
  if (run.length) last = run;
  return last.length ? joinLines(last) : null;
}

function proposal(section: Line[]): string | null {
  const texts = section.map((l) => l.text.trim());
  return labelledProposal(texts) ?? unlabelledProposal(texts);
}

/** Names standing alone on a line in guillemets («Helseøyene»), when a sak has several. */
function namedItems(section: Line[]): string[] {
  const names = new Set<string>();
  for (const l of section) {
    const m = /^«([^»]{2,60})»$/.exec(l.text.trim());
    if (m) names.add(squash(m[1]!));
  }
  return names.size >= 2 ? [...names].slice(0, 12) : [];
}

/**
 * Slide text for search: logo lines, emoji and emphasis marks dropped, table rows as "a | b", and
 * longer lines seen before left out, which removes duplicated slides and repeated menu slides.
 */
function slideText(section: Line[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of section) {
    const t = squash(
      l.text
        .replace(/\*\*/g, '')
        .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
        .replace(/\t/g, ' | '),
    );
    if (!t || LOGO.test(t)) continue;
    if (t.length > 20 && seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out.join('\n');
}

/** Committee, days and place from the title slide ("NUFA – Radisson Blu, Gardermoen", date, place). */
function titleSlide(lines: Line[]): { committee: string; dates: string[]; place: string | null } {
  const top = lines
    .slice(0, 40)
    .map((l) => l.text.trim())
    .filter((t) => t && !LOGO.test(t));
  const committee = top.map((t) => COMMITTEE.exec(t)?.[1]).find(Boolean) ?? 'NUFA';
  let dates: string[] = [];
  const dateAt = top.findIndex((t) => (dates = parseDates(t)).length > 0);
  const titled = top.find((t) => new RegExp(`^${committee}\\s*[–-]\\s*\\D+$`).test(t));
  const after = top[dateAt + 1];
  const place = titled
    ? squash(titled.replace(new RegExp(`^${committee}\\s*[–-]\\s*`), ''))
    : after && !/\d|\t|^(saker|velkommen|agenda)/i.test(after)
      ? after
      : null;
  return { committee, dates, place };
}

const dayLabel = (iso: string | null) => (iso ? `${Number(iso.slice(8))}.${Number(iso.slice(5, 7))}.` : '');

export function parseSlideDeck(text: string): Meeting[] {
  const lines = toLines(text);
  const { committee, dates, place } = titleSlide(lines);
  const { rows, slidesFrom } = agendaRows(lines);
  const items = agendaItems(rows);
  if (!items.length) return [];
  const secs = sections(lines, slidesFrom);
  for (const item of items) {
    item.day ??= dates[0] ?? null;
    const sec = secs.get(item.sak);
    if (!sec || item.title === 'Eventuelt') continue;
    item.proposed_decision = proposal(sec.lines);
    item.discussion_prompts = prompts(sec.lines);
    item.named_items = namedItems(sec.lines);
    item.slides = slideText(sec.lines) || null;
  }
  const days = daySpans(rows);
  const span = (d: (typeof days)[number]) => `${d.start}–${d.end ?? ''}`.replace(/–$/, '');
  return [
    {
      committee,
      meeting: null,
      date: dates[0] ?? null,
      dates,
      time:
        days.length > 1
          ? days.map((d) => `${dayLabel(d.day)} ${span(d)}`.trim()).join(', ')
          : days[0]
            ? span(days[0])
            : null,
      start_time: days[0]?.start ?? null,
      end_time: days.at(-1)?.end ?? null,
      place,
      role: 'innkalling',
      meeting_kind: null,
      members_invited: [],
      members_present: [],
      members_absent: [],
      members_substitutes: [],
      secretariat: [],
      items,
      locator: { line: 1 },
    },
  ];
}
