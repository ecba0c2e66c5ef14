import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { OUT_DIR, manifestFor, type TargetBrowser } from './src/platform/manifest';
import { noWebAccessibleResources } from './scripts/vite-no-web-accessible';
import { readFileSync } from 'node:fs';

/** The bundled data's version (YYYYMMDD00 of its as-of date): a downloaded package must be newer. */
const bundledVersion = Number(JSON.parse(readFileSync(new URL('./data/dataset.json', import.meta.url), 'utf8')).asOf.replace(/-/g, '')) * 100;

// `vite build` → Chrome (dist/); `vite build --mode firefox` → Firefox (dist-firefox/).
// Every difference between the two lives in src/platform/manifest.ts.
/** The update address names a directory: the files are fetched relative to it, so a missing "/" would lose its last segment. */
const updateUrl = process.env.NP_UPDATE_URL ?? '';
if (updateUrl && !updateUrl.endsWith('/')) throw new Error(`NP_UPDATE_URL must end with "/" (got ${updateUrl})`);

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      // standaloneFiles: a self-contained content script, nothing in web_accessible_resources for pages to fingerprint.
      crx({ manifest: manifestFor(browser, pkg.version), browser, contentScripts: { standaloneFiles: ['src/content/index.ts'] } }),
      noWebAccessibleResources(),
    ],
    // The data-update address and the public key of its signer, fixed at build time (docs/data-updates.md).
    // Unset: the build makes no update request. Only https, or 127.0.0.1 for the tests, is accepted.
    define: {
      __NP_UPDATE_URL__: JSON.stringify(updateUrl),
      __NP_UPDATE_KEY__: JSON.stringify(process.env.NP_UPDATE_PUBLIC_KEY ?? ''),
      __NP_BUNDLED_VERSION__: String(bundledVersion),
    },
    build: { outDir: process.env.NP_OUT_DIR ?? OUT_DIR[browser], emptyOutDir: true, target: 'es2022', sourcemap: false, modulePreload: false, chunkSizeWarningLimit: 4096 },
    json: { stringify: true },
  };
});
