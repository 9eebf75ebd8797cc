/**
 * Home on the demo host: the attention list shows each kind of waiting work the demo leaves (an
 * unknown payout, a notification that gave up, disputes waiting for evidence, withdrawals and
 * adjustments to review, open reconciliation breaks), and each line opens the list of exactly that
 * work; the figures say their business time zone; a merchant operator sees none of the CN
 * merchant's work and no channel balances.
 */
import type { Locator, Page } from '@playwright/test'
import type { AttentionItem, HomeSummary } from '../../src/shared/contract/home'
import { BANKS } from '../../src/shared/reference'
import { CN, MERCHANT_USER, merchantIdOf, signIn } from './demo'
import { ADMIN, expect, test } from './fixtures'
import { englishLeft, visibleText } from './untranslated'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password }, demo: true } })

/** Home's parts, as a person finds them. */
class HomeView {
  readonly attention: Locator
  readonly zone: Locator
  readonly currencies: Locator
  readonly balances: Locator
  constructor(readonly page: Page) {
    this.attention = page.getByTestId('home-attention')
    this.zone = page.getByTestId('home-zone')
    this.currencies = page.getByTestId('home-currencies')
    this.balances = page.getByTestId('home-balances')
  }
  line(item: AttentionItem) {
    return this.page.getByTestId(`attention-${item.id}`)
  }
  async open(url: string) {
    await this.page.goto(new URL('/#/', url).href)
    await expect(this.attention).toBeVisible()
  }
}

/** The rows of the list a line opened: the breaks of a run, or the page's one table. */
function listedRows(page: Page, item: AttentionItem) {
  return item.kind === 'reconBreaks' ? page.getByTestId('break-list').locator('tbody tr') : page.locator('main table tbody tr')
}

/** What every row of the opened list shows, where a status says it is that work. */
const ROW_TEXT: Partial<Record<AttentionItem['kind'], string>> = {
  payoutsUnknown: 'Unknown',
  outboxGaveUp: 'Gave up',
  disputesEvidenceDue: 'Open',
  withdrawalsToReview: 'Pending review',
  adjustmentsToReview: 'Pending approval'
}

test('each kind of waiting work the demo leaves is on Home, and each line opens exactly that work', async ({ page, host }) => {
  test.setTimeout(180_000)
  const token = await host.login(ADMIN.username, ADMIN.password)
  // The administrator's own requests wait for someone else: Home does not count them, and its links leave them out too.
  const merchantId = await merchantIdOf(host, token, CN)
  const contracts = await host.api<{ items: { id: number; settlementCurrency: string }[] }>('/api/contracts.list', { merchantId, status: 'active' }, token)
  const contract = contracts.body.data.items.find((c) => c.settlementCurrency === 'CNY')!
  const own = [
    await host.api('/api/withdrawals.request', { merchantId, currency: 'CNY', amount: '100.00', bankCode: BANKS.CN[0].code, accountNo: '6222020200445566', holderName: 'Golden Dragon', requestKey: 'home-own-withdrawal' }, token),
    await host.api('/api/adjustments.request', { merchantId, contractId: contract.id, currency: 'CNY', amount: '12.34', reason: 'Own request, reviewed by another user', requestKey: 'home-own-adjustment' }, token)
  ]
  for (const answer of own) expect(answer.status, answer.body.message).toBe(200)
  const answer = await host.api<{ items: AttentionItem[] }>('/api/home.attention', {}, token)
  expect(answer.status, answer.body.message).toBe(200)
  const items = answer.body.data.items
  // The demo's loose ends and history: every kind but deposits stuck past expiry, which the job loop closes within a second.
  expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['payoutsUnknown', 'outboxGaveUp', 'disputesEvidenceDue', 'withdrawalsToReview', 'adjustmentsToReview', 'reconBreaks']))

  await signIn(page, host, ADMIN)
  const home = new HomeView(page)
  await expect(home.zone).toContainText('business time zone +08:00')
  await expect(home.currencies).toContainText('Today')
  await expect(home.balances).toBeVisible()
  await expect(home.line(items[0])).toBeVisible()

  for (const item of items) {
    await test.step(`${item.kind}: ${item.count} on Home, the same ${item.count} in its list`, async () => {
      await home.open(host.url)
      const line = home.line(item)
      await expect(line).toContainText(String(item.count))
      if (item.kind === 'disputesEvidenceDue') await expect(line.getByTestId('attention-deadline')).toContainText('(UTC+08:00)')
      if (item.kind === 'reconBreaks') await expect(line.getByTestId('attention-ages')).toContainText('over 7 days')
      await line.getByRole('link').click()
      await expect(page).toHaveURL((url) => url.hash === `#${item.link}`)
      const rows = listedRows(page, item)
      await expect(rows).toHaveCount(item.count)
      const text = ROW_TEXT[item.kind]
      if (text) for (const row of await rows.all()) await expect(row).toContainText(text)
    })
  }

  await test.step('Home in Chinese has no English left but its data', async () => {
    await home.open(host.url)
    await page.locator('select:has(option[value="zh-CN"])').selectOption('zh-CN')
    await expect(home.attention).toContainText('待处理')
    const summary = (await host.api<HomeSummary>('/api/home.summary', {}, token)).body.data
    const data = [...(summary.balances ?? []).flatMap((b) => [b.channelName, b.currency]), ...(summary.currencies ?? []).map((c) => c.currency), ADMIN.username]
    await expect.poll(async () => englishLeft(await visibleText(page), data)).toEqual([])
  })
})

test('a merchant operator sees no other merchant’s work and no channel balances', async ({ page, host }) => {
  test.setTimeout(120_000)
  await signIn(page, host, MERCHANT_USER)
  const home = new HomeView(page)
  await expect(home.attention).toBeVisible()
  // The unknown payout and the given-up notification are the CN merchant's; reviews and reconciliation need permissions a merchant operator lacks.
  for (const id of ['payoutsUnknown', 'outboxGaveUp', 'withdrawalsToReview', 'adjustmentsToReview']) await expect(page.getByTestId(`attention-${id}`)).toHaveCount(0)
  await expect(page.locator('[data-testid^="attention-reconBreaks"]')).toHaveCount(0)
  // The figures are theirs alone: a table of their currencies, or none just after the business day
  // turns when their merchant has had no order since yesterday began (the demo's TH lanes are sparse).
  await expect(page.getByRole('heading', { name: 'Orders today and yesterday' })).toBeVisible()
  await expect(home.currencies.or(page.getByText('No orders today or yesterday.'))).toBeVisible()
  await expect(home.currencies.getByText('CNY', { exact: true })).toHaveCount(0)
  await expect(home.balances).toHaveCount(0)
})
