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
  reason?: Rejection | 'not-configured' | 'storage';
  detail?: string;
}

export interface UpdateState {
  enabled: boolean;
  lastCheck: string | null;
  last: UpdateResult | null;
}

const STATE_KEY = 'dataUpdates';
const DAY_MS = 86_400_000;

export async function readState(): Promise<UpdateState> {
  const got = (await chrome.storage.local.get(STATE_KEY))[STATE_KEY] as Partial<UpdateState> | undefined;
  return { enabled: got?.enabled !== false, lastCheck: typeof got?.lastCheck === 'string' ? got.lastCheck : null, last: got?.last ?? null };
}

async function writeState(patch: Partial<UpdateState>): Promise<UpdateState> {
  const next = { ...(await readState()), ...patch };
  await chrome.storage.local.set({ [STATE_KEY]: next });
  return next;
}

let running: Promise<UpdateState> | undefined;

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
  await getIndex(); // the version in use is known once the data is loaded
  const current = dataOrigin().version;
  try {
    const key = await importPublicKey(UPDATE_PUBLIC_KEY);
    const got = await downloadPackage({ base: UPDATE_URL, fetch: (url, init) => fetch(url, init), key, current });
    const installedAt = new Date().toISOString();
    try {
      await writePackage({ manifest: got.manifest, dataset: new TextDecoder().decode(got.files.dataset), index: new TextDecoder().decode(got.files.index), installedAt });
    } catch (e) {
      return { ok: false, at, reason: 'storage', detail: (e as Error).message };
    }
    useIndex(new DatasetIndex(got.data, got.compiled), { origin: 'update', version: got.manifest.version, manifest: got.manifest, installedAt }, got.compiled);
    invalidate();
    return { ok: true, at, installed: got.manifest.version };
  } catch (e) {
    if (e instanceof PackageError && e.reason === 'same-version') return { ok: true, at, upToDate: true };
    if (e instanceof PackageError) return { ok: false, at, reason: e.reason, detail: e.message };
    return { ok: false, at, reason: 'network', detail: (e as Error).message };
  }
}

export async function setUpdatesEnabled(enabled: boolean): Promise<UpdateState> {
  return writeState({ enabled });
}

/** Forget the downloaded package: the bundled data is the floor. */
export async function resetToBundled(): Promise<void> {
  await clearPackage();
  await useBundled();
  invalidate();
}

export const updateAddress = () => (updatesConfigured() ? UPDATE_URL : null);
export { BUNDLED_VERSION };
