/**
 * The core offices Nameplate promises to know on every day since 1 January 2010 (issue 13):
 * head of state and government, foreign, finance and defence ministers for the G20, the EU 27 and
 * a few more; deputy head of government, interior and justice ministers, the leader of the
 * opposition and the presiding officers for nine big democracies. `npm run data:report` prints the
 * matrix; the build and the unit suite fail on a gap or overlap in it.
 */
import type { Dataset } from '../../src/core/schema';
import { seriesReports, type SeriesReport, type SeriesTenure, type Vacancy } from '../../src/core/continuity';

export const CORE_FROM = '2010-01-01';

const G20 = ['AR', 'AU', 'BR', 'CA', 'CN', 'FR', 'DE', 'IN', 'ID', 'IT', 'JP', 'MX', 'RU', 'SA', 'ZA', 'KR', 'TR', 'GB', 'US'];
const EU27 = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
const MORE = ['NZ', 'NO', 'CH', 'UA', 'IL'];
export const CORE_COUNTRIES = [...new Set([...G20, ...EU27, ...MORE])].sort();
export const BIG_NINE = ['GB', 'CA', 'AU', 'DE', 'FR', 'IT', 'ES', 'JP', 'IN'];

export const CORE_OFFICES = ['hos', 'hog', 'foreign', 'finance', 'defence'] as const;
export const BIG_NINE_OFFICES = ['deputy_hog', 'interior', 'justice', 'opposition_leader', 'speaker_lower', 'speaker_upper'] as const;

/** Offices a country does not have (a presidential system has no separate head of government). */
const NOT_AN_OFFICE: Record<string, string> = {
  'AR|hog': 'presidential system', 'BR|hog': 'presidential system', 'ID|hog': 'presidential system', 'MX|hog': 'presidential system',
  'ZA|hog': 'presidential system', 'US|hog': 'presidential system', 'CY|hog': 'presidential system',
  'CH|hog': 'the Federal Council governs collectively; its president is listed as head of state',
  'FR|deputy_hog': 'no such office', 'IN|deputy_hog': 'no Deputy Prime Minister since 2004',
  'FR|opposition_leader': 'no such office',
};

/** Every country × office the matrix covers, with why an office is absent where it is. */
export function coreCells(): { country: string; office: string; absent?: string }[] {
  const cells: { country: string; office: string; absent?: string }[] = [];
  for (const country of CORE_COUNTRIES) {
    const offices = [...CORE_OFFICES, ...(BIG_NINE.includes(country) ? BIG_NINE_OFFICES : [])];
    for (const office of offices) cells.push({ country, office, ...(NOT_AN_OFFICE[`${country}|${office}`] ? { absent: NOT_AN_OFFICE[`${country}|${office}`] } : {}) });
  }
  return cells;
}

/** The continuity report of every office series in the dataset, over 2010 → its as-of date. */
export function officeReports(d: Pick<Dataset, 'tenures' | 'asOf'>, vacancies: Vacancy[]): SeriesReport[] {
  // A core office runs to the as-of date (an abolished one says so with an open vacancy); others may end.
  const core = new Set(coreCells().map((c) => `${c.country}|${c.office}`));
  const list: SeriesTenure[] = d.tenures.filter((t) => t.office).map((t) => ({ country: t.country, office: t.office!, holder: t.person, start: t.start, ...(t.end ? { end: t.end } : {}), where: `${t.person} (${t.src})` }));
  return seriesReports(list, vacancies, { from: CORE_FROM, to: d.asOf }, { toAsOf: (country, office) => core.has(`${country}|${office}`) });
}

/** A stretch of a core office the data does not cover yet, written down with why (data/curated/known-gaps.json). */
export interface KnownGap { country: string; office: string; start: string; end: string | null; why: string }

export interface CoreCheck {
  /** Gaps no known-gap entry explains, and every overlap. */
  problems: string[];
  /** Known gaps still open, as readable lines. */
  known: string[];
  /** Known-gap entries that no longer match a gap (the data was filled: remove them). */
  stale: KnownGap[];
}

/** Gaps and overlaps in the core matrix, and core cells with no holder at all, against the known gaps. */
export function checkCore(d: Pick<Dataset, 'tenures' | 'asOf'>, vacancies: Vacancy[], knownGaps: KnownGap[] = []): CoreCheck {
  const reports = new Map(officeReports(d, vacancies).map((r) => [`${r.country}|${r.office}`, r]));
  const gaps: { country: string; office: string; start: string; end: string | null; text: string }[] = [];
  const problems: string[] = [];
  for (const cell of coreCells()) {
    if (cell.absent) continue;
    const r = reports.get(`${cell.country}|${cell.office}`);
    const add = (start: string, end: string | null, text: string) => gaps.push({ country: cell.country, office: cell.office, start, end, text });
    if (!r || !r.holders) {
      add(CORE_FROM, null, `${cell.country} ${cell.office}: no holder in the data`);
      continue;
    }
    if (r.from > CORE_FROM) add(CORE_FROM, r.from, `${cell.country} ${cell.office}: no holder from ${CORE_FROM} to ${r.from}`);
    for (const g of r.gaps) add(g.start, g.end >= d.asOf ? null : g.end, `${cell.country} ${cell.office}: no holder from ${g.start} to ${g.end}`);
    for (const o of r.overlaps) problems.push(`${cell.country} ${cell.office}: two holders from ${o.start} to ${o.end}: ${o.a} / ${o.b}`);
  }
  const same = (k: KnownGap, g: (typeof gaps)[number]) => k.country === g.country && k.office === g.office && k.start === g.start && (k.end ?? null) === g.end;
  const known: string[] = [];
  for (const g of gaps) {
    const k = knownGaps.find((x) => same(x, g));
    if (k) known.push(`${g.text} — ${k.why}`);
    else problems.push(g.text);
  }
  const stale = knownGaps.filter((k) => !gaps.some((g) => same(k, g)));
  return { problems, known, stale };
}

/** Every gap and overlap in the core matrix, known or not (the build prints the count). */
export function coreSeriesProblems(d: Pick<Dataset, 'tenures' | 'asOf'>, vacancies: Vacancy[]): string[] {
  const r = checkCore(d, vacancies);
  return r.problems;
}
