import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser (`npx playwright install` cannot work offline).
const executablePath = process.env.PAYDESK_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: './tests/e2e',
  // Every temporary file of the run (hosts' data folders, the browser's profiles) in one folder, removed at the end.
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic'
      ]
    }
  }
})
