/**
 * Connecting a channel and the app's simulator, through the procedures, against the real
 * simulator on loopback and a core with its order engine running: the connection test's verdict
 * for each failure a field engineer meets, no secret in any answer or audit event, the simulator
 * started, stopped and switched from the app with its behaviours acting on real orders, and none
 * of it for a merchant-bound user.
 */
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startDemoProvider } from '../../../src/main/demo/simulator'
import type { ConnectionTest } from '../../../src/shared/contract/fieldtest-connect'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { cardFields, MERCHANT_NO, orderWorld, SIGN_KEY, waitForOrder, type OrderWorld } from '../orders/support'

let w: OrderWorld
afterEach(async () => w?.stop())

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** The world's channel pointed at the app's simulator, started through the procedures. */
async function connectedWorld(): Promise<{ url: string }> {
  w = await orderWorld()
  const started = await w.t.ok('simulator.start', {}, w.admin)
  const connected = await w.t.ok('simulator.connectChannel', { channelId: w.channelId }, w.admin)
  expect(connected).toEqual({ channel: { id: w.channelId, name: 'CN Direct A' }, url: started.url, generatedCredentials: [] })
  return { url: started.url! }
}

async function testConnection(input: Record<string, unknown> = {}): Promise<ConnectionTest> {
  return w.t.ok('channels.testConnection', { id: w.channelId, ...input }, w.admin)
}

async function settings(): Promise<Record<string, unknown>> {
  return (await w.t.ok('channels.get', { id: w.channelId }, w.admin)).adapterConfig!
}

function auditRows(procedure: string): { summary: string; after: string | null; before: string | null }[] {
  return w.t.core.db.$client.prepare('select summary, before, after from audit_events where procedure = ? order by id').all(procedure) as never
}

const deposit = (amount: string) => ({ merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount, fields: cardFields })

