/**
 * Builds data/dataset.json (and the compiled matcher, data/index.json) from the open-data
 * sources in ../shared/data and the curated layers in data/curated. A pipeline (ADR 0008):
 * one adapter per source (scripts/dataset/sources/) hands people and tenures to one identity
 * reconciler (scripts/dataset/registry.ts); then merge, validate and compile. Deterministic:
 * the same inputs give the same bytes (no clock, sorted output). See docs/dataset.md.
 *
 *   npm run data:build [-- --shared PATH] [--out PATH] [--index-out PATH] [--curated PATH]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Dataset } from '../src/core/schema';
import { exportIndex, packDataset } from '../src/core/dataset';
import { validateDataset } from './validate-dataset';
import { Registry } from './dataset/registry';
import type { SourceAdapter } from './dataset/adapter';
import { bridgeHandovers, closeOpenSeries, dropImpossible, mergeTenures, preferCurated } from './dataset/merge';
import { surnameFlags } from './dataset/surnames';
import { loadPledges } from './dataset/pledges';
import { ifg } from './dataset/sources/ifg';
import { ukElections } from './dataset/sources/uk-elections';
import { mpLookup } from './dataset/sources/mp-lookup';
import { congress } from './dataset/sources/congress';
import { assemblee } from './dataset/sources/assemblee';
import { anDeputes } from './dataset/sources/an-deputes';
import { meps } from './dataset/sources/meps';
import { scotland } from './dataset/sources/scotland';
import { wikidataLeaders } from './dataset/sources/wikidata-leaders';
import { openAustralia } from './dataset/sources/openaustralia';
import { canada } from './dataset/sources/canada';
import { congressHistory } from './dataset/sources/congress-history';
import { parlparse2010 } from './dataset/sources/parlparse-2010';
import { curated, curatedVacancies } from './dataset/sources/curated';
import { coreSeriesProblems } from './dataset/core-offices';

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(argValue('--shared') ?? join(ROOT, '..', 'shared', 'data'));
const OUT = resolve(argValue('--out') ?? join(ROOT, 'data', 'dataset.json'));
const INDEX_OUT = resolve(argValue('--index-out') ?? join(dirname(OUT), 'index.json'));
const CURATED = resolve(argValue('--curated') ?? join(ROOT, 'data', 'curated'));

if (!existsSync(join(SHARED, 'SOURCES.md'))) {
  console.error(`data:build: source data not found at ${SHARED} (pass --shared PATH). The committed data/dataset.json is still usable.`);
  process.exit(2);
}

/**
 * The adapters, in the order they are reconciled: a source read earlier gives a person their id
 * and main name, so the sources with national ids come first and the curated layers last.
 */
const ADAPTERS: SourceAdapter[] = [
  ifg, ukElections, mpLookup, parlparse2010, congress, congressHistory, assemblee, anDeputes, meps, scotland, openAustralia, canada, wikidataLeaders, curated,
];
/** Sources whose rows for an office give way to a curated series of that office. */
const WEAKER = new Set(['wikidata']);

const registry = new Registry();
const ctx = { shared: SHARED, curated: CURATED, registry };
for (const a of ADAPTERS) a.load(ctx);
const pledges = loadPledges(CURATED, registry);

const unsure = registry.joins.filter((j) => j.unsure);
console.log(`data:build: ${registry.joins.length} people joined across sources by name, ${unsure.length} unsure (parties on record disagree, or joined across countries):`);
for (const j of unsure) console.log(`  ${j.src}: "${j.name}" (${j.country}) joined to ${j.to} by ${j.how}`);

const people = [...registry.people.values()];
const dataset: Dataset = {
  schema: 1,
  asOf: ADAPTERS.map((a) => a.source.asOf).sort().at(-1)!,
  sources: ADAPTERS.map((a) => a.source),
  people: people.filter((p) => p.src.length).sort((a, b) => a.id.localeCompare(b.id)),
  tenures: mergeTenures(bridgeHandovers(closeOpenSeries(preferCurated(dropImpossible(registry.tenures), WEAKER)))).sort((a, b) => a.person.localeCompare(b.person) || a.start.localeCompare(b.start) || a.short.localeCompare(b.short)),
  pledges: pledges.sort((a, b) => a.id.localeCompare(b.id)),
  surnames: surnameFlags(people, ROOT),
};
const problems = validateDataset(dataset);
// One holder at a time for the core offices (docs/dataset.md): the unit suite fails on a gap or overlap.
const continuity = coreSeriesProblems(dataset, curatedVacancies);
if (continuity.length) console.warn(`data:build: ${continuity.length} gaps or overlaps in the core offices (npm run data:report lists them)`);
if (problems.length) {
  console.error(`data:build: the built dataset is invalid:\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
writeFileSync(OUT, JSON.stringify({ ...packDataset(dataset), vacancies: curatedVacancies }) + '\n');
// The matcher, compiled now so the service worker loads it instead of rebuilding it on every wake.
writeFileSync(INDEX_OUT, JSON.stringify(exportIndex(dataset)) + '\n');
console.log(`data:build: wrote ${OUT}: ${dataset.people.length} people, ${dataset.tenures.length} tenures, ${dataset.pledges.length} pledges, as of ${dataset.asOf}`);
