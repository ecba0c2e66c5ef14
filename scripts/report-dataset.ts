/** npm run data:report — coverage of the bundled dataset: by source and country, newest dates, sizes. */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import type { Dataset } from '../src/core/schema';
import { DatasetIndex, loadDataset, type CompiledIndex } from '../src/core/dataset';
import type { Vacancy } from '../src/core/continuity';
import { CORE_FROM, checkCore, coreCells, officeReports, type KnownGap } from './dataset/core-offices';

const path = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'data', 'dataset.json'));
const raw = readFileSync(path);
const rawIndex = readFileSync(join(dirname(path), 'index.json'));
const t0 = performance.now();
const parsed = JSON.parse(raw.toString('utf8'));
const vacancies: Vacancy[] = parsed.vacancies ?? [];
const data = loadDataset(parsed) as Dataset;
const compiled = JSON.parse(rawIndex.toString('utf8')) as CompiledIndex;
const t1 = performance.now();
new DatasetIndex(data, compiled);
const t2 = performance.now();

const table = (head: string[], rows: (string | number)[][]) => {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r, k) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + (k === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
};

console.log(`Dataset ${path}\nas of ${data.asOf}; ${data.people.length} people, ${data.tenures.length} tenures, ${data.pledges.length} pledges\n`);
console.log(table(
  ['source', 'licence', 'as of', 'people', 'tenures', 'newest date'],
  data.sources.map((s) => {
    const ts = data.tenures.filter((t) => t.src === s.id);
    const newest = ts.flatMap((t) => [t.start, t.end ?? '']).filter(Boolean).sort().at(-1) ?? '—';
    return [s.name.length > 60 ? `${s.name.slice(0, 57)}...` : s.name, s.licence.length > 40 ? `${s.licence.slice(0, 37)}...` : s.licence, s.asOf ?? '—', data.people.filter((p) => p.src.includes(s.id)).length, ts.length, newest];
  }),
));
const countries = [...new Set(data.people.map((p) => p.country))].sort();
console.log('\n' + table(
  ['country', 'people', 'tenures', 'in office now', 'pledges'],
  countries.map((c) => [
    c,
    data.people.filter((p) => p.country === c).length,
    data.tenures.filter((t) => t.country === c).length,
    data.tenures.filter((t) => t.country === c && !t.end).length,
    data.pledges.filter((p) => p.id.startsWith(`${c === 'GB' ? 'uk' : c.toLowerCase()}-`)).length,
  ]),
));
console.log(`\ndataset.json ${(raw.length / 1024).toFixed(0)} kB raw, ${(gzipSync(raw).length / 1024).toFixed(0)} kB gzip; index.json ${(rawIndex.length / 1024).toFixed(0)} kB raw, ${(gzipSync(rawIndex).length / 1024).toFixed(0)} kB gzip`);
console.log(`load in Node ${process.version}: parse both ${(t1 - t0).toFixed(0)} ms, link the compiled index ${(t2 - t1).toFixed(0)} ms`);

// The core offices: days covered since 2010 out of the days to the as-of date, and every gap.
const reports = new Map(officeReports(data, vacancies).map((r) => [`${r.country}|${r.office}`, r]));
const cells = coreCells();
const offices = [...new Set(cells.map((c) => c.office))];
const countriesCore = [...new Set(cells.map((c) => c.country))];
const problems: string[] = [];
const matrix = countriesCore.map((country) => [country, ...offices.map((office) => {
  const cell = cells.find((c) => c.country === country && c.office === office);
  if (!cell) return '';
  if (cell.absent) return 'n/a';
  const r = reports.get(`${country}|${office}`);
  if (!r || !r.holders) {
    problems.push(`${country} ${office}: no holder in the data`);
    return 'none';
  }
  if (r.from > CORE_FROM) problems.push(`${country} ${office}: no holder from ${CORE_FROM} to ${r.from}`);
  for (const g of r.gaps) problems.push(`${country} ${office}: no holder from ${g.start} to ${g.end}`);
  for (const o of r.overlaps) problems.push(`${country} ${office}: two holders from ${o.start} to ${o.end} (${o.a} / ${o.b})`);
  const pct = (100 * r.daysCovered) / r.daysInWindow;
  return r.gaps.length || r.overlaps.length || r.from > CORE_FROM ? `${pct.toFixed(0)}%!` : pct >= 99.95 ? '100%' : `${pct.toFixed(1)}%`;
})]);
console.log(`\nCore offices: share of days since ${CORE_FROM} with one holder (or a recorded vacancy) to ${data.asOf}; "!" marks a gap or overlap, n/a an office the country does not have\n`);
console.log(table(['', ...offices.map((o) => o.replace('opposition_leader', 'opposition').replace('speaker_', 'spk_'))], matrix));
const knownGaps: KnownGap[] = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'curated', 'known-gaps.json'), 'utf8')).gaps;
const check = checkCore(data, vacancies, knownGaps);
console.log(`\n${cells.filter((c) => !c.absent).length} core cells; ${check.problems.length} gaps or overlaps not accounted for${check.problems.length ? `:\n  ${check.problems.join('\n  ')}` : ''}`);
console.log(`${check.known.length} stretches not curated yet (data/curated/known-gaps.json)${check.known.length ? `:\n  ${check.known.join('\n  ')}` : ''}`);
if (check.stale.length) console.log(`Known gaps that are now filled (remove them): ${check.stale.map((k) => `${k.country} ${k.office} from ${k.start}`).join('; ')}`);
void problems;
const other = [...reports.values()].filter((r) => !cells.some((c) => c.country === r.country && c.office === r.office));
console.log(`\nOther single-holder offices (${other.length}): ${other.filter((r) => r.gaps.length || r.overlaps.length).length} with a gap or overlap`);
for (const r of other) for (const g of r.gaps) console.log(`  ${r.country} ${r.office}: no holder from ${g.start} to ${g.end}`);
for (const r of other) for (const o of r.overlaps) console.log(`  ${r.country} ${r.office}: two holders from ${o.start} to ${o.end} (${o.a} / ${o.b})`);

// Hand-curated dates re-checked with the search tool (docs/curating.md, `checked`), per layer.
const curatedDir = join(import.meta.dirname, '..', 'data', 'curated');
const layerRows = readdirSync(curatedDir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => {
  const tenures = (JSON.parse(readFileSync(join(curatedDir, f), 'utf8')) as { tenures?: { checked?: string }[] }).tenures ?? [];
  return tenures.length ? [[f, tenures.length, tenures.filter((t) => t.checked).length] as [string, number, number]] : [];
});
const all = layerRows.reduce((a, [, n]) => a + n, 0);
const checked = layerRows.reduce((a, [, , k]) => a + k, 0);
console.log(`\nCurated tenures whose dates were re-checked at their source (\`checked\`): ${checked} of ${all}\n`);
console.log(table(['layer', 'tenures', 'checked'], layerRows));