describe('testing a channel’s connection', () => {
  it('works against the simulator: every step passed, their signature verified, the secrets masked everywhere', async () => {
    const { url } = await connectedWorld()
    const result = await testConnection()
    expect(result).toMatchObject({ verdict: 'works', settings: 'stored', signature: { ours: 'accepted', theirs: 'valid' }, answer: { code: '1004' }, response: { status: 200 } })
    expect(result.steps.map((s) => [s.step, s.state])).toEqual([
      ['request', 'passed'],
      ['connection', 'passed'],
      ['http', 'passed'],
      ['body', 'passed'],
      ['ourSignature', 'passed'],
      ['theirSignature', 'passed'],
      ['time', 'passed']
    ])
    expect(result.request).toMatchObject({ method: 'POST', url: `${url}/order/query`, contentType: 'application/json' })
    expect(JSON.parse(result.request.body)).toMatchObject({ orderNo: result.orderNo, merchantNo: '***', sign: '***' })
    expect(JSON.parse(result.response.body!)).toMatchObject({ code: '1004', sign: '***' })
    expect(result.durationMs).toBeGreaterThanOrEqual(0)
    // The simulator received exactly the made-up order's query.
    const status = await w.t.ok('simulator.status', {}, w.admin)
    expect(status.requests[0]).toMatchObject({ path: '/order/query', orderNo: result.orderNo, channels: [{ id: w.channelId, name: 'CN Direct A', rehearsalOf: null }], signatureValid: true, outcome: 'not_found' })

    const secrets = [SIGN_KEY, MERCHANT_NO]
    const audit = auditRows('channels.testConnection')
    expect(audit).toHaveLength(1)
    expect(audit[0].summary).toBe('Connection of channel CN Direct A tested: works')
    for (const secret of secrets) {
      expect(JSON.stringify(result)).not.toContain(secret)
      expect(JSON.stringify(status)).not.toContain(secret)
      expect(JSON.stringify(audit)).not.toContain(secret)
      expect(JSON.stringify(auditRows('simulator.connectChannel'))).not.toContain(secret)
    }
  })

  it('says what is wrong: unreachable port, wrong key, wrong path, slow answer, server error, their signature', async () => {
    await connectedWorld()
    const stored = await settings()

    const port = await closedPort()
    const unreachable = await testConnection({ adapterConfig: { ...stored, baseUrl: `http://127.0.0.1:${port}` } })
    expect(unreachable).toMatchObject({ verdict: 'unreachable', settings: 'unsaved', response: { status: null } })
    expect(unreachable.steps.find((s) => s.step === 'connection')).toMatchObject({ state: 'failed', facts: { detail: expect.stringContaining('ECONNREFUSED') } })

    const wrongKey = await testConnection({ credentials: { merchantNo: MERCHANT_NO, signKey: 'not-the-channel-key' } })
    expect(wrongKey).toMatchObject({ verdict: 'signature_refused', signature: { ours: 'refused' }, answer: { code: '1001', message: 'bad signature' } })
    expect(JSON.stringify(wrongKey)).not.toContain('not-the-channel-key')

    const wrongPath = await testConnection({ adapterConfig: { ...stored, paths: { ...(stored.paths as object), query: '/order/status' } } })
    expect(wrongPath).toMatchObject({ verdict: 'wrong_path', response: { status: 404 } })

    await w.t.ok('simulator.setBehaviour', { channelId: w.channelId, appliesTo: 'queries', behaviour: 'delay', delayMs: 1500 }, w.admin)
    const started = Date.now()
    const slowAnswer = await testConnection({ adapterConfig: { ...stored, timeoutMs: 600 } })
    expect(slowAnswer).toMatchObject({ verdict: 'timeout', response: { status: null } })
    expect(slowAnswer.error).toContain('600 ms')
    // Sent once: a connection test is not retried.
    expect(Date.now() - started).toBeLessThan(1400)
    expect(await testConnection({ adapterConfig: { ...stored, timeoutMs: 2500 } })).toMatchObject({ verdict: 'slow' })

    await w.t.ok('simulator.setBehaviour', { channelId: w.channelId, appliesTo: 'queries', behaviour: 'server_error' }, w.admin)
    expect(await testConnection()).toMatchObject({ verdict: 'http_error', response: { status: 500 } })
    await w.t.ok('simulator.setBehaviour', { channelId: w.channelId, appliesTo: 'queries', behaviour: 'bad_signature' }, w.admin)
    expect(await testConnection()).toMatchObject({ verdict: 'signature_invalid', signature: { ours: 'accepted', theirs: 'invalid' } })
    await w.t.ok('simulator.clearBehaviours', {}, w.admin)
    expect(await testConnection()).toMatchObject({ verdict: 'works' })

    const verdicts = auditRows('channels.testConnection').map((r) => JSON.parse(r.after!).verdict)
    expect(verdicts).toEqual(['unreachable', 'signature_refused', 'wrong_path', 'timeout', 'slow', 'http_error', 'signature_invalid', 'works'])
    // Unsaved settings tried are not saved.
    expect(await settings()).toEqual(stored)
  })

  it('refuses a channel without settings or without the credentials they sign with, naming what is missing', async () => {
    w = await orderWorld()
    const bare = await w.t.ok('channels.create', { name: 'Bare channel', provider: 'generic', currency: 'CNY' }, w.admin)
    expect(await w.t.call('channels.testConnection', { id: bare.id }, w.admin)).toMatchObject({ status: 409, code: 'connect.not_connected' })
    const { presets } = await w.t.ok('channels.providerPresets', {}, w.admin)
    expect(presets.map((p) => p.key)).toEqual(['simulator', 'json_hmac', 'form_md5'])
    const hmac = presets.find((p) => p.key === 'json_hmac')!
    const refused = await w.t.call('channels.testConnection', { id: bare.id, adapterConfig: hmac.config, credentials: { merchantNo: 'M1' } }, w.admin)
    expect(refused).toMatchObject({ status: 409, code: 'connect.missing_credential', field: 'credentials' })
    expect(refused.message).toContain('"apiSecret"')
    expect(await w.t.call('channels.testConnection', { id: 9999 }, w.admin)).toMatchObject({ status: 404 })
  })
})

