import { defineConfig } from 'vitest/config';

// Unit and integration tests: no crxjs plugin here (it expects a full extension build).
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
});
