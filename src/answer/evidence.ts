// Evidence for an answer: the question's key content, weighted by how rare it is in the record,
// and the quotable units (sentences, bullets, table rows) of the record's passages that hold it.
// Coverage — the weighted share of the key content a piece of text holds — decides both which
// evidence is quoted and whether there is any evidence at all.
import { printedDayForms } from '../record/dates.ts';
import { foldForMatch } from '../record/normalize.ts';
import type { Passage } from '../record/types.ts';
import { cognates } from '../search/cognates.ts';
import { specificity } from '../search/everyday.ts';
import { abbreviation, lexicon } from '../search/lexicon.ts';
import { containsTerm, stem, topicWords, words } from '../search/terms.ts';
import type { Case } from './cases.ts';
import { foldedHeading, foldedText, pieces } from './folded.ts';
import { HEAD_CREDIT, partsMatcher, type KeyTerm } from './matching.ts';
import type { Library } from './library.ts';
import { framesIntent, type Question } from './question.ts';

/**
 * The forms a word is looked for in: its stem, and the word itself where the stem is too short to
 * be found inside words ("varighet" stems to "var", which must stand alone and so never meets
 * "Varighet: 2+2+2 år").
 */
function matchForms(word: string): string[] {
  const s = stem(word);
  return s.length >= 4 || s === word ? [s] : [s, word];
}

/** A word that ends in a doubled consonant. */
const DOUBLED_END = /([bdfgklmnprstv])\1$/;

/**
 * Key terms as a sak's fields (its title, decision, agenda slot) are matched: a stem left with a
 * doubled consonant ("programmet" → "programm") is also the word that ends in one
 * ("velferdsteknologiprogram"). Only there: in running text the looser form also met what an
 * off-topic question names.
 */
function fieldTerms(terms: KeyTerm[]): KeyTerm[] {
  return terms.map((t) => {
    const single = t.alts.filter((a) => !a.includes(' ') && a.length >= 6 && DOUBLED_END.test(a));
    return single.length ? { ...t, alts: [...t.alts, ...single.map((a) => a.slice(0, -1))] } : t;
  });
}

/** How much of the question a sak's fields hold: its title, decision or agenda slot. */
export function fieldCoverage(lib: Library, q: Question, fields: string[]): number {
  return share(fieldTerms(keyTerms(lib, q)), foldForMatch(fields.join('\n')));
}

/** Alternatives by which a topic word may be found in Norwegian text: itself, translations, expansions. */
function alternatives(word: string, english = false): string[] {
  const lex = lexicon();
  const translated = lex.enNb.get(word);
  // "e-helseområdet" is indexed as its parts; its last part carries the meaning, unless it is an
  // ending on an abbreviation ("KVU-en", "RHF-ene").
  const cut = word.lastIndexOf('-');
  const tail = cut > 0 ? word.slice(cut + 1) : '';
  const part = tail.length >= 4 ? tail : cut > 0 ? word.slice(0, cut) : '';
  const alts = [
    word,
    ...(part ? [part, ...(lex.enNb.get(part) ?? []), ...abbreviation(part, lex)] : []),
    ...(translated ?? []),
    // An English word no dictionary holds may be the documents' own word respelled.
    ...(english && !translated ? cognates(word) : []),
    ...abbreviation(word, lex),
  ];
  // One word is matched by its stem; a phrase ("regionalt helseforetak") only as a whole. The
  // question's own word also stands as written: the stemmer cuts names ("NILAR" → "nil").
  const found = alts
    .map((a) => words(a))
    .flatMap((w) => (w.length === 1 ? matchForms(w[0]!) : [w.join(' ')]));
  return [...new Set([...found, word])];
}

/**
 * The question's topic as units, each with the ways it may be found: a phrase the lexicon knows
 * ("information exchange" → "informasjonsutveksling") is one unit, other words one each.
 */
