/**
 * Data updates (issue 16, docs/data-updates.md): at most once a day, and when the reader asks,
 * fetch the signed manifest from the one address fixed at build time; download the package only
 * when it is newer than the data in use; verify signature, sizes, hashes and content; store it;
 * switch to it at once. Anything wrong leaves the data in use as it was and says why.
 */
import { DatasetIndex } from '../core/dataset';
import { downloadPackage } from '../core/update/download';
import { PackageError, importPublicKey, type Rejection } from '../core/update/package';
import { UPDATE_PUBLIC_KEY, UPDATE_URL, updatesConfigured } from './update-config';
import { BUNDLED_VERSION, dataOrigin, getIndex, useBundled, useIndex } from './engine';
import { clearPackage, writePackage } from './package-store';
import { invalidate } from './sources';

export interface UpdateResult {
  ok: boolean;
  at: string;
  /** A new version was installed, or none was newer. */
  installed?: number;
  upToDate?: boolean;
  reason?: Rejection | 'not-configured' | 'storage' | 'cancelled';
  detail?: string;
}

export interface UpdateState {
  enabled: boolean;
  lastCheck: string | null;
  last: UpdateResult | null;
  /** The version the reader went back to the bundled data from: it (and anything older) is not installed again. */
  declined?: number;
}

const STATE_KEY = 'dataUpdates';
const DAY_MS = 86_400_000;

export async function readState(): Promise<UpdateState> {
  const got = (await chrome.storage.local.get(STATE_KEY))[STATE_KEY] as Partial<UpdateState> | undefined;
  return { enabled: got?.enabled !== false, lastCheck: typeof got?.lastCheck === 'string' ? got.lastCheck : null, last: got?.last ?? null, ...(Number.isSafeInteger(got?.declined) ? { declined: got!.declined } : {}) };
}

async function writeState(patch: Partial<UpdateState>): Promise<UpdateState> {
  const next = { ...(await readState()), ...patch };
  await chrome.storage.local.set({ [STATE_KEY]: next });
  return next;
}

let running: Promise<UpdateState> | undefined;
/** Bumped by a reset or the switch: a check that started before either never installs what it fetched. */
let generation = 0;

/** Check now (the options page's "Check now"), or only when a day has passed (`daily`). */
export function checkForUpdates(daily = false): Promise<UpdateState> {
  running ??= (async () => {
    try {
      const state = await readState();
      if (!state.enabled || !updatesConfigured()) return state;
      if (daily && state.lastCheck && Date.now() - Date.parse(state.lastCheck) < DAY_MS) return state;
      const at = new Date().toISOString();
      await writeState({ lastCheck: at });
      return writeState({ last: await attempt(at) });
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function attempt(at: string): Promise<UpdateResult> {
  const gen = generation;
  try {
    await getIndex(); // the version in use is known once the data is loaded
    // Never below the data in use, nor at or below a package the reader went back from.
    const state = await readState();
    const current = Math.max(dataOrigin().version, state.declined ?? 0);
    const key = await importPublicKey(UPDATE_PUBLIC_KEY);
    const got = await downloadPackage({ base: UPDATE_URL, fetch: (url, init) => fetch(url, init), key, current });
    // Built before it is stored: a package that cannot be loaded is refused, not kept.
    let index: DatasetIndex;
    try {
      index = new DatasetIndex(got.data, got.compiled);
    } catch (e) {
      return { ok: false, at, reason: 'invalid-data', detail: (e as Error).message };
    }
    const now = await readState();
    if (gen !== generation || !now.enabled) return { ok: false, at, reason: 'cancelled', detail: 'updates were switched off or reset during the check' };
    const installedAt = new Date().toISOString();
    try {
      await writePackage({ manifest: got.manifest, dataset: new TextDecoder().decode(got.files.dataset), index: new TextDecoder().decode(got.files.index), installedAt });
    } catch (e) {
      return { ok: false, at, reason: 'storage', detail: (e as Error).message };
    }
    useIndex(index, { origin: 'update', version: got.manifest.version, manifest: got.manifest, installedAt }, got.compiled);
    invalidate();
    return { ok: true, at, installed: got.manifest.version };
  } catch (e) {
    if (e instanceof PackageError && e.reason === 'same-version') return { ok: true, at, upToDate: true };
    if (e instanceof PackageError) return { ok: false, at, reason: e.reason, detail: e.message };
    return { ok: false, at, reason: 'network', detail: (e as Error).message };
  }
}

export async function setUpdatesEnabled(enabled: boolean): Promise<UpdateState> {
  generation++;
  return writeState({ enabled });
}

/** Forget the downloaded package: the bundled data is the floor, and that package is not fetched again. */
export async function resetToBundled(): Promise<void> {
  generation++;
  const was = dataOrigin();
  if (was.origin === 'update') await writeState({ declined: Math.max(was.version, (await readState()).declined ?? 0) });
  await clearPackage();
  await useBundled();
  invalidate();
}

export const updateAddress = () => (updatesConfigured() ? UPDATE_URL : null);
export { BUNDLED_VERSION };
