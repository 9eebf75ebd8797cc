/**
 * A withdrawal through the screens, on the demo host: requested by the administrator, refused
 * for approval to its own requester (maker-checker, said by the host), approved and paid by the
 * finance user; each step on its timeline and in the merchant's balance. Then the FX rate page
 * refuses a bad CSV line by line.
 */
import type { Page } from '@playwright/test'
import { formatAmount } from '../../src/renderer/src/format/amount'
import { CN, merchantIdOf, signIn } from './demo'
import { expect, test, type Host } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CasePage } from './pages/CasePage'
import { FormDialog } from './pages/FormDialog'
import { MasterDataPage } from './pages/MasterDataPage'
import { englishLeft, visibleText } from './untranslated'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

const DEMO_ADMIN = { username: 'demo.admin', password: 'Demo-admin-2026' }
const FINANCE = { username: 'demo.finance', password: 'Demo-finance-2026' }

interface Balance {
  available: string
  held: string
}

async function cnyBalance(host: Host, token: string, merchantId: number): Promise<Balance> {
  const answer = await host.api<{ items: { available: string; held: string }[] }>('/api/ledger.balances', { merchantId, currency: 'CNY', kind: 'merchant_available' }, token)
  return answer.body.data.items[0]
}

async function expectBalance(detail: CasePage, balance: Balance): Promise<void> {
  await expect(detail.available).toHaveText(formatAmount(balance.available, 'CNY'))
  await expect(detail.held).toHaveText(formatAmount(balance.held, 'CNY'))
}

async function openWithdrawal(page: Page, withdrawalNo: string): Promise<CasePage> {
  const list = new MasterDataPage(page, '/finance/withdrawals', 'Withdrawals')
  await list.open()
  await list.search(withdrawalNo)
  await list.row(withdrawalNo).getByRole('button', { name: 'Details' }).click()
  const detail = new CasePage(page)
  await expect(detail.heading(`Withdrawal ${withdrawalNo}`)).toBeVisible()
  return detail
}

