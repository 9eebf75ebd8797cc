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
import { DataTableView } from './pages/DataTableView'
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

test.describe('on the demo data', () => {
  test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password }, demo: true } })

  test('a saved view keeps the list’s sort as well as its filters', async ({ page, host }) => {
    const token = await host.login(ADMIN.username, ADMIN.password)
    const numbers = async (input: object) =>
      (await host.api<{ items: { withdrawalNo: string }[] }>('/api/withdrawals.list', input, token)).body.data.items.map((w) => w.withdrawalNo)
    const smallestFirst = await numbers({ sortBy: 'amount', sortDirection: 'asc' })
    // The list's own order (newest first) differs, so the view is what puts them smallest first.
    expect(smallestFirst.length).toBeGreaterThan(1)
    expect(await numbers({})).not.toEqual(smallestFirst)

    await signIn(page, host, ADMIN)
    await new AppShell(page).navigate('/finance/withdrawals')
    const table = new DataTableView(page.getByRole('main').getByRole('table').first())
    const amount = table.root.getByRole('columnheader', { name: 'Amount', exact: true }).getByRole('button')
    const views = new SavedViews(page)
    await amount.click()
    await expect(amount).toHaveAttribute('title', 'Sorted ascending; click to sort descending')
    await expect.poll(() => table.column('Withdrawal no.')).toEqual(smallestFirst.slice(0, 20))
    await views.save('Smallest first')

    await page.reload()
    await expect(amount).toHaveAttribute('title', 'Not sorted; click to sort')
    await expect.poll(() => table.column('Withdrawal no.')).not.toEqual(smallestFirst.slice(0, 20))
    await views.apply('Smallest first')
    await expect(amount).toHaveAttribute('title', 'Sorted ascending; click to sort descending')
    await expect.poll(() => table.column('Withdrawal no.')).toEqual(smallestFirst.slice(0, 20))
  })
})
