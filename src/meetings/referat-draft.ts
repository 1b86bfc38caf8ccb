// The draft referat as a Word document, exported with the innspill: per sak what the chat gave it
// and the proposal as the likely vedtak, marked as a draft the secretariat confirms. Written with the
// `docx` library, as the innspill export is.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ExportMeeting } from '../innspill/export.ts';
import { meetingName } from '../record/passages.ts';
import { DRAFT_MARK, draftParts, likelyDecisionText, type SakRecap } from './recap.ts';

export async function referatDraftDocx(meeting: ExportMeeting, recap: SakRecap[]): Promise<Uint8Array> {
  const date = meeting.date ? ` (${meeting.date.split('-').reverse().join('.')})` : '';
  const title = `Utkast til referat – ${meetingName(meeting)}${date}`;
  const children = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [
        new TextRun({ text: `${DRAFT_MARK}. `, bold: true }),
        new TextRun(
          'Vedtakene er forslagene til vedtak fra innkallingen, slik møtet sannsynligvis vedtok dem; innspill, avstemninger, spørsmål og aksjonspunkter er det som ble registrert i Møtebot under møtet.',
        ),
      ],
    }),
    ...recap.flatMap((r) => [
      new Paragraph({ text: r.sak ? `Sak ${r.sak} ${r.title}` : r.title, heading: HeadingLevel.HEADING_2 }),
      ...draftParts(r).flatMap((part) => [
        new Paragraph({ children: [new TextRun({ text: part.heading, bold: true })] }),
        ...part.lines.map((l) => new Paragraph({ text: l, bullet: { level: 0 } })),
      ]),
      ...(r.sak
        ? [
            new Paragraph({
              children: [
                new TextRun({ text: 'Vedtak (utkast): ', bold: true }),
                new TextRun(likelyDecisionText(r)),
              ],
            }),
          ]
        : []),
    ]),
  ];
  const doc = new Document({ creator: 'Møtebot', title, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
