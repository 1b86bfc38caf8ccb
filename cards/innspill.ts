// Innspill cards: the form (sak picker defaulting to the current sak), the receipt the author gets
// (with Endre and Trekk tilbake), and the list for a sak.
import type { Innspill } from '../src/innspill/types.ts';
import { messageCard } from './messages.ts';
import { clip, render, type CardJson } from './render.ts';

export function innspillFormCard(meeting: {
  committee: string;
  meeting: string;
  name: string;
  saker: { sak: string; title: string }[];
  current: string | null;
}): CardJson {
  return render('innspill-form', {
    meetingName: meeting.name,
    committee: meeting.committee,
    meeting: meeting.meeting,
    current: meeting.current ?? meeting.saker[0]?.sak ?? '',
    saker: meeting.saker.map((s) => ({ title: clip(`${s.sak} ${s.title}`, 80), value: s.sak })),
  });
}

export function innspillReceiptCard(
  i: Innspill,
  title: string,
  state: 'new' | 'edited' | 'withdrawn',
): CardJson {
  const heading = {
    new: 'Takk! Innspillet ditt er registrert.',
    edited: 'Innspillet ditt er endret.',
    withdrawn: 'Innspillet ditt er trukket tilbake.',
  }[state];
  return render('innspill-receipt', {
    heading,
    sak: `Sak ${i.sak}${title ? ` ${title}` : ''}`,
    text: i.text,
    by: i.organisation ? `${i.authorName}, på vegne av ${i.organisation}` : i.authorName,
    organisation: i.organisation ?? '',
    id: String(i.id),
    active: state !== 'withdrawn',
  });
}

export function innspillListCard(sak: { sak: string; title: string }, innspill: Innspill[]): CardJson {
  return messageCard(
    `Innspill til sak ${sak.sak} ${sak.title}`,
    innspill.length
      ? innspill.map(
          (i) =>
            `• ${clip(i.text, 600)} — _${i.organisation ? `${i.authorName}, ${i.organisation}` : i.authorName}_`,
        )
      : ['Ingen innspill ennå. Skriv «innspill ' + sak.sak + ': …» for å gi et.'],
  );
}
