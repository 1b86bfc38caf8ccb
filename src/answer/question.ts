// What a question asks: its language, intent, the sak/meeting/committee/date it names, and which
// agenda facts it wants. Rules over words in both bokmål and English; no model needed.
import { expandShorthand } from '../search/shorthand.ts';
import { APPROVED_MINUTES, MEETING_DAY, QUARTER, topicWords } from '../search/terms.ts';
import { DATE_TEXT, MONTHS_EN, MONTHS_NB, parseDate } from '../record/dates.ts';
import { foldForMatch } from '../record/normalize.ts';
import type { Intent, Language } from './types.ts';

export type AgendaFact = 'time' | 'duration' | 'presenter' | 'owner' | 'handler' | 'sakstype';
export type MeetingFact = 'place' | 'when' | 'attendance' | 'absence' | 'presence';

export interface Question {
  text: string;
  language: Language;
  intent: Intent;
  sakIds: string[];
  committee?: string;
  /** Meeting number "N/YYYY". */
  meeting?: string;
  /** Exact ISO date named in the question. */
  date?: string;
  /** Year and month named without a day ("February 2023", "i oktober 2021"). */
  month?: { year: number; month: number };
  years: number[];
  /** A year the question puts the meeting in ("in 2025", "i 2025"), as opposed to a topic's years. */
  meetingYear?: number;
  agendaFacts: Set<AgendaFact>;
  meetingFacts: Set<MeetingFact>;
  /**
   * The date or month the question names is a meeting's ("NUIT's meeting on 9 September 2020"),
   * not a fact's ("applications received by 21 April 2023").
   */
  timeOfMeeting: boolean;
  /** The question speaks of a meeting or a committee, not only of "participants" or "members". */
  namesMeeting: boolean;
  /** The question asks for an amount of money. */
  wantsAmount: boolean;
  /** The question asks how something was rated or scored. */
  wantsRating: boolean;
  /** The months a question over several times runs between, "YYYY-MM", first and last. */
  span?: { from: string; to: string };
  /** The day of a meeting held over several that the question names ("day two", "andre dag"), from 1. */
  meetingDay?: number;
  /** The question asks for the meeting after (or before) the one it names. */
  relative?: 'next' | 'previous';
  /** "The next NUFA meeting", "siste NUIT-møte": a meeting placed by the day the question is asked. */
  upcoming?: 'next' | 'latest';
  /** The day the question is asked, YYYY-MM-DD in Oslo (the clock's, where the answerer sets it). */
  today?: string;
  /** The minuted meeting a question asks about, by its date or month: "the minutes from February 2023". */
  minutesOf?: { date?: string; month?: { year: number; month: number } };
  /**
   * "When was X discussed?" with no committee named: when the committees treated X, unless the
   * text says X was treated elsewhere (by the ministry, at a webinar).
   */
  whenTreated?: boolean;
  /** The question asks for an outcome: "was the proposal adopted?", "what did they actually decide?". */
  asksOutcome?: boolean;
  /**
   * The question asks for a meeting summarised ("summarise the minutes from …"): its proposals are a
   * summary too where the outcome is not known, not an abstention.
   */
  asksSummary?: boolean;
  /**
   * The question asks what the members said or raised at the meeting ("what concerns did members
   * raise", "hva sa medlemmene"), which the minutes record, not what they were asked to discuss.
   */
  asksRaised?: boolean;
  /** The words of the short phrase that says what the question asks ("draft decision", "tabled"). */
  intentWords?: Set<string>;
}

