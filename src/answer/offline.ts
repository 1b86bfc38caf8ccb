// The extractive answerer: finds the sak (or meeting) a question is about, and answers from the
// record's own fields — adopted decision, proposal, agenda facts, meeting facts, discussion
// prompts — or from the best-matching sentences. Works with no API key.
import type { Passage, PassageKind } from '../record/types.ts';
import { foldForMatch, squash } from '../record/normalize.ts';
import { abbreviation, lexicon } from '../search/lexicon.ts';
import type { Case } from './cases.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import { containsTerm, stem, stems, topicWords, words } from '../search/terms.ts';
import { caseRef, formatDate, t } from './texts.ts';
import type { Answer, AskOptions, Citation, Language } from './types.ts';

export interface Ranked {
  c: Case;
  score: number;
}

/** What the offline answerer found, for the LLM path to build on. */
export interface OfflineResult {
  answer: Answer;
  /** Passages the answer rests on, best first (the LLM sees only these). */
  passages: Passage[];
}

function inMonth(iso: string | null, month: { year: number; month: number }): boolean {
  return !!iso && Number(iso.slice(0, 4)) === month.year && Number(iso.slice(5, 7)) === month.month;
}

function caseDates(c: Case): string[] {
  return [...new Set([c.date, ...c.sources.flatMap((s) => s.meeting.dates)].filter((d): d is string => !!d))];
}

/** Whether a sak was handled when the question says: on its date, in its month or year. */
function inTimeAsked(c: Case, q: Question): boolean {
  const dates = caseDates(c);
  if (q.date) return dates.includes(q.date);
  if (q.month) return dates.some((d) => inMonth(d, q.month!));
  if (q.meetingYear) return dates.some((d) => d.startsWith(String(q.meetingYear)));
  return true;
}

/** Keeps the cases matching a constraint, unless none would be left. */
function narrow(list: Ranked[], keep: (c: Case) => boolean): Ranked[] {
  const kept = list.filter((r) => keep(r.c));
  return kept.length ? kept : list;
}

/** Alternatives by which a topic word may be found in Norwegian text: itself, translations, expansions. */
function alternatives(word: string): string[] {
  const lex = lexicon();
  const alts = [word, ...(lex.enNb.get(word) ?? []), ...abbreviation(word, lex)];
  // One word is matched by its stem; a phrase ("regionalt helseforetak") only as a whole.
  return [...new Set(alts.map((a) => words(a)).map((w) => (w.length === 1 ? stem(w[0]!) : w.join(' '))))];
}

/**
 * The question's topic as units, each with the ways it may be found: a phrase the lexicon knows
 * ("information exchange" → "informasjonsutveksling") is one unit, other words one each.
 */
function topicUnits(q: Question): { alts: string[]; primary: string[] }[] {
  const lex = lexicon();
  const ws = [...new Set(topicWords(q.text))];
  const units: { alts: string[]; primary: string[] }[] = [];
  const asFound = (t: string) => {
    const w = words(t);
    return w.length === 1 ? stem(w[0]!) : w.join(' ');
  };
  for (let i = 0; i < ws.length; i++) {
    const pair = i + 1 < ws.length ? `${ws[i]} ${ws[i + 1]}` : '';
    const translated = pair ? lex.enNb.get(pair) : undefined;
    if (translated) {
      // The phrase is as rare as its translation; its words still count where it stands split.
      const primary = [...new Set(translated.map(asFound))];
      units.push({
        primary,
        alts: [...new Set([...primary, ...alternatives(ws[i]!), ...alternatives(ws[i + 1]!)])],
      });
      i++;
    } else {
      const alts = alternatives(ws[i]!);
      units.push({ primary: alts, alts });
    }
  }
  return units;
}

/** A topic word of the question: the stems it may be found as, and how rare it is in the record. */
interface TopicWord {
  alts: string[];
  weight: number;
}

const topics = new WeakMap<Question, TopicWord[]>();