describe('the simulator, from the app', () => {
  it('starts on 127.0.0.1, refuses a second start and a busy port, stops, and stops with the engine', async () => {
    w = await orderWorld()
    expect(await w.t.ok('simulator.status', {}, w.admin)).toMatchObject({ running: false, url: null, channels: [], rules: [] })
    expect(await w.t.call('simulator.stop', {}, w.admin)).toMatchObject({ status: 409, code: 'simulator.not_running' })
    expect(await w.t.call('simulator.setBehaviour', { behaviour: 'decline' }, w.admin)).toMatchObject({ status: 409, code: 'simulator.not_running' })
    // The world's own simulator holds a port: asking for it is refused under the field.
    expect(await w.t.call('simulator.start', { port: w.sim.port }, w.admin)).toMatchObject({ status: 409, code: 'simulator.port_busy', field: 'port' })

    const started = await w.t.ok('simulator.start', { autoPayAfterMs: null, payoutDelayMs: 100 }, w.admin)
    expect(started).toMatchObject({ running: true, startedBy: 'user', autoPayAfterMs: null, payoutDelayMs: 100 })
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${started.url}/_control/state`)).status).toBe(200)
    expect(await w.t.call('simulator.start', {}, w.admin)).toMatchObject({ status: 409, code: 'simulator.running' })

    const stopped = await w.t.ok('simulator.stop', {}, w.admin)
    expect(stopped.running).toBe(false)
    await expect(fetch(`${started.url}/_control/state`)).rejects.toThrow()
    expect(auditRows('simulator.start').map((r) => r.summary)).toEqual([`Provider simulator started at ${started.url}`])
    expect(auditRows('simulator.stop').map((r) => r.summary)).toEqual([`Provider simulator at ${started.url} stopped`])

    const again = await w.t.ok('simulator.start', {}, w.admin)
    await w.t.core.engine.stop()
    expect(w.t.core.simulator.running()).toBeNull()
    await expect(fetch(`${again.url}/_control/state`)).rejects.toThrow()
    await w.t.core.engine.start({ tickMs: 50 })
  })

  it('a channel pointed at it is registered again when it starts on the same port; a channel without credentials gets test ones', async () => {
    const { url } = await connectedWorld()
    const port = Number(new URL(url).port)
    expect((await w.t.ok('simulator.status', {}, w.admin)).channels).toEqual([{ id: w.channelId, name: 'CN Direct A', rehearsalOf: null, currency: 'CNY', registered: true }])
    await w.t.ok('simulator.stop', {}, w.admin)
    const restarted = await w.t.ok('simulator.start', { port }, w.admin)
    expect(restarted.channels).toEqual([{ id: w.channelId, name: 'CN Direct A', rehearsalOf: null, currency: 'CNY', registered: true }])
    expect(await testConnection()).toMatchObject({ verdict: 'works' })

    const bare = await w.t.ok('channels.create', { name: 'New provider', provider: 'newpay', currency: 'CNY' }, w.admin)
    const connected = await w.t.ok('simulator.connectChannel', { channelId: bare.id }, w.admin)
    expect(connected.generatedCredentials).toEqual(['merchantNo', 'signKey'])
    const channel = await w.t.ok('channels.get', { id: bare.id }, w.admin)
    expect(channel.credentialKeys).toEqual(['merchantNo', 'signKey'])
    expect(channel.adapterConfig).toMatchObject({ baseUrl: url, paths: { query: '/order/query' }, signature: { algorithm: 'md5', keyCredential: 'signKey' } })
    expect(await w.t.ok('channels.testConnection', { id: bare.id }, w.admin)).toMatchObject({ verdict: 'works' })
    expect((await w.t.ok('channels.providerPresets', {}, w.admin)).presets[0].config).toMatchObject({ baseUrl: url })
  })

  it('behaviours switched through the procedures act on real orders: a deposit declined, a duplicate callback applied once, a stale one ignored', async () => {
    await connectedWorld()
    const declined = await w.t.ok('simulator.setBehaviour', { channelId: w.channelId, behaviour: 'decline' }, w.admin)
    expect(declined.rules).toEqual([{ id: expect.any(Number), appliesTo: 'orders', behaviour: 'decline', channels: [{ id: w.channelId, name: 'CN Direct A', rehearsalOf: null }], merchantNo: null, amountPattern: null, delayMs: null, partialPercent: null }])
    const refused = await w.t.ok('orders.createDeposit', deposit('700.00'), w.admin)
    expect(refused.status).toBe('failed')
    expect(refused.statusReason).toContain('Declined by the provider')

    // The same channel and pattern: the rule is replaced, its id kept.
    const duplicate = await w.t.ok('simulator.setBehaviour', { channelId: w.channelId, behaviour: 'duplicate_callback' }, w.admin)
    expect(duplicate.rules).toEqual([expect.objectContaining({ id: declined.rules[0].id, behaviour: 'duplicate_callback' })])
    const created = await w.t.ok('orders.createDeposit', deposit('710.00'), w.admin)
    expect(created.status).toBe('pending')
    expect(await w.t.ok('simulator.pay', { orderNo: created.orderNo }, w.admin)).toEqual({ orderNo: created.orderNo, status: 'SUCCESS', paidAmount: '710.00' })
    const paid = await waitForOrder(w, created.id, (o) => o.status === 'succeeded' && o.callbacks.length >= 2, 'succeeded with both callbacks')
    expect(paid.callbacks.map((c) => c.outcome).sort()).toEqual(['applied', 'duplicate'])
    expect(paid.ledgerEntries.filter((e) => e.accountKind === 'merchant_available' && e.type === 0)).toHaveLength(1)
    expect(await w.t.call('simulator.pay', { orderNo: created.orderNo }, w.admin)).toMatchObject({ status: 409, code: 'simulator.not_pending' })

    await w.t.ok('simulator.setBehaviour', { channelId: w.channelId, amountPattern: '\\.77$', behaviour: 'out_of_order_callbacks' }, w.admin)
    const late = await w.t.ok('orders.createDeposit', deposit('720.77'), w.admin)
    await w.t.ok('simulator.pay', { orderNo: late.orderNo, channelId: w.channelId }, w.admin)
    const settled = await waitForOrder(w, late.id, (o) => o.status === 'succeeded' && o.callbacks.length >= 2 && o.callbacks.every((c) => c.outcome !== 'received'), 'succeeded with both callbacks read')
    // The stale PENDING event after the payment is read and ignored: nothing moves back.
    expect(settled.callbacks.map((c) => c.outcome)).toEqual(['applied', 'ignored'])
    expect(settled.ledgerEntries.filter((e) => e.accountKind === 'merchant_available' && e.type === 0)).toHaveLength(1)

    const status = await w.t.ok('simulator.status', {}, w.admin)
    expect(status.orders.map((o) => o.orderNo)).toEqual(expect.arrayContaining([created.orderNo, late.orderNo]))
    expect(status.callbacks.some((c) => c.orderNo === created.orderNo && c.channels.map((x) => x.name).join() === 'CN Direct A')).toBe(true)
    // A request's amount comes with the currency it named, so the panel writes it as money.
    expect(status.requests.find((r) => r.orderNo === created.orderNo && r.amount !== null)).toMatchObject({ amount: '710.00', currency: 'CNY', outcome: 'answered' })
    const ruleId = status.rules.find((r) => r.amountPattern === '\\.77$')!.id
    expect((await w.t.ok('simulator.clearBehaviours', { ruleId }, w.admin)).rules.map((r) => r.behaviour)).toEqual(['duplicate_callback'])
    expect(await w.t.call('simulator.clearBehaviours', { ruleId }, w.admin)).toMatchObject({ status: 404 })
    expect((await w.t.ok('simulator.clearBehaviours', {}, w.admin)).rules).toEqual([])
    expect(auditRows('simulator.setBehaviour').map((r) => r.summary)).toEqual([
      'Simulator: decline on orders for CN Direct A',
      'Simulator: duplicate callback on orders for CN Direct A',
      'Simulator: out-of-order callbacks on orders for CN Direct A, amounts matching \\.77$'
    ])
  })

  it('the demo’s simulator is the app’s: the panel shows it', async () => {
    w = await orderWorld()
    const demo = await startDemoProvider(w.t.core.db, w.t.core.clock, w.t.core.simulator)
    expect(await w.t.ok('simulator.status', {}, w.admin)).toMatchObject({ running: true, startedBy: 'demo', url: demo.url, autoPayAfterMs: 20_000 })
    // Loading the demo again uses the one running.
    expect((await startDemoProvider(w.t.core.db, w.t.core.clock, w.t.core.simulator)).url).toBe(demo.url)
  })
})

describe('who may', () => {
  it('a merchant-bound user gets none of it; FIELD_TEST_RUN alone cannot re-point a channel; the field engineer can', async () => {
    await connectedWorld()
    const roles = await w.t.ok('roles.list', {}, w.admin)
    const roleId = (key: string) => roles.find((r) => r.builtInKey === key)!.id
    await w.t.ok('users.create', { username: 'dragon.ops', displayName: 'Dragon Ops', password: 'Merchant-pass-1', merchantId: w.merchantId, roleIds: [roleId('merchantOperator')] }, w.admin)
    const merchant = await w.t.signIn('dragon.ops', 'Merchant-pass-1')
    const calls: [string, Record<string, unknown>][] = [
      ['channels.providerPresets', {}],
      ['channels.testConnection', { id: w.channelId }],
      ['simulator.status', {}],
      ['simulator.start', {}],
      ['simulator.stop', {}],
      ['simulator.connectChannel', { channelId: w.channelId }],
      ['simulator.setBehaviour', { behaviour: 'decline' }],
      ['simulator.clearBehaviours', {}],
      ['simulator.pay', { orderNo: 'D1' }]
    ]
    for (const [name, input] of calls) expect(await w.t.call(name as never, input, merchant), name).toMatchObject({ status: 403, code: 'permission.missing' })
    // Nor can it ever be given the codes.
    const fieldRole = await w.t.ok('roles.create', { name: 'Channel rehearsal', permissions: [PERMISSIONS.FIELD_TEST_RUN, PERMISSIONS.MASTER_DATA_READ] }, w.admin)
    expect(await w.t.call('users.create', { username: 'dragon.tester', displayName: 'Dragon Tester', password: 'Merchant-pass-2', merchantId: w.merchantId, roleIds: [fieldRole.id] }, w.admin)).toMatchObject({ status: 400, field: 'roleIds' })

    await w.t.ok('users.create', { username: 'rehearsal.only', displayName: 'Rehearsal', password: 'Platform-pass-1', merchantId: null, roleIds: [fieldRole.id] }, w.admin)
    const runOnly = await w.t.signIn('rehearsal.only', 'Platform-pass-1')
    expect(await w.t.call('simulator.connectChannel', { channelId: w.channelId }, runOnly)).toMatchObject({ status: 403, code: 'permission.missing' })
    expect((await w.t.ok('simulator.status', {}, runOnly)).running).toBe(true)

    await w.t.ok('users.create', { username: 'field.engineer', displayName: 'Field Engineer', password: 'Engineer-pass-1', merchantId: null, roleIds: [roleId('fieldEngineer')] }, w.admin)
    const engineer = await w.t.signIn('field.engineer', 'Engineer-pass-1')
    expect(await w.t.ok('simulator.connectChannel', { channelId: w.channelId }, engineer)).toMatchObject({ generatedCredentials: [] })
    expect(await w.t.ok('channels.testConnection', { id: w.channelId }, engineer)).toMatchObject({ verdict: 'works' })
    expect(await w.t.call('users.list', {}, engineer)).toMatchObject({ status: 403 })
  })
})