const EN_WORDS =
  /\b(the|what|which|who|when|where|how|did|does|do|was|were|is|are|of|on|about|and|decide|decided|proposed|give|quote|according|summari[sz]e|explain|tell|show|list|much|many|they|think|has|have|had|been|any|there|this|that|with|will|would|can|could|should|why|from|their|its|it|whats|what['’]s|who['’]s|whos|hows|how['’]s|where['’]s|wheres|isn['’]t|didn['’]t|don['’]t|doesn['’]t|wasn['’]t)(?![\p{L}])/gu;
const NB_WORDS =
  /(?<![\p{L}\p{N}])(hva|hvilke|hvilken|hvem|når|hvor|hvordan|ble|blir|er|var|og|om|på|til|av|det|som|ikke|saken|møtet|vedtatt|vedtaket|forslaget|mente|gjaldt|har|mye|lang|oppsummer|forklar|fortell|vis|list opp)(?![\p{L}\p{N}])/gu;

/**
 * Words that say a question asks what the committee was asked to discuss, not what about: in "what
 * questions did the directorate want members to answer about reporting portals" only the portals
 * are the topic.
 */
const ASKING_WORDS = new Set(
  `question questions spørsmål spørsmålet spørsmålene answer answers answered svar svare besvare
   members member medlemmene medlemmer representantene representatives want wanted wants ønsket ønsker
   input innspill views synspunkter comments kommentarer feedback tilbakemeldinger posed pose stilte
   stilt stille asked ask spurte spør ba bedt`.split(/\s+/),
);

/** Words that say a question asks for a history: over the years, across the meetings. */
const OVER_TIME_WORDS = new Set(
  `years year årene årenes gjennom over across through tid trace tracing traced forløp forløpet
   utvikling utviklingen endringer endret endres behandlet behandles handled treated considered
   discuss discussed presented present raised debated reviewed briefed agenda agendaen drøftet
   diskutert presentert orientert lagt fram frem tatt oppe`.split(/\s+/),
);

/**
 * "When was X presented to NUIT?", "Når ble X behandlet i NUFA?": the answer is the meeting or
 * meetings where the committee treated the topic, each with its date — the topic's history. A
 * treatment verb in the past tense after "when", with the committee named or its agenda.
 */
const WHEN_TREATED = new RegExp(
  String.raw`^(?:and |og )?(?:when (?:was|were|has|have|had|did)|når (?:ble|var|har|hadde|fikk))(?![\p{L}])` +
    String.raw`[^?]*?(?<![\p{L}])(?:discuss(?:ed)?|present(?:ed)?|treat(?:ed)?|consider(?:ed)?|handled?|raised?|debated?|review(?:ed)?|brief(?:ed)?|(?:brought|taken|took|bring|take) up|on the agenda|behandlet|drøftet|diskutert|presentert|lagt (?:fram|frem)|orientert|tatt opp|oppe|på agendaen)(?![\p{L}])`,
  'u',
);
/** Where else a topic may have been treated: "presented to the ministry", "lagt fram på webinaret". */
const ELSEWHERE =
  /(?<![\p{L}])(?:to|til|at|på|with|med)\s+(?:the\s+|a\s+|an\s+)?(?!(?:nuit|nufa|committees?|utvalg\p{L}*|møte\p{L}*|meetings?|agenda\p{L}*)(?![\p{L}]))\p{L}{3,}/u;

/** Who treats it: a committee, or its agenda. */
const BY_COMMITTEE = /(?<![\p{L}])(?:nuit|nufa|committees?|utvalg\p{L}*|agenda\p{L}*)(?![\p{L}])/u;
/** Words that say a question asks what was decided: "NUIT's conclusion on …", "the outcome of …". */
const OUTCOME_WORDS = new Set(
  `conclude concluded concludes conclusion conclusions outcome outcomes result results endorse endorsed
   agree agreed agrees konkluderte konkluderer konkludert konklusjon konklusjonen konklusjoner utfall
   utfallet resultat resultatet`.split(/\s+/),
);

/**
 * Words that say which agenda fact is asked for: "who owns and who handles the item", "when does
 * it start". A sak's text may use them ("eie", "starte"), but they are not its topic.
 */
const AGENDA_WORDS = new Set(
  `own owns owner owners owned handle handles handled handling handler handlers present presents
   presented presenting presenter responsible start starts started begin begins scheduled slot
   allotted eier eies behandler presenterer presenterte starter begynner`.split(/\s+/),
);

/** Words that say a question asks what the committee was asked to decide: "asked to endorse". */
const PROPOSAL_WORDS = new Set('asked ask invited bedt bes'.split(' '));

/** Whether a topic word of the question only frames what its intent asks for. */
export function framesIntent(q: Question, word: string): boolean {
  return (
    !!q.intentWords?.has(word) ||
    (q.intent === 'discussion' && ASKING_WORDS.has(word)) ||
    (q.intent === 'history' && OVER_TIME_WORDS.has(word)) ||
    (q.intent === 'agenda' && AGENDA_WORDS.has(word)) ||
    ((q.intent === 'adopted_decision' || q.intent === 'proposed_decision' || q.intent === 'history') &&
      OUTCOME_WORDS.has(word)) ||
    (q.intent === 'proposed_decision' && PROPOSAL_WORDS.has(word))
  );
}

export function detectLanguage(text: string): Language {
  const t = foldForMatch(text);
  const en = t.match(EN_WORDS)?.length ?? 0;
  const nb = t.match(NB_WORDS)?.length ?? 0;
  return en > nb ? 'en' : 'nb';
}

/** "Was the proposal adopted?", "what did they actually decide?": a question that asks for an outcome. */
const OUTCOME_RULE: [Intent, RegExp] = [
  'adopted_decision',
  /(?<![\p{L}])(?:(?:actually|really|finally|egentlig|endelig)\s+(?:decide[ds]?|adopt(?:ed)?|vedtatt|vedtok|bestemt|besluttet)|(?:was|were|has|have|had|did)\s+(?:the\s+|this\s+|that\s+)?(?:proposal|proposed decision|draft decision|recommendation)s?(?![\p{L}])[^?]{0,60}(?<![\p{L}])(?:adopted|approved|accepted|passed|agreed|endorsed|adopt|approve|accept|pass|endorse)|(?:ble|er|var)\s+(?:forslaget|forslagene|forslaget til vedtak|innstillingen)(?![\p{L}])[^?]{0,60}(?<![\p{L}])(?:vedtatt|godkjent|fulgt|tatt til følge))(?![\p{L}])/u,
];

/**
 * What the members said or raised: "what concerns did members raise", "which comments were made",
 * "hva sa medlemmene", "hvilke bekymringer kom fram".
 */
const RAISED =
  /(?<![\p{L}])(?:(?:what|which|hva|hvilke)\s[^?]{0,40}(?<![\p{L}])(?:concerns?|comments?|objections?|reservations?|remarks?|bekymring\p{L}*|kommentar\p{L}*|merknad\p{L}*|innvending\p{L}*|synspunkt\p{L}*)|(?:members?|representatives?|medlemme\p{L}*|representante\p{L}*)\s(?:\p{L}+\s){0,3}?(?:say|said|raise[ds]?|comment(?:ed)?|sa|mente|uttrykte|tok opp)|(?:sa|mente|uttrykte)\s(?:\p{L}+\s){0,2}?(?:medlemme\p{L}*|representante\p{L}*))(?![\p{L}])/u;

/** "Summarise the minutes from February 2023", "oppsummer møtet i juni": what was decided there. */
const SUMMARY_RULE: [Intent, RegExp] = [
  'adopted_decision',
  /(?<![\p{L}])(?:summar\p{L}*|oppsummer\p{L}*|sammendrag\p{L}*|recap)(?![\p{L}])[^?]{0,30}(?<![\p{L}])(?:minutes|meeting|referat\p{L}*|møte\p{L}*)(?![\p{L}])/u,
];

/** Being at a meeting, said as members say it: "hvem var med på møtet", "who was at the meeting". */
const AT_THE_MEETING = String.raw`var med på (?:møtet|møte)|(?:were|was) at the meeting`;

const INTENT_RULES: [Intent, RegExp][] = [
  [
    'history',
    /\b(progress(ed)?|evolv\w*|history|over time|over (the )?years|through the years|across (the )?([\w-]+ )?(meetings|committees)|på tvers av (\w+ )?(møtene|utvalgene|møter)|trace|tracing|over tid|from (19|20)\d\d to (19|20)\d\d|utvikl\w* seg|historikk|gjennom årene|fra (19|20)\d\d til (19|20)\d\d|tidligere behandling\w*|how has .* developed|hvordan har .* utvikl\w*|how\b[^?]*\b(changed|change)|hvordan\b[^?]*\b(endret|forandret|endra)\b[^?]*\bseg|(earlier|previous|prior) (treatment|handling|discussion)s?|(discussed|treated|considered|handled|raised|presented)\b[^?]{0,40}\b(before|earlier|previously)|tidligere (drøftet|behandlet|lagt frem|lagt fram|vært)|vært (behandlet|drøftet|lagt frem|lagt fram) tidligere|(which|what) (items|cases|saker)\b[^?]*\b(about|concern\w*|dealt with|deal with|covered)|hvilke saker\b[^?]*\b(handlet|handler|gjaldt|gjelder|omhandlet|dreide seg)|what happened (next|later|afterwards|after that|since|to|with)|what became of|hva (har )?(skjedde|skjedd|skjer) (videre|senere|etterpå|siden|med)|hva ble (det )?(videre )?av|hvordan gikk det videre)\b/,
  ],
  [
    'discussion',
    /\b(prompts?|stikkord|drøftingstema\w*|drøftingspunkt\w*|drøftingsspørsmål\w*|discussion (themes?|questions?|points?|topics?)|group discussion|gruppediskusjon\w*|gruppeoppgave\w*|(hvilke|hvilket|hva slags) ([\wæøå]+ )?spørsmål|(what|which) (\w+ )?questions?|questions? (were|was) (put|asked|posed)|\b(ask(ed|s)?|ba|bedt)\b[^?]{0,40}\b(to discuss|om å drøfte|drøfte)|spørsmål til (nuit|nufa)|(ba om|bedt om)\b[^?]{0,40}\b(innspill|råd|synspunkter)|(wanted|asked for|sought|invited) (input|advice|views|comments)|(input|advice|views|comments)\b[^?]{0,40}\b(want|wants|wanted|seek|seeks|sought|ask|asks|asked)\b|hvilke innspill|bedt om å drøfte|til drøfting|innspill på|input on)\b/,
  ],
  // What the members said or raised at the meeting: the minutes' points.
  ['discussion', RAISED],
  // A word starting with "ø" has no \b before it in a regex without the u flag: a rule of its own.
  ['discussion', /(?<![a-zæøå])ønske[rt]?\b[^?]{0,40}\b(innspill|råd|synspunkter)\b/],
  // An agenda fact asked for in words no other question uses ("når på dagen", "hvilken sakstype")
  // is what is asked, whatever the sak's title says ("… behandle forslaget til måleindikatorer").
  [
    'agenda',
    /(?<![\p{L}])(who wrote|written by|hvem skrev|skrevet av|når på dagen|hvilken sakstype|what (?:type|kind|sort) of (item|sak)|hva slags sak|at what time|hvor lang tid|how long is|time allotted|satt av|hvem (skal|skulle) (legge|presentere)|(?:on )?(?:which|what) day (?:is|was|does|did)|hvilken dag (?:er|var|skal|skulle|står|sto|behandles|ble)|når (?:slutter|avsluttes|er .{1,40} ferdig)|hvor lenge varer)(?![\p{L}])/u,
  ],
  OUTCOME_RULE,
  // A meeting or its minutes summarised is what was decided there, sak by sak.
  SUMMARY_RULE,
  [
    'proposed_decision',
    /(forslag\w* til vedtak|\bforslaget\b|\bforeslås\b|\bforeslått\b|\bforeslår\b|\bproposed\b|\bproposal\b|\bdraft decision\b|\bput forward\b|\btabled\b|\bfremmet\b|\bsuggested decision\b|\b(asked|invited) to (make|decide|support|back|approve|endorse|agree|take|do|conclude)\b|\bbedt om å (vedta|støtte|godkjenne|slutte|konkludere|beslutte|ta stilling)|\binnstilling\w*)/,
  ],
  [
    'adopted_decision',
    /\b(decide[ds]?|decisions?|adopted|agree[ds]?|ble enige|resolved?|conclu\w+|outcome|vedtatt|vedtak\w*|vedtok|besluttet|beslutning\w*|bestemt\w*|konklu\w+|utfall\w*)\b/,
  ],
  // Whether a committee took a stand ("Did NUIT back the plan?", "Støttet NUFA forslaget?") is
  // asked of what it decided.
  [
    'adopted_decision',
    /\b(?:(?:did|does|do|has|have|had)\s+(?:nuit|nufa|the committees?)\s+(?:\w+\s+)?(?:support|back|approve|endorse|accept|reject|oppose|recommend)\w*|(?:støttet|godkjente|anbefalte|avviste)\s+(?:nuit|nufa|utvalget)|(?:har|hadde)\s+(?:nuit|nufa|utvalget)\s+(?:\w+\s+)?(?:støttet|godkjent|anbefalt|avvist))\b/,
  ],
  [
    'agenda',
    /\b(who(?: is|['’]s|s)? (presents?|presented|presenting|will present)|presenter of|hvem (la|legger|legge|presenterer|presenterte|innleder)( (frem|fram))?|who(?: is|['’]s)? (owns|handles|handling|responsible for)|hvem .* (la|legger) (frem|fram)|responsible for the (item|sak|case)|ansvarlig for saken|(item|sak|case) number|saksnummer\w*|hvilket (sak)?nummer|når på dagen|what time of day|saksbehandler\w*|sakseier\w*|case (owners?|handlers?)|sakstype\w*|what type|which type|type of (case|item)|scheduled|on the (?:\w+ )?agenda|på agendaen|(at )?what time|hvilket klokkeslett|står .* agendaen|tidspunkt|når (starter|står|begynner|er|behandles|tas)|how much time|how long|hvor lang tid|allotted|satt av|duration|varighet|start time|starts?)\b/,
  ],
  [
    'meeting',
    new RegExp(
      String.raw`(?<![\p{L}\p{N}])(where (was|is|were|will)|where and when|when and where|hvor og når|når og hvor|hvor (ble|var|er|skal)|who attended|attend\w*|til stede|deltok|deltakere|participants|present at|absent\w*|absence\w*|missing from|apologies|forfall\p{L}*|fravær\p{L}*|represent\w*|stedfortreder\w*|vara\p{L}*|møtte som|stood in|stand-ins?|substitut\w*|held|holdt|avholdt|location|sted|møtested|take place|finne sted|members|medlemmer|medlemmene|${AT_THE_MEETING})(?![\p{L}\p{N}])`,
      'u',
    ),
  ],
];

const AGENDA_FACTS: [AgendaFact, RegExp][] = [
  [
    'time',
    /(?<![\p{L}\p{N}])(when|når|tid|tidspunkt|scheduled|start\w*|begynner|klokka|klokkeslett|kl|what time)(?![\p{L}\p{N}])/u,
  ],
  [
    'duration',
    /\b(how much time|how long|hvor lang tid|allotted|satt av|duration|varighet|minutes|minutter)\b/,
  ],
  ['presenter', /\b(present\w*|la frem|legger frem|fram|innleder)\b/],
  ['owner', /\b(sakseier\w*|case owners?|owners?|owns|responsible|ansvarlig)\b/],
  // The memo's author is its case handler.
  [
    'handler',
    /\b(saksbehandler\w*|case handlers?|handlers?|handles|handling|wrote|written by|authors?|skrev|skrevet av|forfatter\w*)\b/,
  ],
  ['sakstype', /\b(sakstype\w*|type|(?:kind|sort) of (?:item|sak)|hva slags sak)\b/],
];

const MEETING_FACTS: [MeetingFact, RegExp][] = [
  ['place', /\b(where|hvor|sted|location|held|holdt)\b/],
  ['when', /(?<![\p{L}\p{N}])(when|når|dato|date|dates|datoer|held|holdt)(?![\p{L}\p{N}])/u],
  [
    'attendance',
    new RegExp(
      String.raw`(?<![\p{L}])(attend\w*|til stede|deltok|deltakere|participants|members|medlemmer|represent\w*|stedfortreder\w*|stood in|stand-ins?|substitut\w*|vara\p{L}*|forfall\p{L}*|fravær\p{L}*|absent\w*|absence\w*|missing from|apologies|${AT_THE_MEETING})(?![\p{L}])`,
      'u',
    ),
  ],
  // Who was not there ("who was absent", "hvem hadde forfall"), and who was.
  [
    'absence',
    /(?<![\p{L}])(absent\p{L}*|absence\p{L}*|missing|apologies|forfall\p{L}*|fravær\p{L}*|ikke til stede|not (?:there|present)|substitut\p{L}*|stood in|stand-ins?|stedfortreder\p{L}*|vara\p{L}*|møtte som)(?![\p{L}])/u,
  ],
  [
    'presence',
    new RegExp(
      String.raw`(?<![\p{L}])(attend\p{L}*|present|participants|deltok|deltakere|til stede|${AT_THE_MEETING})(?![\p{L}])(?<!ikke til stede)`,
      'u',
    ),
  ],
];

const MONTH_NAMES = { ...MONTHS_NB, ...MONTHS_EN };
/** A month and year, the year also in two digits as members write it ("nov 19", "feb 23"). */
const MONTH_YEAR = new RegExp(
  `\\b(${Object.keys(MONTH_NAMES).join('|')})\\.?(?:\\s+['’–-]?|\\s*[–-])((?:19|20)\\d\\d|\\d\\d)(?![\\d:.])\\b`,
  'i',
);

/** A season before its year: "autumn 2020", "høsten 2020", "våren 2023". */
const SEASON_YEAR =
  /(?<![\p{L}])(?:spring|summer|autumn|fall|winter|våren|sommeren|høsten|vinteren)\s+(?:of\s+)?(?:19|20)\d\d(?![\p{N}])/gu;

/**
 * A month named without a year, not as a day's ("9. juni"); English "may" and "march" are verbs too
 * often to count alone.
 */
const BARE_MONTH = new RegExp(
  `(?<!\\d\\.?\\s*)\\b(${Object.keys(MONTH_NAMES)
    .filter((m) => m.length > 3 && m !== 'march')
    .join('|')})\\b(?!\\.?\\s*['’]?\\d)`,
  'giu',
);

/**
 * Where a date or month stands in a question: "9. september 2020", "6. – 7. november 2019",
 * "09.09.2020", "sept 2020", "16. februar".
 */
const TIME_EXPRESSION = new RegExp(
  `${DATE_TEXT.source}|\\b\\d{1,2}\\.?\\s*(?:${Object.keys(MONTH_NAMES).join('|')})\\b|${MONTH_YEAR.source}`,
  'gi',
);

/** A date expression is no longer than this ("6. – 7. november 2019", "1. – 2. september 2021"). */
const TIME_CHARS = 40;

/** Words that make the time after them a meeting's: the meeting, the committee, what it did. */
const MEETING_TIME =
  /\b(meetings?|møte\w*|nuit\w*|nufa\w*|committee|utvalg\w*|decide\w*|decision\w*|vedt\w*|besluttet|conclude\w*|konklu\w*|discuss\w*|drøft\w*|held|holdt|avholdt|orientering\w*|present\w*|la (?:fram|frem)|agenda\w*|saksliste\w*)\b/;

/** A year tied to a meeting word: "decide … in 2025", "møtet i 2025" (not "2020–2023"). */
const MEETING_YEAR = new RegExp(
  `${MEETING_TIME.source}[^.?!]{0,40}?\\b(?:in|i|during|under)\\s+((?:19|20)\\d\\d)\\b(?!\\s*[–-])`,
);

/**
 * A meeting word right after a time: "the 9 September 2020 NUIT meeting", "16.02.2023-møtet",
 * "day 2 (28 Oct 2021) of the NUFA meeting".
 */
const MEETING_AFTER =
  /^[\s)\],-]*(?:(?:of|at|in) the\s+|(?:av|på|i)\s+)?(?:(?:nuit|nufa)[\s-]*)?(?:meeting|møte\w*)\b/;
