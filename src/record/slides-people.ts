// Person and organisation names in a slide-deck agenda: the Sakseier and Saksbehandler /
// "Presenterer saken" cells, which PDF text runs together with each other or with the title.
import { squash } from './normalize.ts';

const ORGANISATION_NAMES =
  'Direktoratet for e-helse|Dir\\. for e-helse|Helsedirektoratet|Hdir|Norsk helsenett SF|Norsk helsenett|NHN|NAV|KS|Folkehelseinstituttet|FHI|Helse (?:Sør-Øst|Vest|Midt-Norge|Midt|Nord) RHF|[A-ZÆØÅ][\\p{L}-]+ kommune';
const ORGANISATIONS = new RegExp(`\\s*\\b(${ORGANISATION_NAMES})\\b\\s*`, 'gu');
const ORGANISATION = new RegExp(`^(${ORGANISATION_NAMES})$`, 'u');
const LEADING_ORGANISATION = new RegExp(`^(${ORGANISATION_NAMES})\\s+(?=\\p{Lu})`, 'u');
/** "… 2022- Bjørnar Andreassen Helsedirektoratet": one to three names and an organisation at the end. */
const TRAILING_PRESENTER = new RegExp(
  `\\s+((?:\\p{Lu}[\\p{L}.-]+\\s+){1,3}(?:${ORGANISATION_NAMES})\\b.*)$`,
  'u',
);
const NAME_WORD = /^\p{Lu}[\p{L}.'-]*$/u;

export const isOrganisation = (s: string): boolean => ORGANISATION.test(squash(s));

/** "Hans Löwe Larsen Direktoratet for e-helse" → "Hans Löwe Larsen"; several groups joined with "; ". */
export function presenterNames(cell: string): string | null {
  if (/\(/.test(cell)) return squash(cell) || null;
  const groups = cell
    .split(ORGANISATIONS)
    .filter((_, i) => i % 2 === 0)
    .map(squash)
    .filter(Boolean);
  return groups.length ? groups.join('; ') : squash(cell) || null;
}

/**
 * A name cell that a wrapped line still has to finish: a lone first name ("Christine" + "Bergland")
 * or a list that stops at "og".
 */
export function unfinishedName(s: string): boolean {
  const t = squash(s);
  return (/^\S+$/.test(t) && !isOrganisation(t)) || /\s(og|and|[(])$/.test(t);
}

/**
 * Text that PDF conversion ran into one cell, split over `n` adjacent text columns: a title with
 * its presenter at the end, an organisation and a person, or two persons of two names each.
 */
export function splitRun(cell: string, columns: string[]): string[] {
  const text = squash(cell);
  const out = columns.map(() => '');
  if (!text || columns.length < 2) return [text, ...out.slice(1)];
  if (columns[0] === 'title') {
    const m = TRAILING_PRESENTER.exec(text);
    return m ? [text.slice(0, m.index), m[1]!, ...out.slice(2)] : [text, ...out.slice(1)];
  }
  const org = LEADING_ORGANISATION.exec(text);
  if (org) return [org[1]!, text.slice(org[0].length), ...out.slice(2)];
  const words = text.split(' ');
  if (words.length >= 3 && words.length <= 4 && words.every((w) => NAME_WORD.test(w)))
    return [words.slice(0, 2).join(' '), words.slice(2).join(' '), ...out.slice(2)];
  return [text, ...out.slice(1)];
}
