// The bot's commands, once: bokmål name, English alias, what it does. The manifest's commandLists
// and the help card are built from this table.
export const COMMANDS = [
  { name: 'hjelp', alias: 'help', description: 'Vis hva Møtebot kan', handler: 'help' },
  {
    name: 'spør',
    alias: 'ask',
    description: 'Still et spørsmål om møtedokumentene (også uten kommando)',
    handler: 'ask',
  },
  {
    name: 'agenda',
    alias: 'agenda',
    description: 'Vis agendaen for neste møte (agenda NUIT, agenda NUFA)',
    handler: 'agenda',
  },
] as const;

export type CommandHandler = (typeof COMMANDS)[number]['handler'];

/** The command a message starts with, and the rest of it; any other text is a question. */
export function parseCommand(text: string): { handler: CommandHandler; rest: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase().replace(/[:!?.,]$/, '');
  const command = COMMANDS.find((c) => c.name === word || c.alias === word);
  return command ? { handler: command.handler, rest: rest.join(' ') } : { handler: 'ask', rest: trimmed };
}
