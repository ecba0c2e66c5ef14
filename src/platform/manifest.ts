/**
 * Build-time only: the one place where Chrome's and Firefox's manifests differ.
 * `manifest.json` at the repository root is the shared (Chrome) manifest; this
 * module derives each browser's manifest from it, and vite.config.ts picks one
 * (`vite build` → Chrome, `vite build --mode firefox` → Firefox). The extension's
 * code is identical for both browsers: it uses `browser ?? chrome` and
 * webextension-polyfill, so src/ needs no per-browser checks.
 */
import base from '../../manifest.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

/** The add-on id in Firefox (AMO needs a stable one; storage is keyed by it). */
export const GECKO_ID = 'nameplate@nameplate.example';

/**
 * Firefox 140 ESR: MV3 with event-page `background.scripts` of type module,
 * `scripting.executeScript` into content-script worlds, host permissions granted
 * at install (127+), and `data_collection_permissions` (140+, AMO's built-in
 * data-consent key; lower versions make web-ext lint warn that it is ignored).
 */
export const GECKO_MIN_VERSION = '140.0';
/** Firefox for Android learnt `data_collection_permissions` in 142. */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

export type Manifest = Omit<typeof base, 'background'> & {
  background: { service_worker: string; type: 'module' } | { scripts: string[]; type: 'module' };
  browser_specific_settings?: {
    gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: ['none'] } };
    gecko_android: { strict_min_version: string };
  };
};

export function manifestFor(browser: TargetBrowser, version: string): Manifest {
  const shared = { ...base, version };
  if (browser === 'chrome') return { ...shared, background: { service_worker: base.background.service_worker, type: 'module' } };
  return {
    ...shared,
    // Firefox runs MV3 backgrounds as event pages, not service workers.
    background: { scripts: [base.background.service_worker], type: 'module' },
    browser_specific_settings: {
      // Nothing leaves the browser (PRIVACY.md), so no data collection to declare.
      gecko: { id: GECKO_ID, strict_min_version: GECKO_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
}

/** Where each build goes: Chrome keeps `dist/`. */
export const OUT_DIR: Record<TargetBrowser, string> = { chrome: 'dist', firefox: 'dist-firefox' };
