/**
 * A provider whose host cannot be reached. On a live run that is the channel's connection failing
 * (a mistyped host name, a refused port): the step fails, naming the host and the system's reason,
 * and the signed report says so; nothing reads as blocked. On a rehearsal it is the simulator not
 * being there (the environment): blocked, saying to start it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { textIn } from '../../../src/main/fieldtest/report/text'
import type { ReportDocument } from '../../../src/main/fieldtest/report/document'
import { CAPS, deposit, expectEnded, fieldWorld, planOf, settle, statuses, withServices, type FieldWorld } from './support'

/** `.invalid` never resolves (RFC 6761): a host name typed wrong. */
const MISTYPED = 'pay.dragonbank-mistyped.invalid'

let w: FieldWorld
beforeAll(async () => {
  w = await fieldWorld()
})
afterAll(() => w.stop())

async function pointChannelAt(baseUrl: string): Promise<void> {
  const { id, name, provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper, payoutLower, payoutUpper, adapterConfig } = await w.t.ok('channels.get', { id: w.channelId }, w.admin)
  await w.t.ok('channels.update', { id, name, provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper, payoutLower, payoutUpper, adapterConfig: { ...adapterConfig, baseUrl } }, w.admin)
}

describe('a live run on a channel whose host name is mistyped', () => {
  it('fails on the connection, naming the host and why, in the run and in its signed report', async () => {
    await pointChannelAt(`https://${MISTYPED}/`)
    try {
      const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'accepted' }), { title: 'Status query', action: 'query', target: 0, expect: {} }]))
      const started = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'live', caps: CAPS }, w.admin)
      await settle(w, started.id)
      await w.t.ok('fieldtest.runs.confirm', { id: started.id, maxOrders: CAPS.maxOrders, maxAmount: CAPS.maxAmount }, w.admin)
      const run = await settle(w, started.id)
      expectEnded(run)
      expect(statuses(run)).toEqual(['failed upstream.unreachable', 'skipped chain.not_sent'])
      // Name not found, or (a machine with no DNS server at all) not looked up: either way the system's words follow.
      const english = inEnglish(run.steps[0].cause!)
      expect(english).toMatch(new RegExp(`^Could not connect to ${MISTYPED.replaceAll('.', '\\.')}: (name not found \\(ENOTFOUND\\)|the name could not be looked up \\(EAI_AGAIN\\))\\. Nothing reached the provider: check the channel’s base address, test the connection, then run again$`))
      expect(textIn('zh-CN', run.steps[0].cause!)).toMatch(new RegExp(`^无法连接到 ${MISTYPED.replaceAll('.', '\\.')}：(找不到该域名（ENOTFOUND）|无法解析该域名（EAI_AGAIN）)。请求未到达上游：请检查渠道的基础地址，测试连接后重新执行$`))

      const signed = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
      const exported = await w.t.ok('fieldtest.reports.export', { id: signed.id, language: 'en' }, w.admin)
      const doc = JSON.parse(exported.json) as ReportDocument
      expect(doc.header.totals).toMatchObject({ steps: 2, passed: 0, failed: 1, blocked: 0, skipped: 1 })
      expect(doc.steps[0]).toMatchObject({ status: 'failed', cause: { code: 'upstream.unreachable' } })
      expect(exported.html).toContain('2 steps: 0 passed, 1 failed, 0 blocked, 1 skipped.')
      expect(exported.html).toContain(`<span class="status failed">Failed</span></td><td>${english}</td>`)
      expect(exported.html).not.toContain('<span class="status blocked">')
    } finally {
      await pointChannelAt(w.sim.url)
    }
  }, 30_000)
})

describe('a rehearsal whose simulator stopped while it ran', () => {
  it('is blocked by the environment, saying where the simulator was and to start it', async () => {
    const plan = await planOf(w, withServices(w, [{ title: 'A pause', action: 'wait', seconds: 1, expect: {} }, deposit('500.00', { outcome: 'accepted' })]))
    const started = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'simulator', caps: CAPS }, w.admin)
    await settle(w, started.id, (r) => r.steps[0].status === 'running')
    const host = new URL((await w.t.ok('simulator.status', {}, w.admin)).url!).host
    await w.t.ok('simulator.stop', {}, w.admin)
    const run = await settle(w, started.id)
    expectEnded(run)
    expect(statuses(run)).toEqual(['passed ok', 'blocked simulator.unreachable'])
    expect(inEnglish(run.steps[1].cause!)).toBe(`Could not connect to the simulator at ${host}: connection refused (ECONNREFUSED). Start it on the Simulator page, then rehearse again`)
    expect(textIn('zh-CN', run.steps[1].cause!)).toBe(`无法连接到位于 ${host} 的模拟器：连接被拒绝（ECONNREFUSED）。请在模拟器页面启动它，然后重新演练`)
  }, 30_000)
})
