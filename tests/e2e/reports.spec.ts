/**
 * The reports on the demo data (90 days of orders in six currencies): filter the settlement
 * summary, page it, drill down from a day to its settlement rows and on to the ledger entries,
 * whose totals add up to the row drilled from.
 */
import type { Page } from '@playwright/test'
import { expect, test, type Host } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LoginPage } from './pages/LoginPage'
import { minorUnits, ReportPage } from './pages/ReportPage'
import { englishLeft, visibleText } from './untranslated'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

const FINANCE = { username: 'demo.finance', password: 'Demo-finance-2026' }
const MERCHANT_USER = { username: 'demo.merchant', password: 'Demo-merchant-2026' }
const SETTLEMENT_COLUMNS = [
  'Order payments',
  'Reserve',
  'Transaction fees',
  'Processing fees',
  'Refunds',
  'Refund fees',
  'Disputes',
  'Dispute fees',
  'Withdrawals',
  'Withdrawal fees',
  'FX differences',
  'Manual adjustments'
]

const pad = (n: number) => String(n).padStart(2, '0')
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

async function signIn(page: Page, host: Host, user = FINANCE): Promise<AppShell> {
  const login = new LoginPage(page)
  await login.open(host.url)
  await login.signIn(user.username, user.password)
  const shell = new AppShell(page)
  await expect(shell.navLink('/')).toBeVisible()
  return shell
}

test('finance filters the settlement summary, pages it and drills down to the ledger entries, whose totals match', async ({ page, host }) => {
  await signIn(page, host)

  const summary = new ReportPage(page, '/reports/settlement-summary', 'Settlement summary')
  const now = new Date()
  const first = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 29)

  await test.step('CNY over the last 30 days: rows and their totals', async () => {
    await summary.open()
    await expect(summary.root.getByRole('switch', { name: 'Include test orders' })).toBeChecked()
    await summary.choose('Currency', 'CNY — Chinese yuan')
    await summary.fill('From', `${day(first)} 00:00:00`)
    await summary.fill('To', `${day(now)} 23:59:59`)
    // Only CNY in the totals, then more than one page: the filters are applied (they apply as typed).
    await expect(summary.totals.rows).toHaveCount(1)
    await expect(summary.totals.rows).toContainText('CNY')
    await expect(summary.pagination).toHaveText(/^1–20 of (2[1-9]|30)$/)
    await expect.poll(async () => new Set(await summary.table.column('Currency'))).toEqual(new Set(['CNY']))
    expect(await summary.totals.column('Currency')).toEqual(['CNY'])
    expect(minorUnits((await summary.total('CNY', 'Order payments')) ?? '')).toBeGreaterThan(0n)
  })

  let orderPay = ''
  await test.step('page 2, then a day of it drilled down to its settlement rows', async () => {
    const newest = (await summary.table.column('Day'))[0]
    await summary.root.getByRole('button', { name: 'Next page' }).click()
    await expect(summary.pagination).toHaveText(/^21–\d+ of \d+$/)
    // The first page's rows stay until the second's arrive.
    await expect(summary.table.rows.first()).not.toContainText(newest)
    const [date, pay] = await summary.cells(0, ['Day', 'Order payments'])
    expect(date >= day(first) && date <= day(now), date).toBe(true)
    orderPay = pay
    await summary.table.rows.first().getByRole('link', { name: 'Rows of this day' }).click()

    const details = new ReportPage(page, '/reports/settlement-details', 'Settlement details')
    await expect(details.heading).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`dateStart=${date}`))
    await expect(details.root.getByRole('textbox', { name: 'From', exact: true })).toHaveValue(`${date} 00:00:00`)
    await expect.poll(() => details.total('CNY', 'Order payments')).toBe(orderPay)
    await expect.poll(async () => new Set(await details.table.column('Day'))).toEqual(new Set([date]))

    const row = await details.cells(0, SETTLEMENT_COLUMNS)
    const net = row.reduce((sum, cell) => sum + minorUnits(cell), 0n)
    const [merchant, contract] = await details.cells(0, ['Merchant', 'Contract'])
    await details.table.rows.first().getByRole('link', { name: 'Ledger entries' }).click()

    const entries = new ReportPage(page, '/reports/account-details', 'Account details')
    await expect(entries.heading).toBeVisible()
    await expect(entries.root.getByRole('textbox', { name: 'Contract ID', exact: true })).toHaveValue(contract)
    await expect(page).toHaveURL(new RegExp(`merchantId=${/^#(\d+)/.exec(merchant)?.[1]}&`))
    await expect.poll(async () => new Set(await entries.table.column('Merchant'))).toEqual(new Set([merchant]))
    await expect.poll(async () => minorUnits((await entries.total('CNY', 'Amount')) ?? '0')).toBe(net)
    await expect.poll(async () => new Set(await entries.table.column('Contract'))).toEqual(new Set([contract]))
  })
})