const MEETING_AFTER_REACH = 30;

/** How far before a time a meeting word is looked for. */
const MEETING_TIME_REACH = 60;

/**
 * A time right after a limit ("by late April 2023", "innen 1. mars", "as of May 2023", "siden
 * juni 2020") bounds the fact asked about, whatever meeting word stands before it.
 */
const LIMIT_BEFORE =
  /\b(?:by|before|until|till|as of|since|per|innen|før|fram til|frem til|siden|etter)\s+(?:(?:late|early|mid|the (?:end|start|beginning|middle) of|slutten av|starten av|begynnelsen av|utgangen av|midten av)\s+)?$/;

/** The first date in a text, as `DATE_TEXT` reads dates (that one is global, for matching them all). */
const ONE_DATE = new RegExp(DATE_TEXT.source, 'i');

/**
 * A time right after "the minutes from" ("referatet fra 16. februar", "the minutes of the June 2020
 * meeting") is the minuted meeting's: the minutes are approved, and their meeting asked about, at
 * the next one.
 */
const MINUTES_OF =
  /(?<![\p{L}])(?:minutes|referat\p{L}*)\s+(?:from|of|fra|for)\s+(?:the\s+)?(?:(?:nuit|nufa)[\s-]*)?(?:(?:meeting|møtet)\s+(?:(?:on|in|of|den|i)\s+)?)?$/u;