/** The question's topic words, weighted by rarity: "NEO" says more about a sak than "helse". */
function topicOf(lib: Library, q: Question): TopicWord[] {
  let t = topics.get(q);
  if (!t) {
    const words = topicUnits(q).map(({ alts, primary }) => ({
      alts,
      weight: lib.index.rarity(primary),
      known: lib.index.known(alts),
    }));
    // A word the record never uses (an English word the lexicon lacks) cannot tell saker apart:
    // it weighs as little as the commonest word that is used.
    const floor = Math.min(...words.filter((w) => w.known).map((w) => w.weight), 1);
    t = words.map((w) => ({ alts: w.alts, weight: w.known ? w.weight : floor }));
    topics.set(q, t);
  }
  return t;
}

/** Weighted share of the question's topic words found in folded text (compounds count). */
function share(topic: TopicWord[], folded: string): number {
  if (!topic.length) return 1;
  let total = 0;
  let found = 0;
  for (const w of topic) {
    total += w.weight;
    if (w.alts.some((a) => containsTerm(folded, a))) found += w.weight;
  }
  return total ? found / total : 1;
}

/** How much of what the question is about a case's text covers. */
export function coverage(lib: Library, c: Case, q: Question): number {
  return share(topicOf(lib, q), lib.caseText(c));
}

/** How much of what the question is about the sak's title names. */
export function titleCoverage(lib: Library, c: Case, q: Question): number {
  return share(topicOf(lib, q), foldForMatch(c.item.title));
}

/** Candidates whose coverage is computed; the rest are too far down the text ranking to matter. */
const RERANK = 30;

export async function rankCases(lib: Library, q: Question, opts: AskOptions): Promise<{ ranked: Ranked[] }> {
  const committee = opts.committee ?? q.committee;
  const sakIds = opts.sak ? [opts.sak] : q.sakIds;
  const hits = await lib.index.search(q.text, { committee, meeting: opts.meeting }, 120);
  const scores = new Map<string, number>();
  for (const h of hits) {
    const cur = scores.get(h.section.caseKey);
    scores.set(h.section.caseKey, cur === undefined ? h.score : cur + 0.15 * h.score);
  }
  let pool: Case[] = sakIds.length
    ? lib.cases.filter((c) => sakIds.includes(c.item.sak))
    : [...scores.keys()].flatMap((k) => lib.byKey.get(k) ?? []);
  if (committee) pool = pool.filter((c) => c.committee === committee);
  if (opts.meeting) pool = pool.filter((c) => c.meeting === opts.meeting);
  let ranked: Ranked[] = pool.map((c) => ({ c, score: scores.get(c.key) ?? 0 }));
  if (q.meeting) ranked = narrow(ranked, (c) => c.meeting === q.meeting);
  if (q.date) ranked = narrow(ranked, (c) => caseDates(c).includes(q.date!));
  if (q.month) ranked = narrow(ranked, (c) => caseDates(c).some((d) => inMonth(d, q.month!)));
  else if (q.years.length === 1)
    ranked = narrow(ranked, (c) => caseDates(c).some((d) => d.startsWith(String(q.years[0]))));
  // Text relevance alone favours long memos; what the question is about must also be in the sak.
  ranked.sort((a, b) => b.score - a.score);
  await lib.load(ranked.slice(0, RERANK).map((r) => r.c.key));
  ranked = ranked
    .slice(0, RERANK)
    .map((r) => ({ c: r.c, score: r.score + 2 * coverage(lib, r.c, q) + 1.5 * titleCoverage(lib, r.c, q) }));
  ranked.sort((a, b) => b.score - a.score);
  return { ranked };
}

function citation(c: Case, p: Passage | undefined, kind: PassageKind): Citation {
  const src = c.sources[0]!;
  return {
    committee: c.committee,
    meeting: c.meeting,
    date: c.date,
    sak: c.item.sak,
    title: c.item.title,
    source: p?.source ?? src.source,
    kind: p?.kind ?? kind,
    quote: p?.text.slice(0, 600),
    passageId: p?.id,
    line: p?.locator.line ?? c.item.locator.line,
    page: p?.locator.page,
    headingPath: p?.locator.headingPath,
  };
}

function passagesOf(lib: Library, c: Case, kind?: PassageKind): Passage[] {
  const all = lib.passagesOf(c.key);
  return kind ? all.filter((p) => p.kind === kind) : all;
}

function cite(lib: Library, c: Case, kind: PassageKind): { citation: Citation; passage?: Passage } {
  const passage = passagesOf(lib, c, kind)[0];
  return { citation: citation(c, passage, kind), passage };
}

