/**
 * The texts the server writes about a channel's rehearsal copy (its twin) name it as the rehearsal
 * copy of its channel, as every screen does, never by its stored name ("X · rehearsal", in one
 * language): the audit summary of its creation, a connection test of it (allowed on a copy), and
 * the ledger's refusal naming its channel account. In English and Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { createLedger } from '../../../src/main/ledger/ledger'
import type { AppError } from '../../../src/main/core/errors'
import { deposit, expectEnded, fieldWorld, planOf, rehearse, withServices, type FieldWorld } from './support'

let w: FieldWorld
let twinId = 0
let liveName = ''

beforeAll(async () => {
  w = await fieldWorld()
  const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'paid', callbackWithinSeconds: 5 })]))
  expectEnded(await rehearse(w, plan.id))
  twinId = (w.t.core.db.$client.prepare('select twin_channel_id as id from fieldtest_rehearsal_channels where channel_id = ?').get(w.channelId) as { id: number }).id
  liveName = (await w.t.ok('channels.get', { id: w.channelId }, w.admin)).name
}, 60_000)
afterAll(() => w.stop())

/** The twin's audit events, newest first: their summaries in English and Chinese. */
async function twinAudit(): Promise<{ en: string; zh: string }[]> {
  const events = (await w.t.ok('audit.list', { targetType: 'channel', pageSize: 100 }, w.admin)).items.filter((e) => e.targetId === String(twinId))
  return events.map((e) => ({ en: e.summary, zh: textIn('zh-CN', e.text!) }))
}

describe('texts naming a rehearsal copy', () => {
  it('audit its creation as the rehearsal copy of its channel', async () => {
    const [created] = (await twinAudit()).filter((e) => e.en.startsWith('Created'))
    expect(created.en).toBe(`Created ${liveName} (rehearsal copy) for the field test’s rehearsals, pointed at the simulator at ${w.rehearsalUrl}`)
    expect(created.zh).toBe(`为现场测试演练创建 ${liveName}（演练副本），指向 ${w.rehearsalUrl} 的模拟器`)
  })

  it('audit a connection test of it as the rehearsal copy of its channel', async () => {
    await w.t.ok('channels.testConnection', { id: twinId }, w.admin)
    const [tested] = await twinAudit()
    expect(tested.en).toMatch(new RegExp(`^Connection of channel ${liveName} \\(rehearsal copy\\) tested: `))
    expect(tested.zh).toContain(`${liveName}（演练副本）`)
    expect(tested.en + tested.zh).not.toContain('· rehearsal')
  })

  it('audit bringing it in step with its live channel, only when something changed', async () => {
    const synced = async () => (await twinAudit()).filter((e) => e.en.startsWith('Brought'))
    expect(await synced()).toEqual([])
    const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'paid', callbackWithinSeconds: 5 })]))
    // Nothing changed since the last rehearsal: no event.
    expectEnded(await rehearse(w, plan.id))
    expect(await synced()).toEqual([])
    const ch = await w.t.ok('channels.get', { id: w.channelId }, w.admin)
    await w.t.ok('channels.update', { id: ch.id, name: ch.name, provider: ch.provider, supportsDeposit: true, supportsPayout: true, paymentLower: ch.paymentLower, paymentUpper: '40000', payoutLower: ch.payoutLower, payoutUpper: ch.payoutUpper }, w.admin)
    expectEnded(await rehearse(w, plan.id))
    const [event] = await synced()
    expect(event.en).toBe(`Brought ${liveName} (rehearsal copy) in step with its live channel before a rehearsal: paymentUpperMinor`)
    expect(event.zh).toBe(`演练前已将 ${liveName}（演练副本） 与正式通道同步：paymentUpperMinor`)
    const [stored] = (await w.t.ok('audit.list', { targetType: 'channel', pageSize: 100 }, w.admin)).items.filter((e) => e.targetId === String(twinId) && e.summary.startsWith('Brought'))
    expect(stored).toMatchObject({ before: { paymentUpperMinor: Number(ch.paymentUpper.replace('.', '')) }, after: { paymentUpperMinor: 4_000_000 } })
  }, 60_000)

  it('name its channel account as the rehearsal copy’s when a ledger refuses a balance too short there', () => {
    // The app's ledger takes a rehearsal's postings on the copy as the simulator's (never short); a
    // ledger that does not know rehearsals (the CLI's, a bench's) checks the copy's balance as any.
    const ledger = createLedger(w.t.core.db, { tenantId: 1, clock: { now: () => Date.now() }, timeZone: () => '+08:00' })
    const short = () => ledger.post({ idempotencyKey: 'twin-short', description: 'x', entries: [{ account: { kind: 'channel', channelId: twinId, currency: 'CNY' }, delta: -100 }, { account: { kind: 'suspense', currency: 'CNY' }, delta: -100 }] })
    let refused: AppError | null = null
    try {
      short()
    } catch (error) {
      refused = error as AppError
    }
    expect(refused?.message).toBe(`Not enough in ${liveName} (rehearsal copy)’s channel balance: 0.00 CNY available, 1.00 CNY needed`)
    expect(textIn('zh-CN', refused!.text)).toContain(`${liveName}（演练副本）`)
  })
})