function topicUnits(q: Question): { word: string; alts: string[]; primary: string[] }[] {
  const lex = lexicon();
  // A word and a common noun joined by a hyphen ("Helsenorge-presentasjonen") are two terms, each
  // of which may be the topic or a frame word; a prefix or an ending ("e-resept", "KVU-en") and a
  // name ("Midt-Norge") stay whole.
  // A word and an abbreviation joined ("Nødnett-KVU", "Helsenorge-API") are two terms as well.
  const split = q.text.replace(/(\p{L}{4,})-(?=\p{Ll}{4,}|\p{Lu}{2,}(?!\p{Ll}))/gu, '$1 ');
  const english = q.language === 'en';
  const units: { word: string; alts: string[]; primary: string[] }[] = [];
  const asFound = (t: string) => {
    const w = words(t);
    return w.length === 1 ? matchForms(w[0]!) : [w.join(' ')];
  };
  // "shared language (felles språk)": the words in brackets gloss as many words before them, and
  // the two are one concept, found by either. "concept study (KVU)": the abbreviation is what the
  // words before it spell out, found by its own expansions.
  const glossed = new Set<string>();
  for (const g of glosses(split)) {
    const abbreviated = g.gloss.length === 1;
    // A phrase is found as the bracket writes it ("evaluering av prismodeller"): its topic words
    // alone leave out the small words between them.
    const primary = abbreviated
      ? alternatives(g.gloss[0]!, english)
      : [...new Set([g.written, g.gloss.join(' ')])];
    units.push({
      word: g.gloss.join(' '),
      primary,
      alts: [...new Set([...primary, g.glossed.join(' ')])],
    });
    for (const w of [...g.gloss, ...g.glossed]) glossed.add(w);
  }
  const ws = [...new Set(topicWords(split))].filter((w) => !framesIntent(q, w) && !glossed.has(w));
  for (let i = 0; i < ws.length; i++) {
    const pair = i + 1 < ws.length ? `${ws[i]} ${ws[i + 1]}` : '';
    const translated = pair ? lex.enNb.get(pair) : undefined;
    if (translated) {
      // The phrase is as rare as its translation; its words still count where it stands split.
      const primary = [...new Set(translated.flatMap(asFound))];
      units.push({
        word: pair,
        primary,
        alts: [
          ...new Set([...primary, ...alternatives(ws[i]!, english), ...alternatives(ws[i + 1]!, english)]),
        ],
      });
      i++;
    } else {
      const alts = alternatives(ws[i]!, english);
      units.push({ word: ws[i]!, primary: alts, alts });
    }
  }
  return units;
}

/** Brackets that list examples rather than gloss: a comma, "etc.", "e.g.", "osv.", "f.eks.", "m.m.". */
const EXAMPLES = /,|(?<![\p{L}])(?:etc|e\.g|i\.e|osv|f\.eks|bl\.a|m\.m|mm)(?![\p{L}])/iu;

/** An abbreviation alone in brackets: "(KVU)", "(PLL)", "(HN2)". */
const BRACKETED_ABBREVIATION = /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u;

/**
 * Glosses in a question: two to four lower-case words in brackets ("(felles språk)") and as many
 * topic words before them; or an abbreviation in brackets and the topic words right before it
 * that spell it out ("concept study (KVU)"), no more of them than it has letters.
 */
function glosses(text: string): { gloss: string[]; glossed: string[]; written: string }[] {
  const out: { gloss: string[]; glossed: string[]; written: string }[] = [];
  for (const m of text.matchAll(/\(([^()]{2,60})\)/gu)) {
    const inside = m[1]!.trim();
    const before = text.slice(0, m.index);
    if (BRACKETED_ABBREVIATION.test(inside)) {
      const gloss = words(inside);
      const glossed = spelledOut(before, inside.length);
      if (gloss.length === 1 && glossed.length) out.push({ gloss, glossed, written: inside.toLowerCase() });
      continue;
    }
    // "(veiledere, standarder etc.)" lists examples; a gloss is one phrase.
    if (EXAMPLES.test(inside)) continue;
    const gloss = topicWords(inside);
    if (gloss.length < 2 || gloss.length > 4 || /\p{Lu}/u.test(inside)) continue;
    const glossed = topicWords(before).slice(-gloss.length);
    if (glossed.length === gloss.length) out.push({ gloss, glossed, written: foldForMatch(inside) });
  }
  return out;
}

/** The topic words that end a text, back to its first other word, at most `max` of them. */
function spelledOut(text: string, max: number): string[] {
  const tail = (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).slice(-max);
  const out: string[] = [];
  for (const w of tail.reverse()) {
    const topic = topicWords(w);
    if (topic.length !== 1) break;
    out.unshift(topic[0]!);
  }
  return out;
}

