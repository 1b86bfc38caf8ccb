// Toppnotater (case memos): the metadata block (Til/Dato/Saksnummer/Type/Fra/Saksbehandler — inline,
// or as a block of keys followed by a block of values) and the memo's sections. A memo's quotes of
// earlier meetings' decisions stay memo text: they are never credited to the current meeting.
import { normalizeSakId, PRINTED_SAK_ID } from './dates.ts';
import { joinLines, type Line } from './lines.ts';
import { FORSLAG } from './labels.ts';
import { squash } from './normalize.ts';
import type { MemoSection } from './types.ts';

export interface Memo {
  sak: string;
  meeting: string | null;
  owner: string | null;
  handler: string | null;
  proposal: string | null;
  sections: MemoSection[];
  line: number;
}

type Key = 'til' | 'dato' | 'saksnummer' | 'type' | 'fra' | 'saksbehandler';
const KEY_LINE =
  /^(til|dato|saksnummer|saksnr\.?|sak nr\.?|sakstype|type|fra|saksbehandler)(?=[\s:]|$)\s*:?\s*(.*)$/i;

/** The key line a memo's metadata block is found by: its sak number, as templates label it. */
const SAK_NUMBER_KEY = /^(?:saksnummer|saksnr\.?|sak nr\.?)(?=[\s:]|$)/i;

/**
 * "Sak nr. 12/24<tab>Tittel…", "Sak nr. 12/23 Eventuelt": a row or heading whose id is printed with
 * the key's words. A key line holds the id alone; a title after it makes the line a row.
 */
const TABLE_ROW = new RegExp(`^${PRINTED_SAK_ID}[.:]?\\s*(?:\\t\\s*\\S|\\p{L})`, 'iu');

/** Key words other templates print for the same keys. */
const KEY_ALIASES: Record<string, Key> = {
  saksnr: 'saksnummer',
  'saksnr.': 'saksnummer',
  'sak nr': 'saksnummer',
  'sak nr.': 'saksnummer',
  sakstype: 'type',
};
const keyOf = (word: string): Key => KEY_ALIASES[word.toLowerCase()] ?? (word.toLowerCase() as Key);

const HEADINGS = [
  'forslag til vedtak',
  'hensikt med saken',
  'bakgrunn',
  'videre saksprosess',
  'videre prosess',
  'vedtak fra tidligere behandlinger i rådsmodellen',
  'vedtak fra tidligere behandlinger',
  'til drøfting',
  'spørsmål til drøfting',
  'problemstilling',
  'problemstillinger',
  'vurdering',
  'vurderinger',
  'anbefaling',
  'konsekvenser',
  'oppsummering',
  'innledning',
  'saksfremstilling',
  'økonomiske konsekvenser',
  'formål',
  'formålet med saken',
  'sammendrag',
  'innstilling',
  'forslag til beslutning',
  'anbefalt vedtak',
  'saksgang',
];
const HEADING = new RegExp(`^(${HEADINGS.join('|')})\\s*:?$`, 'i');

interface Meta {
  values: Partial<Record<Key, string>>;
  from: number;
  to: number;
}

/** Reads the metadata block around a "Saksnummer" line. */
function readMeta(lines: Line[], at: number): Meta | null {
  let from = at;
  for (let i = at - 1; i >= Math.max(0, at - 6); i--) if (/^til\b/i.test(lines[i]!.text.trim())) from = i;
  const values: Partial<Record<Key, string>> = {};
  const queue: Key[] = [];
  let seen = 0;
  let i = from;
  for (; i < lines.length && seen < 18; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    seen++;
    const k = KEY_LINE.exec(t.replace(/\t/g, ' '));
    if (k && !(keyOf(k[1]!) in values) && !queue.includes(keyOf(k[1]!))) {
      const key = keyOf(k[1]!);
      if (k[2]!.trim()) values[key] = squash(k[2]!);
      else queue.push(key);
      continue;
    }
    // A key block may name a key of its own ("Innretning" where others print "Type"): a lone
    // word among the keys, before any value, is taken as the type key.
    const noValueYet = Object.keys(values).length === 0;
    if (noValueYet && queue.length && !queue.includes('type') && /^\p{Lu}\p{Ll}+$/u.test(t)) {
      queue.push('type');
      continue;
    }
    const key = queue.shift();
    if (!key) break;
    values[key] = squash(t.replace(/\t/g, ' '));
    if (!queue.length && values.saksbehandler) {
      i++;
      break;
    }
  }
  // A key block without a Fra/Saksbehandler part may be followed by one a little later.
  return values.saksnummer ? { values, from, to: i } : null;
}

