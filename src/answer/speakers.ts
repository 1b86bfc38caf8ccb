// "What did Helse Nord RHF say about MyHealth@EU?": what one body or person said in a sak, quoted
// from every unit of the sak's text that names them, in the order the minutes give it. Ranking
// units by the topic alone would quote whoever said most about it, not the one asked about.
import { MONTHS_EN, MONTHS_NB } from '../record/dates.ts';
import { foldForMatch } from '../record/normalize.ts';
import { containsTerm } from '../search/terms.ts';
import type { OfflineResult } from './compose.ts';
import { holds, keyTerms, rankEvidence, share, type Evidence } from './evidence.ts';
import { quotedAnswer } from './facts.ts';
import type { Library } from './library.ts';
import type { Question } from './question.ts';
import type { Ranked } from './rank.ts';

/** Verbs and nouns by which a question asks what someone said, meant or proposed. */
const SPEECH =
  /\b(say|said|says|think|thought|thinks|mean|meant|comment\w*|suggest\w*|argu\w*|rais\w*|point\w* out|view\w*|position|opinion\w*|stance|feel|felt|sa|sier|mente|mener|kommenter\w*|foreslo|påpekte|påpeker|uttalte|uttaler|spilte inn|spiller inn|synspunkt\w*|innspill\w*|input)\b/;

/**
 * A name in the question: capitalised words in a row, not the question's first word unless it is
 * an abbreviation ("NHN's view on …").
 */
const NAME_RUN = /(?:(?<=\S\s+)\p{Lu}|^\p{Lu}(?=\p{Lu}))[\p{L}\p{N}@&-]*(?:\s+\p{Lu}[\p{L}\p{N}@&-]*)*/gu;

/** Words written with a capital that name no speaker: the committees, months. */
const NO_SPEAKER = new RegExp(`^(nuit|nufa|${Object.keys({ ...MONTHS_NB, ...MONTHS_EN }).join('|')})\\b`);

/** A body's legal form, which minutes often leave out ("Helse Nord" for "Helse Nord RHF"). */
const LEGAL_FORM = /\s+(rhf|hf|sf|as|asa|iks)$/;

/** Units of one speaker quoted at most. */
const MAX_SAID = 5;

/** Words at most between a speaker's name and the verb of speech ("what did Helse Nord RHF say"). */
const SPEAKER_REACH = 3;

/**
 * Whether a name stands next to the question's verb of speech, as its speaker: "what did KS say",
 * "hva mente Legeforeningen", "NHN's view". In "in the KiNS webinar …, what did they say" the name
 * is where something was said, not who said it.
 */
function nextToSpeech(text: string, name: RegExpMatchArray): boolean {
  // Lower case keeps every character where it stands, so the name's place holds in it.
  const folded = text.toLowerCase();
  const start = name.index!;
  const end = start + name[0].length;
  const gap = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  for (const m of folded.matchAll(new RegExp(SPEECH.source, 'g'))) {
    const between = m.index < start ? folded.slice(m.index + m[0].length, start) : folded.slice(end, m.index);
    if (gap(between) <= SPEAKER_REACH) return true;
  }
  return false;
}

/** The speakers a question names: names that are not the sak's topic (its title names that). */
function speakers(q: Question, title: string): string[] {
  return (
    [...q.text.matchAll(NAME_RUN)]
      .filter((m) => nextToSpeech(q.text, m))
      // "NHN's view", "KS-representantene": the name without its possessive or compound tail.
      .map((m) =>
        foldForMatch(m[0])
          .replace(/['’]s$/u, '')
          .replace(/-\p{L}+$/u, (x) => (x.length > 4 ? '' : x)),
      )
      .filter((n) => n && !NO_SPEAKER.test(n) && !title.includes(n))
      .map((n) => n.replace(LEGAL_FORM, ''))
  );
}

/**
 * The share of the topic (the speaker's name aside) that their words, read with their sak's title,
 * must hold: below it they said nothing the documents record on the topic ("what did Helse Nord say
 * about X" of a sak where Helse Nord spoke of something else), or the name is where something was
 * said, not who said it. Calibrated on the read halves: 0.2–0.4 score alike, 0.5–0.75 one more.
 */
const SPOKE_OF_TOPIC = 0.5;

/** Saker near the top of the ranking where the speaker is looked for: at most this many … */
const SPEAKER_CASES = 3;
/** … ranked within this share of the best: a sak far behind is about something else. */
const NEAR_BEST = 0.85;

/**
 * What the body or person the question names said, or null when it asks no such thing or no sak
 * near the top names them. Of those saker, the one where their words hold most of the topic is
 * quoted: "what did HSØ say about the programme" is where HSØ spoke of the programme, not a
 * sak ranked level with it that merely names HSØ.
 */
export function answerSpeaker(lib: Library, q: Question, ranked: Ranked[]): OfflineResult | null {
  if (!ranked.length || !SPEECH.test(foldForMatch(q.text))) return null;
  // A name is found as written or by what the record says it is short for ("HSØ", "helse sør-øst"),
  // never by a translation ("Norwegian" is no "norsk" speaker).
  const names = (n: string, folded: string) =>
    [n, ...lib.index.defined(n)].some((form) => containsTerm(folded, form));
  let found: { r: Ranked; said: Evidence[]; holds: number } | null = null;
  const near = ranked.slice(0, SPEAKER_CASES).filter((r) => r.score >= NEAR_BEST * ranked[0]!.score);
  for (const r of near) {
    // Only a name the sak's text holds can be a speaker in it ("Norwegian" in an English question is none).
    const text = lib.caseText(r.c);
    const who = speakers(q, foldForMatch(r.c.item.title)).filter((n) => names(n, text));
    if (who.length !== 1) continue;
    const said = rankEvidence(lib, q, [r], (p) => p.kind === 'agenda' || p.kind === 'proposed').filter((e) =>
      names(who[0]!, e.unit.folded),
    );
    // How much of the topic, the speaker's own name aside, their words hold in their sak.
    const topic = keyTerms(lib, q).filter((k) => !holds(k, who[0]!));
    const title = foldForMatch(r.c.item.title);
    const held = Math.max(0, ...said.map((e) => share(topic, `${title} ${e.unit.folded}`)));
    if (said.length && (!found || held > found.holds)) found = { r, said, holds: held };
  }
  if (!found || found.holds < SPOKE_OF_TOPIC) return null;
  const quoted = found.said.sort((a, b) => a.unit.order - b.unit.order).slice(0, MAX_SAID);
  return quotedAnswer(lib, q, found.r.c, quoted);
}
