/**
 * Times follow the user's display zone, and say it: on the demo data, finance reads a paid
 * deposit's times on its order page and its ledger entries in Account details (the same payment
 * reads the same time on both, which it did not before), exports the entries to CSV, then chooses
 * another display zone from the user menu: the order page, Account details and a new export all
 * move by the zones' difference and name the new zone.
 */
import { parse } from 'csv-parse/sync'
import type { Page } from '@playwright/test'
import { formatInZone } from '../../src/shared/time-zone'
import { signIn } from './demo'
import { ADMIN, expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ReportPage } from './pages/ReportPage'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

const FINANCE = { username: 'demo.finance', password: 'Demo-finance-2026' }

interface Paid {
  id: number
  txnNo: number
  createdAt: number
  finalizedAt: number
}

/** A field of the order page by its label ("Created (UTC+08:00)"): the value under it. */
const field = (page: Page, label: string) => page.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]')

/** The entries' times in an Account details CSV export: its header and each row's Created cell. */
function createdColumn(bytes: Buffer): { header: string; times: string[] } {
  const [header, ...records] = parse(bytes.toString('utf8'), { bom: true }) as string[][]
  return { header: header[0], times: records.map((r) => r[0]) }
}

test('changing the display zone moves the times on an order’s page, in Account details and in an export, and names the zone', async ({ page, host }) => {
  const token = await host.login(FINANCE.username, FINANCE.password)
  const list = await host.api<{ items: (Paid & { status: string })[] }>('/api/orders.list', { status: 'succeeded', direction: 'deposit', pageSize: 1 }, token)
  expect(list.status, list.body.message).toBe(200)
  const paid = list.body.data.items[0]
  const detail = await host.api<Paid>('/api/orders.get', { id: paid.id }, token)
  const { createdAt, finalizedAt, txnNo } = detail.body.data

  await signIn(page, host, FINANCE)
  const shell = new AppShell(page)
  // The payment's day, and the days around it, in the business zone (+08:00): the report's filter.
  const day = (ms: number) => formatInZone(ms, '+08:00').slice(0, 10)
  const entriesAddress = `/reports/account-details?txnId=${txnNo}&type=0&dateStart=${day(finalizedAt - 86_400_000)} 00:00:00&dateEnd=${day(finalizedAt + 86_400_000)} 23:59:59`
  const entries = new ReportPage(page, '/reports/account-details', 'Account details')

  let exportedBefore: string[] = []
  await test.step('in the business zone (the default): the order page and Account details say UTC+08:00 and agree', async () => {
    await shell.openAddress(host.url, `/orders/${paid.id}`)
    await expect(field(page, 'Created (UTC+08:00)')).toHaveText(formatInZone(createdAt, '+08:00'))
    await expect(field(page, 'Finished (UTC+08:00)')).toHaveText(formatInZone(finalizedAt, '+08:00'))

    await shell.openAddress(host.url, entriesAddress)
    await expect(entries.heading).toBeVisible()
    await expect(entries.pagination).toHaveText(/^1–\d+ of \d+$/)
    // The payment's entries were posted when it was paid: the time its order page shows as Finished.
    const shown = await entries.table.column('Created (UTC+08:00)')
    expect(new Set(shown)).toEqual(new Set([formatInZone(finalizedAt, '+08:00')]))

    const file = createdColumn((await entries.export('CSV (UTF-8)')).bytes)
    expect(file.header).toBe('Created (UTC+08:00)')
    expect(new Set(file.times)).toEqual(new Set([formatInZone(finalizedAt, '+08:00')]))
    exportedBefore = file.times
  })

  await test.step('choose UTC+07:00 as the display zone from the user menu', async () => {
    await shell.userMenu.click()
    await page.getByTestId('display-zone-menu').click()
    const dialog = page.getByRole('dialog', { name: 'Your display time zone' })
    await dialog.getByRole('combobox', { name: 'Show times in' }).click()
    await page.getByRole('option', { name: 'UTC+07:00', exact: true }).click()
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText('Times are now shown in UTC+07:00')).toBeVisible()
    await expect(dialog).toBeHidden()
  })

  await test.step('the same order and entries read an hour earlier, labelled UTC+07:00, on screen and in a new export', async () => {
    // Account details redrew in the new zone at once.
    const shown = await entries.table.column('Created (UTC+07:00)')
    expect(new Set(shown)).toEqual(new Set([formatInZone(finalizedAt, '+07:00')]))
    const file = createdColumn((await entries.export('CSV (UTF-8)')).bytes)
    expect(file.header).toBe('Created (UTC+07:00)')
    expect(file.times).toEqual(exportedBefore.map(() => formatInZone(finalizedAt, '+07:00')))
    expect(Date.parse(`${exportedBefore[0].replace(' ', 'T')}Z`) - Date.parse(`${file.times[0].replace(' ', 'T')}Z`)).toBe(3_600_000)

    await shell.openAddress(host.url, `/orders/${paid.id}`)
    await expect(field(page, 'Created (UTC+07:00)')).toHaveText(formatInZone(createdAt, '+07:00'))
    await expect(field(page, 'Finished (UTC+07:00)')).toHaveText(formatInZone(finalizedAt, '+07:00'))
    await expect(page.getByText('Created (UTC+08:00)', { exact: true })).toHaveCount(0)
  })

  await test.step('the choice is the user’s: it is there after signing in again', async () => {
    await page.reload()
    await expect(field(page, 'Created (UTC+07:00)')).toHaveText(formatInZone(createdAt, '+07:00'))
    // The reconciliation pages name the same zone their times are shown in.
    for (const address of ['/reconciliation', '/reconciliation/import']) {
      await shell.openAddress(host.url, address)
      await expect(page.getByTestId('time-zone-note').first()).toHaveText('Times are in your display time zone (UTC+07:00).')
    }
    // So do the after-sales and finance lists; those filtered by date say their days are the business zone's.
    for (const address of ['/aftersales/refunds', '/aftersales/disputes', '/aftersales/waybills']) {
      await shell.openAddress(host.url, address)
      await expect(page.getByTestId('time-zone-note')).toHaveText('Dates are business days (cut in UTC+08:00); times are in UTC+07:00.')
    }
    for (const address of ['/finance/withdrawals', '/finance/adjustments', '/ledger', '/orders/outbox']) {
      await shell.openAddress(host.url, address)
      await expect(page.getByTestId('time-zone-note')).toHaveText('Times are in your display time zone (UTC+07:00).')
    }
  })
})

