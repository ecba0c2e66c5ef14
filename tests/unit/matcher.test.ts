import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';

const m = new Matcher<string>();
m.add('Gérald Darmanin', 'darmanin-full');
m.add('Darmanin', 'darmanin');
m.add('Jacob Rees-Mogg', 'jrm');
m.add('Rees-Mogg', 'jrm-surname');
m.add('George W. Bush', 'gwb');
m.add('stop the boats', 'pledge');

const found = (text: string) => m.find(text).map((x) => [text.slice(x.start, x.end), x.values[0]]);

describe('Matcher', () => {
  it('matches with or without accents, and reports offsets in the original text', () => {
    expect(found('Talks with Gerald Darmanin and Gérald Darmanin.')).toEqual([
      ['Gerald Darmanin', 'darmanin-full'],
      ['Gérald Darmanin', 'darmanin-full'],
    ]);
  });
  it('prefers the longest phrase at a position', () => {
    expect(found('Jacob Rees-Mogg met Rees-Mogg')).toEqual([['Jacob Rees-Mogg', 'jrm'], ['Rees-Mogg', 'jrm-surname']]);
  });
  it('handles possessives, curly quotes and non-breaking spaces', () => {
    expect(found('Darmanin’s plan')).toEqual([['Darmanin', 'darmanin']]);
    expect(found('Gérald\u00a0Darmanin')).toEqual([['Gérald\u00a0Darmanin', 'darmanin-full']]);
  });
  it('accepts the full stop of an initial but no other punctuation inside a name', () => {
    expect(found('George W. Bush said')).toEqual([['George W. Bush', 'gwb']]);
    expect(found('Jacob, Rees-Mogg')).toEqual([['Rees-Mogg', 'jrm-surname']]);
    expect(found('Gérald\n\nDarmanin')).toEqual([['Darmanin', 'darmanin']]);
  });
  it('matches case-insensitively, including all-caps headlines', () => {
    expect(found('STOP THE BOATS, SAYS DARMANIN')).toEqual([['STOP THE BOATS', 'pledge'], ['DARMANIN', 'darmanin']]);
  });
  it('does not match inside longer words', () => {
    expect(found('Darmaninism and Reesmogg')).toEqual([]);
  });
});