/**
 * Words of the question written as names: capitalised after its first word, or with capitals or
 * digits inside ("MyHealth", "GNF", "R3"), folded as topic words are.
 */
function namesIn(text: string): Set<string> {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}@'’-]*/gu) ?? [];
  const named = tokens.filter(
    (w, i) => (i > 0 && /^\p{Lu}/u.test(w)) || /.\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u.test(w),
  );
  return new Set(named.flatMap((w) => words(w)));
}

/**
 * Words of a person's or body's full name in the question ("Jonas Gahr Støre", "Helse Bergen"):
 * two or more capitalised words in a row after the first word. A stem of such a word would find
 * other words ("stør" in "større"); the name is matched as written.
 */
function fullNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)+/gu))
    for (const w of words(m[0])) out.add(w);
  return out;
}

/**
 * Names joined of capitalised parts ("Nord-Norge", "Helse Sør-Øst"'s "Sør-Øst"): one name, never
 * found by a part alone — "Norge" is not "Nord-Norge".
 */
function joinedNames(text: string): Set<string> {
  return new Set(
    (text.match(/\p{Lu}\p{Ll}[\p{L}]*(?:-\p{Lu}\p{Ll}[\p{L}]*)+/gu) ?? []).flatMap((n) => words(n)),
  );
}

/**
 * The question's words less those another of its terms spells out: "pasientens legemiddelliste
 * (PLL)" is one concept, found by either form, not three words a text must hold each of.
 */
function oneConceptEach<T extends { word: string; alts: string[] }>(raw: T[]): T[] {
  const spelled = new Set(
    raw.flatMap((t) => t.alts.filter((a) => a.includes(' ')).flatMap((a) => a.split(' ').map(stem))),
  );
  return raw.filter(
    (t) => t.word.includes(' ') || t.alts.some((a) => a.includes(' ')) || !spelled.has(stem(t.word)),
  );
}

const keyTermsOf = new WeakMap<Question, KeyTerm[]>();

/** The question's key terms, weighted by rarity: "NEO" says more about a sak than "helse". */
export function keyTerms(lib: Library, q: Question): KeyTerm[] {
  let terms = keyTermsOf.get(q);
  if (!terms) {
    const raw = topicUnits(q).map(({ word, alts: own, primary }) => {
      // An abbreviation the record defines is found by its long form too ("GNF").
      const defined = lib.index.defined(word);
      // A word the record never uses in any form may be a slip for one it does ("prismodeler").
      // Only in a Norwegian question: an English word the dictionary lacks is no slip for a Norwegian one.
      const written = [...new Set([...own, ...defined])];
      const knownAsWritten = lib.index.known(written);
      const slip =
        q.language === 'en' || word.includes(' ') || knownAsWritten ? null : lib.index.corrected(word);
      const alts = slip ? [...written, slip] : written;
      return {
        word,
        alts,
        weight: lib.index.rarity(
          slip ? [slip] : defined.length && !lib.index.known(primary) ? defined : primary,
        ),
        known: knownAsWritten || !!slip,
        heads: word.includes(' ') ? [] : lib.index.compoundHead(word),
      };
    });
    // A word the record never uses is either a name it does not hold ("Gartner", "GNF"), which
    // weighs as the rarest word can, or an ordinary word nothing translates ("received"), which
    // says nothing about the record and weighs nothing in an English question, little in a
    // Norwegian one (where it may be an inflection or compound the record spells otherwise). An
    // everyday English word ("see", "back") weighs less than its rarity in the record says.
    const names = namesIn(q.text);
    const full = fullNames(q.text);
    const used = oneConceptEach(raw)
      .filter((w) => w.known)
      .map((w) => w.weight);
    const floor = Math.min(...used, 1);
    const rarest = lib.index.rarity([]);
    const joined = joinedNames(q.text);
    terms = oneConceptEach(raw).map((w) => ({
      ...w,
      alts: full.has(w.word)
        ? w.alts.filter((a) => a === w.word || a.includes(' '))
        : joined.has(w.word)
          ? w.alts.filter((a) => a.includes('-'))
          : w.alts,
      // A name is matched as written, never by a part of it.
      heads: full.has(w.word) || names.has(w.word) ? [] : w.heads,
      name: names.has(w.word),
      weight:
        (w.known ? w.weight : names.has(w.word) ? rarest : q.language === 'en' ? 0 : floor) *
        (q.language === 'en' && !names.has(w.word) && !w.word.includes(' ') ? specificity(w.word) : 1),
    }));
    keyTermsOf.set(q, terms);
  }
  return terms;
}

