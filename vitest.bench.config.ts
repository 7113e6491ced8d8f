import { defineConfig } from 'vitest/config'

/**
 * Benchmarks (`npm run bench`): they print figures and compare them with their budgets; they are
 * not part of `npm test`. Browser benchmarks run against the built app like the browser tests.
 */
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
