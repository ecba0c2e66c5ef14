import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { noWebAccessibleResources } from './scripts/vite-no-web-accessible';

export default defineConfig({
  plugins: [
    preact(),
    // standaloneFiles: a self-contained content script, nothing in web_accessible_resources for pages to fingerprint.
    crx({ manifest, contentScripts: { standaloneFiles: ['src/content/index.ts'] } }),
    noWebAccessibleResources(),
  ],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, modulePreload: false, chunkSizeWarningLimit: 4096 },
  json: { stringify: true },
});
