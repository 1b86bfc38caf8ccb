// Words of a question or passage, folded and stemmed the way the search index sees them.
import { stemmer } from '@orama/stemmers/norwegian';
import { stopwords } from '@orama/stopwords/norwegian';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { DATE_TEXT, MONTHS_EN, MONTHS_NB } from '../record/dates.ts';
import { escapeRegExp, foldForMatch } from '../record/normalize.ts';

// English function words and the words questions are made of (not what they are about).
const QUESTION_WORDS = new Set(
  `the a an of on in at to for and or by with about from into is are was were be been being do does did
   what which who whom whose when where why how much many there this that these those it its their his her
   they them than then as any some all each per also please tell me give list quote say says said show
   according same other between among within without across via under over after before during towards toward regarding concerning think thinks thought feel felt view views opinion believe letting let lets did
   can could would should will new old first last next current long short big small main latest recent
   ny nye nytt gammel gamle første siste neste nåværende forrige
   hva hvilke hvilken hvilket hvem når hvor hvordan hvorfor mye mange lang stort stor ble blir er var har
   hadde gjaldt gjelder sa si sier sagt ifølge mente mener gi vis fortell sitér siter
   make makes made get gets got take takes taking took put compared compare whats
   hear heard describe described describes happen happened happening see sees saw seen show shows showed shown
   lasts lasted varer varte ga gav gitt gave given gives
   summarise summarize summarised summarized summary sum oppsummer oppsummere oppsummert oppsummering
   sammendrag sammenfatt sammenfatte explain forklar forklare
   skjedd skjer skjedde hendt beskrev beskrevet beskrive hørte egentlig
   står sto stod stått går gikk gått får fikk fått gjør gjorde gjort sitter satt sittet sit sits sitting sat
   oppe vite visst told
   blant annet år året bedt
   mention mentions mentioned refer refers referred nevn nevner nevnt nevnes omtale omtaler omtalt omtales
   quick q hey hi btw fyi pls plz wondering wonder anyone remind recall again exactly actually basically really just
   news update updates nytt
   yet still already ever anymore ennå enda allerede fortsatt noensinne etc osv`.split(/\s+/),
);

// English function words ("had", "up", "having"): questions come in English, the record is Norwegian.
const EN_STOP = new Set(englishStopwords.filter((w) => !w.includes("'")));

// Words that name the kind of question, or the domain itself, rather than its topic.
const FRAME_WORDS = new Set(
  `nuit nufa sak saken saker møte møtet møter møtene møtets møtenes meeting meetings committee committees utvalg utvalget utvalgene case item agenda agendaen
   ekstramøte ekstramøtet ekstramøter
   decide decided decision decisions adopted propose proposed proposal vedtak vedtaket vedtatt vedtok
   bestemt bestemte besluttet
   forslag forslaget foreslås foreslått til
   present presents presented presenter la frem legger lagt fram
   scheduled tidspunkt tid time date dato
   discuss discussed discussion drøfte drøftet drøfting
   progress progressed develop developed development evolve evolved change changed work arbeid arbeidet utviklet history historikk
   start starts started end ends ended begin begins began slutt slutter sluttet starter startet begynner
   begynte legge dag dagen day
   slides slide lysbilde lysbildene lysbildet presentation presentasjon presentasjonen documents dokumentene
   memo memoet toppnotat toppnotatet referat referatet minutes`.split(/\s+/),
);

const NB_STOP = new Set(stopwords);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}@'’-]*/gu;

export function words(text: string): string[] {
  return (foldForMatch(text).match(WORD) ?? []).map((w) => w.replace(/['’]s$/, '').replace(/['’-]+$/, ''));
}

export function stem(word: string): string {
  if (/^\d/.test(word)) return word;
  // A hyphenated word is stemmed on its last part: the stemmer cuts "e-helse" to "e-h".
  const cut = word.lastIndexOf('-');
  return cut > 0 && cut < word.length - 1
    ? word.slice(0, cut + 1) + stemmer(word.slice(cut + 1))
    : stemmer(word);
}

