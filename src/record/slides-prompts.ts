// What a sak's slides put to the committee: the items under a prompt heading ("Spørsmål til NUFA",
// "Stikkord:", "Drøftingstema 1", "Drøftingspunkter", "… ber NUFA drøfte følgende spørsmål:"),
// then the other questions the slides ask the room.
import { joinLines, type Line } from './lines.ts';
import { FORSLAG } from './labels.ts';
import { BULLET, DECISION_SENTENCE, FOOTER, LOGO, unbullet } from './slides-text.ts';

const PROMPT_HEADING =
  /^(spørsmål til \S+|stikkord|drøfting|drøftingstema|drøftingspunkter|drøfting og kommentarer|drøfting, spørsmål og innspill|gruppediskusjon|gruppeoppgave|diskusjon)\b[^.?]{0,30}$|\bber \S+ drøfte\b.*:$/i;
/** Words a wrapped line may stop at in mid-sentence ("… innspill fra" / "Direktoratet for e-helse"). */
const GOES_ON = /(\s(og|eller|av|for|fra|til|i|på|med|om|som|at|en|et|ved|mot)|[-–,(/])$/i;
/** A question in a persona's voice ("Hvor fornyer jeg reseptene?") is an example, not a prompt. */
const FIRST_PERSON = /\b(jeg|meg|min|mitt|mine)\b/i;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** A question, possibly with a remark in parentheses after it. */
const asks = (s: string) => /\?(\s*\([^)]*\))?$/.test(s);

interface Unit {
  text: string;
  /** A slide boundary (logo) or a decision sentence: the end of whatever a heading opened. */
  stop: boolean;
  table: boolean;
}

/**
 * Lines joined into the units a reader sees. A unit ends at a blank line or a finished sentence;
 * a bullet or a capitalised line starts a new one unless the open line visibly goes on, so a
 * question wrapped over lines (PDF text) is whole and list options stay apart.
 */
function units(section: Line[]): Unit[] {
  const out: (Unit & { parts: string[] })[] = [];
  let open = false;
  let adjacent = false;
  for (const l of section) {
    const t = l.text.trim();
    if (!t) {
      open = adjacent = false;
      continue;
    }
    const last = out.at(-1);
    const prev = last?.parts.at(-1) ?? '';
    // A wrapped line goes on in lower case or after a word that cannot end a line; a remark in
    // parentheses right under a question belongs to it ("… framover?" / "(Tiltak / Risiko)").
    const joins =
      last &&
      !last.stop &&
      !PROMPT_HEADING.test(prev) &&
      !BULLET.test(t) &&
      !LOGO.test(t) &&
      ((open && (/^[\p{Ll}(]/u.test(t) || GOES_ON.test(prev))) ||
        (adjacent && prev.endsWith('?') && /^\(.*\)$/.test(t)));
    if (joins) last.parts.push(t);
    else out.push({ text: '', stop: LOGO.test(t), table: t.includes('\t'), parts: [t] });
    adjacent = true;
    open = !/[.?!:]$/.test(t);
  }
  return out.map((u) => {
    const text = joinLines(u.parts.map(unbullet)).replace(/^\d{1,2}\.\s+/, '');
    return {
      text,
      stop: u.stop || DECISION_SENTENCE.test(text) || FORSLAG.test(text),
      table: u.table,
    };
  });
}

/**
 * A unit under a prompt heading that is itself a prompt: a question, a sentence or a lead-in to a
 * list, or a labelled task ("Drøfting: Det er ønskelig med innspill …"); not a short option, and not
 * a description bullet of a background slide.
 */
const isPrompt = (s: string) =>
  asks(s) || (/[.:]$/.test(s) && words(s) >= 4) || (/^[^:]{2,30}: /.test(s) && words(s) >= 8);

/**
 * Prompts put to the committee, each once: what stands under a prompt heading (a heading with
 * nothing under it is the prompt itself, named with its slide's subject), then other questions.
 */
export function prompts(section: Line[]): string[] {
  const all = units(section).filter((u) => u.text && !FOOTER.test(u.text));
  const headed: string[] = [];
  const covered = new Set<number>();
  all.forEach((u, i) => {
    if (!PROMPT_HEADING.test(u.text) || u.stop) return;
    covered.add(i);
    let j = i + 1;
    const under: Unit[] = [];
    for (; j < all.length && !all[j]!.stop && !PROMPT_HEADING.test(all[j]!.text) && under.length < 12; j++)
      under.push(all[j]!);
    under.forEach((_, k) => covered.add(i + 1 + k));
    const items = under.filter((x) => !x.table && isPrompt(x.text)).map((x) => x.text);
    if (items.length) headed.push(...items);
    else if (under.length) {
      const subject = under.filter((x) => !x.table).slice(0, 2);
      headed.push([u, ...subject].map((x) => x.text).join(' – '));
    } else if (j < all.length && PROMPT_HEADING.test(all[j]!.text)) return;
    else {
      const before = all[i - 1];
      headed.push(before && !before.stop && !before.table ? `${before.text} – ${u.text}` : u.text);
    }
  });
  const free = all
    .filter((u, i) => !covered.has(i) && !u.table && asks(u.text) && !FIRST_PERSON.test(u.text))
    .map((u) => u.text);
  return [...new Set([...headed, ...free])];
}
