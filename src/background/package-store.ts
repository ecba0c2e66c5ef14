/**
 * The downloaded data package, kept in IndexedDB (the files are megabytes; storage.local is
 * for settings). One record, replaced in one transaction: the worker switches to a new
 * package atomically, and a failed download never touches the one in use.
 */
import type { PackageManifest } from '../core/update/package';
import type { Snapshot } from '../core/snapshot';

export interface StoredPackage {
  manifest: PackageManifest;
  dataset: string;
  index: string;
  installedAt: string;
}

const DB = 'nameplate-data';
const STORE = 'package';
const KEY = 'active';
/** The package's manifest alone, read on every wake to know which data is in use. */
const META = 'meta';
/** The snapshot of the index in use (src/core/snapshot.ts), so a wake parses nothing. */
const SNAPSHOT = 'snapshot';

export interface PackageMeta {
  manifest: PackageManifest;
  installedAt: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = run(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export const readPackage = async (): Promise<StoredPackage | undefined> => {
  try {
    return await tx('readonly', (s) => s.get(KEY) as IDBRequest<StoredPackage | undefined>);
  } catch {
    return undefined; // a broken store is the bundled data, not a broken worker
  }
};
export const readMeta = async (): Promise<PackageMeta | undefined> => {
  try {
    return await tx('readonly', (s) => s.get(META) as IDBRequest<PackageMeta | undefined>);
  } catch {
    return undefined;
  }
};
/** The package and its meta record in one transaction: the switch is atomic. */
export const writePackage = (p: StoredPackage) =>
  tx('readwrite', (s) => {
    s.put(p, KEY);
    return s.put({ manifest: p.manifest, installedAt: p.installedAt } satisfies PackageMeta, META);
  });
export const clearPackage = () =>
  tx('readwrite', (s) => {
    s.delete(KEY);
    return s.delete(META);
  });
export const readSnapshot = async (): Promise<Snapshot | undefined> => {
  try {
    return await tx('readonly', (s) => s.get(SNAPSHOT) as IDBRequest<Snapshot | undefined>);
  } catch {
    return undefined;
  }
};
export const writeSnapshot = (snap: Snapshot) => tx('readwrite', (s) => s.put(snap, SNAPSHOT));