/**
 * The date or month of the minutes whose approval a question asks about ("were the minutes from 16
 * February 2023 approved"), and the question without it: the minuted meeting's time is what the
 * question is about, not a time it puts a meeting or a history in.
 */
function minutesOf(t: string): { minutes?: Question['minutesOf']; rest: string } {
  // "According to the minutes from June 2020" asks about that meeting, as its minutes record it.
  if (!APPROVED_MINUTES.test(t)) return { rest: t };
  for (const m of t.matchAll(TIME_EXPRESSION)) {
    if (!MINUTES_OF.test(t.slice(Math.max(0, m.index - MEETING_TIME_REACH), m.index))) continue;
    const text = t.slice(m.index, m.index + TIME_CHARS);
    const date = parseDate(text);
    const mm = MONTH_YEAR.exec(text);
    const span = date ? (text.match(ONE_DATE)?.[0] ?? m[0]) : mm ? mm[0] : m[0];
    const rest = t.slice(0, m.index) + ' '.repeat(span.length) + t.slice(m.index + span.length);
    if (date) return { minutes: { date }, rest };
    if (mm)
      return {
        minutes: { month: { year: fullYear(mm[2]!), month: MONTH_NAMES[mm[1]!.toLowerCase()]! } },
        rest,
      };
  }
  return { rest: t };
}