/**
 * The printed forms of the day a fact is dated by ("applications received by 21 April 2023"), as
 * Norwegian text prints it, folded. A meeting's date is not a fact's: it picks the meeting.
 */
export function factDayForms(q: Question): string[] {
  return !q.date || q.timeOfMeeting ? [] : printedDayForms(q.date);
}

/** Whether folded text holds a key term in any of its forms. */
export function holds(term: KeyTerm, folded: string): boolean {
  return term.alts.some((a) => containsTerm(folded, a));
}

/** Weighted share of the key terms found in folded text (compounds count). */
export function share(terms: KeyTerm[], folded: string): number {
  if (!terms.length) return 1;
  let total = 0;
  let found = 0;
  for (const w of terms) {
    total += w.weight;
    // A term that weighs nothing cannot change the share: it is not looked for.
    if (w.weight === 0) continue;
    if (holds(w, folded)) found += w.weight;
    else if (w.heads.some((h) => containsTerm(folded, h))) found += HEAD_CREDIT * w.weight;
  }
  return total ? found / total : 1;
}

/** How much of what the question is about a case's text covers. */
export function coverage(lib: Library, c: Case, q: Question): number {
  return share(keyTerms(lib, q), lib.caseText(c));
}

/** How much of what the question is about the sak's title names. */
export function titleCoverage(lib: Library, c: Case, q: Question): number {
  return fieldCoverage(lib, q, [c.item.title]);
}

/** A quotable piece of a passage: a sentence, a bullet or a table row. */
export interface Unit {
  text: string;
  /** The text folded for matching. */
  folded: string;
  passage: Passage;
  /** Position among the units of its sak, for context and reading order. */
  order: number;
}

/** A memo's quotes of other meetings' decisions: searchable, but never quoted as this sak's text. */
export const EARLIER_DECISIONS = /^vedtak fra tidligere behandlinger[^:]*:\s*/i;

/**
 * Where text breaks into quotable units: line ends, bullets, table cells' rows, and sentence ends —
 * but not after an ordinal or a date's day ("1. mai", "6. – 7. november"), nor after an abbreviation
 * ("kl. 09.00", "ca. 60"), nor inside a range of figures ("180 MNOK – 2 400 MNOK", "2019 - 2020").
 */
