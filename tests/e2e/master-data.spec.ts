import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { ADMIN, expect, test, type Host } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CasePage } from './pages/CasePage'
import { ChangePasswordPage } from './pages/ChangePasswordPage'
import { FormDialog } from './pages/FormDialog'
import { LoginPage } from './pages/LoginPage'
import { MasterDataPage } from './pages/MasterDataPage'
import { MerchantsPage } from './pages/MerchantsPage'
import { englishLeft, visibleText } from './untranslated'

const MERCHANT = 'Acme Trading'

async function signInAsAdmin(page: import('@playwright/test').Page, host: Host): Promise<AppShell> {
  const login = new LoginPage(page)
  await login.open(host.url)
  await login.signIn(ADMIN.username, ADMIN.password)
  const shell = new AppShell(page)
  await expect(shell.welcome(ADMIN.username)).toBeVisible()
  return shell
}

test('an administrator sets up a merchant, contract, service, channel and binding in the UI, edits one and disables one', async ({ page, host }) => {
  await signInAsAdmin(page, host)

  await test.step('a merchant with contacts; its signing secret is shown once', async () => {
    const merchants = new MerchantsPage(page)
    await merchants.open()
    const secret = await merchants.create(MERCHANT, { contactName: 'Li Wei', contactEmail: 'ops@acme.example', notifyUrl: 'https://acme.example/notify' })
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    const row = merchants.table.rowWithCell(MERCHANT)
    await expect(row).toContainText('Li Wei')
    await expect(row).toContainText('ops@acme.example')

    const list = new MasterDataPage(page, '/master/merchants', 'Merchants')
    await list.rowAction(MERCHANT, 'Details')
    await expect(list.drawer).toContainText('https://acme.example/notify')
    await expect(list.drawer).toContainText('It is never shown again')
    await expect(list.drawer, 'the secret is not readable afterwards').not.toContainText(secret)
    await page.keyboard.press('Escape')
    await expect(list.drawer).toBeHidden()
  })

  await test.step('a contract in CNY', async () => {
    const contracts = new MasterDataPage(page, '/master/contracts', 'Contracts')
    await contracts.open()
    await expect(page.getByRole('combobox', { name: 'Merchant', exact: true }), 'platform staff filter by merchant').toBeVisible()
    const form = await contracts.startCreate('New contract', 'New contract')
    await form.choose('Merchant', MERCHANT, 'Acme')
    await form.choose('Settlement currency', 'CNY — Chinese yuan')
    await form.fill('Contract name', 'Standard terms')
    await form.fill('Fee rate (%)', '2.5')
    await form.fill('Fixed fee (CNY)', '1.5')
    await form.submit('Create contract')
    await expect(form.root).toBeHidden()
    const row = contracts.row('Standard terms')
    await expect(row).toContainText('2.5 %')
    await expect(row).toContainText('1.50 CNY')
    await expect(row).toContainText('Active')
  })

  await test.step('a CNY bank card deposit service, 500–20,000', async () => {
    const services = new MasterDataPage(page, '/master/services', 'Services')
    await services.open()
    const form = await services.startCreate('New service', 'New service')
    await form.choose('Merchant', MERCHANT, 'Acme')
    await form.choose('Service type', 'CNY bank card')
    await expect(form.field('Currency')).toHaveValue('CNY — Chinese yuan')
    await form.fill('Single limit: lower (CNY)', '500')
    await form.fill('Single limit: upper (CNY)', '20000')
    await form.submit('Create service')
    await expect(form.root).toBeHidden()
    const row = services.row(MERCHANT)
    await expect(row).toContainText('CNY bank card')
    await expect(row).toContainText('500.00 – 20,000.00 CNY')
    await expect(row).toContainText('Activated')
  })

  await test.step('a deposit channel 100–50,000 with credentials', async () => {
    const channels = new MasterDataPage(page, '/master/channels', 'Channels')
    await channels.open()
    const form = await channels.startCreate('New channel', 'New channel')
    await form.fill('Channel name', 'Channel A')
    await form.fill('Provider', 'genericpay')
    await form.choose('Currency', 'CNY — Chinese yuan')
    await form.fill('Deposit limits: lower (CNY)', '100')
    await form.fill('Deposit limits: upper (CNY)', '50000')
    await form.fill('Name', 'merchantNo')
    await form.fill('Value', 'M-0001')
    await form.submit('Create channel')
    await expect(form.root).toBeHidden()
    await expect(channels.row('Channel A')).toContainText('100.00 – 50,000.00 CNY')
  })

  const bindings = new MasterDataPage(page, '/master/channel-service-bindings', 'Channel–service bindings')
  await test.step('a binding of the channel to the service shows the available range', async () => {
    await bindings.open()
    const form = await bindings.startCreate('New binding', 'New binding')
    await form.choose('Channel', 'Channel A · CNY')
    await form.choose('Service', new RegExp(`${MERCHANT} · CNY bank card · Deposit`))
    await form.submit('Create binding')
    await expect(form.root).toBeHidden()
    await expect(bindings.row('Channel A').getByTestId('available-range')).toContainText('500.00 – 20,000.00 CNY')
    await expect(bindings.row('Channel A').getByTestId('available-range')).toContainText('lower limit from the service')
  })

  await test.step('editing the channel’s upper limit narrows the range; its credentials stay, named but never shown', async () => {
    const channels = new MasterDataPage(page, '/master/channels', 'Channels')
    await channels.open()
    await channels.rowAction('Channel A', 'Edit')
    const form = channels.dialog('Edit channel Channel A')
    await expect(form.root.getByTestId('credential-keys')).toHaveText('merchantNo')
    await form.fill('Deposit limits: upper (CNY)', '8000')
    await form.submit('Save')
    await expect(form.root).toBeHidden()
    await expect(channels.row('Channel A')).toContainText('100.00 – 8,000.00 CNY')

    await channels.rowAction('Channel A', 'Details')
    await expect(channels.drawer.getByTestId('credential-keys')).toHaveText('merchantNo')
    await expect(channels.drawer).not.toContainText('M-0001')
    await page.keyboard.press('Escape')

    await bindings.open()
    const range = bindings.row('Channel A').getByTestId('available-range')
    await expect(range).toContainText('500.00 – 8,000.00 CNY')
    await expect(range).toContainText('upper limit from the channel')
  })

  await test.step('disabling the contract shows in its row', async () => {
    const contracts = new MasterDataPage(page, '/master/contracts', 'Contracts')
    await contracts.open()
    await contracts.rowAction('Standard terms', 'Disable')
    // One click only asks: the row is still active until the confirmation, which names it.
    await expect(page.getByText('Disable Standard terms? It takes no new orders until it is enabled again.')).toBeVisible()
    await expect(contracts.row('Standard terms')).not.toContainText('Disabled')
    await page.getByRole('button', { name: 'Yes, disable' }).click()
    await expect(contracts.row('Standard terms')).toContainText('Disabled')
    await expect(contracts.row('Standard terms').getByRole('button', { name: 'Enable', exact: true })).toBeVisible()
  })
})

