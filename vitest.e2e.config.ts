import { defineConfig } from 'vitest/config'

/** Browser tests: Debian's Chromium driven by playwright-core against the built app on 127.0.0.1. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time on a 2-core machine keeps timings stable.
    fileParallelism: false,
  },
})