function quote(s: string): string {
  return `«${squash(s)}»`;
}

function decisionLines(lib: Library, c: Case, lang: Language, prefer: 'adopted' | 'proposed') {
  const lines: string[] = [];
  const used: { citation: Citation; passage?: Passage }[] = [];
  const { adopted_decision: adopted, proposed_decision: proposed } = c.item;
  const showAdopted = () => {
    lines.push(`${t(lang, prefer === 'adopted' ? 'adopted' : 'alsoAdopted')}: ${quote(adopted!)}`);
    used.push(cite(lib, c, 'adopted'));
  };
  const showProposed = () => {
    lines.push(`${t(lang, 'proposed')}: ${quote(proposed!)}`);
    used.push(cite(lib, c, 'proposed'));
  };
  if (prefer === 'adopted') {
    if (adopted) showAdopted();
    else if (proposed) {
      lines.push(t(lang, 'outcomeUnknown'));
      showProposed();
    }
  } else {
    if (proposed) showProposed();
    if (adopted) showAdopted();
    else if (proposed && c.sources.every((s) => s.meeting.role === 'innkalling'))
      lines.push(t(lang, 'outcomeUnknown'));
  }
  if (!adopted && !proposed) {
    lines.push(t(lang, 'noDecisionRecorded'));
    used.push(cite(lib, c, 'agenda'));
  }
  if (c.item.presenter) lines.push(`${t(lang, 'presentedBy')}: ${c.item.presenter}.`);
  return { lines, used };
}

function agendaLines(c: Case, lang: Language): string[] {
  const i = c.item;
  const out: string[] = [];
  if (i.sakstype) out.push(`${t(lang, 'type')}: ${i.sakstype}`);
  if (i.start_time) {
    const span = i.end_time ? `${i.start_time}–${i.end_time}` : i.start_time;
    out.push(`${t(lang, 'time')}: ${span}${c.date ? `, ${formatDate(c.date, lang)}` : ''}`);
  }
  if (i.duration_minutes) out.push(`${t(lang, 'duration')}: ${i.duration_minutes} ${t(lang, 'minutes')}`);
  if (i.presenter) out.push(`${t(lang, 'presentedBy')}: ${i.presenter}`);
  if (i.case_owner) out.push(`${t(lang, 'owner')}: ${i.case_owner}`);
  if (i.case_handler) out.push(`${t(lang, 'handler')}: ${i.case_handler}`);
  return out;
}

/** Words that mark what came out of a sak: a recommendation, a priority, a decision. */
export const OUTCOME = /\b(anbefal\w*|prioriter\w*|besluttet|konklu\w*|foreslår|foreslått\w*)/i;

/** What makes two sentences the same for an answer: bullets and a "Forslag til vedtak:" label aside. */
const keyOf = (s: { text: string }) =>
  s.text
    .toLowerCase()
    .replace(/^[•\-–*\s]+/, '')
    .replace(/^forslag til vedtak:\s*/, '');

interface Sentence {
  text: string;
  passage: Passage;
  score: number;
  order: number;
}

/** A memo's quotes of other meetings' decisions: searchable, but never quoted as this sak's text. */
const EARLIER_DECISIONS = /^vedtak fra tidligere behandlinger/i;

function splitSentences(passages: Passage[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of passages.filter((x) => !EARLIER_DECISIONS.test(x.text))) {
    for (const sentence of p.text.split(/(?<=[.!?])\s+|\s+(?=•)|\n+/)) {
      const text = squash(sentence);
      if (text.length >= 3) out.push({ text, passage: p, score: 0, order: out.length });
    }
  }
  return out;
}

/**
 * Sentences of the passages that share most with the question (numbers weigh double), with the
 * sentence after the best one for context; repeated sentences (a memo quoting the proposal) once.
 */