/** How the search index reads a word: lower case, stop words out, stemmed. */
export function searchTerm(term: string): string | null {
  const w = term.toLowerCase();
  return !w || NB_STOP.has(w) ? null : stem(w);
}

/**
 * Whether folded text holds a word or its stem: a longer stem may stand inside a compound
 * ("pris" in "prismodeller"); a short one ("ks", "1") must stand alone or, of three letters, end a
 * compound, in either case perhaps with an inflection ("målet", "kvuen", "apier").
 */
export function containsTerm(folded: string, term: string): boolean {
  if (term.length >= 4) return folded.includes(term);
  if (folded.indexOf(term) < 0) return false;
  // Each place the term ends a word is read back: alone, or a three-letter word ending a compound
  // ("mål" in "hovedmål", "råd" in "fagråd"). A lookbehind for the compound scans many times slower.
  const ends = wordEnding(term);
  ends.lastIndex = 0;
  for (let m = ends.exec(folded); m; m = ends.exec(folded)) {
    const before = folded.slice(Math.max(0, m.index - 3), m.index);
    if (!LETTER_OR_DIGIT.test(before.slice(-1)) || (term.length === 3 && THREE_LETTERS.test(before)))
      return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const THREE_LETTERS = /^\p{L}{3}$/u;

/** Patterns of a short term ending a word, built once each: evidence ranking tests them per unit. */
const endings = new Map<string, RegExp>();
/** Short terms are few (a question's words and their forms); past this many the map starts over. */
const ENDINGS_KEPT = 1000;

function wordEnding(term: string): RegExp {
  let re = endings.get(term);
  if (!re) {
    if (endings.size >= ENDINGS_KEPT) endings.clear();
    re = new RegExp(`${escapeRegExp(term)}(?:en|et|ene|er|s)?(?![\\p{L}\\p{N}])`, 'gu');
    endings.set(term, re);
  }
  return re;
}

/** The stems of `text`, stop words removed. */
export function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) if (!NB_STOP.has(w) && !QUESTION_WORDS.has(w)) out.add(stem(w));
  return out;
}

/**
 * Dates are when a question is about, not what: "25 May 2023", "16. februar 2023", "17.06.2020",
 * and the year as members shorten it ("Feb '23").
 */
const DATE_WORDS = new RegExp(
  `\\b\\d{0,2}\\.?\\s*(${Object.keys({ ...MONTHS_NB, ...MONTHS_EN }).join('|')})\\b(?:\\.?(?:\\s+['’–-]|\\s*[–-])\\d\\d\\b)?`,
  'gi',
);

/**
 * A season or part of a year before the year is when, not what: "høsten 2019", "spring 2023",
 * "early 2023", "begynnelsen av 2023". The year stays, to narrow the search.
 */
const SEASONS =
  /\b(?:spring|summer|autumn|fall|winter|early|late|mid|the (?:start|end|beginning|middle) of|våren|sommeren|høsten|vinteren|tidlig i|sent i|(?:begynnelsen|starten|slutten|midten) av)\s*-?\s*(?=(?:19|20)\d\d\b)/gi;

/**
 * A quarter of a year a question puts its meeting in: "in Q1 2023", "i 1. kvartal 2023", "i første
 * kvartal 2023", "during the third quarter of 2020". When, not what: the year stays, to narrow the
 * search. "Rapporten for første kvartal 2023" names the topic's period and stays a topic. Captures
 * the quarter's number or ordinal.
 */
export const QUARTER =
  /(?<![\p{L}\p{N}])(?<=(?:in|i|during|under)\s+(?:the\s+)?)(?:q([1-4])|([1-4])\.\s*kvartal|(første|andre|tredje|fjerde|first|second|third|fourth)\s+(?:kvartal|quarter))(?:\s+(?:of|i|av))?\s*(?=(?:19|20)\d\d(?![\p{N}]))/giu;