const BREAK =
  /\n+|\s+(?=[•▪●])|\s+[-–*]\s+(?=[\p{Lu}«"])|\s+(?=[-–*]\s+\d)(?<!\d\.?\s?[\p{L}%]{0,6}\s+)[-–*]\s+|(?<=[^\d\s.][.!?»])(?<!\b(?:[Kk]l|[Nn]r|[Cc]a|[Jj]f|[Pp]kt|mill|mrd|kr|[Ee]vt|[Dd]vs|[Vv]edr|[Rr]ef|[Tt]lf)\.)\s+(?=[\p{Lu}«"(\d])/u;

export function unitsOf(passages: Passage[], withQuotedDecisions = false): Unit[] {
  const out: Unit[] = [];
  for (const p of passages) {
    if (!withQuotedDecisions && EARLIER_DECISIONS.test(p.text)) continue;
    for (const { text, folded } of pieces(p, BREAK))
      out.push({ text, folded, passage: p, order: out.length });
  }
  return out;
}

/** What kind of thing a question asks for, so evidence without such a thing cannot answer it. */
export type Expected =
  | 'number'
  | 'date'
  | 'person'
  | 'name'
  | 'amount'
  | 'rating'
  | 'choice'
  | 'percent'
  | 'superlative'
  | 'frequency';

const EXPECTS: [Expected, RegExp][] = [
  [
    'number',
    /\b(how (many|much|large|big|high)|hvor (mange|mye|stor|store|høy)|antall|number of|count|tally|what share|hvilken andel|percentage|prosent|rate of)\b/,
  ],
  [
    'date',
    /(?<![\p{L}\p{N}])(when|what date|which date|by what date|deadline|når|hvilken dato|innen hvilken|frist)(?![\p{L}\p{N}])/u,
  ],
  ['person', /\b(who|hvem)\b/],
  [
    'name',
    // One word may stand between ("which IT vendor"), and a Norwegian noun may be a compound
    // ending in one ("hvilken EPJ-leverandør", "hvilket konsulentselskap").
    /\b(which|hvilke[tn]?) (?:[\p{L}-]+ )?(company|companies|firms?|consultanc\w*|vendors?|suppliers?|organi[sz]ations?|[\p{L}-]*(?:selskap|leverandør|firma|organisasjon)\w*)\b/u,
  ],
  // What someone chose, signed or ended up with: the answer says the choice was made.
  [
    'choice',
    /(?<![\p{L}])(choose|chose|chosen|choosing|pick|picked|select|selected|selecting|end(?:ed)? up|valgte|valgt|velge|velger|landet på|inngikk|inngått|signed|signerte|signert)(?![\p{L}])/u,
  ],
  // A share or a percentage: the answer is one ("68 %", "94 prosent").
  [
    'percent',
    /(?<![\p{L}])(what share|which share|hvor stor andel|hvilken andel|prosentandel\p{L}*|percentage|per ?cent|prosent|how many percent|hvor mange prosent)(?![\p{L}])/u,
  ],
  // How often: the answer says it ("hver måned", "to ganger i året", "ukentlig").
  [
    'frequency',
    /(?<![\p{L}])(how often|how frequently|how many times a|hvor ofte|hvor mange ganger (?:i|per|pr\.?) )(?![\p{L}])/u,
  ],
  // The most or the least of something: the answer says which is ("flest", "størst").
  [
    'superlative',
    /(?<![\p{L}])(flest|mest|størst\p{L}*|høyest\p{L}*|lavest\p{L}*|færrest|most|largest|biggest|highest|lowest|fewest)(?![\p{L}])/u,
  ],
];

export function expectedKinds(q: Question): Expected[] {
  // "When NUIT was briefed on X, how many …" asks how many, not when.
  const t = foldForMatch(q.text).replace(WHEN_CLAUSE, '');
  // "When … and who …" asks for both.
  const kinds = EXPECTS.filter(([, re]) => re.test(t)).map(([k]) => k);
  if (q.wantsAmount) kinds.push('amount');
  // "Which consultancy assessed (vurderte) the programme?" asks for a name; a rating is what is
  // asked only when nothing else is.
  if (q.wantsRating && !kinds.length) kinds.push('rating');
  return kinds;
}

/** A clause that sets when, before what is asked: "When NUIT was briefed on X, how many …". */
const WHEN_CLAUSE =
  /^(?:when|når|da)\s[^,?]*,\s*(?=(?:how|what|which|who|hvor|hva|hvilke[nt]?|hvem)(?![\p{L}]))/u;

/**
 * The noun a "how many" counts ("how many municipalities", "hvor mange kommuner"), as the ways it
 * may be found: the number that answers must stand next to it, not anywhere in the unit.
 */
export function countedNoun(q: Question, known: (forms: string[]) => boolean = () => true): string[] | null {
  const t = foldForMatch(q.text);
  // The noun phrase up to its verb: "how many central health registries did …" counts registries,
  // but which of its words the text repeats next to the number is not known, so any may.
  const m =
    /\b(?:how many|hvor mange|number of|antall)\s+(?:of\s+)?(?:the\s+)?((?:[\p{L}-]{3,}\s*){1,3})/u.exec(t);
  if (!m) return null;
  const phrase = m[1]!.split(/\s+/).filter(Boolean);
  // "How many people took part": the text counts them as what they were (deltakere, medlemmer),
  // rarely as "personer"; any number may answer.
  if (GENERIC_COUNTED.has(phrase[0]!)) return null;
  const verb = phrase.findIndex((w) => COUNT_STOP.has(w));
  const noun = (verb > 0 ? phrase.slice(0, verb) : phrase).flatMap((w) => alternatives(w));
  // A noun the record never uses in any form it is known by ("participants", when the slides say
  // "deltakere") cannot be looked for next to a number: any number must do.
  return known(noun) ? noun : null;
}

/** Nouns that count people as such, not as what they were. */
const GENERIC_COUNTED = new Set('people persons person individuals personer folk mennesker'.split(' '));

/** Where a counted noun phrase ends: the verb after it. */
const COUNT_STOP = new Set(
  'did do does were was are is had have has will would can could skulle skal har hadde ble blir er var kan vil fikk får'.split(
    ' ',
  ),
);

/** Words a counted noun may stand from its number: "50 foregangskommuner", "67 søknader om …". */
const COUNT_REACH = 3;

/**
 * A count written as a word ("to spor", "three groups", "åtte"; bounded by letters, since \b
 * does not see "å" as one). "En"/"ett"/"one" are left out: they are also the articles of nearly
 * every sentence.
 */
const NUMBER_WORD =
  /(?<![a-zæøå])(to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|tjue|hundre|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|dozen)(?![a-zæøå])/i;

/** Whether a word is a number: digits or a count word. */
const isNumber = (w: string) => /\d/.test(w) || NUMBER_WORD.test(w);

/** Whether text holds a number within a few words of the counted noun. */
export function countsNoun(text: string, noun: string[]): boolean {
  const ws = foldForMatch(text).split(/\s+/);
  return ws.some(
    (w, i) =>
      isNumber(w) &&
      ws
        .slice(Math.max(0, i - COUNT_REACH), i + COUNT_REACH + 1)
        .some((x) => noun.some((a) => containsTerm(x, a))),
  );
}

const MONTH =
  /\b(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|january|february|march|may|june|july|october|december)\b/i;
const HAS = {
  number: new RegExp(`\\d|${NUMBER_WORD.source}`, 'i'),
  date: new RegExp(
    `\\b(19|20)\\d\\d\\b|\\b\\d{1,2}\\.\\d{1,2}\\.|\\b\\d{1,2}[:.]\\d\\d\\b|${MONTH.source}|\\bkvartal|\\bhalvår|\\bhøst|\\bvår(en)?\\b|\\bsommer|\\b(slutten|starten|begynnelsen|utgangen) av (året|måneden)|\\b(neste|i) år\\b|\\bårsskiftet`,
    'i',
  ),
  // Two capitalised words in a row, not at the unit's start only: a person's or body's name.
  person: /(?:^|[^.!?]\s)\p{Lu}[\p{L}-]+\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}-]+/u,
  // A name inside the text (not the capital every sentence starts with), or a body's legal form.
  name: /[^.!?:•\s]\s+\p{Lu}[\p{L}&-]+|\b(AS|ASA|SF|HF|RHF|IKS|Group|Inc|Ltd|kommune)\b/u,
  amount: /\d[\d  .,]*\s*(kr|kroner|nok|mnok|mill\w*|mrd|milliard\w*)\b|\b(kr|nok)\s*\d/i,
  // "4 av 5", "3/5", "12 poeng", "80 %", or a graded word.
  rating:
    /\b\d+([.,]\d+)?\s*(\/|av|of)\s*\d+\b|\b\d+([.,]\d+)?\s*(poeng|points?|stjerner|stars|%)|\b(høy|lav|middels|sterk|svak)\w*\b/i,
  // Words that say a choice was made: chosen, decided, signed, awarded.
  choice:
    /(?<![\p{L}])(valgt\p{L}*|valgte|besluttet|vedtatt|vedtok|inngått|inngikk|signert\p{L}*|signerte|tildelt|landet på|gikk for|chosen|chose|selected|picked|signed|awarded)(?![\p{L}])/iu,
  percent: /\d\s?%|(?<![\p{L}])(prosent|per ?cent)(?![\p{L}])/iu,
  frequency:
    /(?<![\p{L}])(hver|hvert|annenhver|annethvert|ganger? (?:i|per|pr\.?|hver|hvert|om)|daglig\p{L}*|ukentlig\p{L}*|månedlig\p{L}*|kvartalsvis|årlig\p{L}*|halvårlig\p{L}*|jevnlig\p{L}*|regelmessig\p{L}*|løpende|every|each|times a|daily|weekly|monthly|quarterly|yearly|annually|regularly)(?![\p{L}])/iu,
  superlative:
    /(?<![\p{L}])(flest\p{L}*|mest|størst\p{L}*|høyest\p{L}*|lavest\p{L}*|færrest\p{L}*|minst|most|largest|biggest|highest|lowest|fewest|ledende|markedsleder\p{L}*)(?![\p{L}])/iu,
} satisfies Record<Expected, RegExp>;

