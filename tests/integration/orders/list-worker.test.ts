/**
 * The orders list and the outbox list on a database file are read in a report worker: `orders.list`
 * and `outbox.list` answer what the same read on the main connection answers, a worker served them,
 * and the merchant scope (applied on the main thread before the read is sent) still holds.
 */
import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { READS } from '../../../src/main/app/reads'
import { ORDER_READS } from '../../../src/main/orders/reads'
import { runRead } from '../../../src/main/reads/catalog'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-order-list-', (core, token) => {
  t = core
  admin = token
})

const served = () => [...t.core.reads.served().values()].reduce((a, b) => a + b, 0)

/** The read on the main thread's own connection. */
function onMainConnection(input: Record<string, unknown>, merchantId?: number) {
  const { page = 1, pageSize = 20, ...filters } = input as { page?: number; pageSize?: number }
  const result = runRead(t.core.db.$client, READS, ORDER_READS.ordersList, { tenantId: 1, zone: '+08:00' }, { ...filters, merchantId, now: t.clock.now() }, { pageIndex: page, pageSize, withTotals: false })
  return contract['orders.list'].output.parse({ page, pageSize, total: result.totalItemCount, items: result.items })
}

describe('the orders and outbox lists in a report worker', () => {
  it('answers what the read on the main connection answers, served by a worker', async () => {
    expect(t.core.reads.mode).toBe('workers')
    const newest = (await t.ok('orders.list', { pageSize: 1 }, admin)).items[0]
    const FILTERS: Record<string, unknown>[] = [
      {},
      { status: 'succeeded', page: 3, pageSize: 7 },
      { direction: 'payout' },
      { isTest: false, page: 200, pageSize: 5 },
      { search: newest.merchantOrderNo },
      { dateFrom: '2026-11-01', dateTo: '2026-11-10' }
    ]
    for (const input of FILTERS) {
      const before = served()
      const answer = await t.ok('orders.list', input, admin)
      expect(served()).toBe(before + 1)
      expect(answer).toEqual(onMainConnection(input, (input as { merchantId?: number }).merchantId))
      expect(answer.total).toBeGreaterThan(0)
    }
    // Our own numbers found however they are typed: "d2026…" is D2026… (it found nothing).
    for (const input of [{ search: newest.orderNo.toLowerCase() }, { orderNo: newest.orderNo.toLowerCase() }]) {
      expect((await t.ok('orders.list', input, admin)).items.map((o) => o.id)).toEqual([newest.id])
    }
    const total = (await t.ok('orders.list', {}, admin)).total
    expect(total).toBe((t.core.db.$client.prepare('select count(*) as n from orders').get() as { n: number }).n)
  })

  it('the outbox list answers what the read on the main connection answers, served by a worker', async () => {
    const onMain = (input: { page?: number; pageSize?: number; status?: 'done'; operation?: 'notify' }) => {
      const { page = 1, pageSize = 20, ...filters } = input
      const result = runRead(t.core.db.$client, READS, ORDER_READS.outboxList, { tenantId: 1, zone: '+08:00' }, filters, { pageIndex: page, pageSize, withTotals: false })
      return contract['outbox.list'].output.parse({ page, pageSize, total: result.totalItemCount, items: result.items })
    }
    for (const input of [{}, { status: 'done' as const, page: 2, pageSize: 5 }, { operation: 'notify' as const }]) {
      const before = served()
      const answer = await t.ok('outbox.list', input, admin)
      expect(served()).toBe(before + 1)
      expect(answer).toEqual(onMain(input))
      expect(answer.total).toBeGreaterThan(0)
    }
    expect((await t.ok('outbox.list', {}, admin)).total).toBe((t.core.db.$client.prepare('select count(*) as n from outbox').get() as { n: number }).n)
  })

  it('a merchant-bound user reads its own merchant’s orders only, whatever merchant it asks for', async () => {
    const merchants = await t.ok('merchants.list', { pageSize: 100 }, admin)
    const [own, other] = merchants.items
    const roles = await t.ok('roles.list', {}, admin)
    const operator = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
    await t.ok('users.create', { username: 'list.ops', displayName: 'List Ops', password: 'Initial-pass-1', merchantId: own.id, roleIds: [operator] }, admin)
    const token = await t.signIn('list.ops', 'Initial-pass-1')
    const mine = await t.ok('orders.list', { pageSize: 100 }, token)
    expect(mine.total).toBe(onMainConnection({ pageSize: 100 }, own.id).total)
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((o) => o.merchantId === own.id)).toBe(true)
    expect(await t.call('orders.list', { merchantId: other.id }, token)).toMatchObject({ status: 403 })
    // With the outbox's read permission, its own merchant's outbox rows only.
    const watcher = await t.ok('roles.create', { name: 'Outbox watcher', description: 'reads the outbox', permissions: [PERMISSIONS.OUTBOX_READ] }, admin)
    await t.ok('users.create', { username: 'list.outbox', displayName: 'List Outbox', password: 'Initial-pass-1', merchantId: own.id, roleIds: [watcher.id] }, admin)
    const outbox = await t.ok('outbox.list', { pageSize: 100 }, await t.signIn('list.outbox', 'Initial-pass-1'))
    const all = await t.ok('outbox.list', { pageSize: 100 }, admin)
    expect(outbox.total).toBeGreaterThan(0)
    expect(outbox.total).toBeLessThan(all.total)
    expect(outbox.items.every((item) => item.merchantId === own.id)).toBe(true)
  })
})
