/**
 * The operation screens against a host started with the demo: merchants, services, channels, demo
 * users, and the provider simulator the demo channels point at (it answers a deposit with a bank
 * account and pays it after about 20 s).
 */
import { CN, merchantIdOf, MERCHANT_USER, OPS, pairOf, signIn, TH } from './demo'
import { ADMIN, expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { OrderFormPage } from './pages/OrderFormPage'
import { OrderQueryPage } from './pages/OrderQueryPage'
import { PaymentWindow } from './pages/PaymentWindow'
import { englishLeft, refusalsShown, visibleText } from './untranslated'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password }, demo: true } })

test('operations staff pick a merchant and create a CN bank card deposit; refused fields and amounts are named; the payment window opens', async ({ page, context, host }) => {
  test.setTimeout(120_000)
  await signIn(page, host, OPS)
  const form = new OrderFormPage(page, 'deposit')
  await form.open()

  await test.step('merchant first, then its services with their ranges, then the channels with limits and balance', async () => {
    await expect(form.service).toBeDisabled()
    await form.choose(form.merchant, CN, 'Golden')
    const services = await form.optionsOf(form.service)
    await expect(services.filter({ hasText: 'CNY bank card · CNY · 500.00 – 20,000.00 CNY' })).toHaveCount(1)
    await page.keyboard.press('Escape')
    await form.choose(form.service, 'CNY bank card · CNY · 500.00 – 20,000.00 CNY')
    const channels = await form.optionsOf(form.channel)
    await expect(channels.filter({ hasText: 'CN UnionPay Direct A' })).toContainText('Channel limits 100.00 – 50,000.00 CNY')
    await expect(channels.filter({ hasText: 'CN UnionPay Direct A' })).toContainText(/Balance [\d,]+\.\d\d CNY, available [\d,]+\.\d\d CNY/)
    await page.keyboard.press('Escape')
    await form.choose(form.channel, /^CN UnionPay Direct A/)
  })

  await test.step('the amount shows its range on hover and under the field', async () => {
    await expect(page.getByText('Available range: 500.00 – 20,000.00 CNY (lower limit from the service · upper limit from the service)')).toBeVisible()
    await form.amount.hover()
    await expect(page.getByRole('tooltip')).toHaveText('Available range: 500.00 – 20,000.00 CNY')
  })

  await test.step('the remark code left empty and an amount outside 500–20,000 are refused, each under its field', async () => {
    await form.field('Payer name').fill('Li Wei')
    await form.field('Card number').fill('6222 0202 0011 2233')
    await form.amount.fill('100')
    await form.amount.blur()
    await expect(form.errorOf(form.amount)).toHaveText(
      'must be at least 500.00 CNY (service limit); the available range is 500.00 CNY (service) – 20,000.00 CNY (service)'
    )
    await form.submit()
    await expect(form.errorOf(form.field('Remark code'))).toHaveText('is required for CNY bank card deposits')
    await expect(form.errorOf(form.field('Payer name'))).toHaveCount(0)
    await form.amount.fill('20000.01')
    await form.amount.blur()
    await expect(form.errorOf(form.amount)).toHaveText(
      'must be at most 20,000.00 CNY (service limit); the available range is 500.00 CNY (service) – 20,000.00 CNY (service)'
    )
  })

  await test.step('the host refuses the same amount with the same range, on the amount field', async () => {
    const token = await host.login(OPS.username, OPS.password)
    const merchantId = await merchantIdOf(host, token, CN)
    const pair = await pairOf(host, token, merchantId, 'CNY_BANK_CARD', 'CN UnionPay Direct A')
    const fields = { payerName: 'Li Wei', cardNumber: '6222020200112233', remarkCode: 'AB12' }
    const answer = await host.api('/api/orders.createDeposit', { merchantId, ...pair, amount: '100', fields }, token)
    expect(answer.status).toBe(422)
    expect(answer.body.field).toBe('amount')
    expect(answer.body.message).toBe('amount: must be at least 500.00 CNY (service limit); the available range is 500.00 CNY (service) – 20,000.00 CNY (service)')
  })

  await test.step('a valid order opens its payment page in a new window without the app around it', async () => {
    await form.field('Remark code').fill('AB12')
    await form.amount.fill('1000')
    const opened = context.waitForEvent('page')
    await form.submit()
    const orderNo = await form.createdOrderNo()
    expect(orderNo).toMatch(/^D\d{15}$/)
    const popup = await opened
    expect(popup.url()).toMatch(/#\/payment\/\d+$/)
    expect(popup.viewportSize()).toEqual({ width: 480, height: 640 })
    const payment = new PaymentWindow(popup)
    await expect(payment.heading).toBeVisible()
    await expect(payment.orderNo).toHaveText(orderNo)
    await expect(payment.amount).toHaveText('1,000.00 CNY')
    await expect(payment.navigation).toHaveCount(0)
    await expect(payment.status).toHaveText('Pending')
    // The demo's provider simulator answers with a bank account to transfer to.
    await expect(payment.bankAccount).toContainText('Account number')
    // Bank, account name and number, and the remark code the payer must quote, with why.
    await expect(payment.bankAccount.getByTestId('payment-value')).toHaveCount(4)
    await expect(payment.bankAccount.getByTestId('payment-value').last()).toHaveText('AB12')
    await expect(payment.bankAccount.getByTestId('payment-note')).toContainText('Write AB12 in the transfer’s remark')
    await expect(form.created.getByRole('link', { name: 'Open order details' })).toHaveAttribute('href', /#\/orders\/\d+$/)

    // The simulator pays demo deposits after about 20 s; the page checks every 3 s.
    await expect(payment.paid).toBeVisible({ timeout: 45_000 })
    await expect(payment.status).toHaveText('Succeeded')
    await expect(form.created.getByTestId('order-status')).toHaveText('Succeeded', { timeout: 10_000 })
  })
})

test('Tab right after choosing a merchant goes to Service, then Channel, while the services are still loading', async ({ page, host }) => {
  await signIn(page, host, OPS)
  const form = new OrderFormPage(page, 'deposit')
  await form.open()
  // The merchant's services are held back, so the Tab below lands before they arrive.
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/orders.options', async (route) => {
    await held
    await route.continue()
  })
  await form.choose(form.merchant, CN, 'Golden')
  await page.keyboard.press('Tab')
  await expect(form.service).toBeFocused()
  await expect(form.service).toBeDisabled()
  await page.keyboard.press('Tab')
  await expect(form.channel).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(form.service).toBeFocused()
  release()
  // Loaded: the focused Service opens from the keyboard and its choice is taken.
  await expect(form.service).toBeEnabled()
  await expect(form.service).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('listbox').getByRole('option', { name: /^CNY bank card · CNY/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await expect(form.channel).toBeFocused()
})

test('a deposit names the terminal it is taken at, among the merchant’s active terminals, and its detail shows it', async ({ page, host }) => {
  await signIn(page, host, OPS)
  const form = new OrderFormPage(page, 'deposit')
  await form.open()
  await form.choose(form.merchant, CN, 'Golden')
  await expect(form.terminal).toBeEnabled()
  const terminals = await form.optionsOf(form.terminal)
  await expect(terminals).toHaveText(['CN-API-01 · Server-to-server API · API', 'CN-WEB-01 · Web checkout · Website'])
  await page.keyboard.press('Escape')
  await form.choose(form.terminal, 'CN-WEB-01 · Web checkout · Website')
  await form.choose(form.service, 'CNY bank card · CNY · 500.00 – 20,000.00 CNY')
  await form.choose(form.channel, /^CN UnionPay Direct A/)
  await form.field('Payer name').fill('Li Wei')
  await form.field('Card number').fill('6222 0202 0011 2233')
  await form.field('Remark code').fill('AB12')
  await form.amount.fill('1000')
  await form.submit()
  await form.createdOrderNo()
  await form.created.getByRole('link', { name: 'Open order details' }).click()
  await expect(page.getByText('CN-WEB-01 · Web checkout', { exact: true })).toBeVisible()
})

test('the demo notifies its merchants: one acknowledges, the other refuses and waits for a retry in the outbox', async ({ page, host }) => {
  const token = await host.login(OPS.username, OPS.password)
  type Item = { orderId: number; orderNo: string; status: string; attempts: number; lastError: string | null }
  const notifications = async () => (await host.api<{ items: Item[] }>('/api/outbox.list', { operation: 'notify', pageSize: 100 }, token)).body.data.items.filter((i) => i.attempts > 0 && i.status !== 'gave_up')
  await expect.poll(async () => (await notifications()).map((i) => i.status).sort(), { timeout: 20_000 }).toEqual(['done', 'pending'])
  const [delivered, refused] = ['done', 'pending'].map((status) => notifications().then((items) => items.find((i) => i.status === status)!))

  await signIn(page, host, OPS)
  const shell = new AppShell(page)
  await shell.openAddress(host.url, '/orders/outbox?operation=notify&status=pending')
  const row = page.getByRole('main').locator('tbody tr').filter({ hasText: (await refused).orderNo })
  await expect(row).toContainText('Merchant notification')
  await expect(row).toContainText('Waiting')
  await expect(row).toContainText('Answered HTTP 503')
  // The outbox is read again every 5 s: its rows stay in view and clickable, no loader laid over them.
  type Watched = { loaderSeen: boolean; document: { querySelector(selector: string): unknown; body: unknown }; MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void } }
  await page.evaluate(() => {
    const watched = globalThis as unknown as Watched
    watched.loaderSeen = false
    new watched.MutationObserver(() => {
      if (watched.document.querySelector('.mantine-datatable-loader-fetching')) watched.loaderSeen = true
    }).observe(watched.document.body, { subtree: true, childList: true, attributes: true })
  })
  await page.waitForResponse((response) => response.url().includes('/api/outbox.list'), { timeout: 10_000 })
  await expect(row).toContainText('Answered HTTP 503')
  expect(await page.evaluate(() => (globalThis as unknown as Watched).loaderSeen)).toBe(false)

  await shell.openAddress(host.url, `/orders/${(await delivered).orderId}`)
  const orders = new OrderQueryPage(page)
  await orders.tab('Notifications').click()
  await expect(page.getByRole('tabpanel').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByRole('tabpanel').locator('tbody tr')).toContainText('Acknowledged')
})

test('a merchant-bound user gets no merchant choice, and the host refuses another merchant’s order with 403', async ({ page, host }) => {
  await signIn(page, host, MERCHANT_USER)
  const form = new OrderFormPage(page, 'deposit')
  await form.open()
  await expect(form.merchant).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Merchant', exact: true })).toHaveValue(TH)
  await expect(form.service).toBeEnabled()

  const opsToken = await host.login(OPS.username, OPS.password)
  const otherMerchant = await merchantIdOf(host, opsToken, CN)
  const pair = await pairOf(host, opsToken, otherMerchant, 'CNY_BANK_CARD', 'CN UnionPay Direct A')
  const token = await host.login(MERCHANT_USER.username, MERCHANT_USER.password)
  const fields = { payerName: 'Li Wei', cardNumber: '6222020200112233', remarkCode: 'AB12' }
  const answer = await host.api('/api/orders.createDeposit', { merchantId: otherMerchant, ...pair, amount: '1000', fields }, token)
  expect(answer.status).toBe(403)
  expect(answer.body.message).toBe('You can only create orders for your own merchant')

  // Another merchant's order, opened by its address: said in the order's terms (no internal id), with a way back instead of a retry.
  const theirs = await host.api<{ id: number }>('/api/orders.createDeposit', { merchantId: otherMerchant, ...pair, amount: '1000', fields }, opsToken)
  expect(theirs.status, theirs.body.message).toBe(200)
  await page.goto(page.url().replace(/#.*$/, `#/orders/${theirs.body.data.id}`))
  await expect(page.getByText('There is no such order among the orders you may see')).toBeVisible()
  await expect(page.getByText(String(theirs.body.data.id), { exact: false })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  await page.getByRole('main').getByRole('link', { name: 'Back to order query' }).last().click()
  await expect(page).toHaveURL(/#\/orders$/)
})

test('a Thai deposit needs a bank from the Thai list, and nothing else is taken', async ({ page, context, host }) => {
  await signIn(page, host, MERCHANT_USER)
  const form = new OrderFormPage(page, 'deposit')
  await form.open()
  await form.choose(form.service, /^Thai service · THB/)
  // The service has one usable channel: it is chosen for the user.
  await expect(form.channel).toHaveValue('TH KBank QR')
  await expect(form.field('Remark code')).toHaveCount(0)
  await form.field('Payer name').fill('Somchai Prasert')
  await form.field('Card number').fill('1234567890')
  await form.amount.fill('1000')
  await form.submit()
  const bank = form.selectField('Bank')
  await expect(form.errorOf(bank)).toHaveText('is required for Thai service deposits')

  const banks = await form.optionsOf(bank)
  await expect(banks).toHaveCount(20)
  await expect(banks.filter({ hasText: 'KBANK · Kasikornbank · ธนาคารกสิกรไทย' })).toHaveCount(1)
  await expect(banks.filter({ hasText: '中国工商银行' }), 'no bank of the CN list').toHaveCount(0)
  await page.keyboard.press('Escape')
  await form.choose(bank, 'KBANK · Kasikornbank · ธนาคารกสิกรไทย', 'Kasikorn')
  const opened = context.waitForEvent('page')
  await form.submit()
  await form.createdOrderNo()
  await expect(new PaymentWindow(await opened).amount).toHaveText('1,000.00 THB')

  const token = await host.login(MERCHANT_USER.username, MERCHANT_USER.password)
  const pair = await pairOf(host, token, undefined, 'THAI', 'TH KBank QR')
  const answer = await host.api('/api/orders.createDeposit', { ...pair, amount: '1000', fields: { payerName: 'Somchai Prasert', cardNumber: '1234567890', bankCode: 'ICBC' } }, token)
  expect(answer.status).toBe(400)
  expect(answer.body.field).toBe('fields.bankCode')
  expect(answer.body.message).toBe('fields.bankCode: is not a bank of the TH bank list (20 banks)')
})

test('order query finds an order by its numbers; its detail shows the timeline, the outbox links to it, a manual operation shows the host’s answer', async ({ page, host }) => {
  const token = await host.login(OPS.username, OPS.password)
  const merchantId = await merchantIdOf(host, token, CN)
  const pair = await pairOf(host, token, merchantId, 'CNY_BANK_CARD', 'CN UnionPay Direct A')
  const fields = { payerName: 'Li Wei', cardNumber: '6222020200112233', remarkCode: 'AB12' }
  const created = await host.api<{ id: number; orderNo: string }>('/api/orders.createDeposit', { merchantId, ...pair, amount: '1500', merchantOrderNo: 'E2E-QUERY-1', fields }, token)
  expect(created.status, created.body.message).toBe(200)
  const { orderNo, id } = created.body.data
  // Whatever the provider did, the order ends failed here, so the second "mark failed" below is refused.
  const marked = await host.api('/api/orders.markResult', { id, result: 'failed', reason: 'E2E: settle the state' }, token)
  expect([200, 409]).toContain(marked.status)

  await signIn(page, host, OPS)
  const query = new OrderQueryPage(page)
  await query.open()
  await query.find('E2E-QUERY-1')
  await query.find(orderNo)
  await expect(query.table.rows.first()).toContainText('1,500.00 CNY')
  await query.openRow(orderNo)

  await expect(query.timeline.getByRole('row').filter({ hasText: 'Created' }).first()).toContainText(
    'Deposit of 1,500.00 CNY created on channel "CN UnionPay Direct A" (test order)'
  )
  await expect(query.timeline).toContainText('demo.ops')
  for (const tab of ['Upstream log', 'Callbacks', 'Notifications', 'Ledger entries']) await expect(query.tab(tab)).toBeVisible()

  // What the failed order's state does not allow is disabled, saying why in the host's words; the rest stay offered.
  const actions = page.getByTestId('manual-actions')
  await expect(actions.getByRole('button', { name: 'Mark failed' })).toBeDisabled()
  await expect(actions.getByRole('button', { name: 'Close order' })).toBeDisabled()
  await expect(actions.getByTestId('manual-unavailable-markFailed')).toHaveAttribute('aria-label', `Mark failed: Order ${orderNo} is already failed`)
  await actions.getByTestId('manual-unavailable-close').hover()
  await expect(page.getByRole('tooltip')).toContainText(`Deposit ${orderNo} is failed; only an unpaid deposit can be closed`)
  await actions.getByRole('button', { name: 'Resend notification' }).click()
  const dialog = page.getByRole('dialog', { name: `Resend the notification of order ${orderNo}` })
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog.getByText('must say why in at least 5 characters')).toBeVisible()
  await page.keyboard.press('Escape')

  await new AppShell(page).navigate('/orders/outbox')
  await page.getByRole('link', { name: orderNo }).first().click()
  await expect(page.getByRole('heading', { name: `Order ${orderNo}`, level: 2 })).toBeVisible()
})

test('a payout shows the merchant’s balance and the fee note, asks for confirmation with the seed’s warning, then shows the order', async ({ page, host }) => {
  await signIn(page, host, OPS)
  const form = new OrderFormPage(page, 'payout')
  await form.open()
  await form.choose(form.merchant, CN, 'Golden')
  await form.choose(form.service, 'CNY bank card · CNY · 100.00 – 50,000.00 CNY')
  await expect(form.channel).toHaveValue('CN UnionPay Direct A')
  await expect(page.getByTestId('merchant-available')).toHaveText(/^Merchant’s available balance: [\d,]+\.\d\d CNY$/)
  await expect(page.getByText('At submit the amount plus the contract’s payout fee is held')).toBeVisible()
  await form.field('Recipient name').fill('Wang Fang')
  await form.field('Recipient account').fill('6222020200998877')
  await form.choose(form.selectField('Bank'), 'ICBC · Industrial and Commercial Bank of China · 中国工商银行', 'ICBC')
  await form.amount.fill('250')
  await form.submit()

  const confirm = page.getByRole('dialog', { name: 'Create this payout?' })
  await expect(confirm).toContainText('really deducts the channel balance and sends a payout request to the upstream provider')
  await expect(confirm).toContainText('250.00 CNY')
  await expect(confirm).toContainText('Wang Fang')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(form.created).toHaveCount(0)
  await form.submit()
  await confirm.getByRole('button', { name: 'Create and send payout' }).click()
  const orderNo = await form.createdOrderNo()
  expect(orderNo).toMatch(/^P\d{15}$/)
  await expect(form.created.getByTestId('order-status')).toBeVisible()
  await expect(form.created).toContainText('250.00 CNY')
})

test('in Chinese the order form, its refusals, an order’s detail with its timeline and its payment page leave no English but data', async ({ page, context, host }) => {
  await signIn(page, host, OPS)
  const shell = new AppShell(page)
  await shell.switchLanguage('zh-CN')
  await shell.navigate('/orders/deposit')
  const form = new OrderFormPage(page, 'deposit')
  await form.choose(page.getByRole('combobox', { name: '商户', exact: true }), CN, 'Golden')
  await form.choose(page.getByRole('combobox', { name: '服务', exact: true }), '人民币银行卡 · CNY · 500.00 – 20,000.00 CNY')
  await form.choose(page.getByRole('combobox', { name: '通道', exact: true }), /^CN UnionPay Direct A/)
  const amount = page.getByRole('textbox', { name: '金额', exact: true })
  await amount.fill('100')
  await page.getByRole('button', { name: '创建代收订单', exact: true }).click()
  await expect(form.errorOf(page.getByRole('textbox', { name: '附言码', exact: true }))).toHaveText('人民币银行卡代收订单必须填写此项')
  await expect(form.errorOf(amount)).toHaveText('不能低于 500.00 CNY（服务限额）；可用范围为 500.00 CNY（服务）– 20,000.00 CNY（服务）')
  const formData = [CN, 'CN UnionPay Direct A', 'CNY', 'Demo operations']
  await expect.poll(async () => englishLeft(await visibleText(page), formData)).toEqual([])
  expect(englishLeft((await refusalsShown(page)).join('\n'), formData)).toEqual([])

  await page.getByRole('textbox', { name: '付款人姓名', exact: true }).fill('Li Wei')
  await page.getByRole('textbox', { name: '卡号', exact: true }).fill('6222020200112233')
  await page.getByRole('textbox', { name: '附言码', exact: true }).fill('AB12')
  await amount.fill('800')
  const opened = context.waitForEvent('page')
  await page.getByRole('button', { name: '创建代收订单', exact: true }).click()
  const popup = await opened
  const payment = new PaymentWindow(popup)
  await expect(payment.bankAccount).toBeVisible()
  const paymentData = (await payment.bankAccount.getByTestId('payment-value').allInnerTexts()).concat('CNY')
  await expect.poll(async () => englishLeft(await visibleText(popup), paymentData)).toEqual([])

  await page.getByRole('link', { name: '查看订单详情' }).click()
  await expect(page.getByRole('heading', { name: /^订单 D\d+$/, level: 2 })).toBeVisible()
  const token = await host.login(OPS.username, OPS.password)
  const id = Number(/orders\/(\d+)$/.exec(page.url())![1])
  // The order's numbers and fields are data; its timeline is written by the host in the reader's language.
  const detailData = async () => {
    const detail = await host.api<{ upstreamNo: string | null; timeline: { summary: string }[] }>('/api/orders.get', { id }, token)
    return [...formData, 'Li Wei', 'AB12', 'demo.ops', 'system', detail.body.data.upstreamNo ?? '']
  }
  await expect(page.getByTestId('order-timeline')).toContainText('已在渠道“CN UnionPay Direct A')
  await expect.poll(async () => englishLeft(await visibleText(page), await detailData())).toEqual([])
})

test('an administrator sees where the callback listener listens and sets the public URL given to providers', async ({ page, host }) => {
  await signIn(page, host, ADMIN)
  await new AppShell(page).navigate('/system/settings')
  const listening = page.getByTestId('callback-listening')
  await expect(listening).toHaveText(/^Listening now at http:\/\/127\.0\.0\.1:\d+$/)
  const publicUrl = page.getByRole('textbox', { name: 'Public URL', exact: true })
  const section = page.locator('form', { has: publicUrl })
  await publicUrl.fill('ftp://example')
  await section.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('must be an http(s) URL')).toBeVisible()
  await publicUrl.fill('https://paydesk.example/callbacks')
  await section.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Callback listener settings saved')).toBeVisible()
  await page.reload()
  await expect(publicUrl).toHaveValue('https://paydesk.example/callbacks')
  await expect(listening).toHaveText(/^Listening now at http:\/\/127\.0\.0\.1:\d+$/)
})
