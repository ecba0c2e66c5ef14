/** One holder at a time: the continuity check itself, and the core offices of the bundled dataset. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/core/schema';
import { DatasetIndex, loadDataset } from '../../src/core/dataset';
import { seriesReports, officeSeriesProblems, type SeriesTenure } from '../../src/core/continuity';
import { checkCore, coreCells, type KnownGap } from '../../scripts/dataset/core-offices';
import { annotate } from '../../src/core/annotate';

const ROOT = join(import.meta.dirname, '..', '..');
const raw = JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'));
const vacancies = raw.vacancies ?? [];
const data = loadDataset(raw) as Dataset;
const index = new DatasetIndex(data);
const knownGaps: KnownGap[] = JSON.parse(readFileSync(join(ROOT, 'data', 'curated', 'known-gaps.json'), 'utf8')).gaps;

const t = (holder: string, start: string, end?: string): SeriesTenure => ({ country: 'XX', office: 'hog', holder, start, ...(end ? { end } : {}) });
const window = { from: '2010-01-01', to: '2020-01-01' };

describe('continuity check', () => {
  it('finds a gap, an overlap and a late start, and accepts back-to-back holders', () => {
    expect(officeSeriesProblems([t('a', '2009-01-01', '2012-01-01'), t('b', '2012-01-01')], [], window)).toEqual([]);
    expect(officeSeriesProblems([t('a', '2009-01-01', '2012-01-01'), t('b', '2012-01-05')], [], window)).toEqual(['XX hog: no holder from 2012-01-01 to 2012-01-05 (4 days)']);
    expect(officeSeriesProblems([t('a', '2009-01-01', '2012-01-10'), t('b', '2012-01-05')], [], window)).toEqual(['XX hog: two holders from 2012-01-05 to 2012-01-10: a / b']);
    const late = seriesReports([t('a', '2011-01-01')], [], window)[0];
    expect(late.from).toBe('2011-01-01');
  });
  it('accepts a recorded vacancy, and one person listed twice is not two holders', () => {
    const vac = [{ country: 'XX', office: 'hog', start: '2012-01-01', end: '2012-01-05' }];
    expect(officeSeriesProblems([t('a', '2009-01-01', '2012-01-01'), t('b', '2012-01-05')], vac, window)).toEqual([]);
    expect(officeSeriesProblems([t('a', '2009-01-01', '2013-01-01'), t('a', '2012-01-01')], [], window)).toEqual([]);
  });
  it('checks a core office to the as-of date, so a series that stops early is a gap', () => {
    const r = seriesReports([t('a', '2009-01-01', '2015-01-01')], [], window, { toAsOf: () => true })[0];
    expect(r.gaps).toEqual([{ start: '2015-01-01', end: '2020-01-01' }]);
    expect(seriesReports([t('a', '2009-01-01', '2015-01-01')], [], window)[0].gaps).toEqual([]);
  });
});

describe('core offices in the bundled dataset', () => {
  const check = checkCore(data, vacancies, knownGaps);
  it('have one holder (or a recorded vacancy) on every day since 2010, except the stretches listed as not curated yet', () => {
    expect(check.problems).toEqual([]);
  });
  it('list no stretch as not curated that the data now covers (remove it from known-gaps.json)', () => {
    expect(check.stale).toEqual([]);
  });
  it('cover almost every cell of the matrix', () => {
    const cells = coreCells().filter((c) => !c.absent);
    expect(cells.length).toBeGreaterThan(280);
    expect(knownGaps.length / cells.length).toBeLessThan(0.07);
  });

  const holder = (country: string, office: string, date: string) =>
    data.tenures.filter((x) => x.country === country && x.office === office && x.start <= date && (x.end === undefined || date < x.end))
      .map((x) => data.people.find((p) => p.id === x.person)!.name);
  it.each([
    ['DE', 'foreign', '2015-06-01', 'Frank-Walter Steinmeier'],
    ['DE', 'hog', '2025-05-06', 'Friedrich Merz'],
    ['IT', 'finance', '2018-06-01', 'Giovanni Tria'],
    ['ES', 'hog', '2018-06-02', 'Pedro Sánchez'],
    ['JP', 'hog', '2021-10-04', 'Fumio Kishida'],
    ['IN', 'interior', '2020-01-01', 'Amit Shah'],
    ['UA', 'defence', '2023-09-06', 'Rustem Umerov'],
    ['AU', 'hog', '2022-05-23', 'Anthony Albanese'],
    ['AU', 'hog', '2022-05-22', 'Scott Morrison'],
    ['AU', 'opposition_leader', '2022-05-30', 'Peter Dutton'],
    ['CA', 'finance', '2024-12-16', 'Dominic LeBlanc'],
    ['CA', 'hog', '2025-03-14', 'Mark Carney'],
    ['GB', 'hos', '2022-09-08', 'King Charles III'],
    ['GB', 'hos', '2022-09-07', 'Queen Elizabeth II'],
    ['US', 'foreign', '2017-01-25', 'Thomas Shannon'],
  ])('%s %s on %s: %s', (country, office, date, name) => {
    expect(holder(country, office, date)).toEqual([name]);
  });
});

describe('the office on the date, across the new ground', () => {
  const read = (text: string, date: string) => annotate(index, { text, meta: { jsonLd: [], metas: [], times: [] }, date, today: '2026-12-06' }).people.map((p) => `${p.name}:${p.role}`);
  it('names a German, Australian, Canadian and Ukrainian minister, a monarch, a mayor and a US appointee', () => {
    expect(read('Annalena Baerbock met Penny Wong and Mélanie Joly.', '2023-03-01')).toEqual(['Annalena Baerbock:Foreign Minister', 'Penny Wong:Foreign Minister', 'Mélanie Joly:Foreign Minister']);
    expect(read('King Charles III spoke to Sadiq Khan.', '2023-05-06')).toEqual(['King Charles III:King', 'Sadiq Khan:Mayor of London']);
    expect(read('James Comey testified.', '2016-07-07')).toEqual(['James Comey:FBI Director']);
  });
  it('names members of Congress before the current one, with the office they held then', () => {
    expect(read('Rep. Anthony Weiner spoke.', '2010-06-01')).toEqual(['Anthony Weiner:Representative']);
    expect(read('Tip O\'Neill and Bob Dole met.', '1987-02-01')).toEqual(['Tip O\'Neill:null', 'Bob Dole:Senate Minority Leader']);
    expect(read('Former Rep. Anthony Weiner spoke.', '2014-06-01')).toEqual(['Anthony Weiner:null']);
  });
  it('says when the article is newer than the source that answered', () => {
    const r = annotate(index, { text: 'Dominic LeBlanc spoke.', meta: { jsonLd: [], metas: [], times: [] }, date: '2026-11-01', today: '2026-12-06' });
    expect(r.people[0].dataRunsTo).toBe('2026-07-24');
    expect(r.sources.map((s) => [s.id, s.asOf])).toContainEqual(['canada', '2026-07-24']);
  });
});
