// The bot's commands, once: bokmål name, English alias, what it does in bokmål and English. The
// manifest's commandLists and the help card are built from this table. `{sak}`, `{meeting}` and
// `{committee}` in a description are filled from the record loaded (see src/meetings/examples.ts).
import { distance } from 'fastest-levenshtein';

export const COMMANDS = [
  {
    name: 'hjelp',
    alias: 'help',
    description: 'Vis hva Møtebot kan',
    english: 'Show what Møtebot can do',
    handler: 'help',
  },
  {
    name: 'spør',
    alias: 'ask',
    description: 'Still et spørsmål om møtedokumentene (også uten kommando)',
    english: 'Ask a question about the meeting documents (also without a command)',
    handler: 'ask',
  },
  {
    name: 'agenda',
    alias: 'agenda',
    description: 'Vis agendaen for neste møte (agenda {committee}, agenda {meeting})',
    english: 'Show the agenda of the next meeting (agenda {committee}, agenda {meeting})',
    handler: 'agenda',
  },
  {
    name: 'vedtak',
    alias: 'decisions',
    description: 'Vedtaksregisteret for et utvalg, et år eller et emne (vedtak {committee} 2023, vedtak PLL)',
    english:
      'The decision register of a committee, a year or a topic (decisions {committee} 2023, decisions PLL)',
    handler: 'register',
  },
  {
    name: 'historikk',
    alias: 'history',
    description: 'Alle behandlinger av et emne på tvers av møter, eldst først (historikk PLL)',
    english: 'Every treatment of a topic across meetings, oldest first (history PLL)',
    handler: 'timeline',
  },
  {
    name: 'aksjonspunkt',
    alias: 'action',
    /** Other forms of the command word, each saying whether it is English. */
    also: { aksjonspunkter: false, actions: true },
    description:
      'Åpne aksjonspunkter (aksjonspunkter {committee}); sekretariatet legger til (aksjonspunkt {sak}: … ansvarlig: … frist: …) og markerer utført (aksjonspunkt utført N)',
    english:
      'Open action points (action points {committee}); the secretariat adds (action point {sak}: … owner: … due: …) and marks done (action done N)',
    handler: 'actionPoints',
  },
  {
    name: 'abonner',
    alias: 'subscribe',
    description: 'Få agendaen hit før hvert møte i et utvalg (abonner {committee})',
    english: 'Get the agenda here before each meeting of a committee (subscribe {committee})',
    handler: 'subscribe',
  },
  {
    name: 'abonnement',
    alias: 'subscriptions',
    description: 'Vis hvilke utvalg denne samtalen får agendaen for',
    english: 'Show which committees this conversation gets the agenda for',
    handler: 'subscriptions',
  },
  {
    name: 'avslutt',
    alias: 'unsubscribe',
    description: 'Slutt å få agendaen for et utvalg (avslutt abonnement {committee})',
    english: 'Stop getting the agenda of a committee (unsubscribe {committee})',
    handler: 'unsubscribe',
  },
  {
    name: 'innspill',
    alias: 'input',
    description: 'Gi innspill til en sak (innspill {sak}: tekst), eller se dem (innspill {sak})',
    english: 'Give input on an item (input {sak}: text), or see it (input {sak})',
    handler: 'innspill',
  },
  {
    name: 'avstemning',
    alias: 'poll',
    description: 'Lag en avstemning (avstemning Spørsmål? | A | B), eller lukk den (avstemning lukk)',
    english: 'Start a poll (poll Question? | A | B), or close it (poll close)',
    handler: 'poll',
  },
  {
    name: 'spørsmål',
    alias: 'question',
    description: 'Still et spørsmål til den som legger fram saken (spørsmål anonymt: … for anonymt)',
    english: 'Ask the presenter a question (question anonymous: … to stay anonymous)',
    handler: 'question',
  },
  {
    name: 'møte',
    alias: 'meeting',
    description: 'Knytt samtalen til et møte (møte {meeting})',
    english: 'Tie the conversation to a meeting (meeting {meeting})',
    handler: 'meeting',
  },
  {
    name: 'sak',
    alias: 'item',
    description: 'Sett saken som behandles nå (sak {sak})',
    english: 'Set the item being handled now (item {sak})',
    handler: 'sak',
  },
  {
    name: 'neste',
    alias: 'next',
    description: 'Gå videre til neste sak (neste sak)',
    english: 'Move on to the next item (next item)',
    handler: 'next',
  },
  {
    name: 'eksporter',
    alias: 'export',
    description: 'Innspill per sak som utkast til referatet (eksporter innspill {meeting})',
    english: 'Input per item as a draft for the minutes (export input {meeting})',
    handler: 'export',
  },
] as const;

/** Teams shows at most ten commands per scope in its command menu: these, in this order. */
export const MENU_COMMANDS = [
  'hjelp',
  'spør',
  'agenda',
  'innspill',
  'avstemning',
  'spørsmål',
  'abonner',
  'abonnement',
  'sak',
  'eksporter',
] as const;

export type CommandHandler = (typeof COMMANDS)[number]['handler'];

/** A message this short that starts with a near-miss of a command is a mistyped command. */
const MAX_NEAR_MISS_WORDS = 2;

/** Edits a near miss may be off by: two letters, so that a swapped pair ("hlep") is one. */
const NEAR_MISS_EDITS = 2;

/**
 * The command a word is a near miss of ("agneda" → "agenda"), or undefined; words of three letters
 * or fewer are too often other words.
 */
export function nearMiss(word: string): { name: string; english: boolean } | undefined {
  if (word.length < 4) return undefined;
  const reach = NEAR_MISS_EDITS + 0.5;
  // Fewest edits first; of equals, the word of the same length ("hlep" is "help" swapped, not
  // "hjelp" short of a letter).
  const cost = (name: string) => distance(word, name) + Math.abs(word.length - name.length) / 10;
  let best: { name: string; english: boolean; d: number } | undefined;
  for (const c of COMMANDS)
    for (const [name, english] of [
      [c.name, false],
      [c.alias, true],
    ] as const) {
      const d = cost(name);
      if (name !== word && d <= reach && (!best || d < best.d)) best = { name, english, d };
    }
  return best && { name: best.name, english: best.english };
}

/**
 * The command a message starts with, and the rest of it; any other text is a question. `english`
 * says the English alias was used, so the reply can follow. A word or two whose first is a near
 * miss of a command is answered with the command it most likely meant (`suggest`).
 */
export function parseCommand(text: string): {
  handler: CommandHandler | 'suggest';
  rest: string;
  english: boolean;
} {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase().replace(/[:!?.,]$/, '');
  const form = (c: (typeof COMMANDS)[number]) =>
    'also' in c && Object.hasOwn(c.also, word) ? (c.also as Record<string, boolean>)[word] : undefined;
  const command = COMMANDS.find((c) => c.name === word || c.alias === word || form(c) !== undefined);
  if (command)
    return {
      handler: command.handler,
      rest: rest.join(' '),
      english: (word === command.alias && word !== command.name) || form(command) === true,
    };
  const near = rest.length < MAX_NEAR_MISS_WORDS ? nearMiss(word) : undefined;
  if (near) return { handler: 'suggest', rest: near.name, english: near.english };
  return { handler: 'ask', rest: trimmed, english: false };
}