interface Created {
  id: number
}

/** Creates through the HTTP API as an API client would, failing loudly on a refusal. */
async function create<T = Created>(host: Host, token: string, procedure: string, input: object): Promise<T> {
  const answer = await host.api<T>(`/api/${procedure}`, input, token)
  expect(answer.status, `${procedure}: ${answer.body.message}`).toBe(200)
  return answer.body.data
}

test('the seed’s three limit examples show the right range on the bindings page, in English and in Chinese', async ({ page, host }) => {
  const token = await host.login(ADMIN.username, ADMIN.password)
  const merchant = await create(host, token, 'merchants.create', { name: MERCHANT })
  const deposit = { merchantId: merchant.id, direction: 'deposit', currency: 'CNY', activated: true }
  const card = await create(host, token, 'services.create', { ...deposit, serviceType: 'CNY_BANK_CARD', singleLower: '500', singleUpper: '20000' })
  const wallet = await create(host, token, 'services.create', { ...deposit, serviceType: 'CNY_ALIPAY_WECHAT', singleLower: '100', singleUpper: '5000' })
  const channel = (name: string, paymentLower: string, paymentUpper: string) =>
    create(host, token, 'channels.create', { name, provider: 'genericpay', currency: 'CNY', supportsDeposit: true, paymentLower, paymentUpper })
  const a = await channel('Channel A', '100', '50000')
  const b = await channel('Channel B', '100', '0')
  const c = await channel('Channel C', '10000', '50000')
  for (const [ch, service] of [
    [a, card],
    [b, card],
    [c, wallet]
  ]) {
    await create(host, token, 'bindings.create', { channelId: ch.id, serviceId: service.id })
  }

  const shell = await signInAsAdmin(page, host)
  const bindings = new MasterDataPage(page, '/master/channel-service-bindings', 'Channel–service bindings')
  await bindings.open()
  const range = (channelName: string) => bindings.row(channelName).getByTestId('available-range')

  await test.step('100–50,000 ∩ 500–20,000 and 100–no limit ∩ 500–20,000 are both 500–20,000', async () => {
    await expect(range('Channel A')).toContainText('500.00 – 20,000.00 CNY')
    await expect(range('Channel B')).toContainText('500.00 – 20,000.00 CNY')
    await expect(range('Channel A')).toContainText('lower limit from the service · upper limit from the service')
  })

  await test.step('10,000–50,000 ∩ 100–5,000 has no range, and says why', async () => {
    await expect(range('Channel C')).toContainText('No available range')
    await expect(range('Channel C')).toContainText('the upper limit 5,000.00 CNY (service) is below the lower limit 10,000.00 CNY (channel)')
  })

  await test.step('the channel column sorts on the host, both ways', async () => {
    await bindings.sortBy('Channel')
    await expect(bindings.sortButton('Channel')).toHaveAttribute('title', 'Sorted ascending; click to sort descending')
    await expect.poll(() => bindings.table.column('Channel')).toEqual(['Channel A', 'Channel B', 'Channel C'])
    await bindings.sortBy('Channel')
    await expect.poll(() => bindings.table.column('Channel')).toEqual(['Channel C', 'Channel B', 'Channel A'])
  })

  await test.step('in Chinese', async () => {
    await shell.switchLanguage('zh-CN')
    await expect(page.getByRole('heading', { name: zhCN.bindings.title, exact: true })).toBeVisible()
    await expect(range('Channel C')).toContainText(zhCN.limits.noRange)
    await expect(range('Channel C')).toContainText('上限 5,000.00 CNY（服务）低于下限 10,000.00 CNY（通道）')
    await expect(range('Channel A')).toContainText('500.00 – 20,000.00 CNY')
    await expect(range('Channel A')).toContainText('下限来自服务')
  })

  await test.step('no English is left on the page in Chinese, nor in the New binding form', async () => {
    const data = [MERCHANT, 'Channel A', 'Channel B', 'Channel C', 'CNY', ADMIN.username]
    await expect.poll(async () => englishLeft(await visibleText(page), data)).toEqual([])
    await page.getByRole('button', { name: zhCN.bindings.new, exact: true }).click()
    await expect(page.getByRole('dialog', { name: zhCN.bindings.createTitle })).toBeVisible()
    await expect.poll(async () => englishLeft(await visibleText(page), data)).toEqual([])
  })
})

