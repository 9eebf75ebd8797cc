/**
 * Four eyes (issue 16): the administrator turns on a second approval for CNY payouts from 200.00
 * in Settings; a payout over it is created holding its funds and waits, its requester cannot
 * approve it, and a second user approves it from the Approvals menu item (the same queue Manual
 * operations shows), after which it is sent and paid.
 */
import { expect, test, type Host } from './fixtures'
import { CN, OPS, merchantIdOf, signIn } from './demo'
import { AppShell } from './pages/AppShell'
import { FormDialog } from './pages/FormDialog'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

const DEMO_ADMIN = { username: 'demo.admin', password: 'Demo-admin-2026' }
const payoutFields = { recipientName: 'Zhang San', recipientAccount: '6222020200998877665', bankCode: 'ICBC' }

async function payoutPair(host: Host, token: string, merchantId: number) {
  const answer = await host.api<{ services: { serviceId: number; serviceType: string; channels: { channelId: number; channelName: string; usable: boolean }[] }[] }>('/api/orders.options', { direction: 'payout', merchantId }, token)
  expect(answer.status, answer.body.message).toBe(200)
  const service = answer.body.data.services.find((s) => s.serviceType === 'CNY_BANK_CARD')!
  return { serviceId: service.serviceId, channelId: service.channels.find((c) => c.usable)!.channelId }
}

const statusOf = async (host: Host, token: string, id: number) => (await host.api<{ status: string; sentAt: number | null }>('/api/orders.get', { id }, token)).body.data

test('a payout over the threshold waits for a second user, who approves it in the app', async ({ page, browser, host }) => {
  test.setTimeout(150_000)
  const token = await host.login(DEMO_ADMIN.username, DEMO_ADMIN.password)
  const merchantId = await merchantIdOf(host, token, CN)
  let order = { id: 0, orderNo: '' }

  await test.step('the administrator sets a 200.00 CNY threshold for payouts in Settings', async () => {
    await signIn(page, host, DEMO_ADMIN)
    await new AppShell(page).navigate('/system/settings')
    await expect(page.getByTestId('four-eyes-off')).toBeVisible()
    const form = new FormDialog(page, page.locator('form').filter({ has: page.getByRole('button', { name: 'Add a rule' }) }))
    await form.submit('Add a rule')
    await form.choose('Currency', /^CNY/)
    await form.fill('From amount', '200')
    await form.submit('Save')
    await expect(page.getByText('Four-eyes rules saved')).toBeVisible()
    const settings = await host.api<{ rules: unknown[] }>('/api/fourEyes.settings', {}, token)
    expect(settings.body.data.rules).toEqual([{ kind: 'payout', currency: 'CNY', threshold: '200.00' }])
  })

  await test.step('a 300.00 payout is created holding its funds, sends nothing, and says it awaits a second user', async () => {
    const created = await host.api<{ id: number; orderNo: string; status: string; holdStatus: string; sentAt: number | null }>(
      '/api/orders.createPayout',
      { merchantId, ...(await payoutPair(host, token, merchantId)), amount: '300.00', fields: payoutFields },
      token
    )
    expect(created.status, created.body.message).toBe(200)
    expect(created.body.data).toMatchObject({ status: 'created', holdStatus: 'pending', sentAt: null })
    order = created.body.data
    // Opened by the number people see and paste, not the internal id.
    await page.goto(`${host.url}/#/orders/${order.orderNo}`)
    await expect(page.getByTestId('awaiting-approval')).toContainText('Nothing is sent to the provider until another user approves it')
    const approvals = page.getByTestId('approvals')
    await expect(approvals.getByTestId('approvals-title')).toHaveText('Awaiting a second approval (1)')
    await expect(approvals.getByRole('row', { name: /Payout/ })).toContainText('Awaiting approval')
    // Its requester is told another user decides it, and is offered no Approve button.
    await expect(approvals.getByTestId('approval-own')).toBeVisible()
    await expect(approvals.getByRole('button', { name: 'Approve' })).toHaveCount(0)
    expect((await statusOf(host, token, order.id)).sentAt).toBeNull()
  })

  await test.step('the requester cannot approve it even by calling the host', async () => {
    const list = await host.api<{ items: { id: number; orderNo: string }[] }>('/api/approvals.list', { status: 'pending' }, token)
    const request = list.body.data.items.find((r) => r.orderNo === order.orderNo)!
    const own = await host.api('/api/approvals.decide', { id: request.id, decision: 'approve' }, token)
    expect(own.status).toBe(403)
    expect(own.body.message).toContain('another user must approve or reject it')
  })

  await test.step('a second user approves it in Operations › Approvals; it is sent and paid', async () => {
    const context = await browser.newContext()
    const second = await context.newPage()
    await signIn(second, host, OPS)
    await new AppShell(second).navigate('/orders/approvals')
    await expect(second.getByRole('heading', { name: 'Approvals' })).toBeVisible()
    const row = second.getByTestId('approvals').getByRole('row').filter({ hasText: order.orderNo })
    await expect(row).toContainText('demo.admin')
    await row.getByRole('button', { name: 'Approve' }).click()
    const dialog = new FormDialog(second, second.getByRole('dialog'))
    await expect(second.getByRole('dialog')).toContainText('The payout is sent to its provider now')
    await dialog.submit('Approve')
    await expect(second.getByText('Approved', { exact: true }).first()).toBeVisible()
    await expect(second.getByTestId('approvals').getByRole('row').filter({ hasText: order.orderNo })).toHaveCount(0)
    await expect.poll(async () => (await statusOf(host, token, order.id)).status, { timeout: 20_000 }).toBe('succeeded')
    await second.goto(`${host.url}/#/orders/${order.id}`)
    await expect(second.getByText('Approved by a second user (demo.ops): sending')).toBeVisible()
    await expect(second.getByTestId('awaiting-approval')).toHaveCount(0)
    // Finished: the title says what became of the request, not that it still waits.
    await expect(second.getByTestId('approvals-title')).toHaveText('Second approval: approved, the payout was released')
    await context.close()
  })

  await test.step('the bank sends the paid payout back: marked returned on its page, its amount credited back, the fee kept', async () => {
    const balance = async () => Number((await host.api<{ items: { available: string }[] }>('/api/ledger.balances', { merchantId, kind: 'merchant_available', currency: 'CNY' }, token)).body.data.items[0].available.replace(/,/g, ''))
    const before = await balance()
    await page.goto(`${host.url}/#/orders/${order.orderNo}`)
    const actions = page.getByTestId('manual-actions')
    await actions.getByRole('button', { name: 'Mark returned' }).click()
    const dialog = page.getByRole('dialog', { name: `Mark payout ${order.orderNo} returned by the bank` })
    await expect(dialog).toContainText('its amount is credited back to the merchant’s available balance; the fee stays charged')
    await dialog.getByLabel('Reason').fill('Bank returned it: beneficiary account closed')
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await expect(page.getByText(`Done: order ${order.orderNo} is now returned.`)).toBeVisible()
    await expect(page.getByTestId('order-status').first()).toHaveText('Returned')
    await expect(page.getByText(/^Return posted: 300\.00 CNY back to the merchant’s available balance \(posting \d+\); the fee of [\d.]+ CNY stays charged$/)).toBeVisible()
    // Once: the action is now disabled, saying why.
    await expect(actions.getByTestId('manual-unavailable-markReturned')).toHaveAttribute('aria-label', `Mark returned: Order ${order.orderNo} is returned: only a payout that succeeded can be marked returned`)
    expect(await balance()).toBeCloseTo(before + 300, 2)
  })
})
