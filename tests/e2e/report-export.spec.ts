/**
 * Export on the demo data: finance filters the settlement summary, pages it, exports the filtered
 * set (both pages) to CSV, drills down to a day's settlement rows and exports them to XLSX, drills
 * on to the ledger entries and exports them in Chinese as GBK; each file is read back (csv-parse,
 * iconv-lite, exceljs) and compared with what the report showed.
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { Page } from '@playwright/test'
import { expect, test, type Host } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LoginPage } from './pages/LoginPage'
import { minorUnits, ReportPage } from './pages/ReportPage'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

const pad = (n: number) => String(n).padStart(2, '0')
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const merchantIdOf = (label: string) => /^#(\d+)/.exec(label)?.[1]

async function signIn(page: Page, host: Host): Promise<AppShell> {
  const login = new LoginPage(page)
  await login.open(host.url)
  await login.signIn('demo.finance', 'Demo-finance-2026')
  const shell = new AppShell(page)
  await expect(shell.navLink('/')).toBeVisible()
  return shell
}

test('finance exports a filtered report over all its pages to CSV, XLSX and GBK, and the files hold what the report shows', async ({ page, host }) => {
  const shell = await signIn(page, host)
  const summary = new ReportPage(page, '/reports/settlement-summary', 'Settlement summary')
  const now = new Date()
  const first = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 29)
  const shown: { day: string; orderPay: string; fixedFee: string }[] = []
  let total = 0

  await test.step('filter CNY over 30 days and read both pages', async () => {
    await summary.open()
    await summary.choose('Currency', 'CNY — Chinese yuan')
    await summary.fill('From', `${day(first)} 00:00:00`)
    await summary.fill('To', `${day(now)} 23:59:59`)
    await expect(summary.totals.rows).toHaveCount(1)
    await expect(summary.pagination).toHaveText(/^1–20 of (2[1-9]|30)$/)
    total = await summary.totalCount()
    for (const pageNo of [1, 2]) {
      if (pageNo === 2) {
        await summary.root.getByRole('button', { name: 'Next page' }).click()
        await expect(summary.pagination).toHaveText(new RegExp(`^21–${total} of ${total}$`))
      }
      const [days, pays, fees] = await Promise.all(['Day', 'Order payments', 'Processing fees'].map((h) => summary.table.column(h)))
      shown.push(...days.map((d, i) => ({ day: d, orderPay: pays[i], fixedFee: fees[i] })))
    }
    expect(shown).toHaveLength(total)
  })

  await test.step('CSV (UTF-8): every row of the filter, not the page, exactly as shown', async () => {
    const file = await summary.export('CSV (UTF-8)')
    expect(file.rows).toBe(total)
    expect(file.fileName).toMatch(/^settlementStatistics-\d{8}-\d{6}-UTC[+-]\d{4}\.csv$/)
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...records] = parse(file.bytes.toString('utf8'), { bom: true }) as string[][]
    expect(header.slice(0, 4)).toEqual(['Day', 'Currency', 'Order payments', 'Reserve'])
    expect(records).toHaveLength(total)
    const at = (name: string) => header.indexOf(name)
    expect(records.map((r) => r[at('Day')])).toEqual(shown.map((s) => s.day))
    expect(new Set(records.map((r) => r[at('Currency')]))).toEqual(new Set(['CNY']))
    records.forEach((r, i) => {
      // Exact decimals with the currency's two digits, the same amounts the table shows.
      expect(r[at('Order payments')]).toMatch(/^-?\d+\.\d{2}$/)
      expect(minorUnits(r[at('Order payments')])).toBe(minorUnits(shown[i].orderPay))
      expect(minorUnits(r[at('Processing fees')])).toBe(minorUnits(shown[i].fixedFee))
    })
  })

  const details = new ReportPage(page, '/reports/settlement-details', 'Settlement details')
  await test.step('drill down from a day of page 2 and export its settlement rows as XLSX', async () => {
    const date = shown[20].day
    await summary.table.rows.first().getByRole('link', { name: 'Rows of this day' }).click()
    await expect(details.heading).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`dateStart=${date}`))
    await expect(details.pagination).toHaveText(/^1–\d+ of \d+$/)
    const count = await details.totalCount()
    const [merchants, pays] = await Promise.all([details.table.column('Merchant'), details.table.column('Order payments')])
    const file = await details.export('Excel workbook (XLSX)')
    expect(file.rows).toBe(count)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 5)).toEqual(['Day', 'Merchant', 'Merchant name', 'Contract', 'Currency'])
    expect(sheet.rowCount).toBe(1 + count)
    const col = (name: string) => header.indexOf(name) + 1
    for (let i = 0; i < Math.min(count, merchants.length); i++) {
      const row = sheet.getRow(i + 2)
      expect(row.getCell(col('Day')).value).toBe(date)
      expect(String(row.getCell(col('Merchant')).value)).toBe(merchantIdOf(merchants[i]))
      const orderPay = row.getCell(col('Order payments'))
      expect(typeof orderPay.value).toBe('number')
      expect(orderPay.numFmt).toBe('#,##0.00')
      expect(minorUnits((orderPay.value as number).toFixed(2))).toBe(minorUnits(pays[i]))
    }
  })

  await test.step('on to the ledger entries, in Chinese, exported as GBK', async () => {
    await details.table.rows.first().getByRole('link', { name: 'Ledger entries' }).click()
    const entries = new ReportPage(page, '/reports/account-details', 'Account details')
    await expect(entries.heading).toBeVisible()
    await expect(entries.pagination).toHaveText(/^1–\d+ of \d+$/)
    const count = await entries.totalCount()
    const ids = await entries.table.column('Entry ID')
    await shell.switchLanguage('zh-CN')
    await expect(page.getByRole('heading', { name: '交易流水', level: 2 })).toBeVisible()
    const file = await entries.export('CSV（GBK 编码，适用于旧版中文软件）', { button: '导出', done: /^已导出 (\d+) 行到 / })
    expect(file.rows).toBe(count)
    expect(file.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false)
    const [header, ...records] = parse(iconv.decode(file.bytes, 'gbk')) as string[][]
    expect(header).toEqual(['创建时间 (UTC+08:00)', '流水编号', '商户', '商户名称', '合同', '交易号', '类型', '类型名称', '币种', '金额', '备注'])
    // Beside each code its name: no merchant or entry type is a bare number.
    expect(records.every((r) => r[3] !== '' && r[7] !== '')).toBe(true)
    expect(records).toHaveLength(count)
    expect(records.slice(0, ids.length).map((r) => r[1])).toEqual(ids)
    await shell.switchLanguage('en')
  })
})

test.describe('a running export', () => {
  // Five rows a batch and a minute's pause after each (a cancel ends the pause at once): the job is
  // still running, one batch written, whenever the user gets to its Cancel button.
  test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1', PAYDESK_EXPORT_BATCH_ROWS: '5', PAYDESK_EXPORT_PAUSE_MS: '60000' }, demo: true } })

  test('finance cancels it: the page shows it cancelled, no file is downloaded, and the host offers none', async ({ page, host }) => {
    await signIn(page, host)
    const entries = new ReportPage(page, '/reports/account-details', 'Account details')
    await entries.open()
    await expect(entries.pagination).toHaveText(/^1–20 of \d+$/)
    const total = await entries.totalCount()
    const downloads: string[] = []
    page.on('download', (download) => downloads.push(download.suggestedFilename()))

    const jobId = await entries.startExport('CSV (UTF-8)')
    const status = entries.exportStatus
    await expect(status).toContainText(`5 of ${total} rows written`)
    await expect(status.getByRole('progressbar', { name: 'Export progress' })).toBeVisible()
    await expect(entries.root.getByRole('button', { name: 'Export', exact: true })).toBeDisabled()

    await status.getByRole('button', { name: 'Cancel export' }).click()
    await expect(status).toHaveText('Export cancelled; the partial file was deleted')
    await expect(status.getByRole('button', { name: 'Cancel export' })).toHaveCount(0)
    await expect(status.getByRole('progressbar')).toHaveCount(0)
    await expect(entries.root.getByRole('button', { name: 'Export', exact: true })).toBeEnabled()

    // The host agrees: the job stopped after its first batch and has no file to download.
    const token = await host.login('demo.finance', 'Demo-finance-2026')
    const job = await host.api<{ state: string; rowsWritten: number; downloadPath: string | null }>('/api/reports.exportStatus', { jobId }, token)
    expect(job.body.data).toMatchObject({ state: 'cancelled', rowsWritten: 5, downloadPath: null })
    const file = await fetch(`${host.url}/exports/${jobId}/file`, { headers: { authorization: `Bearer ${token}` } })
    expect(file.status).toBe(409)
    expect(downloads).toEqual([])
  })
})
