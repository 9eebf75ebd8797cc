/**
 * The statistics charts on the demo data: they plot the filtered set (every currency, then only the
 * one filtered), amounts one currency at a time, and speak Chinese.
 */
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LoginPage } from './pages/LoginPage'
import { ReportPage } from './pages/ReportPage'
import { englishLeft, visibleText } from './untranslated'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

test('the transaction summary charts amounts and success rates by currency for the filtered set', async ({ page, host }) => {
  const login = new LoginPage(page)
  await login.open(host.url)
  await login.signIn('demo.finance', 'Demo-finance-2026')
  const shell = new AppShell(page)
  await expect(shell.navLink('/')).toBeVisible()

  const summary = new ReportPage(page, '/reports/transaction-summary', 'Transaction summary')
  await summary.open()
  const amounts = summary.root.getByTestId('report-chart-amounts')
  const success = summary.root.getByTestId('report-chart-success')
  const currencies = amounts.getByRole('radiogroup', { name: 'Currency of the amounts chart' })

  await test.step('every currency of the last 7 days, the amounts of one at a time', async () => {
    await expect(success.locator('.recharts-line')).toHaveCount(6)
    for (const code of ['BRL', 'CNY', 'IDR', 'THB', 'USDT', 'VND']) await expect(success.getByText(code, { exact: true })).toBeVisible()
    await expect(amounts.getByText('Amounts per day (BRL)')).toBeVisible()
    await expect(amounts.getByText('Transaction amount', { exact: true })).toBeVisible()
    await expect(amounts.getByText('Settled amount', { exact: true })).toBeVisible()
    await currencies.getByText('VND', { exact: true }).click()
    await expect(amounts.getByText('Amounts per day (VND)')).toBeVisible()
  })

  await test.step('filtered to CNY: only CNY is charted', async () => {
    await summary.choose('Currency', 'CNY — Chinese yuan')
    await expect(success.locator('.recharts-line')).toHaveCount(1)
    await expect(amounts.getByText('Amounts per day (CNY)')).toBeVisible()
    await expect(currencies).toHaveCount(0)
    // The table's page is its own read: it may come after the charts'.
    await expect.poll(async () => new Set(await summary.table.column('Currency'))).toEqual(new Set(['CNY']))
    // One point per day of the filtered set: as many as the summary's rows (one page of them).
    const days = await summary.table.rows.count()
    expect(days).toBeGreaterThan(1)
    await expect(summary.pagination).toHaveText(new RegExp(`^1–${days} of ${days}$`))
    await expect(amounts.locator('.recharts-line-dots').first().locator('circle')).toHaveCount(days)
  })

  await test.step('in Chinese', async () => {
    await shell.switchLanguage('zh-CN')
    await expect(amounts.getByText('每日金额（CNY）')).toBeVisible()
    await expect(success.getByText('每日成功率（%）')).toBeVisible()
    await expect(amounts.getByText('交易金额', { exact: true })).toBeVisible()
    await expect.poll(async () => englishLeft(await visibleText(page), ['CNY', 'Demo finance'])).toEqual([])
    await shell.switchLanguage('en')
  })
})