/** Whether a piece of text holds the kind of thing asked for. */
export function holdsKind(kind: Expected, text: string): boolean {
  // "Who leads it?" may be answered by a body as well as a person.
  if (kind === 'person') return HAS.person.test(text) || HAS.name.test(text);
  return HAS[kind].test(text);
}

/** Passages before and after a passage that are read as its context ("Utvalget" names what came before). */
const CONTEXT_BEFORE = 2;
const CONTEXT_AFTER = 1;

/** A passage with its heading path and its neighbours under the same heading, as folded parts. */
function contextOf(passages: Passage[], p: Passage): string[] {
  const at = passages.indexOf(p);
  const heading = (x: Passage) => (x.locator.headingPath ?? []).join('\n');
  const near = passages
    .slice(Math.max(0, at - CONTEXT_BEFORE), at + 1 + CONTEXT_AFTER)
    .filter((x) => x.kind === p.kind && heading(x) === heading(p));
  return [foldedHeading(p), ...near.map(foldedText)];
}

/** Units a heading ending in a colon introduces, at most this many… */
const LIST_LENGTH = 8;
/** …unless it says how many it lists ("De 11 registrene er:"), up to this many. */
const COUNTED_LIST = 20;

/** Counts beyond the default a heading may announce in words. */
const COUNT_WORDS: Record<string, number> = {
  ni: 9,
  nine: 9,
  ti: 10,
  ten: 10,
  elleve: 11,
  eleven: 11,
  tolv: 12,
  twelve: 12,
};