/**
 * The time a question puts its meeting at: the first date or month with a meeting word just before
 * it, or opening the question ("9. september 2020: hva …"); else the first time it names, which
 * then dates a fact ("applications received by 21 April 2023"). In "the meeting in Feb 2023 on the
 * minutes from 17 November 2022", February is the meeting's.
 */
function timeAsked(t: string): { text: string; ofMeeting: boolean } | null {
  let first: { text: string; ofMeeting: boolean } | null = null;
  for (const m of t.matchAll(TIME_EXPRESSION)) {
    const at = m.index;
    const text = t.slice(at, at + TIME_CHARS);
    const before = t.slice(Math.max(0, at - MEETING_TIME_REACH), at);
    const after = t.slice(at + m[0].length, at + m[0].length + MEETING_AFTER_REACH);
    if (!LIMIT_BEFORE.test(before) && (at < 4 || MEETING_TIME.test(before) || MEETING_AFTER.test(after)))
      return { text, ofMeeting: true };
    first ??= { text, ofMeeting: false };
  }
  return first;
}

/** "23" is 2023, "2019" is 2019. */
const fullYear = (y: string) =>
  y.replace(/['’]/, '').length === 2 ? 2000 + Number(y.replace(/['’]/, '')) : Number(y);

/**
 * From the earliest to the latest of the months and years a question names, "YYYY-MM": a year
 * with a month named in it is that month ("June 2020 to May 2023"), a bare year the whole year.
 */
