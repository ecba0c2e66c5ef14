import { describe, expect, it } from 'vitest';
import { fold, nameKey } from '../../src/core/normalise';

describe('fold', () => {
  it('keeps the length of the text so offsets stay valid', () => {
    for (const s of ['Gérald Darmanin', 'Sunak’s pledge', 'Élisabeth Borne', 'Mélenchon\u00a0said', 'Jacob Rees‐Mogg', '😀 emoji Ω']) {
      expect(fold(s)).toHaveLength(s.length);
    }
  });
  it('drops accents, lower-cases and unifies apostrophes and spaces', () => {
    expect(fold('Gérald DARMANIN')).toBe('gerald darmanin');
    expect(fold('Sunak’s')).toBe("sunak's");
    expect(fold('a\u00a0b')).toBe('a b');
    expect(fold('Łukasz Øster')).toBe('lukasz oster');
  });
  it('builds name keys from word tokens', () => {
    expect(nameKey('  Jacob Rees-Mogg ')).toBe('jacob rees mogg');
    expect(nameKey('Ursula von der Leyen')).toBe('ursula von der leyen');
  });
});
