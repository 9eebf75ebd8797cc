import { afterEach, describe, expect, it } from 'vitest'
import { cardFields, orderWorld, payoutFields, type OrderWorld } from './support'

let w: OrderWorld
afterEach(async () => w?.stop())

const deposit = (over: Record<string, unknown> = {}) => ({ merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '1000.00', fields: cardFields, ...over })

describe('the terminal an order is taken at', () => {
  it('offers the merchant’s active terminals, stores the one chosen on the order and refuses a foreign or disabled one', async () => {
    w = await orderWorld()
    const counter = await w.t.ok('terminals.create', { merchantId: w.merchantId, type: 'pos', identifier: 'POS-0001', name: 'Front counter' }, w.admin)
    const retired = await w.t.ok('terminals.create', { merchantId: w.merchantId, type: 'pos', identifier: 'POS-0002', name: 'Old till' }, w.admin)
    await w.t.ok('terminals.setStatus', { id: retired.id, status: 'disabled' }, w.admin)
    const other = await w.t.ok('merchants.create', { name: 'Siam Lotus Retail' }, w.admin)
    const foreign = await w.t.ok('terminals.create', { merchantId: other.id, type: 'web', identifier: 'shop.example' }, w.admin)

    const options = await w.t.ok('orders.options', { direction: 'deposit', merchantId: w.merchantId }, w.admin)
    expect(options.terminals).toEqual([{ id: counter.id, type: 'pos', identifier: 'POS-0001', name: 'Front counter' }])

    const created = await w.t.ok('orders.createDeposit', deposit({ terminalId: counter.id }), w.admin)
    expect(created).toMatchObject({ terminalId: counter.id, terminal: { identifier: 'POS-0001', name: 'Front counter' } })
    expect((await w.t.ok('orders.get', { id: created.id }, w.admin)).terminal).toMatchObject({ id: counter.id })
    const plain = await w.t.ok('orders.createDeposit', deposit(), w.admin)
    expect(plain).toMatchObject({ terminalId: null, terminal: null })

    const countOrders = () => w.t.core.db.$client.prepare('select count(*) as n from orders').get() as { n: number }
    const before = countOrders().n
    const foreignAnswer = await w.t.call('orders.createDeposit', deposit({ terminalId: foreign.id }), w.admin)
    expect(foreignAnswer).toMatchObject({ status: 400, field: 'terminalId' })
    expect(foreignAnswer.message).toContain(`terminal ${foreign.id} is not a terminal of merchant "Golden Dragon Trading"`)
    const disabledAnswer = await w.t.call('orders.createPayout', { merchantId: w.merchantId, serviceId: w.payoutServiceId, channelId: w.channelId, amount: '20.00', fields: payoutFields, terminalId: retired.id }, w.admin)
    expect(disabledAnswer).toMatchObject({ status: 400, field: 'terminalId' })
    expect(disabledAnswer.message).toContain('terminal POS-0002 is disabled')
    expect(countOrders().n).toBe(before)
  })
})
