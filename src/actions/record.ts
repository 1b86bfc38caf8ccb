// The action points a referat records: its labelled aksjonspunkt, and the follow-ups its vedtak and
// minutes give someone. A referat often writes a task as a sentence instead of under a label: the
// committee asks a body to do something ("NUIT ber Norsk helsenett SF arbeide videre med …"), a
// body is asked or urged ("Direktoratet ble oppfordret til å …"), or a body takes something on
// ("Direktoratet tar med seg innspillene …", "… vil komme tilbake med …"). The body is the owner.
import { createHash } from 'node:crypto';
import { meetingLabel } from '../record/passages.ts';
import type { AgendaItem, Meeting } from '../record/types.ts';
import { parseActionText } from './text.ts';
import type { NewActionPoint } from './types.ts';

/**
 * Words after which a body's name has ended: the verb of the task ("ta", "arbeide"), or "om å",
 * "til å", "å". Infinitives and present tense of the verbs referats give tasks with.
 */
const TASK_VERB = String.raw`(?:om\s+å|til\s+å|å|ta|tar|følge|følger|komme|kommer|sikre|sikrer|se|ser|utrede|utreder|vurdere|vurderer|legge|legger|sette|setter|invitere|inviterer|gjennomføre|gjennomfører|levere|leverer|lage|lager|arbeide|arbeider|jobbe|jobber|fortsette|fortsetter|involvere|involverer|innarbeide|innarbeider|ferdigstille|ferdigstiller|avklare|avklarer|undersøke|undersøker|utarbeide|utarbeider|orientere|orienterer|rapportere|rapporterer|oppdatere|oppdaterer|etablere|etablerer)`;

/** Where a word ends (`\b` knows no "å"). */
const END = String.raw`(?![\p{L}\d])`;

/** Words no body's name holds: pronouns, conjunctions, and the verbs of a report ("svarte at"). */
const NOT_IN_NAME = String.raw`(?:om|at|som|det|de|dem|vi|seg|man|alle|en|et|saken|sakene|svarte|sa|mente|har|hadde|er|var|ble|blir|vil|skal|kan|må|bør)${END}`;

/** A body's name: up to eight words, none of them a word of the sentence around it. */
const BODY = String.raw`((?!${NOT_IN_NAME})[\p{L}\d][\p{L}\d.\-]*(?:\s+(?!${TASK_VERB}${END}|${NOT_IN_NAME})[\p{L}\d][\p{L}\d.\-]*){0,7}?)`;

/** The sentence shapes that give a task, each with the body as its first group and the task after. */
const FOLLOW_UPS = [
  // "NUIT ber Direktoratet for e-helse ta med seg …", "ba Norsk helsenett SF om å …"
  new RegExp(
    String.raw`\b(?:ber|ba|anmoder|anmodet)\s+${BODY}\s+(?=${TASK_VERB}${END})((?:om\s+å|til\s+å|å)?\s*.+)$`,
    'iu',
  ),
  // "Direktoratet ble derfor oppfordret til å sikre …"
  new RegExp(
    String.raw`^${BODY}\s+(?:ble|blir)\s+(?:(?:derfor|også|videre)\s+)?(?:bedt|oppfordret|anmodet)\s+((?:om|til)\s+.+)$`,
    'iu',
  ),
  // "Direktoratet for e-helse tar med seg …", "Direktoratet vil komme tilbake med …"
  new RegExp(
    String.raw`^${BODY}\s+((?:tar med seg|følger opp|(?:vil|skal) (?:komme tilbake|følge opp)|kommer tilbake)\b.+)$`,
    'iu',
  ),
];

/** The committee itself is not an owner: "NUIT tar saken til orientering" gives no one a task. */
const COMMITTEE = /^(?:NUIT|NUFA|utvalget|medlemmene)$/i;

/** The sentences of a text, numbered points ("1. … 2. …") each a sentence of its own. */
function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=\p{Lu}|\d+\.\s)|\s+(?=\d{1,2}\.\s+\p{Lu})/u)
    .map((s) => s.replace(/^\d{1,2}\.\s+/, '').trim())
    .filter(Boolean);
}

/** The follow-up a sentence gives, or null: its owner and the task, as the sentence words it. */
export function followUpOf(sentence: string): { owner: string; text: string } | null {
  for (const shape of FOLLOW_UPS) {
    const m = shape.exec(sentence);
    if (!m) continue;
    const owner = m[1]!.trim();
    if (COMMITTEE.test(owner)) continue;
    return { owner: owner.charAt(0).toUpperCase() + owner.slice(1), text: sentence };
  }
  return null;
}

/** A sak's action points as the referat gives them: labelled ones first, then the follow-ups. */
export function actionTexts(item: AgendaItem): { text: string; owner: string | null; due: string | null }[] {
  const labelled = item.action_points.flatMap((a) =>
    // One label may hold several points, as bullets or dashes.
    a
      .split(/\s*(?:\n|•)\s*|(?:^|\s)[-–]\s+(?=\p{Lu})/u)
      .map((t) => t.trim())
      .filter(Boolean)
      .map(parseActionText),
  );
  const followUps = [item.adopted_decision ?? '', item.minutes ?? '']
    .flatMap(sentences)
    .map(followUpOf)
    .filter((f): f is { owner: string; text: string } => !!f)
    .map((f) => {
      const parsed = parseActionText(f.text);
      return { ...parsed, owner: parsed.owner ?? f.owner };
    });
  const seen = new Set<string>();
  return [...labelled, ...followUps].filter((a) => !seen.has(a.text) && !!seen.add(a.text));
}

/** Every action point of the record's referater, each keyed so a re-read finds it again. */
export function recordActionPoints(meetings: Meeting[]): NewActionPoint[] {
  const out = new Map<string, NewActionPoint>();
  for (const m of meetings) {
    if (m.role !== 'referat') continue;
    const meeting = meetingLabel(m);
    for (const item of m.items)
      for (const a of actionTexts(item)) {
        const recordKey = createHash('sha256')
          .update([m.committee, meeting, item.sak, a.text].join('\n'))
          .digest('hex')
          .slice(0, 32);
        out.set(recordKey, {
          committee: m.committee,
          meeting,
          sak: item.sak,
          ...a,
          origin: 'referat',
          recordKey,
          conversationId: null,
          createdBy: null,
        });
      }
  }
  return [...out.values()];
}