test('finance: a manual adjustment is requested, approved by another user, and shows its posting id and the ledger balance; a channel top-up shows on the channel', async ({ page, host }) => {
  const token = await host.login(ADMIN.username, ADMIN.password)
  const merchant = await create(host, token, 'merchants.create', { name: MERCHANT })
  const contract = await create(host, token, 'contracts.create', { merchantId: merchant.id, settlementCurrency: 'CNY', name: 'Standard terms', validFrom: '2026-01-01' })
  await create(host, token, 'channels.create', { name: 'Channel A', provider: 'genericpay', currency: 'CNY', supportsPayout: true })
  const roles = await host.api<{ id: number; builtInKey: string | null }[]>('/api/roles.list', {}, token)
  const finance = roles.body.data.find((r) => r.builtInKey === 'finance')!.id
  await create(host, token, 'users.create', { username: 'finance.checker', displayName: 'Finance checker', password: 'Checker-pass-1', merchantId: null, roleIds: [finance] })
  const shell = await signInAsAdmin(page, host)
  const detail = new CasePage(page)

  await test.step('the request form takes the contract’s currency; the request moves no money until approved', async () => {
    await shell.navigate('/finance/adjustments')
    await page.getByRole('button', { name: 'Request adjustment' }).click()
    const form = new FormDialog(page, page.getByRole('dialog'))
    await form.choose('Merchant', MERCHANT, 'Acme')
    await form.choose('Contract', `#${contract.id} Standard terms · CNY`)
    await expect(form.field('Currency')).toHaveValue('CNY')
    await form.fill('Amount', '100.5')
    await form.fill('Reason', 'Goodwill credit for ticket 42')
    await form.submit('Submit for approval')
    await expect(detail.status).toHaveText('Pending approval')
    await expect(detail.available).toHaveText('0.00 CNY')
    await expect(detail.makerCheckerNote).toBeVisible()
  })

  await test.step('another user approves it: posted, with its posting id, on the timeline', async () => {
    const adjustmentNo = ((await detail.heading(/^Adjustment A\d+$/).textContent()) ?? '').replace('Adjustment ', '')
    const list = await host.api<{ items: { id: number; adjustmentNo: string }[] }>('/api/adjustments.list', { search: adjustmentNo }, token)
    const checker = await host.login('finance.checker', 'Checker-pass-1')
    const decided = await host.api<{ postingId: number }>('/api/adjustments.decide', { id: list.body.data.items[0].id, decision: 'approve' }, checker)
    expect(decided.status, decided.body.message).toBe(200)
    await page.reload()
    await expect(detail.status).toHaveText('Approved')
    await expect(detail.available).toHaveText('100.50 CNY')
    await expect(page.getByText(String(decided.body.data.postingId), { exact: true })).toBeVisible()
    await expect(detail.timelineRows().nth(1)).toContainText(`Adjustment ${adjustmentNo} approved: 100.50 CNY posted (posting ${decided.body.data.postingId})`)
    await expect(detail.timelineRows().nth(1)).toContainText('finance.checker')
  })

  await test.step('the ledger shows the merchant’s available balance', async () => {
    await shell.navigate('/ledger')
    const ledger = new MasterDataPage(page, '/ledger', 'Ledger balances')
    await expect(ledger.heading).toBeVisible()
    await expect(ledger.row('Merchant available')).toContainText(MERCHANT)
    await expect(ledger.row('Merchant available')).toContainText('100.50 CNY')
  })

  await test.step('a top-up of the channel shows as its posted balance', async () => {
    const channels = new MasterDataPage(page, '/master/channels', 'Channels')
    await channels.open()
    await channels.rowAction('Channel A', 'Details')
    await channels.drawer.getByRole('button', { name: 'Top up / correct balance' }).click()
    const form = channels.dialog('Top up or correct the balance of Channel A')
    await form.fill('Amount (CNY)', '5000')
    await form.fill('Reason', 'Initial funding at the provider')
    await form.submit('Post')
    await expect(form.root).toBeHidden()
    await expect(channels.drawer.getByTestId('channel-posted')).toHaveText('5,000.00 CNY')
  })
})