export function bestSentences(
  passages: Passage[],
  q: Question,
  max = 3,
  boost?: RegExp,
): { text: string; passage: Passage }[] {
  const wanted = new Map<string, number>();
  for (const w of topicWords(q.text)) for (const a of alternatives(w)) wanted.set(a, /^\d/.test(a) ? 2 : 1);
  const all = splitSentences(passages);
  const has = all.map((s) => {
    const ss = stems(s.text);
    const folded = s.text.toLowerCase();
    return (w: string) => ss.has(w) || (w.length >= 4 && folded.includes(w));
  });
  // A word few sentences share ("Fürst") tells more than one most of them share ("NUIT").
  const idf = new Map(
    [...wanted.keys()].map((w) => [w, Math.log(1 + all.length / (1 + has.filter((h) => h(w)).length))]),
  );
  for (const [i, s] of all.entries()) {
    for (const [w, weight] of wanted) if (has[i]!(w)) s.score += weight * idf.get(w)!;
    // A preferred kind of sentence (what came out of a sak) wins over any number of shared words.
    if (s.score && boost?.test(s.text)) s.score += 1000;
    if (q.wantsAmount && AMOUNT.test(s.text)) s.score += 2;
  }
  const seen = new Set<string>();
  const picked = all
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .filter((s) => {
      const key = keyOf(s);
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .slice(0, max);
  const next = picked[0] && all[picked[0].order + 1];
  if (next && next.passage === picked[0]!.passage && !seen.has(keyOf(next)) && next.text.length < 300)
    picked.push(next);
  return picked.sort((a, b) => a.order - b.order);
}

function abstain(lib: Library, q: Question, nearest: Ranked | undefined): OfflineResult {
  const lang = q.language;
  const near = nearest ? ` ${t(lang, 'nearest')} ${caseRef(nearest.c, lang)}.` : '';
  return {
    answer: {
      answer: `${t(lang, 'abstain')}${near}`,
      citations: nearest ? [cite(lib, nearest.c, 'agenda').citation] : [],
      abstained: true,
      intent: q.intent,
      language: lang,
      generated: false,
    },
    passages: [],
  };
}

function result(
  q: Question,
  lines: string[],
  used: { citation: Citation; passage?: Passage }[],
): OfflineResult {
  const seen = new Set<string>();
  const citations = used
    .map((u) => u.citation)
    .filter((c) => {
      const k = `${c.committee}|${c.meeting}|${c.sak}|${c.kind}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
  return {
    answer: {
      answer: lines.join('\n'),
      citations,
      abstained: false,
      intent: q.intent,
      language: q.language,
      generated: false,
    },
    passages: used.flatMap((u) => (u.passage ? [u.passage] : [])),
  };
}

async function answerMeeting(lib: Library, q: Question, opts: AskOptions): Promise<OfflineResult | null> {
  const committee = opts.committee ?? q.committee;
  let meetings = lib.meetings.filter((m) => !committee || m.committee === committee);
  if (q.meeting) meetings = meetings.filter((m) => m.meeting === q.meeting);
  if (q.date) meetings = meetings.filter((m) => m.dates.includes(q.date!));
  else if (q.month) meetings = meetings.filter((m) => m.dates.some((d) => inMonth(d, q.month!)));
  if (!meetings.length) return null;
  // With no time named, the latest meeting is meant ("who are NUIT's members?").
  if (!q.meeting && !q.date && !q.month) {
    const latest = meetings.reduce((a, b) => ((b.date ?? '') > (a.date ?? '') ? b : a));
    meetings = meetings.filter((m) => m.meeting === latest.meeting && m.date === latest.date);
  }
  const lang = q.language;
  const first = meetings[0]!;
  const field = <K extends 'place' | 'time'>(k: K) => meetings.map((m) => m[k]).find(Boolean) ?? null;
  const present = meetings.find((m) => m.members_present.length);
  const label = first.meeting ?? first.committee;
  const lines = [
    `${first.committee} ${t(lang, 'meeting').toLowerCase()} ${label}: ${first.dates.map((d) => formatDate(d, lang)).join(' og ') || formatDate(first.date, lang)}`,
  ];
  const time = field('time');
  const place = field('place');
  if (time) lines.push(`${t(lang, 'when')}: ${time}`);
  if (place) lines.push(`${t(lang, 'place')}: ${place}`);
  if (q.meetingFacts.has('attendance')) {
    if (present) {
      lines.push(`${t(lang, 'present')}: ${present.members_present.join('; ')}`);
      if (present.members_absent.length)
        lines.push(`${t(lang, 'absent')}: ${present.members_absent.join('; ')}`);
    } else if (first.members_invited.length)
      lines.push(`${t(lang, 'members')}: ${first.members_invited.join('; ')}`);
  }
  // The meeting is cited through its opening sak (approval of the agenda), where its header stands.
  const m = present ?? meetings.find((x) => x.place) ?? first;
  const opening = m.items[0];
  const c = opening
    ? lib.cases.find(
        (x) =>
          x.committee === m.committee && x.item.sak === opening.sak && x.sources.some((s) => s.meeting === m),
      )
    : undefined;
  if (c) await lib.load([c.key]);
  const used = c ? [cite(lib, c, 'agenda')] : [];
  return result(q, lines, used);
}

export async function answerOffline(
  lib: Library,
  q: Question,
  opts: AskOptions = {},
): Promise<OfflineResult> {
  const lang = q.language;
  if (!lib.cases.length) {
    return {
      answer: {
        answer: t(lang, 'nothing'),
        citations: [],
        abstained: true,
        intent: q.intent,
        language: lang,
        generated: false,
      },
      passages: [],
    };
  }
  // A question about a meeting as a whole: its intent says so, or it names a meeting or date and
  // nothing else ("When does the NUIT meeting on 25 May 2023 start?").
  const aboutMeeting =
    q.intent === 'meeting' ||
    ((q.intent === 'agenda' || q.intent === 'free_text') &&
      (q.meeting || q.date || q.month) &&
      !topicWords(q.text).length);
  if (aboutMeeting && !q.sakIds.length) {
    const m = await answerMeeting(lib, q, opts);
    if (m) return m;
  }
  const { ranked } = await rankCases(lib, q, opts);
  const named = (opts.sak ? 1 : 0) + q.sakIds.length > 0;
  const best = ranked[0];
  if (!best) return abstain(lib, q, undefined);
  // A time the question puts the meeting in must hold: no meeting then, no answer.
  if (!inTimeAsked(best.c, q)) return abstain(lib, q, best);
  if (!named && coverage(lib, best.c, q) < 0.5) return abstain(lib, q, best);

  switch (q.intent) {
    case 'adopted_decision':
    case 'proposed_decision': {
      const { lines, used } = decisionLines(
        lib,
        best.c,
        lang,
        q.intent === 'adopted_decision' ? 'adopted' : 'proposed',
      );
      return result(q, [`${capital(caseRef(best.c, lang))}:`, ...lines], used);
    }
    case 'agenda': {
      const lines = agendaLines(best.c, lang);
      if (lines.length)
        return result(q, [`${capital(caseRef(best.c, lang))}:`, ...lines], [cite(lib, best.c, 'agenda')]);
      break;
    }
    case 'history':
      return answerHistory(lib, q, ranked);
    case 'discussion': {
      const prompts = best.c.item.discussion_prompts.slice(0, 15);
      if (prompts.length) {
        const context = bestSentences(
          passagesOf(lib, best.c).filter((p) => p.kind === 'slides' || p.kind === 'memo'),
          q,
          2,
        );
        const lines = [
          `${t(lang, 'prompts')} ${caseRef(best.c, lang)}:`,
          ...prompts.map((p) => `- ${p}`),
          ...context.map((x) => `… ${x.text}`),
        ];
        const used = [
          cite(lib, best.c, passagesOf(lib, best.c, 'slides').length ? 'slides' : 'memo'),
          ...context.map((x) => ({
            citation: citation(best.c, x.passage, x.passage.kind),
            passage: x.passage,
          })),
        ];
        return result(q, lines, used);
      }
      break;
    }
    default:
      break;
  }
  return answerFromSentences(lib, q, ranked);
}

/** A rating value: "4 av 5", "3/5", "12 poeng", "80 %", or a graded word. */
const RATING =
  /\b\d+([.,]\d+)?\s*(\/|av|of)\s*\d+\b|\b\d+([.,]\d+)?\s*(poeng|points?|stjerner|stars|%)|\b(høy|lav|middels|sterk|svak)\w*\b/i;

const AMOUNT = /\d[\d  .,]*\s*(kr|kroner|nok|mnok|mill\w*|mrd|milliard\w*)\b|\b(kr|nok)\s*\d/i;

/**
 * Whether sentences can hold the kind of answer asked for: an amount of money needs an amount,
 * a rating needs a value that is not just a number repeated from the question.
 */
function answersTheKind(q: Question, sentences: string[]): boolean {
  if (q.wantsAmount && !sentences.some((s) => AMOUNT.test(s))) return false;
  if (q.wantsRating) {
    if (!sentences.some((s) => RATING.test(s))) return false;
  }
  return true;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const LIST_QUESTION = /\b(hvilke|which|what are the|list|name the|nevn)\b/i;

/** Candidates close enough to the best that their text may hold the kind of answer asked for. */
const RUNNERS_UP = 3;

function answerFromSentences(lib: Library, q: Question, ranked: Ranked[]): OfflineResult {
  const lang = q.language;
  const top = ranked[0]!;
  // The best sak may lack what is asked (an amount, a rating); a close runner-up may have it.
  for (const candidate of ranked.slice(0, RUNNERS_UP).filter((r) => r.score >= top.score * 0.8)) {
    const c = candidate.c;
    const pool = passagesOf(lib, c).filter((p) => p.kind !== 'agenda');
    const picked = bestSentences(pool.length ? pool : passagesOf(lib, c), q, 4);
    if (
      !picked.length ||
      !answersTheKind(
        q,
        picked.map((s) => s.text),
      )
    )
      continue;
    const names = LIST_QUESTION.test(q.text) ? c.item.named_items : [];
    const lines = [
      `${t(lang, 'from')} ${caseRef(c, lang)}:`,
      ...(names.length ? [`${t(lang, 'named')}: ${names.map((n) => `«${n}»`).join(', ')}`] : []),
      ...picked.map((s) => `… ${s.text}`),
    ];
    const used = [...new Set(picked.map((s) => s.passage))].map((p) => ({
      citation: citation(c, p, p.kind),
      passage: p,
    }));
    return result(q, lines, used);
  }
  return abstain(lib, q, top);
}

/**
 * The steps of a topic across meetings: saker whose titles name what the question is about,
 * oldest first, each with its decision (or proposal) and the sentence that says what came of it.
 */
function answerHistory(lib: Library, q: Question, ranked: Ranked[]): OfflineResult {
  const lang = q.language;
  const byTitle = ranked
    .map((r) => ({ r, t: titleCoverage(lib, r.c, q) }))
    .filter((x) => coverage(lib, x.r.c, q) >= 0.5);
  const best = byTitle.reduce<(typeof byTitle)[number] | undefined>(
    (a, b) => (!a || b.t > a.t ? b : a),
    undefined,
  );
  // The thread through the meetings is the rarest topic the best title names ("digital
  // sikkerhet"): every step's title must name it too.
  const title = (c: Case) => foldForMatch(c.item.title);
  const core = best
    ? topicOf(lib, q)
        .filter((u) => u.alts.some((a) => containsTerm(title(best.r.c), a)))
        .sort((a, b) => b.weight - a.weight)[0]
    : undefined;
  const chosen =
    best && best.t >= 0.3 && core
      ? byTitle
          .filter((x) => x.t >= best.t * 0.4 && core.alts.some((a) => containsTerm(title(x.r.c), a)))
          .map((x) => x.r)
      : ranked.slice(0, 4);
  const steps = chosen.slice(0, 6).sort((a, b) => (a.c.date ?? '').localeCompare(b.c.date ?? ''));
  const lines = [t(lang, 'history')];
  const used: { citation: Citation; passage?: Passage }[] = [];
  for (const { c } of steps) {
    const decision = c.item.adopted_decision
      ? `${t(lang, 'adopted')}: ${quote(c.item.adopted_decision)}`
      : c.item.proposed_decision
        ? `${t(lang, 'proposed')}: ${quote(c.item.proposed_decision)}`
        : '';
    const detail = bestSentences(
      passagesOf(lib, c).filter((p) => p.kind !== 'agenda' && p.kind !== 'proposed' && p.kind !== 'adopted'),
      q,
      1,
      OUTCOME,
    )[0];
    lines.push(`- ${capital(caseRef(c, lang))}. ${decision}${detail ? ` … ${detail.text}` : ''}`);
    used.push(
      cite(lib, c, c.item.adopted_decision ? 'adopted' : c.item.proposed_decision ? 'proposed' : 'agenda'),
    );
    if (detail)
      used.push({ citation: citation(c, detail.passage, detail.passage.kind), passage: detail.passage });
  }
  return result(q, lines, used);
}
