// Reading a message as a command: the command words, their English aliases, and near misses of
// them, which a member most likely meant — while questions, however they start, stay questions.
import { describe, expect, it } from 'vitest';
import { nearMiss, parseCommand } from '../bot/turn/commands.ts';

describe('commands', () => {
  it('reads a command and its English alias, and everything else as a question', () => {
    expect(parseCommand('agenda NUIT')).toEqual({ handler: 'agenda', rest: 'NUIT', english: false });
    expect(parseCommand('subscribe NUFA')).toMatchObject({ handler: 'subscribe', english: true });
    expect(parseCommand('Hva ble vedtatt om SFM?')).toMatchObject({ handler: 'ask' });
  });

  it('takes a near miss of a command word for that command, only in a message of a word or two', () => {
    expect(parseCommand('agneda')).toEqual({ handler: 'suggest', rest: 'agenda', english: false });
    expect(parseCommand('abonnere NUIT')).toMatchObject({ handler: 'suggest', rest: 'abonner' });
    expect(parseCommand('hlep')).toEqual({ handler: 'suggest', rest: 'help', english: true });
    // A question that happens to start near a command word is still a question.
    expect(parseCommand('agneda for neste møte i NUIT?')).toMatchObject({ handler: 'ask' });
  });

  it('leaves short words and far misses alone', () => {
    expect(nearMiss('sk')).toBeUndefined();
    expect(nearMiss('sal')).toBeUndefined();
    expect(nearMiss('vedtak')).toBeUndefined();
    expect(nearMiss('referat')).toBeUndefined();
    expect(nearMiss('agenda')).toBeUndefined();
  });
});
