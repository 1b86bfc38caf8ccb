// A topic's history: every sak across meetings and both committees whose title or text is about
// what the question asks, oldest first. Each step says what was proposed and what was adopted (or
// that the outcome is not in the documents) and quotes what the sak says of the topic, cited.
import type { Passage } from '../record/types.ts';
import type { Case } from './cases.ts';
import { abstain, capital, cite, citation, quote, result, type OfflineResult, type Used } from './compose.ts';
import {
  coverage,
  EARLIER_DECISIONS,
  expectedKinds,
  holds,
  keyTerms,
  rankEvidence,
  sameKey,
  share,
  titleCoverage,
  type Evidence,
} from './evidence.ts';
import { foldForMatch } from '../record/normalize.ts';
import type { Library } from './library.ts';
import { readParts, type Question } from './question.ts';
import type { Ranked } from './rank.ts';
import { caseRef, formatDate, t } from './texts.ts';
import type { TimelineStep } from './types.ts';

/** Where a question's parts meet: a sentence end, a dash between clauses, ", and" before a question word. */
const PARTS =
  /(?<=[.?!])\s+|\s+[–—-]\s+|,?\s+(?:and|og)\s+(?=(?:how|what|which|when|hva|hvordan|hvilke\w*|når)\b)/iu;

/** The two ends of a history: "from the management model in 2020 to strengthening … in 2023". */
const FROM_TO = /(?<![\p{L}])(?:from|fra)\s+(.+?)\s+(?:to|til)\s+(.+)$/iu;

/** Quoted earlier treatments shown per step at most. */
const MAX_EARLIER = 4;

/**
 * The passages of a sak's memo that quote earlier treatments of its topic: those naming a sak, a
 * committee or a time, not "N/A" or "Ingen".
 */
function quotedEarlier(lib: Library, c: Case): Passage[] {
  return lib
    .passagesOf(c.key)
    .filter((p) => p.kind === 'memo' && EARLIER_DECISIONS.test(p.text))
    .map((p) => ({ p, quoted: p.text.replace(EARLIER_DECISIONS, '') }))
    .filter(
      ({ quoted }) =>
        !/^\s*(N\/A|Ingen|Ikke)\b/i.test(quoted) &&
        /\b\d{1,3}\/\d{2}\b|\b(NUIT|NUFA|e-helseråd\w*)\b/i.test(quoted),
    )
    .map(({ p }) => p)
    .slice(0, MAX_EARLIER);
}

/** A step's sak must hold this share of the question's key content… */
const STEP_COVERAGE = 0.6;
/** …and its title name this share of it, or one unit of its text hold this share. */
const STEP_TITLE = 0.5;
const STEP_UNIT = 0.5;
/** Steps that say much less of the topic than the best one are passing mentions, not steps. */
const STEP_RELATIVE = 0.6;
/** A history longer than this is cut to its best steps (8 scores one above 6 over our sets, 4 three below). */
const MAX_STEPS = 8;
/**
 * Units holding the topic at which a sak counts as treating it in full: a sak that gives the topic
 * a section of its own is a step of its history, one that names it once in a list is a mention.
 */
const TREATED_UNITS = 4;

/** Words by which a decision settles something, as opposed to taking it to orientation. */
const SETTLES =
  /\b(vedtar|vedtok|godkjenner|godkjente|godkjent|beslutter|besluttet|slutter seg til|gir (sin )?(støtte|tilslutning)|støtter|anbefaler|prioriterer|fastsetter|avvikles|innføres)\b/i;

/** Sentences after a step's best one, in its paragraph, that may say where the topic stood. */
const PARAGRAPH_REACH = 3;

/** A sentence that refers the reader to another document: "Se vedlegg …", "Jf. presentasjonen", "See the slides". */
const POINTER = /^(?:[\p{L} ]+:\s*)?(?:se|jf\.?|see|refer to)\s/iu;

/** How much of a decision's start a unit must repeat to be a copy of it. */
const DECISION_HEAD = 60;