function sections(lines: Line[], skip: (i: number) => boolean): MemoSection[] {
  const out: MemoSection[] = [];
  let current: { heading: string; parts: string[] } | null = null;
  lines.forEach((l, i) => {
    if (skip(i)) return;
    const t = l.text.trim();
    if (HEADING.test(t)) {
      if (current) out.push({ heading: current.heading, text: joinLines(current.parts) });
      current = { heading: t.replace(/:$/, ''), parts: [] };
    } else if (current && t) current.parts.push(t.replace(/\t/g, ' '));
  });
  if (current)
    out.push({
      heading: (current as { heading: string }).heading,
      text: joinLines((current as { parts: string[] }).parts),
    });
  return out.filter((s) => s.text);
}

function meetingOf(til: string | undefined): string | null {
  const m = /(\d{1,2})\s?\/\s?(\d{4}|\d{2})\b/.exec(til ?? '');
  return m ? `${Number(m[1])}/${m[2]!.length === 2 ? `20${m[2]}` : m[2]}` : null;
}

/**
 * The memos after `after` (the last meeting header): where the memo part starts, and each memo by
 * the meeting it was written for.
 */
export function memoSections(lines: Line[], after: number): { start: number; bySak: Map<string, Memo[]> } {
  const metas: Meta[] = [];
  for (let i = after; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    if (!SAK_NUMBER_KEY.test(text) || TABLE_ROW.test(text)) continue;
    const meta = readMeta(lines, i);
    if (meta && normalizeSakId(meta.values.saksnummer ?? '')) {
      metas.push(meta);
      i = meta.to;
    }
  }
  const bySak = new Map<string, Memo[]>();
  if (!metas.length) return { start: lines.length, bySak };
  // Layout, decided once per document: the memo's title and "Forslag til vedtak" come either
  // after its metadata block, or (PDF text) before it — then the memo starts at its title.
  const isForslag = (i: number) =>
    FORSLAG.test(lines[i]!.text.trim()) && !lines[i]!.text.trim().replace(FORSLAG, '');
  const firstFloor = Math.max(after, metas[0]!.from - 80);
  let blockFirst = true;
  for (let i = firstFloor; i < metas[0]!.from; i++) if (isForslag(i)) blockFirst = false;
  const startOf = (meta: Meta, floor: number): number => {
    if (blockFirst) return meta.from;
    for (let i = meta.from - 1; i > floor; i--) {
      if (isForslag(i)) {
        let j = i - 1;
        while (j > floor && !lines[j]!.text.trim()) j--;
        return j;
      }
    }
    return meta.from;
  };
  const starts: number[] = [];
  metas.forEach((m, k) => starts.push(startOf(m, k ? metas[k - 1]!.to : firstFloor)));
  metas.forEach((meta, k) => {
    const from = starts[k]!;
    const to = k + 1 < metas.length ? starts[k + 1]! : lines.length;
    const body = lines.slice(from, to);
    const secs = sections(body, (i) => from + i >= meta.from && from + i < meta.to);
    const sak = normalizeSakId(meta.values.saksnummer!)!;
    const meeting = meetingOf(meta.values.til) ?? '';
    const memo: Memo = {
      sak,
      meeting,
      owner: meta.values.fra ?? null,
      handler: meta.values.saksbehandler ?? null,
      // "Forslag til vedtak", or what another template calls it ("Innstilling", "Anbefalt vedtak").
      proposal: secs.find((s) => FORSLAG.test(s.heading) && !s.heading.replace(FORSLAG, ''))?.text ?? null,
      sections: secs,
      line: lines[from]!.n,
    };
    const list = bySak.get(meeting);
    if (list) list.push(memo);
    else bySak.set(meeting, [memo]);
  });
  return { start: starts[0]!, bySak };
}
