// Extracted text → what the store keeps of a document: redaction first (no personal data goes
// further), then the meetings and their citable passages.
import type { ExtractedText } from '../documents/types.ts';
import { MotebotError } from '../errors.ts';
import { normalizeText } from './normalize.ts';
import { parseDocument } from './parse.ts';
import { toPassages, type NewPassage } from './passages.ts';
import { redact, type Redaction } from './redact.ts';
import type { Meeting } from './types.ts';

export interface BuiltRecord {
  meetings: Meeting[];
  passages: NewPassage[];
  redacted: Redaction['counts'];
}

/**
 * Takes the extracted text over (`extracted.text` is emptied): at tens of megabytes every copy
 * held counts. The text is normalised once, first, so parsing and locating find it already
 * normal and copy nothing; redacting normalised text also catches numbers written with odd
 * digits or spaces.
 */
export function buildRecord(extracted: ExtractedText, source: string, maxPassages: number): BuiltRecord {
  const normal = normalizeText(extracted.text);
  extracted.text = '';
  const { text, counts } = redact(normal);
  const { meetings } = parseDocument(text);
  if (!meetings.length) {
    throw new MotebotError(
      'no_meeting_found',
      `«${source}» ser ikke ut som et møtedokument: fant verken møteinnkalling, referat eller saksliste.`,
    );
  }
  const passages = toPassages(meetings, source, text, extracted.pageStarts);
  if (passages.length > maxPassages) {
    throw new MotebotError(
      'too_much_content',
      `«${source}» gir ${passages.length.toLocaleString('nb-NO')} utdrag; høyst ${maxPassages.toLocaleString('nb-NO')} leses inn fra én fil, så filen leses ikke inn.`,
    );
  }
  return { meetings, passages, redacted: counts };
}
