// Redaction of personal data: only valid identity numbers, phone numbers that look like phone
// numbers, and personal (not role) e-mail addresses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNationalId, redact } from '../src/record/redact.ts';

/** A national identity number for a date and individual number, with both check digits computed. */
function nationalId(ddmmyy: string, individual: string): string {
  const d = (ddmmyy + individual).split('').map(Number);
  const k1 = (11 - ([3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((s, w, i) => s + w * d[i]!, 0) % 11)) % 11;
  const k2 = (11 - ([5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * [...d, k1][i]!, 0) % 11)) % 11;
  return `${ddmmyy}${individual}${k1}${k2}`;
}

describe('redacting personal data', () => {
  it('removes a valid national identity number, written together or with a space', () => {
    const id = nationalId('150385', '124');
    expect(isNationalId(id)).toBe(true);
    expect(redact(`Fnr ${id} og ${id.slice(0, 6)} ${id.slice(6)}.`)).toEqual({
      text: 'Fnr [fødselsnummer fjernet] og [fødselsnummer fjernet].',
      counts: { nationalId: 2, phone: 0, email: 0 },
    });
  });

  it('keeps an 11-digit number whose check digits do not add up', () => {
    const id = nationalId('150385', '124');
    const wrong = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
    expect(redact(`Saksnummer ${wrong}`).text).toBe(`Saksnummer ${wrong}`);
  });

  it('removes phone numbers in the usual spellings, and keeps amounts, dates, times and sak ids', () => {
    const { text, counts } = redact(
      'Ring 22 33 44 55, +47 912 34 567 eller tlf: 41234567. Rammen er 2 400 000 kroner, møtet 09.09.2020 kl 11:00, sak 16/23, org.nr. 987 654 321.',
    );
    expect(counts.phone).toBe(3);
    expect(text).toContain('2 400 000 kroner');
    expect(text).toContain('09.09.2020 kl 11:00, sak 16/23');
    expect(text).toContain('987 654 321');
  });

  it('removes personal e-mail addresses and keeps role addresses', () => {
    const { text } = redact(
      'Skriv til kari.nordmann@ehelse.no, kn@nhn.no eller postmottak@ehelse.no og NILAR-test@nhn.no.',
    );
    expect(text).toBe(
      'Skriv til [e-post fjernet], [e-post fjernet] eller postmottak@ehelse.no og NILAR-test@nhn.no.',
    );
  });

  it('finds the personal data planted in the corpus and leaves its figures alone', () => {
    const corpus = ['003_0c1c525d85268ac2.txt', '004_01c28272e6e81fa3.txt'].map((f) =>
      readFileSync(path.resolve(import.meta.dirname, '../../shared/corpus', f), 'utf8'),
    );
    const total = corpus
      .map((t) => redact(t).counts)
      .reduce((a, c) => ({
        nationalId: a.nationalId + c.nationalId,
        phone: a.phone + c.phone,
        email: a.email + c.email,
      }));
    expect(total.nationalId).toBeGreaterThanOrEqual(1);
    expect(total.phone).toBeGreaterThanOrEqual(1);
    expect(total.email).toBeGreaterThanOrEqual(1);
    const kept = redact(corpus[0]!).text;
    expect(kept).toContain('180 MNOK – 2 400 MNOK');
  });
});
