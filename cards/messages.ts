// Short cards: welcome on install, help, and notices (ingest summaries, refusals).
import type { Language } from '../src/answer/types.ts';
import { exampleQuestion, fillExample, type Example } from '../src/meetings/examples.ts';
import { render, type CardJson } from './render.ts';

export interface Command {
  name: string;
  alias: string;
  description: string;
  english: string;
}

export function messageCard(
  title: string,
  paragraphs: string[],
  facts: { title: string; value: string }[] = [],
): CardJson {
  return render('message', { title, paragraphs, facts });
}

/** Each command with what it does, its examples taken from the record loaded. */
function commandFacts(commands: Command[], lang: Language, example: Example | null) {
  return commands.map((c) =>
    lang === 'en'
      ? {
          title: c.alias === c.name ? c.alias : `${c.alias} / ${c.name}`,
          value: fillExample(c.english, example, lang),
        }
      : {
          title: c.name === c.alias ? c.name : `${c.name} / ${c.alias}`,
          value: fillExample(c.description, example, lang),
        },
  );
}

/** What to try first: a question about a sak of the record, or how to load one when it is empty. */
function tryThis(example: Example | null, lang: Language): string {
  if (!example)
    return lang === 'en'
      ? 'No meeting documents are loaded yet: the secretariat can send me a meeting package in a personal chat, or load them with «motebot ingest».'
      : 'Ingen møtedokumenter er lest inn ennå: sekretariatet kan sende meg en møtepakke i personlig chat, eller lese dem inn med «motebot ingest».';
  return lang === 'en'
    ? `Ask me in English or Norwegian, for example: «${exampleQuestion(example, 'en')}» In group chats and channels, mention me (@Møtebot).`
    : `Spør meg på bokmål eller engelsk, for eksempel: «${exampleQuestion(example, 'nb')}» I gruppechatter og kanaler må du nevne meg (@Møtebot).`;
}

export function welcomeCard(commands: Command[], example: Example | null): CardJson {
  return messageCard(
    'Hei! Jeg er Møtebot 👋',
    [
      'Jeg svarer på spørsmål om møtedokumentene til NUIT og NUFA – vedtak, forslag til vedtak, agenda og hvem som legger fram sakene – og viser alltid hvilke dokumenter svaret bygger på.',
      tryThis(example, 'nb'),
    ],
    commandFacts(commands, 'nb', example),
  );
}

export function helpCard(commands: Command[], lang: Language, example: Example | null): CardJson {
  return lang === 'en'
    ? messageCard(
        'What I can do',
        ['Ask me anything about the NUIT and NUFA meeting documents.', tryThis(example, 'en'), 'Commands:'],
        commandFacts(commands, 'en', example),
      )
    : messageCard(
        'Dette kan jeg',
        ['Still meg spørsmål om møtedokumentene til NUIT og NUFA.', tryThis(example, 'nb'), 'Kommandoer:'],
        commandFacts(commands, 'nb', example),
      );
}
