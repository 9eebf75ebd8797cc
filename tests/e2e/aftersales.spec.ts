/**
 * Refunds and disputes through the screens, against the demo host and its provider simulator: a
 * partial refund, a second one refused with the amount that is left, a dispute opened with a
 * waybill and an evidence file, submitted and won; each step on the timelines and in the
 * merchant's available balance (CN contract: refund fee 1.00, dispute fee 50.00).
 */
import { CN, merchantIdOf, OPS, paidDeposit, signIn, TH } from './demo'
import { ADMIN, expect, test } from './fixtures'
import { CasePage, MerchantBalance, minorOf, OrderAftersales, shownOf } from './pages/AftersalesPages'
import { englishLeft, visibleText } from './untranslated'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password }, demo: true } })

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

/** The ledger page may first show the balance it had cached before the posting: read it again until it moves. */
const POLL = { timeout: 15_000 }

test('a partial refund, a refund beyond what is left refused, a dispute with a waybill and evidence won: timelines and balance follow', async ({ page, host }) => {
  test.setTimeout(180_000)
  const token = await host.login(OPS.username, OPS.password)
  const merchantId = await merchantIdOf(host, token, CN)
  const { id, orderNo } = await paidDeposit(host, token, merchantId, { type: 'CNY_BANK_CARD', channel: 'CN UnionPay Direct A' }, '1000.00', { payerName: 'Li Wei', cardNumber: '6222020200112233', remarkCode: 'AB12' })

  await signIn(page, host, OPS)
  const balance = new MerchantBalance(page)
  const order = new OrderAftersales(page)
  const start = minorOf(await balance.available(CN, 'Golden'))

  await test.step('a partial refund of 300.00 is held, sent to the provider and posted with its fee', async () => {
    await order.open(id, orderNo)
    const dialog = await order.action('Refund', /^Refund order /)
    await expect(dialog.root.getByTestId('refund-quote')).toHaveText(/Paid 1,000\.00 CNY; 1,000\.00 CNY can still be refunded\. The refund fee 1\.00 CNY/)
    await dialog.fill('Amount', '300')
    await dialog.fill('Reason', 'Customer returned two items')
    await dialog.submit('Request refund')
    const refund = new CasePage(page, 'refund')
    await expect(refund.heading()).toHaveText(/^Refund R\d+-1$/)
    await expect(refund.status).toHaveText('Succeeded', { timeout: 20_000 })
    await expect.poll(() => refund.timelineTexts()).toEqual([
      expect.stringMatching(/^Refund R\d+-1 of 300\.00 CNY requested \(refund fee 1\.00 CNY\): Customer returned two items$/),
      expect.stringMatching(/^Held 300\.00 CNY and refund fee 1\.00 CNY from the merchant’s available balance \(posting \d+\)$/),
      expect.stringMatching(/^Provider accepted the refund as SIMR\d+; processing$/),
      'Provider reports the refund succeeded',
      expect.stringMatching(/^Refund succeeded: 300\.00 CNY refunded and refund fee 1\.00 CNY charged \(posting \d+\)$/)
    ])
    await expect.poll(async () => minorOf(await balance.available(CN, 'Golden')), POLL).toBe(start - 30_100)
  })

  await test.step('a second refund of 800.00 is refused, naming the 700.00 that is left', async () => {
    await order.open(id, orderNo)
    await expect(order.refunds).toContainText('Succeeded')
    const dialog = await order.action('Refund', /^Refund order /)
    await expect(dialog.root.getByTestId('refund-quote')).toContainText('700.00 CNY can still be refunded')
    await dialog.fill('Amount', '800')
    await dialog.fill('Reason', 'Customer returned everything')
    await dialog.submit('Request refund')
    await expect(dialog.error(`only 700.00 CNY of order ${orderNo} can still be refunded (paid 1,000.00 CNY, refunded or in progress 300.00 CNY, disputed 0.00 CNY)`)).toBeVisible()
    await dialog.root.getByRole('button', { name: 'Cancel' }).click()
    await expect(order.refunds.getByRole('row')).toHaveCount(1)
  })

  const trackingNo = `SF${orderNo.slice(-9)}`
  await test.step('a waybill is added to the order', async () => {
    const dialog = await order.action('Add waybill', /^Add a waybill to order /)
    await dialog.fill('Carrier', 'SF Express')
    await dialog.fill('Tracking no.', trackingNo)
    await dialog.submit('Add waybill')
    await expect(order.waybills).toContainText(trackingNo)
  })

  const dispute = new CasePage(page, 'dispute')
  await test.step('a chargeback of 200.00 debits the amount and the 50.00 fee', async () => {
    const dialog = await order.action('Open dispute', /^Open a dispute on order /)
    await expect(dialog.root.getByTestId('dispute-quote')).toContainText('Up to 700.00 CNY can be disputed')
    await dialog.fill('Reason code', '13.1')
    await dialog.fill('Amount', '200')
    await dialog.submit('Open dispute')
    await expect(dispute.heading()).toHaveText(/^Dispute DS\d+-1$/)
    await expect(dispute.status).toHaveText('Open')
    await expect.poll(() => dispute.timelineTexts()).toEqual([
      expect.stringMatching(/^Chargeback DS\d+-1 of 200\.00 CNY opened with reason code 13\.1$/),
      expect.stringMatching(/^Debited 200\.00 CNY and dispute fee 50\.00 CNY from the merchant \(posting \d+\)$/)
    ])
  })
  const disputeUrl = page.url()
  await expect.poll(async () => minorOf(await balance.available(CN, 'Golden')), POLL).toBe(start - 30_100 - 25_000)

  await test.step('the waybill is attached, an evidence file added, the evidence submitted and the dispute won', async () => {
    await page.goto(disputeUrl)
    const attach = await dispute.action('Attach waybill')
    await attach.choose('Waybill of this order', `SF Express ${trackingNo}`)
    await attach.submit('Attach waybill')
    await expect(page.getByTestId('dispute-waybills')).toContainText(trackingNo)

    const evidence = await dispute.action('Add evidence file')
    // Without a file it is required (not "empty", which is a chosen file with nothing in it).
    await evidence.submit('Add evidence file')
    await expect(evidence.root.getByText('is required', { exact: true })).toBeVisible()
    await evidence.root.locator('input[type="file"]').setInputFiles({ name: 'delivery-note.pdf', mimeType: 'application/pdf', buffer: PDF })
    await expect(evidence.field('File name')).toHaveValue('delivery-note.pdf')
    await evidence.submit('Add evidence file')
    await expect(page.getByTestId('dispute-evidence')).toContainText('delivery-note.pdf')
    // Its size with a unit, never a bare number.
    await expect(page.getByTestId('dispute-evidence')).toContainText(/\d+(\.\d)? (B|KB|MB)/)

    const submit = await dispute.action('Submit evidence')
    await submit.submit('Submit evidence')
    await expect(dispute.status).toHaveText('Evidence submitted')

    const resolve = await dispute.action('Resolve')
    await resolve.choose('Outcome', 'Won: return the amount to the merchant')
    await resolve.fill('Reason', 'Issuer accepted the signed delivery note')
    await resolve.submit('Resolve')
    await expect(dispute.status).toHaveText('Won')
    await expect.poll(async () => (await dispute.timelineTexts()).slice(2)).toEqual([
      `Waybill SF Express ${trackingNo} attached as evidence`,
      `Evidence file delivery-note.pdf added (${PDF.length} bytes)`,
      'Evidence submitted: 1 file(s), 1 waybill(s)',
      expect.stringMatching(/^Dispute won \(Issuer accepted the signed delivery note\): 200\.00 CNY returned to the merchant \(posting \d+\); the dispute fee is kept$/)
    ])
  })

  await test.step('the balance is restored but for the fees; the order lists its refund, dispute and waybill', async () => {
    await expect.poll(() => balance.available(CN, 'Golden'), POLL).toBe(shownOf(start - 30_100 - 5_000))
    await order.open(id, orderNo)
    await expect(order.disputes).toContainText('Won')
    await expect(order.waybills).toContainText(trackingNo)
  })

  await test.step('the dispute page in Chinese has no English left', async () => {
    await page.goto(disputeUrl)
    await page.locator('select:has(option[value="zh-CN"])').selectOption('zh-CN')
    await expect(dispute.status).toHaveText('胜诉')
    const disputeNo = (await dispute.heading().innerText()).replace(/^\D*(DS\S+).*$/, '$1')
    const data = [orderNo, disputeNo, trackingNo, 'delivery-note.pdf', 'SF Express', 'Issuer accepted the signed delivery note', 'application/pdf', 'CNY', CN, 'demo.ops', 'Demo operations', 'system']
    await expect.poll(async () => englishLeft(await visibleText(page), data)).toEqual([])
  })
})

