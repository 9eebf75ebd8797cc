/**
 * The finance tests' world: the orders test world (a CNY merchant whose contract takes 2 %, 1.00
 * fixed, a 10 % reserve held 30 days and a 5.00 withdrawal fee; a channel on the simulator) on a
 * clock the test moves, a second (finance) user for maker-checker steps, and paid deposits made
 * through the app: created, then marked paid by hand, so they post through the order engine.
 */
import { CHECKER, checkerOf } from '../../support/checker'
import { cardFields, orderWorld, type OrderWorld } from '../orders/support'

export interface FinanceWorld extends OrderWorld {
  checker: string
  /** Creates a deposit and marks it paid; returns the order id. */
  paidDeposit(amount: string, options?: { merchantId?: number; serviceId?: number; channelId?: number; fields?: Record<string, string> }): Promise<number>
  entries(postingId: number): { type: number | null; amount: number; currency: string; kind: string }[]
}

export { CHECKER }

export async function financeWorld(): Promise<FinanceWorld> {
  const w = await orderWorld({ realClock: false })
  const checker = await checkerOf(w.t.ok, w.t.signIn, () => w.admin)()
  return {
    ...w,
    checker,
    async paidDeposit(amount, options = {}) {
      const created = await w.t.ok(
        'orders.createDeposit',
        { merchantId: options.merchantId ?? w.merchantId, serviceId: options.serviceId ?? w.depositServiceId, channelId: options.channelId ?? w.channelId, amount, fields: options.fields ?? cardFields },
        w.admin
      )
      await w.t.ok('orders.markResult', { id: created.id, result: 'succeeded', reason: 'Paid: confirmed on the provider portal' }, w.admin)
      return created.id
    },
    entries(postingId) {
      return w.t.core.db.$client
        .prepare('select type, amount, currency, account_kind as kind from ledger_entries where posting_id = ? order by id')
        .all(postingId) as { type: number | null; amount: number; currency: string; kind: string }[]
    }
  }
}
