import { defineConfig } from 'vitest/config';

// Firefox tests: dist-firefox/ in Debian's firefox-esr (puppeteer-core, WebDriver BiDi), web-ext lint,
// and the store packages. One file at a time; browsers and linters are slow to start.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
