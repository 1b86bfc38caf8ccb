// The number spellings a claim and its passage may differ in, and still mean the same number.
import { describe, expect, it } from 'vitest';
import { canonicalNumber } from '../src/answer/grounding.ts';

describe('numbers in claims and passages', () => {
  it('reads thousand separators, decimal commas and clock times as one spelling each', () => {
    const same = [
      ['5 000', '5000'],
      ['5\u00a0000', '5000'],
      ['5.000', '5000'],
      ['5,000', '5000'],
      ['1 250 000', '1250000'],
      ['1,5', '1.5'],
      ['12,50', '12.5'],
      ['10:30', '10.3'],
      ['04', '4'],
    ];
    for (const [raw, canonical] of same) expect(canonicalNumber(raw!), raw).toBe(canonical);
  });

  it('keeps numbers that differ apart', () => {
    expect(canonicalNumber('1,5')).not.toBe(canonicalNumber('15'));
    expect(canonicalNumber('2032')).not.toBe(canonicalNumber('2033'));
  });
});