test('an order settled in another currency says why it has no refund or dispute, before anyone tries', async ({ page, host }) => {
  const token = await host.login(OPS.username, OPS.password)
  const merchantId = await merchantIdOf(host, token, TH)
  // The Thai merchant's USDT deposits settle in THB through the rate table.
  const { id, orderNo } = await paidDeposit(host, token, merchantId, { type: 'USDT', channel: 'USDT TRC20 Desk' }, '100.00', {})

  await signIn(page, host, OPS)
  const order = new OrderAftersales(page)
  await order.open(id, orderNo)
  const reason = `order ${orderNo} was settled in THB from USDT; refunds and disputes of orders settled in another currency are not supported yet`
  await expect(page.getByTestId('aftersales-unavailable')).toContainText(reason)
  const actions = page.getByTestId('aftersales-actions')
  await expect(actions.getByRole('button', { name: 'Refund', exact: true })).toBeDisabled()
  await expect(actions.getByRole('button', { name: 'Open dispute', exact: true })).toBeDisabled()
  // A waybill is still the order's to record.
  await expect(actions.getByRole('button', { name: 'Add waybill', exact: true })).toBeEnabled()
})

test('a chargeback larger than what the merchant has left is recorded: its balance shows the debt, in English and Chinese', async ({ page, host }) => {
  test.setTimeout(150_000)
  const token = await host.login(OPS.username, OPS.password)
  const merchantId = await merchantIdOf(host, token, CN)
  const { id, orderNo } = await paidDeposit(host, token, merchantId, { type: 'CNY_BANK_CARD', channel: 'CN UnionPay Direct A' }, '1000.00', { payerName: 'Li Wei', cardNumber: '6222020200112233', remarkCode: 'AB12' })
  // All but 10.00 asked for as a withdrawal (held at once, with its 5.00 fee): the chargeback then finds the merchant short.
  const balances = await host.api<{ items: { available: string }[] }>('/api/ledger.balances', { merchantId, currency: 'CNY', kind: 'merchant_available' }, token)
  const amount = shownOf(minorOf(`${balances.body.data.items[0].available} CNY`) - 500 - 1_000).replace(/[, A-Z]/g, '')
  const withdrawal = await host.api<{ id: number }>(
    '/api/withdrawals.request',
    { merchantId, currency: 'CNY', amount, bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Co., Ltd.', requestKey: `chargeback-${orderNo}` },
    token
  )
  expect(withdrawal.status, withdrawal.body.message).toBe(200)

  await signIn(page, host, OPS)
  const order = new OrderAftersales(page)
  const dispute = new CasePage(page, 'dispute')
  await test.step('the form says a chargeback is recorded even when the merchant is short; the host records it and says by how much', async () => {
    await order.open(id, orderNo)
    const dialog = await order.action('Open dispute', /^Open a dispute on order /)
    await expect(dialog.root).toContainText("it is recorded even when the merchant's available balance is short")
    await dialog.fill('Reason code', '10.4')
    await dialog.fill('Amount', '1000')
    await dialog.submit('Open dispute')
    await expect(dispute.status).toHaveText('Open')
    await expect
      .poll(() => dispute.timelineTexts())
      // 10.00 was left, unless a reserve of the demo's history fell due meanwhile.
      .toContainEqual(expect.stringMatching(/^The merchant's available balance \([\d,.]+ CNY\) was short of 1,050\.00 CNY by ([\d,.]+) CNY: .* recorded as owed by the merchant \(available balance now -\1 CNY\)\./))
  })
  const disputeUrl = page.url()

  const owes = /^-([\d,]+\.\d\d) CNY \(owes the platform \1 CNY\)$/
  await test.step('the ledger and the withdrawal page show the debt in red', async () => {
    expect(await new MerchantBalance(page).available(CN, 'Golden')).toMatch(owes)
    await expect(page.getByRole('table').locator('[data-below-zero]')).toHaveCount(1)
    await page.goto(`${host.url}/#/finance/withdrawals/${withdrawal.body.data.id}`)
    await expect(page.getByTestId('balance-available')).toHaveText(owes)
  })

  await test.step('in Chinese too', async () => {
    await page.locator('select:has(option[value="zh-CN"])').selectOption('zh-CN')
    await expect(page.getByTestId('balance-available')).toHaveText(/^-([\d,]+\.\d\d) CNY（欠平台 \1 CNY）$/)
    await page.goto(disputeUrl)
    await expect(page.getByTestId('timeline')).toContainText(/记为商户欠款（可用余额现为 -[\d,.]+ CNY）/)
  })
})

test('pages opened by the number shown: a waybill by its tracking number of digits, an order and its payment page by the transaction or order number', async ({ page, host }) => {
  const token = await host.login(OPS.username, OPS.password)
  const merchantId = await merchantIdOf(host, token, CN)
  const { id, orderNo } = await paidDeposit(host, token, merchantId, { type: 'CNY_BANK_CARD', channel: 'CN UnionPay Direct A' }, '1000.00', { payerName: 'Li Wei', cardNumber: '6222020200112233', remarkCode: 'AB12' })
  // Digits only, as short as an id could be: read first as an id, which no waybill has, then as the number.
  const trackingNo = `77${String(Date.now()).slice(-10)}`
  const waybill = await host.api<{ id: number }>('/api/waybills.create', { orderId: id, carrier: 'FedEx', trackingNo, shippedAt: Date.now() - 3_600_000 }, token)
  expect(waybill.status, waybill.body.message).toBe(200)
  const txnNo = orderNo.slice(1)

  await signIn(page, host, OPS)
  await page.goto(`${host.url}/#/aftersales/waybills/${trackingNo}`)
  await expect(page.getByRole('heading', { name: `Waybill ${trackingNo}` })).toBeVisible()
  await page.goto(`${host.url}/#/orders/${txnNo}`)
  await expect(page.getByRole('heading', { level: 2 })).toContainText(orderNo)
  await page.goto(`${host.url}/#/payment/${orderNo}`)
  await expect(page.getByTestId('payment-order-no')).toHaveText(orderNo)
  await page.goto(`${host.url}/#/payment/${txnNo}`)
  await expect(page.getByTestId('payment-order-no')).toHaveText(orderNo)
})