function spanOf(years: number[], months: RegExpMatchArray[]): { from: string; to: string } {
  const named = months.map((m) => ({
    year: fullYear(m[2]!),
    at: `${fullYear(m[2]!)}-${String(MONTH_NAMES[m[1]!.toLowerCase()]!).padStart(2, '0')}`,
  }));
  const bare = years.filter((y) => !named.some((n) => n.year === y));
  const starts = [...named.map((n) => n.at), ...bare.map((y) => `${y}-01`)].sort();
  const ends = [...named.map((n) => n.at), ...bare.map((y) => `${y}-12`)].sort();
  return { from: starts[0]!, to: ends.at(-1)! };
}

const QUARTER_ORDINALS: Record<string, number> = {
  første: 1,
  first: 1,
  andre: 2,
  second: 2,
  tredje: 3,
  third: 3,
  fjerde: 4,
  fourth: 4,
};

/** The months of the quarter a question names ("Q1 2023" is January to March 2023), "YYYY-MM". */
function quarterOf(t: string): { from: string; to: string } | undefined {
  QUARTER.lastIndex = 0;
  const m = QUARTER.exec(t);
  if (!m) return undefined;
  const year = /(?:19|20)\d\d/.exec(t.slice(m.index + m[0].length))![0];
  const n = Number(m[1] ?? m[2]) || QUARTER_ORDINALS[m[3]!.toLowerCase()]!;
  const month = (k: number) => `${year}-${String(k).padStart(2, '0')}`;
  return { from: month(3 * n - 2), to: month(3 * n) };
}

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  første: 1,
  andre: 2,
  tredje: 3,
  fjerde: 4,
  femte: 5,
  sjette: 6,
};

const DAY_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, en: 1, to: 2, tre: 3 };

/** "Day two", "dag 2", "the second day", "andre dag": which day of a meeting held over several. */
function meetingDayOf(t: string): number | undefined {
  const m = new RegExp(MEETING_DAY.source, 'u').exec(t);
  if (!m) return undefined;
  const n = m[1] ? (DAY_NUMBERS[m[1]] ?? Number(m[1])) : ORDINALS[m[2]!];
  return n && n <= 3 ? n : undefined;
}

/** "The second meeting of 2023", "første møte i 2023", "2. møte i 2023": meeting 2/2023. */
const ORDINAL_MEETING = new RegExp(
  `\\b(?:(${Object.keys(ORDINALS).join('|')})|(\\d)(?:\\.|st|nd|rd|th))\\s+(?:nuit-?)?(?:meeting|møte\\w*)\\s+(?:of|in|i)\\s+((?:19|20)\\d\\d)\\b`,
);

function ordinalMeeting(t: string): string | undefined {
  const m = ORDINAL_MEETING.exec(t);
  return m ? `${m[1] ? ORDINALS[m[1]] : Number(m[2])}/${m[3]}` : undefined;
}

