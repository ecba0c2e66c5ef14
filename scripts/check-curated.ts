/**
 * Checks one or more curated layers (data/curated/*.json) on their own, without
 * ../shared: shape, dates, source URLs, and continuity of every office series
 * (one holder at a time, no gap, no overlap, unless a vacancy is recorded).
 *
 *   npx tsx scripts/check-curated.ts data/curated/FILE.json [...]
 *
 * Exit 0 when clean, 1 with one line per problem otherwise.
 */
import { readFileSync } from 'node:fs';
import { unfitSource } from './source-urls';
import { officeSeriesProblems, type SeriesTenure, type Vacancy } from '../src/core/continuity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export function checkLayer(file: string, text: string, asOf: string): string[] {
  const problems: string[] = [];
  const at = (where: string, what: string) => problems.push(`${file}: ${where}: ${what}`);
  let layer: any;
  try {
    layer = JSON.parse(text);
  } catch (e) {
    return [`${file}: not JSON: ${(e as Error).message}`];
  }
  const people: any[] = Array.isArray(layer.people) ? layer.people : [];
  const tenures: any[] = Array.isArray(layer.tenures) ? layer.tenures : [];
  const vacancies: any[] = Array.isArray(layer.vacancies) ? layer.vacancies : [];
  const refs = new Set<string>();
  for (const [i, p] of people.entries()) {
    const w = `people[${i}] ${p?.ref ?? ''}`;
    if (typeof p?.ref !== 'string' || !/^[A-Z]{2}:\S/.test(p.ref)) at(w, 'ref must be "CC:Name"');
    if (typeof p?.name !== 'string' || !p.name.trim()) at(w, 'name missing');
    if (typeof p?.country !== 'string' || !/^[A-Z]{2}$/.test(p.country)) at(w, 'country must be two capital letters');
    if (p?.aliases !== undefined && !(Array.isArray(p.aliases) && p.aliases.every((a: unknown) => typeof a === 'string'))) at(w, 'aliases must be strings');
    if (p?.wikidata !== undefined && !/^Q\d+$/.test(p.wikidata)) at(w, 'wikidata must be a QID');
    const bad = typeof p?.url === 'string' ? unfitSource(p.url) : 'url missing';
    if (bad) at(w, bad);
    if (refs.has(p?.ref)) at(w, 'ref listed twice');
    refs.add(p?.ref);
  }
  const series: SeriesTenure[] = [];
  for (const [i, t] of tenures.entries()) {
    const w = `tenures[${i}] ${t?.person ?? ''} ${t?.short ?? ''}`;
    if (typeof t?.person !== 'string' || !/^[A-Z]{2}:\S/.test(t.person)) at(w, 'person must be a ref "CC:Name"');
    for (const k of ['title', 'short']) if (typeof t?.[k] !== 'string' || !t[k].trim()) at(w, `${k} missing`);
    if (typeof t?.country !== 'string' || !/^[A-Z]{2}$/.test(t.country)) at(w, 'country must be two capital letters');
    if (!validDate(t?.start)) at(w, `start "${t?.start}" is not a date`);
    if (t?.end != null && !validDate(t?.end)) at(w, `end "${t?.end}" is not a date or null`);
    if (validDate(t?.start) && validDate(t?.end) && t.end <= t.start) at(w, 'end is not after start (ends are exclusive)');
    if (validDate(t?.start) && t.start > asOf) at(w, `starts after ${asOf}`);
    if (t?.rank !== undefined && !(Number.isInteger(t.rank) && t.rank >= 1 && t.rank <= 9)) at(w, 'rank must be 1..9');
    if (t?.office !== undefined && (typeof t.office !== 'string' || !/^[a-z][a-z0-9_]*$/.test(t.office))) at(w, 'office must be a lower_case key');
    if (t?.checked !== undefined && !(validDate(t.checked) && t.checked <= asOf)) at(w, 'checked must be the date (YYYY-MM-DD) the dates were confirmed at url');
    const bad = typeof t?.url === 'string' ? unfitSource(t.url) : 'url missing';
    if (bad) at(w, bad);
    if (typeof t?.office === 'string' && validDate(t?.start) && (t.end == null || validDate(t.end))) {
      series.push({ country: t.country, office: t.office, holder: t.person, start: t.start, end: t.end ?? undefined, where: w });
    }
  }
  const vac: Vacancy[] = [];
  for (const [i, v] of vacancies.entries()) {
    const w = `vacancies[${i}] ${v?.country ?? ''} ${v?.office ?? ''}`;
    if (!validDate(v?.start) || !(v?.end == null || validDate(v?.end))) at(w, 'start/end must be dates (end may be null)');
    const bad = typeof v?.url === 'string' ? unfitSource(v.url) : 'url missing';
    if (bad) at(w, bad);
    if (typeof v?.note !== 'string' || !v.note.trim()) at(w, 'note missing (say why the office was empty)');
    vac.push({ country: v?.country, office: v?.office, start: v?.start, end: v?.end ?? undefined });
  }
  for (const p of officeSeriesProblems(series, vac, { from: '2010-01-01', to: asOf })) problems.push(`${file}: ${p}`);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('check-curated.ts')) {
  const files = process.argv.slice(2);
  const asOf = new Date().toISOString().slice(0, 10);
  const problems = files.flatMap((f) => checkLayer(f, readFileSync(f, 'utf8'), asOf));
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s)` : `ok: ${files.join(', ')}`);
  process.exit(problems.length ? 1 : 0);
}