/** A count a heading announces: one or two figures (not part of a date), or a count word. */
const ANNOUNCED_COUNT = new RegExp(
  `(?<![\\p{L}\\p{N}.,/])(\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')})(?![\\p{L}\\p{N}.,/])`,
  'iu',
);

/** How many items a heading introduces: the count it announces ("De 11 registrene er:"), or the default. */
function listLength(head: string): number {
  const m = ANNOUNCED_COUNT.exec(head);
  const n = m ? (COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1])) : 0;
  return n > LIST_LENGTH ? Math.min(n, COUNTED_LIST) : LIST_LENGTH;
}

/**
 * A list item: a bullet, a numbered or lettered point ("2.", "b)", "3 Styring og regulering"), or
 * a short line such as a name.
 */
const LIST_ITEM = /^\s*(?:(?:[•▪●\-–*]|\d{1,2}(?:[.)]|\*+)|[a-z][.)])\s|\d{1,2}\s+(?=\p{Lu}))/u;
const ITEM_CHARS = 80;

/**
 * A heading line without a colon ("Styringsgruppe") is short and ends no sentence; a slide's title
 * and heading may stand on one line.
 */
const HEADING_CHARS = 80;

/**
 * Whether a unit introduces a list: it ends in a colon, or it is a short heading line with a
 * bullet right after it.
 */
export function headsList(text: string, next: string | undefined): boolean {
  if (/:\s*$/.test(text)) return true;
  return (
    text.length <= HEADING_CHARS &&
    !/[.!?]\s*$/.test(text) &&
    !LIST_ITEM.test(text) &&
    next !== undefined &&
    LIST_ITEM.test(next)
  );
}

/**
 * The list a heading introduces: the items after it, up to the first unit that is no item.
 * "Bakgrunn:" followed by paragraphs is a section label and introduces no list.
 */
export function listAfter(units: Unit[], head: Unit): string {
  const kind = head.passage.kind;
  const heading = (u: Unit) => (u.passage.locator.headingPath ?? []).join('\n');
  const run: Unit[] = [];
  for (const u of units.slice(head.order + 1, head.order + 1 + listLength(head.text))) {
    if (u.passage.kind !== kind) continue;
    // A list may run on into the next passage, but not past a heading.
    if (heading(u) !== heading(head)) break;
    // The list ends at the next heading, or at a unit too long to be an item and marked as none.
    if (/:\s*$/.test(u.text) || (!LIST_ITEM.test(u.text) && u.text.length > ITEM_CHARS)) break;
    run.push(u);
  }
  return [head.text, ...run.map((u) => u.text)].join('\n');
}