/** Sak ids ("12/24") and meeting numbers ("2/2023") name what a question is about, not its topic. */
const IDS = /(?<![\p{L}\p{N}])\d{1,3}\s?\/\s?\d{2,4}(?![\p{L}\p{N}])/gu;

/**
 * The day of a meeting of several ("day 1", "dag to", "the second day"): when, like a date, not
 * what. Captures the day's number or word, or its ordinal.
 */
export const MEETING_DAY =
  /(?<![\p{L}\p{N}])(?:(?:day|dag)\s+(\d|one|two|three|en|to|tre)|(first|second|third|første|andre|tredje)\s+(?:day|dag(?:en)?))(?![\p{L}\p{N}])/giu;

/**
 * A measure asked for ("how large a share", "how high", "hvor store", "how often"): the adjective
 * says what kind of answer is wanted, not what the question is about.
 */
const MEASURE =
  /(?<![\p{L}])(?:how|hvor)\s+(?:large|high|big|long|far|often|great|store|høy|høye|høyt|ofte|langt|lenge)(?![\p{L}])/giu;

/**
 * Minutes asked about as what is approved ("hvilket referat godkjennes", "were the minutes
 * approved"): every meeting's first saker approve the agenda and the last minutes, so the word
 * that otherwise names a source is here the topic.
 */
export const APPROVED_MINUTES =
  /(?<![\p{L}])(?:(?:godkjen\p{L}*|approv\p{L}*|sign\p{L}* off)(?:\s+\p{L}+){0,4}\s+(?:referat\p{L}*|minutes)|(?:referat\p{L}*|minutes)(?:\s+[\p{L}\p{N}.-]+){0,7}\s+(?:godkjen\p{L}*|approv\p{L}*|sign\p{L}* off))(?![\p{L}])/iu;
const MINUTES_WORDS = new Set(['referat', 'referatet', 'minutes']);

/** Idioms whose words are no topic: "i så fall" (if so), "for øvrig", "in that case". */
const IDIOMS = /(?<![\p{L}])(?:i så fall|for øvrig|in that case|if so)(?![\p{L}])/giu;

/**
 * A compound whose last part is a frame word ("porteføljesaken", "NAV-saken", "dialogmøtet") names
 * its topic by its first: the sak about the portfolio. Captures the first part.
 */
const FRAMED_COMPOUND =
  /^(?:(\p{L}{4,}?)s?|([\p{L}\p{N}]{2,})-)(?:saken|saka|sakene|saker|sak|møtet|møtene|møter|møte)$/u;

/** The topic words of a question: what it is about, without question, frame and stop words. */
export function topicWords(question: string): string[] {
  const minutesAsked = APPROVED_MINUTES.test(question);
  return words(
    question
      .replace(DATE_TEXT, ' ')
      .replace(MEETING_DAY, ' ')
      .replace(MEASURE, ' ')
      .replace(IDIOMS, ' ')
      .replace(SEASONS, ' ')
      .replace(QUARTER, ' ')
      .replace(DATE_WORDS, ' ')
      .replace(IDS, ' '),
  )
    .filter(
      (w) =>
        !NB_STOP.has(w) &&
        !EN_STOP.has(w) &&
        !QUESTION_WORDS.has(w) &&
        (!FRAME_WORDS.has(w) || (minutesAsked && MINUTES_WORDS.has(w))) &&
        !/^\d{1,3}\/\d{2,4}$/.test(w) &&
        // Years and periods ("2022-2024") narrow the search (see question.ts); they are not what the
        // question is about.
        !/^(19|20)\d\d(?:-(?:19|20)?\d\d)?$/.test(w),
    )
    .map((w) => {
      const framed = FRAMED_COMPOUND.exec(w);
      return framed ? (framed[1] ?? framed[2]!) : w;
    });
}