test('a merchant operator sees its contracts without write buttons or a merchant filter', async ({ page, host }) => {
  const token = await host.login(ADMIN.username, ADMIN.password)
  const merchant = await create(host, token, 'merchants.create', { name: MERCHANT })
  await create(host, token, 'contracts.create', { merchantId: merchant.id, settlementCurrency: 'CNY', name: 'Standard terms', validFrom: '2026-01-01' })
  const roles = await host.api<{ id: number; name: string }[]>('/api/roles.list', {}, token)
  const role = roles.body.data.find((r) => r.name === 'Merchant operator')!
  const operator = { username: 'alice', displayName: 'Alice Chen', password: 'Initial-secret-42' }
  await create(host, token, 'users.create', { ...operator, merchantId: merchant.id, roleIds: [role.id] })

  await new LoginPage(page).open(host.url)
  await new LoginPage(page).signIn(operator.username, operator.password)
  await new ChangePasswordPage(page).change(operator.password, 'Chosen-secret-2026')
  const shell = new AppShell(page)
  await expect(shell.welcome(operator.displayName)).toBeVisible()

  const contracts = new MasterDataPage(page, '/master/contracts', 'Contracts')
  await contracts.open()
  await expect(contracts.row('Standard terms')).toContainText(MERCHANT)
  await expect(contracts.row('Standard terms').getByRole('button', { name: 'Details' })).toBeVisible()
  await expect(contracts.row('Standard terms').getByRole('button', { name: 'Edit' })).toHaveCount(0)
  await expect(contracts.row('Standard terms').getByRole('button', { name: 'Disable' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'New contract' })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Merchant', exact: true }), 'the host scopes a merchant-bound user').toHaveCount(0)
  await expect(page.getByRole('combobox', { name: 'Merchant', exact: true })).toHaveCount(0)
})
