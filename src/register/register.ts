// The decision register (vedtaksregister): every decision the record holds, built from the record
// itself rather than from search, so a committee's year is listed whole. An adopted vedtak comes from
// the referat of its meeting; a proposal whose outcome no ingested referat holds is listed as
// "forslag – utfall ikke kjent". Newest first. A topic narrows it to the saker whose title, decision,
// proposal or memo name it (abbreviations the committees use count as their long forms).
import { foldForMatch } from '../record/normalize.ts';
import { meetingLabel } from '../record/passages.ts';
import { abbreviation, lexicon } from '../search/lexicon.ts';
import { containsTerm, stem, topicWords } from '../search/terms.ts';
import type { MeetingRow, Store } from '../store/types.ts';
import { csvTable, workbook, type Table } from '../tables.ts';

export interface RegisterEntry {
  committee: string;
  /** The meeting's label: "1/2023", "NUFA 27.10.2021". */
  meeting: string;
  date: string | null;
  sak: string;
  title: string;
  /** The adopted vedtak, verbatim; null when only the proposal is known. */
  decision: string | null;
  proposal: string | null;
  status: 'adopted' | 'proposed';
}

export interface RegisterQuery {
  committee?: string;
  year?: number;
  /** Words of a topic: "PLL", "SFM pricing", "legemiddelliste". */
  topic?: string;
}

/** What "vedtak NUIT 2023", "vedtak PLL" or "decisions SFM" asks for. */
export function parseRegisterQuery(text: string): RegisterQuery {
  const committee = /\b(NUIT|NUFA)\b/i.exec(text)?.[1]?.toUpperCase();
  const year = /\b((?:19|20)\d\d)\b/.exec(text)?.[1];
  const topic = text
    .replace(/\b(NUIT|NUFA)\b/gi, ' ')
    .replace(/\b(?:19|20)\d\d\b/g, ' ')
    .trim();
  return { committee, year: year ? Number(year) : undefined, topic: topic || undefined };
}

/** The register's entries for a query, newest first (and by sak within a meeting). */
export async function decisionRegister(
  store: Pick<Store, 'listMeetings'>,
  query: RegisterQuery = {},
): Promise<RegisterEntry[]> {
  const meetings = (await store.listMeetings()).filter(
    (m) =>
      (!query.committee || m.committee === query.committee) &&
      (!query.year || (m.date ?? '').startsWith(String(query.year))),
  );
  const entries = new Map<string, RegisterEntry & { text: string }>();
  // Referater first: a proposal of the same sak and meeting then joins its adopted decision.
  const ordered = [...meetings].sort((a, b) => Number(b.role === 'referat') - Number(a.role === 'referat'));
  for (const m of ordered)
    for (const item of m.items) {
      const key = `${m.committee}|${meetingLabel(m)}|${item.sak}`;
      const known = entries.get(key);
      if (!item.adopted_decision && !item.proposed_decision) continue;
      const text = [
        item.title,
        item.adopted_decision,
        item.proposed_decision,
        item.description,
        item.minutes,
        ...(item.memo ?? []).map((s) => s.text),
      ]
        .filter(Boolean)
        .join('\n');
      if (known) {
        known.proposal ??= item.proposed_decision;
        known.text += `\n${text}`;
        continue;
      }
      entries.set(key, {
        committee: m.committee,
        meeting: meetingLabel(m),
        date: dateOf(m),
        sak: item.sak,
        title: item.title,
        decision: item.adopted_decision,
        proposal: item.proposed_decision,
        status: item.adopted_decision ? 'adopted' : 'proposed',
        text,
      });
    }
  const about = query.topic ? topicMatcher(query.topic) : () => true;
  return [...entries.values()]
    .filter((e) => about(e.text))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || sakOrder(a.sak) - sakOrder(b.sak))
    .map(({ text: _text, ...entry }) => entry);
}

function dateOf(m: MeetingRow): string | null {
  return m.date ?? m.dates[0] ?? null;
}

/** "12/24" → 12: saker of one meeting in agenda order. */
const sakOrder = (sak: string) => Number(sak.split('/')[0]);

/**
 * Whether a text is about a topic: each of the topic's words stands in it, as written, by its stem,
 * (an abbreviation) by its long form, or (an English word) by a Norwegian translation.
 */
function topicMatcher(topic: string): (text: string) => boolean {
  const lex = lexicon();
  const forms = topicWords(topic).map((w) => [
    w,
    stem(w),
    ...abbreviation(w, lex).map((a) => foldForMatch(a)),
    // An English word by its Norwegian translations ("pricing" → "pris…").
    ...(lex.enNb.get(w) ?? []).map((t) => (t.includes(' ') ? foldForMatch(t) : stem(foldForMatch(t)))),
  ]);
  return (text) => {
    const folded = foldForMatch(text);
    return forms.every((alts) => alts.some((a) => containsTerm(folded, a)));
  };
}

/** The register as a table, header first: its CSV and workbook exports. */
export function registerTable(entries: RegisterEntry[]): Table {
  return [
    ['utvalg', 'møte', 'dato', 'sak', 'tittel', 'status', 'vedtak', 'forslag til vedtak'],
    ...entries.map((e) => [
      e.committee,
      e.meeting,
      e.date ? e.date.split('-').reverse().join('.') : '',
      e.sak,
      e.title,
      e.status === 'adopted' ? 'vedtatt' : 'forslag – utfall ikke kjent',
      e.decision ?? '',
      e.proposal ?? '',
    ]),
  ];
}

export const REGISTER_FORMATS = ['csv', 'xlsx'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

export async function exportRegister(entries: RegisterEntry[], format: RegisterFormat): Promise<Uint8Array> {
  const table = registerTable(entries);
  return format === 'xlsx'
    ? workbook([{ name: 'Vedtak', rows: table }])
    : new TextEncoder().encode(csvTable(table));
}

/** The register as the application's service for it: the record's decisions, for anyone to read. */
export class DecisionRegister {
  constructor(private readonly deps: { store: Pick<Store, 'listMeetings'> }) {}

  list(query: RegisterQuery): Promise<RegisterEntry[]> {
    return decisionRegister(this.deps.store, query);
  }
}
