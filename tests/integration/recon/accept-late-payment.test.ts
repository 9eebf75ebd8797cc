/**
 * Accepting theirs on an order ours failed books their payment by an adjustment; when the same
 * payment reaches the order another way while the adjustment waits (the provider's late payment,
 * parked and booked), approving the adjustment would pay the merchant twice: it is refused.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import type { ReconJobView } from '../../../src/shared/contract/reconciliation'
import { simulatorStatementCsv } from '../../../src/main/recon/formats'
import { checkerOf } from '../../support/checker'
import { cardFields, orderWorld, waitForOrder, type OrderWorld } from '../orders/support'

let w: OrderWorld
afterEach(async () => w?.stop())

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await w.t.core.recon.settled(job.id)
  return w.t.ok('recon.jobs.status', { jobId: job.id }, w.admin)
}

const available = async () => (await w.t.ok('ledger.balances', { merchantId: w.merchantId, kind: 'merchant_available' }, w.admin)).items[0].available

describe('approving what accepts theirs asks ours again', () => {
  it('a failed order theirs paid, accepted by an adjustment, then paid late and booked: the adjustment is refused, never paid twice', async () => {
    w = await orderWorld()
    const checker = await checkerOf(w.t.ok, w.t.signIn, () => w.admin)()
    const created = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '1000.00', fields: cardFields }, w.admin)
    await w.t.ok('orders.markResult', { id: created.id, result: 'failed', reason: 'Payer says they never paid' }, w.admin)
    const failed = await w.t.ok('orders.get', { id: created.id }, w.admin)
    expect(failed.status).toBe('failed')
    const at = failed.finalizedAt!

    const source = await w.t.ok('recon.sources.create', { name: 'CN Direct A bills', kind: 'channel', channelId: w.channelId, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, w.admin)
    const csv = simulatorStatementCsv([{ upstreamNo: 'UP-LATE-0001', orderNo: created.orderNo, kind: 'payment', status: 'succeeded', currency: 'CNY', gross: '1000.00', fee: '0.00', net: '1000.00', at }])
    const upload = await w.t.ok('recon.uploads.put', { fileName: 'bill.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') }, w.admin)
    const imported = await settled(await w.t.ok('recon.imports.commit', { sourceId: source.id, uploadId: upload.uploadId }, w.admin))
    const statementId = (imported.result as { statementId: number }).statementId
    const started = await w.t.ok('recon.runs.start', { sourceId: source.id, statementIds: [statementId], from: at, to: at + 1 }, w.admin)
    expect((await settled(started.job)).state).toBe('finished')
    const [mismatch] = (await w.t.ok('recon.breaks.list', { runId: started.run.id, pageSize: 10 }, w.admin)).items
    expect(mismatch).toMatchObject({ type: 'status_mismatch', causeKey: 'theirs_paid_ours_not', orderId: created.id })

    // A failed order is final: theirs is booked by an adjustment, waiting for a second user.
    const asked = await w.t.ok('recon.breaks.resolve', { id: mismatch.id, action: 'accept_theirs', reason: 'The bill shows it paid', requestKey: 'late-accept-1' }, w.admin)
    const adjustment = await w.t.ok('adjustments.get', { id: asked.adjustmentId! }, w.admin)
    expect(adjustment).toMatchObject({ amount: '1000.00', status: 'pending' })

    // Meanwhile the provider's payment arrives late: parked, and booked as the order's payment.
    await w.sim.pay(created.orderNo)
    await waitForOrder(w, created.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
    const [late] = (await w.t.ok('parked.list', { orderId: created.id }, w.admin)).items
    await w.t.ok('parked.resolve', { id: late.id, action: 'book', reason: 'Payer paid late, merchant shipped' }, w.admin)
    expect((await w.t.ok('orders.get', { id: created.id }, w.admin)).status).toBe('succeeded')
    const booked = await available()

    const refused = await w.t.call('adjustments.decide', { id: adjustment.id, decision: 'approve', note: '' }, checker)
    expect(refused).toMatchObject({ status: 409, code: 'recon.accept_no_longer_holds' })
    expect(refused.message).toBe(
      `Adjustment ${adjustment.adjustmentNo} was not approved: it accepts theirs on break ${mismatch.id} of run ${started.run.id}, which no longer holds. ` +
        `Ours has changed since: ${created.orderNo} is now succeeded for 1,000.00 CNY, where the run read it failed for 1,000.00 CNY. The request is withdrawn and the break is open again; nothing was booked`
    )
    expect(await w.t.ok('adjustments.get', { id: adjustment.id }, w.admin)).toMatchObject({ status: 'withdrawn', postingId: null })
    expect(await available()).toBe(booked)
    expect(await w.t.ok('recon.breaks.get', { id: mismatch.id }, w.admin)).toMatchObject({ status: 'open', adjustmentId: null })
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })
})
