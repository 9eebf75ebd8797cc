/**
 * The orders test world with after-sales terms on its contract (refund fee 3.00, dispute fee
 * 15.00) and helpers for paid deposits and merchant-bound users.
 */
import { ADMIN } from '../../support/core'
import { cardFields, orderWorld, waitForOrder, type OrderWorld } from '../orders/support'

export interface AftersalesWorld extends OrderWorld {
  /** A deposit paid through the simulator (or marked paid when the clock is manual). */
  paidDeposit(amount: string): Promise<{ id: number; orderNo: string }>
  available(): Promise<string>
  /** A merchant operator bound to this world's merchant (or to another merchant it creates). */
  merchantUser(username: string, merchantId?: number): Promise<string>
}

export async function aftersalesWorld(options: { realClock?: boolean } = {}): Promise<AftersalesWorld> {
  const w = await orderWorld(options)
  const { t, admin } = w
  await t.ok('contracts.update', { id: w.contractId, name: 'CN 2026', feeRate: '2', fixedFee: '1.00', refundFee: '3.00', disputeFee: '15.00', withdrawalFee: '5.00', reserveRate: '10', reserveHoldDays: 30, validFrom: '2026-01-01', validTo: null }, admin)
  const manualClock = options.realClock === false
  return {
    ...w,
    async paidDeposit(amount) {
      const created = await t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount, fields: cardFields }, admin)
      if (manualClock) {
        await t.ok('orders.markResult', { id: created.id, result: 'succeeded', reason: 'Paid, confirmed by the bank statement' }, admin)
      } else {
        await w.sim.pay(created.orderNo)
        await waitForOrder(w, created.id, (o) => o.status === 'succeeded', 'succeeded')
      }
      return { id: created.id, orderNo: created.orderNo }
    },
    async available() {
      const merchant = await t.ok('merchants.get', { id: w.merchantId }, admin)
      return merchant.balances.find((b) => b.currency === 'CNY')?.available ?? '0.00'
    },
    async merchantUser(username, merchantId = w.merchantId) {
      const roles = await t.ok('roles.list', {}, admin)
      const role = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
      await t.ok('users.create', { username, displayName: username, password: 'Initial-pass-1', merchantId, roleIds: [role] }, admin)
      return t.signIn(username, 'Initial-pass-1')
    }
  }
}

export { ADMIN }
