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
import { clearPackage, readMeta, readPackage, readSnapshot, writeSnapshot } from './package-store';
import { indexFromSnapshot, makeSnapshot } from '../core/snapshot';

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
const timings = { dataLoadedAtMs: 0, indexBuildMs: 0, fromSnapshot: false };

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
  const index = build(data, compiled);
  keepSnapshot(index, compiled as CompiledIndex, BUNDLED_KEY);
  return index;
}

/**
 * The data in use, with its build-time index. What pages are annotated with is `activeIndex()`
 * (sources.ts): this one, or one built from it without the sources the reader switched off and
 * with their imports.
 */
export function getIndex(): Promise<DatasetIndex> {
  loading ??= (async () => {
    const meta = await readMeta();
    const update = meta && meta.manifest.version > BUNDLED_VERSION ? meta : undefined;
    // A snapshot is for exactly one dataset: the bundled files (by their hashed names) or one package.
    const key = update ? `update:${update.manifest.version}:${update.installedAt}` : BUNDLED_KEY;
    const next: DataOrigin = update ? { origin: 'update', version: update.manifest.version, manifest: update.manifest, installedAt: update.installedAt } : { origin: 'bundled', version: BUNDLED_VERSION };
    const t = performance.now();
    const snap = await readSnapshot();
    if (snap?.key === `${chrome.runtime.getManifest().version}|${key}`) {
      try {
        const index = indexFromSnapshot(snap);
        timings.dataLoadedAtMs = Math.round(performance.now());
        timings.indexBuildMs = Math.round(performance.now() - t);
        timings.fromSnapshot = true;
        origin = next;
        return index;
      } catch {
        // An unreadable snapshot is rebuilt below.
      }
    }
    if (update) {
      try {
        const stored = await readPackage();
        const compiled = JSON.parse(stored!.index) as CompiledIndex;
        const index = build(JSON.parse(stored!.dataset), compiled);
        origin = next;
        keepSnapshot(index, compiled, key);
        return index;
      } catch {
        // A stored package that no longer loads is dropped: the bundled data is the floor.
        await clearPackage().catch(() => undefined);
      }
    }
    const [data, compiled] = await Promise.all([readJson(datasetUrl), readJson(indexUrl)]);
    origin = { origin: 'bundled', version: BUNDLED_VERSION };
    const index = build(data, compiled);
    keepSnapshot(index, compiled as CompiledIndex, BUNDLED_KEY);
    return index;
  })();
  return loading;
}

/** The bundled files by their content-hashed names, and this build's version: a snapshot of anything else is not used. */
const BUNDLED_KEY = `bundled:${datasetUrl}|${indexUrl}`;

/** After answering, make the snapshot the next wake will load instead of parsing. */
function keepSnapshot(index: DatasetIndex, compiled: CompiledIndex, key: string): void {
  key = `${chrome.runtime.getManifest().version}|${key}`;
  setTimeout(() => {
    try {
      void writeSnapshot(makeSnapshot(index.data, compiled, key)).catch(() => undefined);
    } catch {
      // No snapshot: the next wake parses the files again.
    }
  }, 1000);
}

/** Switch to newly verified data at once (the next request uses it). */
export function useIndex(index: DatasetIndex, next: DataOrigin, compiled?: CompiledIndex): void {
  loading = Promise.resolve(index);
  origin = next;
  if (compiled && next.installedAt) keepSnapshot(index, compiled, `update:${next.version}:${next.installedAt}`);
}

/** Back to the bundled data. */
export function useBundled(): Promise<DatasetIndex> {
  const mine = loadBundled();
  loading = mine;
  // Labelled bundled only if nothing replaced it meanwhile (an update switched in while this loaded).
  void mine.then(() => {
    if (loading === mine) origin = { origin: 'bundled', version: BUNDLED_VERSION };
  }, () => undefined);
  return mine;
}

export const dataOrigin = (): DataOrigin => origin;

/** Start-up costs of this worker's life, for the benchmark. */
export function startupTimings(): { dataLoadedAtMs: number; indexBuildMs: number; fromSnapshot: boolean } {
  return timings;
}

// Start loading as soon as the worker wakes, in parallel with the message that woke it.
void getIndex();