/** A year, a date or a figure with its unit: what dates a development. */
const DATED = /\b(19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d+\s*(%|prosent|mill|mrd)/i;

interface Step {
  c: Case;
  weight: number;
  details: { text: string; passage: Passage }[];
}

/** The saker that are steps of the topic, best first. */
function topicSteps(lib: Library, q: Question, ranked: Ranked[], years = q.years): Step[] {
  const steps: Step[] = [];
  const top = ranked[0]?.score || 1;
  for (const r of ranked) {
    if (coverage(lib, r.c, q) < STEP_COVERAGE) continue;
    const title = titleCoverage(lib, r.c, q);
    // A sentence that only points elsewhere ("Se presentasjon for mer detaljer om …") names the
    // topic without saying anything of it, and a memo's copy of the proposal is shown as the
    // proposal already.
    const decisions = [r.c.item.proposed_decision, r.c.item.adopted_decision].flatMap((d) =>
      d ? [sameKey({ text: d }).slice(0, DECISION_HEAD)] : [],
    );
    const evidence = rankEvidence(lib, q, [{ c: r.c, score: 1 }], (p) => p.kind === 'agenda').filter(
      (e) => !POINTER.test(e.unit.text) && !decisions.some((d) => sameKey(e.unit).startsWith(d)),
    );
    const best = [...evidence].sort((a, b) => b.own - a.own || b.score - a.score)[0];
    const own = best?.own ?? 0;
    // Where the question asks for a kind of thing (a date), the step also quotes where it stands:
    // the unit that says most beyond what the title already names (slides repeat their title).
    const beyondTitle = keyTerms(lib, q).filter((k) => !holds(k, foldForMatch(r.c.item.title)));
    const beyond = (e: Evidence) => share(beyondTitle, e.unit.folded);
    const fitting = expectedKinds(q).length
      ? evidence.filter((e) => e.fits && e.own > 0 && e !== best).sort((a, b) => beyond(b) - beyond(a))[0]
      : undefined;
    if (title < STEP_TITLE && own < STEP_UNIT) continue;
    const about = evidence.filter((e) => e.own >= own * STEP_RELATIVE);
    // A development is dated: of what the sak says of the topic, the best unit with a year, date
    // or figure says where it stood then ("… tilgang i løpet av 2029"); else one of the sentences
    // after the best in its paragraph, which go on about the topic without naming it again
    // ("KS2-rapporten ble oversendt 26. juni").
    const paragraph = best
      ? evidence
          .filter(
            (e) =>
              e.unit.passage === best.unit.passage &&
              e.unit.order > best.unit.order &&
              e.unit.order <= best.unit.order + PARAGRAPH_REACH,
          )
          .sort((a, b) => a.unit.order - b.unit.order)
      : [];
    const dated = fitting
      ? undefined
      : [...about, ...paragraph].find((e) => e !== best && DATED.test(e.unit.text));
    // One more thing the sak says of the topic: a step's detail is often not in its best sentence.
    // Of the rest, the unit that says most of what the best one does not name.
    const unsaid = best ? keyTerms(lib, q).filter((k) => !holds(k, foldForMatch(best.reach))) : [];
    const more = about
      .filter((e) => e !== best && e !== (fitting ?? dated))
      .reduce<Evidence | undefined>(
        (a, e) => (!a || share(unsaid, e.unit.folded) > share(unsaid, a.unit.folded) ? e : a),
        undefined,
      );
    steps.push({
      c: r.c,
      // How much the sak's text is about the topic (its search rank, and how many of its units hold
      // it) tells steps from mentions.
      weight: title + own + r.score / top + Math.min(1, about.length / TREATED_UNITS),
      details: [best, fitting ?? dated, more]
        .filter((e): e is Evidence => !!e && (e.own > 0 || e === dated))
        // A label ("Hensikt med saken:") is quoted with the list it introduces, or it says nothing;
        // a list item already quoted with its label is not quoted again.
        .map((e) => ({ text: e.reach, passage: e.unit.passage }))
        .filter(
          (d, i, all) =>
            !all.some((o, j) => j !== i && o.text.includes(d.text) && (o.text !== d.text || j < i)),
        ),
    });
  }
  // A history over several years the question names keeps each year's best steps: a step is a
  // passing mention only beside the heaviest of its own year ("out for comments in 2020, … in 2023").
  const named = (s: Step) =>
    years.length > 1 ? years.find((y) => s.c.date?.startsWith(String(y))) : undefined;
  const heaviest = (year: number | undefined) =>
    Math.max(0, ...steps.filter((s) => year === undefined || named(s) === year).map((s) => s.weight));
  return steps
    .filter((s) => s.weight >= heaviest(named(s)) * STEP_RELATIVE)
    .sort((a, b) => b.weight - a.weight);
}

/**
 * The parts of a question in several ("X was out for comments in 2020. How did that lead to Y in
 * 2023?", "from the management model in 2020 to … in 2023"), each read as a question of its own: each
 * names a step, and a sak that holds one part is a step though it holds little of the other. None
 * for a question in one part.
 */
function partsOf(q: Question): Question[] {
  // A sak's title as a topic ("Nasjonal e-helseportefølje – status og tiltak …") is no question in parts.
  if (!q.text.includes('?')) return [];
  return readParts(
    q,
    q.text.split(PARTS).flatMap((t) => FROM_TO.exec(t)?.slice(1, 3) ?? [t]),
    2,
  );
}

/**
 * The steps of a topic's history, oldest first: the best-covered saker across meetings and both
 * committees, each with what its text says of the topic.
 */
export function historySteps(lib: Library, q: Question, ranked: Ranked[]): Step[] {
  let found = topicSteps(lib, q, ranked);
  for (const part of partsOf(q)) {
    // A part that names one year of several ("… was out for comments in 2020. How did that lead to
    // … in 2023?") is that year's step: it is weighed against the saker of that year only.
    const year = q.years.length > 1 && part.years.length === 1 ? String(part.years[0]) : undefined;
    const candidates = year ? ranked.filter((r) => r.c.date?.startsWith(year)) : ranked;
    for (const s of topicSteps(lib, part, candidates, q.years))
      if (!found.some((f) => f.c === s.c)) found.push(s);
  }
  // "What did NUIT decide about X in 2020" asks for that year's steps: none then, no answer.
  if (q.intent !== 'history' && q.years.length === 1) {
    found = found.filter((s) => s.c.date?.startsWith(String(q.years[0])));
  }
  // "Between June 2020 and May 2023": the steps of those months.
  const span = q.span;
  if (span)
    found = found.filter(
      (s) => !!s.c.date && s.c.date.slice(0, 7) >= span.from && s.c.date.slice(0, 7) <= span.to,
    );
  return found.slice(0, MAX_STEPS).sort((a, b) => (a.c.date ?? '').localeCompare(b.c.date ?? ''));
}

/** A topic's history as a timeline card draws it: each step with its proposal, decision and quotes. */
export function timeline(lib: Library, q: Question, ranked: Ranked[]): TimelineStep[] {
  return historySteps(lib, q, ranked).map(({ c, details }) => ({
    citation: cite(lib, c, c.item.adopted_decision ? 'adopted' : 'proposed').citation,
    proposal: c.item.proposed_decision,
    decision: c.item.adopted_decision,
    quotes: details
      .map((d) => d.text)
      .filter((t) => t !== c.item.adopted_decision && t !== c.item.proposed_decision),
  }));
}

export function answerHistory(lib: Library, q: Question, ranked: Ranked[]): OfflineResult {
  const lang = q.language;
  const steps = historySteps(lib, q, ranked);
  if (!steps.length) return abstain(lib, q, ranked[0], 'no_history');
  const lines = [t(lang, 'history')];
  const used: Used[] = [];
  for (const { c, details } of steps) {
    const { adopted_decision: adopted, proposed_decision: proposed } = c.item;
    const parts = [`${formatDate(c.date, lang)}: ${capital(caseRef(c, lang))}.`];
    if (proposed) {
      parts.push(`${t(lang, 'proposed')}: ${quote(proposed)}`);
      used.push(cite(lib, c, 'proposed'));
    }
    if (adopted) {
      parts.push(`${t(lang, 'adopted')}: ${quote(adopted)}`);
      used.push(cite(lib, c, 'adopted'));
    } else if (proposed) parts.push(t(lang, 'outcomeUnknown'));
    const quoted = details.filter((d) => d.text !== adopted && d.text !== proposed);
    for (const d of quoted) {
      parts.push(`… ${quote(d.text)}`);
      used.push({ citation: citation(c, d.passage, d.passage.kind), passage: d.passage });
    }
    if (!adopted && !proposed && !quoted.length) used.push(cite(lib, c, 'agenda'));
    lines.push(`- ${parts.join(' ')}`);
  }
  // Treatments the record holds no minutes of, often in the other committee, as a step's memo
  // quotes them ("NUFA N/ÅÅ … NUFA drøftet saken …"): part of the history, cited to the memo.
  for (const { c } of steps) {
    const earlier = quotedEarlier(lib, c);
    if (!earlier.length) continue;
    lines.push(`${t(lang, 'quotedEarlier')} ${caseRef(c, lang)}:`);
    for (const p of earlier) {
      lines.push(`  - ${quote(p.text.replace(EARLIER_DECISIONS, ''))}`);
      used.push({ citation: citation(c, p, p.kind), passage: p });
    }
  }
  // Whether anything was settled: decisions that only take a sak to orientation or record a
  // discussion settle nothing, and a member asking "what did they decide" should hear so.
  const adopted = steps.map((s) => s.c.item.adopted_decision).filter((d): d is string => !!d);
  if (!adopted.some((d) => SETTLES.test(d)))
    lines.push(t(lang, adopted.length ? 'nothingSettled' : 'noneAdopted'));
  // Asked whether a proposal was adopted, or what was actually decided, a history of proposals only
  // shows them and abstains: the outcome is not in the documents (a memo's quotes of earlier
  // treatments are other bodies' outcomes, not this one's).
  const unknown = q.asksOutcome && !adopted.length;
  return result(q, lines, used, unknown ? 'outcome_unknown' : undefined);
}