test('account details: a saved view is applied and deleted, an entry opens its order, and the page speaks Chinese', async ({ page, host }) => {
  const shell = await signIn(page, host)
  const entries = new ReportPage(page, '/reports/account-details', 'Account details')
  await entries.open()
  const currency = entries.root.getByRole('combobox', { name: 'Currency', exact: true })
  const views = entries.root.getByRole('combobox', { name: 'Saved views', exact: true })

  await test.step('save THB order payments as a view, start over, apply it, delete it', async () => {
    await entries.choose('Currency', 'THB — Thai baht')
    await entries.choose('Entry type', '0 · Order payment')
    await entries.root.getByRole('button', { name: 'Save view' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save the current filters' })
    await dialog.getByRole('textbox', { name: 'View name' }).fill('Baht payments')
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(dialog).toBeHidden()

    await page.reload()
    await expect(currency).toHaveValue('All')
    await entries.choose('Saved views', 'Baht payments')
    await expect(currency).toHaveValue('THB — Thai baht')
    await expect(entries.totals.rows).toHaveCount(1)
    await expect(entries.totals.rows).toContainText('THB')
    await expect.poll(async () => new Set(await entries.table.column('Type'))).toEqual(new Set(['0 · Order payment']))

    await entries.root.getByRole('button', { name: 'Delete view' }).click()
    await expect(views).toHaveValue('')
    // Views are the user's, kept by the host (not this browser).
    const token = await host.login('root', 'Root-password-1')
    expect((await host.api<{ items: unknown[] }>('/api/views.list', { list: 'reports.account-details' }, token)).body.data.items).toEqual([])
  })

  await test.step('no English is left in Chinese', async () => {
    await shell.switchLanguage('zh-CN')
    await expect(page.getByRole('heading', { name: '交易流水', level: 2 })).toBeVisible()
    await expect(entries.root.getByText('包含测试订单')).toBeVisible()
    const data = ['THB', 'Demo finance', ...(await entries.table.column('备注')), ...(await entries.table.column('商户'))]
    await expect.poll(async () => englishLeft(await visibleText(page), data)).toEqual([])
    await shell.switchLanguage('en')
  })

  await test.step('an order payment entry opens its order', async () => {
    const orderNo = (await entries.table.column('Remark'))[0]
    expect(orderNo).toMatch(/^D\d+$/)
    await entries.table.rows.first().getByRole('button', { name: orderNo }).click()
    await expect(page.getByRole('heading', { name: `Order ${orderNo}`, exact: true, level: 2 })).toBeVisible()
  })
})

test('a merchant-bound user has no merchant filter and reads only its own merchant', async ({ page, host }) => {
  await signIn(page, host, MERCHANT_USER)
  const summary = new ReportPage(page, '/reports/transaction-summary', 'Transaction summary')
  await summary.open()
  await expect(summary.root.getByRole('combobox', { name: 'Currency', exact: true })).toBeVisible()
  await expect(summary.root.getByRole('combobox', { name: 'Merchant', exact: true })).toHaveCount(0)
  await expect(summary.totals.rows.first()).toBeVisible()
  await summary.table.rows.first().getByRole('link', { name: 'Rows of this day' }).click()

  const details = new ReportPage(page, '/reports/transaction-details', 'Transaction details')
  await expect(details.heading).toBeVisible()
  await expect(details.pagination).toHaveText(/^1–\d+ of \d+$/)
  expect(new Set(await details.table.column('Merchant')).size).toBe(1)
})

test('From and To can be picked on a calendar: the first and the last second of the day picked', async ({ page, host }) => {
  await signIn(page, host)
  const summary = new ReportPage(page, '/reports/settlement-summary', 'Settlement summary')
  await summary.open()
  const from = summary.root.getByRole('textbox', { name: 'From', exact: true })
  const to = summary.root.getByRole('textbox', { name: 'To', exact: true })
  // A day of the demo's history: the calendar opens on the month of the field's day.
  const picked = new Date(Date.now() - 10 * 86_400_000)
  await from.fill(`${day(picked)} 10:00:00`)
  await to.fill(`${day(picked)} 11:00:00`)
  const label = picked.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
  for (const [field, box, second] of [['From', from, '00:00:00'], ['To', to, '23:59:59']] as const) {
    await summary.root.getByRole('button', { name: `${field}: pick a day`, exact: true }).click()
    await page.getByRole('dialog', { name: `${field}: pick a day` }).getByRole('button', { name: label, exact: true }).click()
    await expect(box).toHaveValue(`${day(picked)} ${second}`)
  }
  // The whole day is what the report shows.
  await expect.poll(async () => new Set(await summary.table.column('Day'))).toEqual(new Set([day(picked)]))
})
