// How everyday an English word is decides how much of a question it can be about.
import { describe, expect, it } from 'vitest';
import { specificity } from '../src/search/everyday.ts';

describe('specificity of an English word', () => {
  it('is lowest for the commonest words of speech and grows with their rank', () => {
    const order = ['you', 'see', 'back', 'people', 'part', 'plan', 'security'].map(specificity);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(specificity('you')).toBeLessThan(0.15);
    expect(specificity('see')).toBeGreaterThan(0.4);
    expect(specificity('see')).toBeLessThan(0.6);
  });

  it('is whole for words past the everyday ranks and for words the list does not hold', () => {
    for (const w of ['broker', 'webinar', 'municipalities', 'interoperability'])
      expect(specificity(w)).toBe(1);
  });
});
