import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built site (dist/) in a real Chromium; `npm run test:e2e` builds first.
export default defineConfig({
  test: {
    root: new URL('../../', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    // One browser at a time: the machine is small and shared.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
