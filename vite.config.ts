import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { OUT_DIR, manifestFor, type TargetBrowser } from './src/platform/manifest';
import { noWebAccessibleResources } from './scripts/vite-no-web-accessible';

// `vite build` → Chrome (dist/); `vite build --mode firefox` → Firefox (dist-firefox/).
// Every difference between the two lives in src/platform/manifest.ts.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      // standaloneFiles: a self-contained content script, nothing in web_accessible_resources for pages to fingerprint.
      crx({ manifest: manifestFor(browser, pkg.version), browser, contentScripts: { standaloneFiles: ['src/content/index.ts'] } }),
      noWebAccessibleResources(),
    ],
    build: { outDir: OUT_DIR[browser], emptyOutDir: true, target: 'es2022', sourcemap: false, modulePreload: false, chunkSizeWarningLimit: 4096 },
    json: { stringify: true },
  };
});
