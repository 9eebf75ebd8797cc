/** What the core offers the desktop shell beyond the procedures: notifications and the payment link check. */
import { describe, expect, it } from 'vitest'
import { paymentLinkOrder } from '../../src/main/desktop/security'
import { ADMIN, makeCore } from '../support/core'

describe('desktop.notify in the browser host', () => {
  it('shows nothing (the browser has no access to the operating system’s notifications) and says so', async () => {
    const t = await makeCore({ mode: 'browser', withAdmin: false })
    await t.ok('auth.setupAdmin', { username: ADMIN.username, displayName: 'Root', password: ADMIN.password, setupCode: t.core.setupCode! })
    const token = await t.signIn(ADMIN.username, ADMIN.password)
    expect(await t.ok('desktop.notify', { notices: [{ title: 'PayDesk', body: '1 × Outbox items that gave up' }] }, token)).toEqual({ shown: 0 })
    t.core.close()
  })
})

describe('the payment link the desktop app may open in the system browser', () => {
  it('is exactly the address the provider returned for the order the window names, and nothing else', async () => {
    const t = await makeCore()
    await t.core.loadDemo()
    const [first, second] = t.core.db.$client.prepare('select id from orders order by id limit 2').all() as { id: number }[]
    const setPage = t.core.db.$client.prepare('update orders set payment_page = ? where id = ?')
    setPage.run(JSON.stringify({ kind: 'redirect', url: 'https://pay.provider.example/checkout/abc', amount: '10.00', currency: 'THB' }), first.id)
    setPage.run(JSON.stringify({ kind: 'redirect', url: 'javascript:alert(1)', amount: '10.00', currency: 'THB' }), second.id)
    expect(t.core.paymentLink(first.id)).toBe('https://pay.provider.example/checkout/abc')
    expect(t.core.paymentLink(second.id)).toBeNull()
    expect(t.core.paymentLink(999_999)).toBeNull()
    expect(paymentLinkOrder(`paydesk-payment-${first.id}`)).toBe(first.id)
    for (const name of ['', '_blank', 'paydesk-payment-', 'paydesk-payment-0', 'paydesk-payment-1 ', 'x-paydesk-payment-1']) expect(paymentLinkOrder(name), name).toBeNull()
    t.core.close()
  })
})
