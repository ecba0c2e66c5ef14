/** npm run data:report — coverage of the bundled dataset: by source and country, newest dates, sizes. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import type { Dataset } from '../src/core/schema';
import { DatasetIndex, loadDataset, type CompiledIndex } from '../src/core/dataset';

const path = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'data', 'dataset.json'));
const raw = readFileSync(path);
const rawIndex = readFileSync(join(dirname(path), 'index.json'));
const t0 = performance.now();
const data = loadDataset(JSON.parse(raw.toString('utf8'))) as Dataset;
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
  ['source', 'licence', 'people', 'tenures', 'newest date'],
  data.sources.map((s) => {
    const ts = data.tenures.filter((t) => t.src === s.id);
    const newest = ts.flatMap((t) => [t.start, t.end ?? '']).filter(Boolean).sort().at(-1) ?? '—';
    return [s.name, s.licence, data.people.filter((p) => p.src.includes(s.id)).length, ts.length, newest];
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