/** A meeting placed by today: "the next NUIT meeting", "neste NUFA-møte", "kommende møte". */
const NEXT_MEETING =
  /(?<![\p{L}])(?:next|upcoming|coming|forthcoming|neste|kommende|førstkommende)\s+(?:(?:nuit|nufa)[\s-]?)?(?:meeting|møte\p{L}*)(?![\p{L}])/u;
/** "The latest NUIT meeting", "siste NUFA-møte", "the most recent meeting". */
const LATEST_MEETING =
  /(?<![\p{L}])(?:latest|last|most recent|siste|sist avholdte)\s+(?:(?:nuit|nufa)[\s-]?)?(?:meeting|møte\p{L}*)(?![\p{L}])/u;
/** …unless another time anchors it: "the next meeting after 9 September 2020". */
const ANCHORED = /(?<![\p{L}])(?:after|before|etter|før)(?![\p{L}])/u;

/** Two years joined as one period: "2022–2024", "2019/2020", "2019-2022". */
const PERIOD = /\b((?:19|20)\d\d)\s?[-–/]\s?(?:19|20)\d\d\b/g;

const COUNT_QUESTION = /(?<![\p{L}])(how many|hvor mange|number of|antall)(?![\p{L}])/u;

/**
 * A count of decisions outside any meeting the question names ("how many disclosure decisions had
 * Helsedataservice made") is a fact of the text, not what a committee decided; over a meeting
 * ("how many decisions were made in May 2023") it counts that meeting's decisions.
 */
function countsFact(intent: Intent, t: string, meetingNamed: boolean): boolean {
  return (
    (intent === 'adopted_decision' || intent === 'proposed_decision') &&
    !meetingNamed &&
    COUNT_QUESTION.test(t)
  );
}

/** A price per unit asked for: "what does it cost per municipality", "hva betaler kommunene per innbygger". */
const PRICE_PER =
  /(?<![\p{L}])(kost\p{L}*|cost\p{L}*|pay\p{L}*|paid|betal\p{L}*|pris\p{L}*|price\p{L}*|charge\p{L}*)(?![\p{L}])[^?]*(?<![\p{L}])(per|pr\.?|each)\s+\p{L}+/u;

/**
 * Intents whose asking phrase ("draft decision", "what happened next") frames the question. The
 * agenda's and a meeting's phrases ("når starter", "til stede") also tell a question about a
 * meeting from one about a sak, and stay topic words.
 */
const FRAMED_BY_PHRASE = new Set<Intent>(['proposed_decision', 'adopted_decision', 'history']);

/** Longer matches of an intent rule ("how has … developed") hold the topic as well. */
const PHRASE_WORDS = 3;

/** The words of the phrase an intent rule matched, where it is a short phrase that says only what is asked. */
function phraseWords(re: RegExp, t: string): Set<string> | undefined {
  const m = re.exec(t);
  const ws = m ? (m[0].match(/[\p{L}\p{N}]+/gu) ?? []) : [];
  return ws.length && ws.length <= PHRASE_WORDS ? new Set(ws) : undefined;
}

/**
 * A question's parts, each read as a question of its own with the whole's intent and language, or
 * none: only parts with at least `topical` topic words count, and a question needs two of them.
 */
export function readParts(q: Question, texts: string[], topical: number): Question[] {
  const parts = texts.map((t) => t.trim()).filter((t) => topicWords(t).length >= topical);
  return parts.length > 1
    ? parts.map((t) => ({ ...understand(t), intent: q.intent, language: q.language }))
    : [];
}

