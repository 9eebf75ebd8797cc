// Renders build/icon.svg to build/icon.png (1024×1024), from which electron-builder makes the
// Windows .ico, the macOS .icns and the Linux icon sizes. Run after changing the SVG:
//   node scripts/render-icon.mjs
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const dir = join(import.meta.dirname, '..', 'build')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
  await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(join(dir, 'icon.svg'), 'utf8')}</body></html>`)
  await page.locator('svg').screenshot({ path: join(dir, 'icon.png'), omitBackground: true })
} finally {
  await browser.close()
}
