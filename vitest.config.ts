import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Property and fuzz tests run many cases; give them room without timing anything.
    testTimeout: 60_000,
  },
});
