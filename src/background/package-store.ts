/**
 * The downloaded data package, kept in IndexedDB (the files are megabytes; storage.local is
 * for settings). One record, replaced in one transaction: the worker switches to a new
 * package atomically, and a failed download never touches the one in use.
 */
import type { PackageManifest } from '../core/update/package';

export interface StoredPackage {
  manifest: PackageManifest;
  dataset: string;
  index: string;
  installedAt: string;
}

const DB = 'nameplate-data';
const STORE = 'package';
const KEY = 'active';

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
export const writePackage = (p: StoredPackage) => tx('readwrite', (s) => s.put(p, KEY));
export const clearPackage = () => tx('readwrite', (s) => s.delete(KEY));