export interface Evidence {
  c: Case;
  unit: Unit;
  /** Key-term coverage of the unit's passage with the sak title. */
  coverage: number;
  /** Key-term coverage of the unit alone (a heading with the list it introduces). */
  own: number;
  /**
   * Key-term coverage of the unit with the next one of its paragraph, for a question in two parts
   * (each part may be answered by a sentence of its own); else `own`.
   */
  joint: number;
  /** What `own` was measured on: the unit, or a heading with the list it introduces. */
  reach: string;
  /** Whether the unit holds every kind of thing the question asks for. */
  fits: boolean;
  score: number;
}

/**
 * What makes two units the same for an answer: bullets and a "Forslag til vedtak" label aside, with
 * a colon or without (a slide's title line runs into its text).
 */
export const sameKey = (s: { text: string }) =>
  s.text
    .toLowerCase()
    .replace(/^[•\-–*\s]+/, '')
    .replace(/^forslag til vedtak\s*:?\s*/, '');

/** A second question joined to the first: "…, og hvor mange …", "… and who …". */
export const TWO_PARTS =
  /(?<![\p{L}])(?:og|and)\s+(?:hvor|hva|hvem|når|hvilke[nt]?|how|what|who|when|which|where)(?![\p{L}])/u;

/** How much a sak's own rank weighs against what one unit of its text holds. */
const RANK_WEIGHT = 1;

/**
 * The best evidence units over the candidate saker: a unit scores by the share of key content it
 * holds with its context, the sak's own rank and whether it holds the kind of thing asked for.
 */
export function rankEvidence(
  lib: Library,
  q: Question,
  candidates: { c: Case; score: number }[],
  exclude: (p: Passage) => boolean = () => false,
): Evidence[] {
  const terms = keyTerms(lib, q);
  const kinds = expectedKinds(q);
  const counted = countedNoun(q, (forms) => lib.index.known(forms));
  const top = candidates[0]?.score || 1;
  const out: Evidence[] = [];
  const context = partsMatcher(terms);
  // A question in two parts ("how large a share …, and how many of them …") is often answered by
  // two sentences in a row: whether a unit is about the question, it is read with the next one.
  const twoParts = TWO_PARTS.test(foldForMatch(q.text));
  for (const [rank, { c, score }] of candidates.entries()) {
    // A counted noun this sak never uses in any form is not looked for next to its numbers: the
    // question's word for it may have no translation the sak uses ("applications", "søknader").
    const countedHere = counted?.some((a) => containsTerm(lib.caseText(c), a)) ? counted : null;
    const title = foldForMatch(c.item.title);
    const passages = lib.passagesOf(c.key).filter((p) => !exclude(p));
    const units = unitsOf(passages);
    // Each passage's first unit, where it is a label ending in a colon.
    const labels = new Map<Passage, Unit | undefined>();
    for (const u of units)
      if (!labels.has(u.passage)) labels.set(u.passage, /:\s*$/.test(u.text) ? u : undefined);
    const inPassage = new Map<Passage, number>();
    for (const unit of units) {
      // A unit is read in its context: the sak's title, its heading and the passages around it.
      let cov = inPassage.get(unit.passage);
      if (cov === undefined) {
        cov = context.share([title, ...contextOf(passages, unit.passage)]);
        inPassage.set(unit.passage, cov);
      }
      // A heading is read with the list it introduces.
      const next = units[unit.order + 1];
      const reach = headsList(unit.text, next?.passage.kind === unit.passage.kind ? next.text : undefined)
        ? listAfter(units, unit)
        : unit.text;
      // A unit is read with the label its passage opens with ("Sentrale punkter fra webinaret:"),
      // which says what the points under it are about.
      const label = labels.get(unit.passage);
      const own = Math.max(
        share(terms, reach === unit.text ? unit.folded : foldForMatch(reach)),
        label && label !== unit ? share(terms, `${label.folded} ${unit.folded}`) : 0,
      );
      const joint =
        twoParts && reach === unit.text && next?.passage === unit.passage
          ? Math.max(own, share(terms, `${unit.folded} ${next.folded}`))
          : own;
      const fits =
        kinds.every((k) => holdsKind(k, reach)) && (!countedHere || countsNoun(reach, countedHere));
      out.push({
        c,
        unit,
        coverage: cov,
        own,
        joint,
        reach,
        fits,
        score: cov + 0.7 * own + RANK_WEIGHT * (score / top) - 0.02 * rank + (fits ? 0.25 : 0),
      });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.unit.order - b.unit.order);
}