test('a withdrawal is requested, refused to its own requester, approved and paid by another user; every step on the timeline and in the balance', async ({ page, browser, host }) => {
  // Two users, two browser pages and a demo host: longer than the default minute on a busy machine.
  test.setTimeout(150_000)
  const token = await host.login(DEMO_ADMIN.username, DEMO_ADMIN.password)
  const merchantId = await merchantIdOf(host, token, CN)
  const before = await cnyBalance(host, token, merchantId)
  let withdrawalNo = ''

  await test.step('the administrator requests 1,000.00 CNY (fee 5.00): both are held', async () => {
    await signIn(page, host, DEMO_ADMIN)
    await new AppShell(page).navigate('/finance/withdrawals')
    await page.getByRole('button', { name: 'Request withdrawal' }).click()
    const form = new FormDialog(page, page.getByRole('dialog'))
    await form.choose('Merchant', CN, 'Golden')
    await form.choose('Contract', /CN standard 2026 · CNY/)
    await expect(page.getByTestId('withdrawal-available')).toHaveText(`Available now: ${formatAmount(before.available, 'CNY')}`)
    await form.fill('Amount', '1000.00')
    await form.choose('Bank', /^ICBC/)
    await form.fill('Account number', '6222020200998877665')
    await form.fill('Account holder', 'Golden Dragon Trading Co., Ltd.')
    await form.submit('Submit for review')
    const detail = new CasePage(page)
    await expect(detail.heading(/^Withdrawal W\d+$/)).toBeVisible()
    withdrawalNo = ((await detail.heading(/^Withdrawal W\d+$/).textContent()) ?? '').replace('Withdrawal ', '')
    await expect(detail.status).toHaveText('Pending review')
    const held = await cnyBalance(host, token, merchantId)
    expect(Number(held.available)).toBeCloseTo(Number(before.available) - 1005, 2)
    await expectBalance(detail, held)
    await expect(detail.timelineRows()).toHaveCount(1)
    await expect(detail.timelineRows().first()).toContainText(`Withdrawal ${withdrawalNo} of 1,000.00 CNY (fee 5.00 CNY)`)
    await expect(detail.timelineRows().first()).toContainText('demo.admin')
  })

  await test.step('its requester cannot approve it: the host refuses, and nothing changes', async () => {
    const detail = new CasePage(page)
    await expect(detail.makerCheckerNote).toBeVisible()
    const dialog = await detail.step('Approve')
    await dialog.submit('Approve')
    await expect(detail.refusal).toContainText(`You requested withdrawal ${withdrawalNo}; another user must review it (maker-checker)`)
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    await expect(detail.status).toHaveText('Pending review')
    await expect(detail.timelineRows()).toHaveCount(1)
  })

  const finance = await browser.newPage()
  await test.step('the finance user approves it', async () => {
    await signIn(finance, host, FINANCE)
    const detail = await openWithdrawal(finance, withdrawalNo)
    await expect(detail.makerCheckerNote).toBeHidden()
    await (await detail.step('Approve')).submit('Approve')
    await expect(detail.status).toHaveText('Approved')
    await expect(detail.timelineRows()).toHaveCount(2)
    await expect(detail.timelineRows().nth(1)).toContainText(`Withdrawal ${withdrawalNo} approved for the bank transfer`)
    await expect(detail.timelineRows().nth(1)).toContainText('demo.finance')
  })

  await test.step('and marks it paid with the bank reference: withdrawal and fee posted, the hold gone', async () => {
    const detail = new CasePage(finance)
    const dialog = await detail.step('Mark paid')
    await dialog.submit('Mark paid')
    await expect(dialog.error("must be the bank transfer's reference (at least 4 characters)")).toBeVisible()
    await dialog.fill('Bank reference', 'ICBC-TRF-20261122-0042')
    await dialog.submit('Mark paid')
    await expect(detail.status).toHaveText('Paid')
    await expect(detail.timelineRows()).toHaveCount(3)
    await expect(detail.timelineRows().nth(2)).toContainText(`Withdrawal ${withdrawalNo} paid (bank reference ICBC-TRF-20261122-0042): withdrawal 1,000.00 CNY and fee 5.00 CNY posted`)
    const after = await cnyBalance(host, token, merchantId)
    expect(after.available).toBe((await cnyBalance(host, token, merchantId)).available)
    expect(Number(after.held)).toBeCloseTo(Number(before.held), 2)
    expect(Number(after.available)).toBeCloseTo(Number(before.available) - 1005, 2)
    await expectBalance(detail, after)
  })

  await test.step('the list shows it paid; the ledger shows the entries 8 and 9', async () => {
    const list = new MasterDataPage(finance, '/finance/withdrawals', 'Withdrawals')
    await list.open()
    await list.search(withdrawalNo)
    await expect(list.row(withdrawalNo)).toContainText('Paid')
    await expect(list.row(withdrawalNo)).toContainText('1,000.00 CNY')
  })

  await test.step('the withdrawal page in Chinese has no English left', async () => {
    await new AppShell(finance).switchLanguage('zh-CN')
    await openWithdrawalDetailAgain(finance)
    const detail = new CasePage(finance)
    await expect(detail.status).toHaveText('已打款')
    const data = [withdrawalNo, CN, 'ICBC', 'Industrial and Commercial Bank of China', '6222020200998877665', 'Golden Dragon Trading Co., Ltd.', 'ICBC-TRF-20261122-0042', 'CNY', 'demo.admin', 'demo.finance', 'Demo finance', 'Demo administrator']
    await expect.poll(async () => englishLeft(await visibleText(finance), data)).toEqual([])
  })
  await finance.close()

  async function openWithdrawalDetailAgain(p: Page): Promise<void> {
    await new AppShell(p).navigate('/finance/withdrawals')
    await p.getByRole('textbox').first().fill(withdrawalNo)
    await p.getByRole('row').filter({ hasText: withdrawalNo }).getByRole('button').click()
  }
})

test('the FX rate import names each bad line and field, imports nothing, then imports a good file', async ({ page, host }) => {
  await signIn(page, host, FINANCE)
  const rates = new MasterDataPage(page, '/finance/fx-rates', 'FX rates')
  await rates.open()
  await page.getByRole('button', { name: 'Import CSV' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('button', { name: 'CSV file' })).toBeVisible()
  const header = 'baseCurrency,quoteCurrency,referenceRate,appliedRate,markupPercent,validFrom,validTo,note'
  await dialog.locator('input[type=file]').setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nUSD,CNY,7.12,7.08,,2026-11-01,2026-11-30,ok\nUSD,CNY,seven,,0.5,2026-11-01,2026-11-30,bad\n`) })
  await dialog.getByRole('button', { name: 'Import CSV' }).click()
  const errors = page.getByTestId('import-errors')
  await expect(errors).toContainText('Nothing imported; problems found: 1')
  await expect(errors.locator('tbody tr')).toHaveText([/^3\s*referenceRate\s*must be a rate such as 7\.1234 \(at most 10 decimals\)$/])
  await dialog.locator('input[type=file]').setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nUSD,CNY,7.12,7.08,,2026-11-01,2026-11-30,e2e desk quote\n`) })
  await dialog.getByRole('button', { name: 'Import CSV' }).click()
  await expect(dialog).toBeHidden()
  await rates.search('e2e desk quote')
  await expect(rates.row('e2e desk quote')).toContainText('USD→CNY')
  await expect(rates.row('e2e desk quote')).toContainText('7.08')
})
