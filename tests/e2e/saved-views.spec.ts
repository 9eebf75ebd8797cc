/**
 * Settings follow the user, not the browser: a view saved on the order list and the language
 * chosen are still there after the host is stopped and a new one started on the same data folder
 * (a new port, so nothing of the browser's own storage carries over).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { signIn } from './demo'
import { ADMIN, expect, startHost, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { FormDialog } from './pages/FormDialog'
import { OrderQueryPage } from './pages/OrderQueryPage'
import { SavedViews } from './pages/SavedViews'

test('a saved view and the language survive a restart of the host', async ({ page }) => {
  test.setTimeout(240_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-e2e-views-'))
  const env = { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password }
  let host = await startHost({ env, dataDir })
  try {
    await signIn(page, host, ADMIN)
    const orders = new OrderQueryPage(page)
    const filters = new FormDialog(page, page.getByRole('main'))
    const views = new SavedViews(page)

    await test.step('save the unknown payouts as a view on the order list', async () => {
      await orders.open()
      await filters.choose('Status', 'Unknown')
      await page.getByRole('button', { name: 'More filters' }).click()
      await filters.choose('Direction', 'Payout')
      await orders.search.fill('PD-2026')
      await views.save('Unknown payouts')
      // Back to no filters, so applying the view later is what sets them.
      await page.reload()
      await expect(filters.field('Status')).toHaveValue('All')
    })

    await test.step('choose Chinese', async () => {
      await new AppShell(page).switchLanguage('zh-CN')
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    })

    await host.stop()
    host = await startHost({ env, dataDir })

    await test.step('sign in on the new host: the language is the one chosen', async () => {
      await page.goto(host.url)
      await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear())
      await signIn(page, host, ADMIN)
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
      await expect(new AppShell(page).navLink('/')).toHaveText(zhCN.nav.items.home)
    })

    await test.step('the view is there and applies its filters', async () => {
      await new AppShell(page).switchLanguage('en')
      await orders.open()
      await expect(filters.field('Status')).toHaveValue('All')
      await views.apply('Unknown payouts')
      await expect(filters.field('Status')).toHaveValue('Unknown')
      await expect(filters.field('Direction')).toBeVisible()
      await expect(filters.field('Direction')).toHaveValue('Payout')
      await expect(orders.search).toHaveValue('PD-2026')
    })
  } finally {
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