export function understand(asked: string): Question {
  const question = expandShorthand(asked);
  const { minutes, rest: t } = minutesOf(foldForMatch(question));
  const rule = INTENT_RULES.find(([, re]) => re.test(t));
  const ruled = rule?.[0] ?? 'free_text';
  const sakIds = [...t.matchAll(/(?<![\d/])(\d{1,3})\s?\/\s?(\d{2})(?![\d/])/g)].map(
    (m) => `${Number(m[1])}/${m[2]}`,
  );
  const meetingMatch =
    /\b(?:møte|meeting|møtet)\s+(\d{1,2})\s?\/\s?((?:19|20)\d\d)\b|(?<![\d/])(\d{1,2})\/((?:19|20)\d\d)\b/.exec(
      t,
    );
  const meeting = meetingMatch
    ? `${Number(meetingMatch[1] ?? meetingMatch[3])}/${meetingMatch[2] ?? meetingMatch[4]}`
    : ordinalMeeting(t);
  // A question naming both committees is about both.
  const nufa = /\bnufa\b/.test(t);
  const nuit = /\bnuit\b/.test(t);
  const committee = nufa && !nuit ? 'NUFA' : nuit && !nufa ? 'NUIT' : undefined;
  const time = timeAsked(t);
  // "When was X discussed?", of no one sak, meeting or time.
  const treated = WHEN_TREATED.test(t) && !sakIds.length && !meeting && !time;
  // "Were the minutes from 17 June approved?" asks what was decided on them.
  const intent =
    minutes && ruled === 'free_text'
      ? 'adopted_decision'
      : countsFact(ruled, t, !!meeting || !!time?.ofMeeting)
        ? 'free_text'
        : treated && BY_COMMITTEE.test(t)
          ? 'history'
          : ruled;
  const date = (time && parseDate(time.text)) ?? undefined;
  const mm = time && MONTH_YEAR.exec(time.text);
  const month =
    !date && mm ? { year: fullYear(mm[2]!), month: MONTH_NAMES[mm[1]!.toLowerCase()]! } : undefined;
  const years = [
    ...new Set([
      ...[...t.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => Number(m[1])),
      ...(month ? [month.year] : []),
    ]),
  ];
  // Only a year tied to the meeting or decision counts ("decide … in 2025", "møtet i 2025"); in
  // "share of citizens expected to use Helsenorge in 2020" the year belongs to the topic.
  const inYear = MEETING_YEAR.exec(t);
  // A question that spans committees or years ("what did NUFA hear in 2019, and how did the NUIT
  // memo of 2020 describe it?") asks for a history, unless it names a sak. One month named pins it
  // to one meeting: another year is then the topic's ("activities for 2021 … in Sept 2020").
  // A month without its year is of the one year the question names ("i 2020 – hva ble lagt fram
  // i juni, og hva … i september?").
  const bare = (years.length === 1 ? [...t.matchAll(BARE_MONTH)] : []).flatMap((m) => {
    const named = `${m[1]} ${years[0]}`.match(MONTH_YEAR);
    return named ? [named] : [];
  });
  const monthsNamed = [...t.matchAll(new RegExp(MONTH_YEAR.source, 'gi')), ...bare];
  const months = new Set(monthsNamed.map((m) => m[0])).size;
  // A date names the meeting; a month beside it is the topic's ("on 9 September 2020 … the
  // minutes of 17 June 2020").
  // A period written as one ("velferdsteknologiprogrammet 2022–2024", "strategisk analyse
  // 2019/2020") names the topic, not two times the question runs over.
  const timesNamed = new Set(
    [...t.replace(PERIOD, '$1').matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => Number(m[1])),
  );
  if (month) timesNamed.add(month.year);
  // A meeting's season ("NUIT's autumn 2020 discussion", "møtet høsten 2020") is a time of its
  // own beside a month; a fact's ("took over in spring 2023") is not.
  const seasons = [...t.matchAll(SEASON_YEAR)].filter((m) =>
    MEETING_TIME.test(t.slice(Math.max(0, m.index - MEETING_TIME_REACH), m.index)),
  ).length;
  const overTime = !date && (timesNamed.size > 1 ? months !== 1 : months + seasons > 1);
  const spans = (nufa && nuit) || overTime;
  // Over several months ("between June 2020 and May 2023") no one of them is the meeting's: the
  // history runs from the first to the last. Bare years may be the topic's ("expected to use
  // Helsenorge in 2020 and in 2022"), so they narrow nothing.
  const span = months > 1 && !date ? spanOf(years, monthsNamed) : !date && !month ? quarterOf(t) : undefined;
  const final = spans && !sakIds.length && intent !== 'agenda' && intent !== 'meeting' ? 'history' : intent;
  return {
    text: question,
    language: detectLanguage(question),
    intent: final,
    intentWords: final === ruled && rule && FRAMED_BY_PHRASE.has(final) ? phraseWords(rule[1], t) : undefined,
    sakIds: [...new Set(sakIds)],
    committee,
    meeting,
    date: span ? undefined : date,
    month: span ? undefined : month,
    years,
    // A history from one year to another ("fra … i 2019 til … i 2023") is held in no one year.
    meetingYear: inYear && !span && !(overTime && !sakIds.length) ? Number(inYear[2]) : undefined,
    span,
    meetingDay: meetingDayOf(t),
    agendaFacts: new Set(AGENDA_FACTS.filter(([, re]) => re.test(t)).map(([f]) => f)),
    meetingFacts: new Set(MEETING_FACTS.filter(([, re]) => re.test(t)).map(([f]) => f)),
    timeOfMeeting: !!time?.ofMeeting,
    minutesOf: minutes,
    whenTreated: treated && !ELSEWHERE.test(t),
    asksOutcome: rule === OUTCOME_RULE,
    asksSummary: rule === SUMMARY_RULE,
    asksRaised: RAISED.test(t),
    namesMeeting:
      nufa || nuit || !!(meeting || date || month) || /\b(møte\w*|meetings?|committee|utvalg\w*)\b/.test(t),
    wantsAmount:
      /\b(how much|hvor mye|hvor stort|hvor store|budsjett\w*|budget|kroner|nok|beløp|amount|cost in|kostnad\w* i kroner|annual .*cost)\b/.test(
        t,
      ) || PRICE_PER.test(t),
    relative: /\b(next|following|neste|påfølgende)\b[^?]*\b(meeting|møte\w*)\b[^?]*\b(after|etter)\b/.test(t)
      ? 'next'
      : /\b(previous|preceding|forrige)\b[^?]*\b(meeting|møte\w*)\b[^?]*\b(before|før)\b/.test(t)
        ? 'previous'
        : undefined,
    upcoming:
      NEXT_MEETING.test(t) && !ANCHORED.test(t)
        ? 'next'
        : LATEST_MEETING.test(t) && !ANCHORED.test(t)
          ? 'latest'
          : undefined,
    wantsRating:
      /\b(rate[ds]?|rating|score[ds]?|ranked|vurderte|rangerte|scoret|ga .* poeng|karakter)\b/.test(t),
  };
}