test('an administrator changes the business zone in Settings: what it means is said, it is confirmed, the days move and the ledger check is clean', async ({ page, host }) => {
  await signIn(page, host, ADMIN)
  const shell = new AppShell(page)
  await shell.navigate('/system/settings')
  const section = page.getByTestId('business-zone-section')
  await expect(section).toContainText('daily balances, daily limits')
  const zone = section.getByRole('combobox', { name: 'Business time zone' })
  await expect(zone).toHaveValue('UTC+08:00')
  await zone.click()
  await page.getByRole('option', { name: 'UTC+09:00', exact: true }).click()
  await section.getByRole('button', { name: 'Change the business time zone' }).click()

  const confirm = page.getByRole('dialog', { name: 'Change the business time zone to UTC+09:00?' })
  await expect(confirm).toContainText('every stored daily row (report days, order counts per day) is rebuilt')
  await confirm.getByRole('button', { name: 'Change and rebuild' }).click()
  await expect(page.getByText(/^Business time zone is now UTC\+09:00: \d+ entries and \d+ orders on their new days\. The ledger check found no drift\.$/)).toBeVisible()
  // The check that ran after the change is the latest one Settings shows.
  await expect(page.getByTestId('ledger-check-result')).toContainText('No drift')
  // The administrator never chose a display zone: their times follow the business zone.
  await expect(page.getByTestId('zone-note')).toHaveText('Times in UTC+09:00')

  await shell.navigate('/')
  await expect(page.getByTestId('home-zone')).toContainText('business time zone +09:00')
})
