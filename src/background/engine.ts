/**
 * The loaded dataset and its index, built once per service-worker life from build-time
 * output: the bundled files, or a signed data package downloaded later (updates.ts), when it
 * is newer than the bundled data. Both are JSON read with fetch or from IndexedDB: parsing
 * JSON is several times cheaper than evaluating it as part of the worker's script.
 */
import datasetUrl from '../../data/dataset.json?url';
import indexUrl from '../../data/index.json?url';
import { DatasetIndex, loadDataset, type CompiledIndex } from '../core/dataset';
import type { PackageManifest } from '../core/update/package';
import { readPackage } from './package-store';

declare const __NP_BUNDLED_VERSION__: number;
/** The version of the data bundled with this build (YYYYMMDD00 of its as-of date). */
export const BUNDLED_VERSION: number = __NP_BUNDLED_VERSION__;

export interface DataOrigin {
  origin: 'bundled' | 'update';
  version: number;
  /** The package's manifest, for an update. */
  manifest?: PackageManifest;
  installedAt?: string;
}

let loading: Promise<DatasetIndex> | undefined;
let origin: DataOrigin = { origin: 'bundled', version: BUNDLED_VERSION };
const timings = { dataLoadedAtMs: 0, indexBuildMs: 0 };

async function readJson(url: string): Promise<unknown> {
  const res = await fetch(chrome.runtime.getURL(url));
  if (!res.ok) throw new Error(`Nameplate: cannot read bundled ${url} (${res.status})`);
  return res.json();
}

function build(data: unknown, compiled: unknown): DatasetIndex {
  const t = performance.now();
  timings.dataLoadedAtMs = Math.round(t);
  const index = new DatasetIndex(loadDataset(data), compiled as CompiledIndex);
  timings.indexBuildMs = Math.round(performance.now() - t);
  return index;
}

async function loadBundled(): Promise<DatasetIndex> {
  const [data, compiled] = await Promise.all([readJson(datasetUrl), readJson(indexUrl)]);
  origin = { origin: 'bundled', version: BUNDLED_VERSION };
  return build(data, compiled);
}

/**
 * The data in use, with its build-time index. What pages are annotated with is `activeIndex()`
 * (sources.ts): this one, or one built from it without the sources the reader switched off and
 * with their imports.
 */
export function getIndex(): Promise<DatasetIndex> {
  loading ??= (async () => {
    // Read the bundled files and look for a downloaded package at the same time: the common case
    // (no newer package) then pays nothing for the look-up.
    const bundled = Promise.all([readJson(datasetUrl), readJson(indexUrl)]);
    bundled.catch(() => undefined);
    const stored = await readPackage();
    if (stored && stored.manifest.version > BUNDLED_VERSION) {
      try {
        const index = build(JSON.parse(stored.dataset), JSON.parse(stored.index));
        origin = { origin: 'update', version: stored.manifest.version, manifest: stored.manifest, installedAt: stored.installedAt };
        return index;
      } catch {
        // A stored package that no longer loads is ignored: the bundled data is the floor.
      }
    }
    const [data, compiled] = await bundled;
    origin = { origin: 'bundled', version: BUNDLED_VERSION };
    return build(data, compiled);
  })();
  return loading;
}

/** Switch to newly verified data at once (the next request uses it). */
export function useIndex(index: DatasetIndex, next: DataOrigin): void {
  loading = Promise.resolve(index);
  origin = next;
}

/** Back to the bundled data. */
export function useBundled(): Promise<DatasetIndex> {
  loading = loadBundled();
  return loading;
}

export const dataOrigin = (): DataOrigin => origin;

/** Start-up costs of this worker's life, for the benchmark. */
export function startupTimings(): { dataLoadedAtMs: number; indexBuildMs: number } {
  return timings;
}

// Start loading as soon as the worker wakes, in parallel with the message that woke it.
void getIndex();
