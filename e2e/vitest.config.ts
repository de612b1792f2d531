import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser tests: the real server and Debian's Chromium, one file at a time. */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@contract': `${repoRoot}contract` } },
  test: {
    root: repoRoot,
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Each file starts its own server and browser; one failure should not hide the others.
    bail: 0,
  },
});
