/**
 * Money through the whole path, seen in the UI: the provider's callback marks a deposit paid and
 * its ledger entries appear on the order; a payout's hold is posted when it succeeds and released
 * when it fails. Against the demo host and its provider simulator (paid through its control API).
 */
import { expect, test, type Host } from './fixtures'
import { CN, control, merchantIdOf, OPS, signIn } from './demo'
import { OrderQueryPage } from './pages/OrderQueryPage'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

interface Option {
  serviceId: number
  serviceType: string
  channels: { channelId: number; channelName: string }[]
}

async function pair(host: Host, token: string, merchantId: number, direction: 'deposit' | 'payout') {
  const answer = await host.api<{ services: Option[] }>('/api/orders.options', { direction, merchantId }, token)
  const service = answer.body.data.services.find((s) => s.serviceType === 'CNY_BANK_CARD')!
  return { serviceId: service.serviceId, channelId: service.channels.find((c) => c.channelName === 'CN UnionPay Direct A')!.channelId }
}

async function waitForStatus(host: Host, token: string, id: number, status: string): Promise<void> {
  await expect
    .poll(async () => (await host.api<{ status: string }>('/api/orders.get', { id }, token)).body.data.status, { timeout: 20_000 })
    .toBe(status)
}

async function openOrder(query: OrderQueryPage, orderNo: string): Promise<void> {
  await query.open()
  await query.find(orderNo)
  await query.openRow(orderNo)
}

test('a callback marks a deposit paid and its ledger entries appear on the order; payouts post or release their hold', async ({ page, host }) => {
  const token = await host.login(OPS.username, OPS.password)
  const merchantId = await merchantIdOf(host, token, CN)

  const deposit = await host.api<{ id: number; orderNo: string; status: string }>(
    '/api/orders.createDeposit',
    { merchantId, ...(await pair(host, token, merchantId, 'deposit')), amount: '1000.00', fields: { payerName: 'Li Wei', cardNumber: '6222020200112233', remarkCode: 'AB12' } },
    token
  )
  expect(deposit.status, deposit.body.message).toBe(200)
  expect(deposit.body.data.status).toBe('pending')
  await control(host, '/_control/pay', { orderNo: deposit.body.data.orderNo })
  await waitForStatus(host, token, deposit.body.data.id, 'succeeded')

  const payoutPair = await pair(host, token, merchantId, 'payout')
  const payoutFields = { recipientName: 'Zhang San', recipientAccount: '6222020200998877665', bankCode: 'ICBC' }
  await control(host, '/_control/behaviour', { amountPattern: '\\.77$', behaviour: 'fail_later' })
  const failing = await host.api<{ id: number; orderNo: string }>('/api/orders.createPayout', { merchantId, ...payoutPair, amount: '300.77', fields: payoutFields }, token)
  const paying = await host.api<{ id: number; orderNo: string }>('/api/orders.createPayout', { merchantId, ...payoutPair, amount: '300.00', fields: payoutFields }, token)
  expect(failing.status, failing.body.message).toBe(200)
  expect(paying.status, paying.body.message).toBe(200)
  await waitForStatus(host, token, failing.body.data.id, 'failed')
  await waitForStatus(host, token, paying.body.data.id, 'succeeded')

  await signIn(page, host, OPS)
  const query = new OrderQueryPage(page)

  // The CN contract: 0.6 % fee, 0.50 fixed fee, 5 % reserve.
  await openOrder(query, deposit.body.data.orderNo)
  await expect(query.timeline).toContainText('signature verified')
  await query.tab('Ledger entries').click()
  const entries = page.getByRole('tabpanel')
  for (const text of ['0 · Order payment', '1,000.00 CNY', '1 · Transaction fee', '6.00 CNY', '2 · Processing (fixed) fee', '0.50 CNY', '3 · Security deposit (reserve)', '50.00 CNY']) {
    await expect(entries).toContainText(text)
  }

  await openOrder(query, paying.body.data.orderNo)
  await expect(page.getByText('Payout hold')).toBeVisible()
  await expect(page.getByText('Posted', { exact: true })).toBeVisible()
  await query.tab('Ledger entries').click()
  await expect(page.getByRole('tabpanel')).toContainText('8 · Withdrawal')
  await expect(page.getByRole('tabpanel')).toContainText(paying.body.data.orderNo)

  await openOrder(query, failing.body.data.orderNo)
  await expect(page.getByText('Released', { exact: true })).toBeVisible()
  await query.tab('Ledger entries').click()
  await expect(page.getByRole('tabpanel')).not.toContainText('8 · Withdrawal')
})
