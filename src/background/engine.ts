/**
 * The loaded dataset and its index, built once per service-worker life from
 * build-time output. The data ships as JSON files in the package and is read
 * with fetch (a file inside the extension, no network): parsing JSON that way
 * is several times cheaper than evaluating it as part of the worker's script.
 */
import datasetUrl from '../../data/dataset.json?url';
import indexUrl from '../../data/index.json?url';
import { DatasetIndex, loadDataset, type CompiledIndex } from '../core/dataset';

let loading: Promise<DatasetIndex> | undefined;
const timings = { dataLoadedAtMs: 0, indexBuildMs: 0 };

async function readJson(url: string): Promise<unknown> {
  const res = await fetch(chrome.runtime.getURL(url));
  if (!res.ok) throw new Error(`Nameplate: cannot read bundled ${url} (${res.status})`);
  return res.json();
}

/**
 * The bundled dataset with its build-time index. What pages are annotated with
 * is `activeIndex()` (sources.ts): this one, or one built from it without the
 * sources the reader switched off and with their imports.
 */
export function getIndex(): Promise<DatasetIndex> {
  loading ??= (async () => {
    const [data, compiled] = await Promise.all([readJson(datasetUrl), readJson(indexUrl)]);
    const t = performance.now();
    timings.dataLoadedAtMs = Math.round(t);
    const index = new DatasetIndex(loadDataset(data), compiled as CompiledIndex);
    timings.indexBuildMs = Math.round(performance.now() - t);
    return index;
  })();
  return loading;
}

/** Start-up costs of this worker's life, for the benchmark. */
export function startupTimings(): { dataLoadedAtMs: number; indexBuildMs: number } {
  return timings;
}

// Start loading as soon as the worker wakes, in parallel with the message that woke it.
void getIndex();
