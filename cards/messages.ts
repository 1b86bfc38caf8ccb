// Short cards: welcome on install, help, and notices (ingest summaries, refusals).
import { render, type CardJson } from './render.ts';

export interface Command {
  name: string;
  alias: string;
  description: string;
}

export function messageCard(
  title: string,
  paragraphs: string[],
  facts: { title: string; value: string }[] = [],
): CardJson {
  return render('message', { title, paragraphs, facts });
}

export function welcomeCard(commands: Command[]): CardJson {
  return messageCard(
    'Hei! Jeg er Møtebot 👋',
    [
      'Jeg svarer på spørsmål om møtedokumentene til NUIT og NUFA – vedtak, forslag til vedtak, agenda og hvem som legger fram sakene – og viser alltid hvilke dokumenter svaret bygger på.',
      'Spør meg på bokmål eller engelsk, for eksempel: «Hva er forslag til vedtak i sak 16/23?» I gruppechatter og kanaler må du nevne meg (@Møtebot).',
    ],
    commands.map((c) => ({ title: c.name, value: c.description })),
  );
}

export function helpCard(commands: Command[], lang: 'nb' | 'en'): CardJson {
  return lang === 'en'
    ? messageCard(
        'What I can do',
        ['Ask me anything about the NUIT and NUFA meeting documents. Commands:'],
        commands.map((c) => ({ title: `${c.name} / ${c.alias}`, value: c.description })),
      )
    : messageCard(
        'Dette kan jeg',
        ['Still meg spørsmål om møtedokumentene til NUIT og NUFA. Kommandoer:'],
        commands.map((c) => ({ title: `${c.name} / ${c.alias}`, value: c.description })),
      );
}
