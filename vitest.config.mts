import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/ledger/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every temporary file of the run in one folder, removed at the end (tests/support/private-tmp.ts).
    globalSetup: ['tests/support/vitest-global-setup.ts']
  }
})
