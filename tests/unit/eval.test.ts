/** The golden corpus (tests/corpus): the accuracy goals hold, and hard negatives mark nobody. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GOALS, evaluate } from '../../src/cli/evaluate';
import { annotateArticle, readArticle } from '../../src/cli/run';

const DIR = join(import.meta.dirname, '..', 'corpus');

describe('golden corpus', () => {
  const r = evaluate(DIR);
  it('has at least 30 articles', () => expect(r.files).toBeGreaterThanOrEqual(30));
  it(`meets precision ≥ ${GOALS.precision}, recall ≥ ${GOALS.recall} and office accuracy ≥ ${GOALS.officeAccuracy}`, () => {
    expect(r.precision).toBeGreaterThanOrEqual(GOALS.precision);
    expect(r.recall).toBeGreaterThanOrEqual(GOALS.recall);
    expect(r.officeAccuracy).toBeGreaterThanOrEqual(GOALS.officeAccuracy);
  });
  it('finds every article date and reports no failure', () => {
    expect(r.datesCorrect).toBe(r.files);
    expect(r.failures).toEqual([]);
  });
  it('marks nobody in sport, markets, building and local stories full of politician-like surnames (but the one official a story names)', () => {
    const negatives = readdirSync(DIR).filter((f) => /-neg-.*\.(html|txt)$/.test(f));
    expect(negatives.length).toBeGreaterThanOrEqual(16);
    for (const f of negatives) {
      const a = annotateArticle(readArticle(readFileSync(join(DIR, f), 'utf8'), f));
      const expected = JSON.parse(readFileSync(join(DIR, f.replace(/\.(html|txt)$/, '.expected.json')), 'utf8')) as { people: { name: string }[] };
      expect(expected.people.length, f).toBeLessThanOrEqual(1);
      expect(a.people.map((p) => p.name), f).toEqual(expected.people.map((p) => p.name));
    }
  });
});
