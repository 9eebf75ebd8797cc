/**
 * The simulator panel: the app's provider simulator (core/ports.ts `SimulatorHost`) started and
 * stopped, channels pointed at it, its behaviours switched, a deposit paid. Its state lives in
 * memory; each action is audited all the same (who switched which fault on, when), and no
 * answer or audit event carries a channel's merchant number or key.
 */
import { SIMULATOR_BEHAVIOURS, type SimulatorBehaviour } from '../../../shared/contract/fieldtest-connect'
import { PERMISSIONS } from '../../../shared/permissions'
import { permissionTerm, say, term, type ServerText, type TextParam } from '../../../shared/server-text'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, forbidden, notFound } from '../../core/errors'
import type { RunningSimulatorHandle, SimulatorRule } from '../../core/ports'
import { handlers } from '../../core/registry'
import { transact } from '../../db/transaction'
import { channelText, refuseRehearsalCopy, storedChannel } from '../../master/channels'
import { channelCredentials } from '../connect/credentials'
import { pointChannelAtSimulator, registerPointedChannels } from '../connect/simulator-channels'
import { simulatorStatusOf } from '../connect/simulator-panel'

function running(ctx: Ctx): RunningSimulatorHandle {
  const sim = ctx.simulator.running()
  if (!sim) throw conflict(say('error.simulator.notRunning'), { code: 'simulator.not_running' })
  return sim
}

const status = (ctx: Ctx) => simulatorStatusOf(ctx.db, ctx.secrets, ctx.tenantId, ctx.simulator.running())

function audit(ctx: Ctx, summary: ServerText, targetId: number | null, after?: unknown): void {
  transact(ctx.db, (tx) => ctx.audit(tx, { targetType: 'simulator', targetId, summary, after }))
}

/** The channel a rule or a payment names, and its merchant number at the simulator. */
function merchantOf(ctx: Ctx, channelId: number): { name: TextParam; merchantNo: string } {
  const channel = storedChannel(ctx.db, ctx.tenantId, channelId)
  if (!channel) throw notFound(say('thing.channel', { id: channelId }))
  const name = channelText(ctx.db, channel)
  const merchantNo = channelCredentials(ctx.db, ctx.secrets, channelId).merchantNo
  if (!merchantNo) throw conflict(say('error.simulator.noMerchantNo', { name }), { code: 'simulator.no_merchant_no', field: 'channelId' })
  return { name, merchantNo }
}

function listenFailure(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'EADDRINUSE' || code === 'EACCES' ? code : null
}

export const simulatorProcedures = handlers({
  'simulator.status': (ctx) => status(ctx),

  'simulator.start': async (ctx, input) => {
    const already = ctx.simulator.running()
    if (already) throw conflict(say('error.simulator.running', { url: already.url }), { code: 'simulator.running' })
    let sim: RunningSimulatorHandle
    try {
      sim = await ctx.simulator.start({ port: input.port, autoPayAfterMs: input.autoPayAfterMs, payoutDelayMs: input.payoutDelayMs, merchants: [], startedBy: 'user' })
    } catch (error) {
      if (listenFailure(error)) throw conflict(say('error.simulator.portBusy', { port: input.port }), { code: 'simulator.port_busy', field: 'port' })
      const other = ctx.simulator.running()
      if (other) throw conflict(say('error.simulator.running', { url: other.url }), { code: 'simulator.running' })
      throw error
    }
    const registered = registerPointedChannels(ctx.db, ctx.secrets, ctx.tenantId, sim)
    audit(ctx, say('audit.simulator.started', { url: sim.url }), null, { url: sim.url, autoPayAfterMs: input.autoPayAfterMs, payoutDelayMs: input.payoutDelayMs, channelsRegistered: registered })
    return status(ctx)
  },

  'simulator.stop': async (ctx) => {
    const sim = running(ctx)
    await ctx.simulator.stop()
    audit(ctx, say('audit.simulator.stopped', { url: sim.url }), null, { url: sim.url, orders: sim.orders().length })
    return status(ctx)
  },

  'simulator.connectChannel': (ctx, input) => {
    // It replaces the channel's provider settings: what CHANNEL_WRITE guards.
    if (!actorOf(ctx).permissions.has(PERMISSIONS.CHANNEL_WRITE)) {
      throw forbidden(say('error.simulator.needsChannelWrite', { permission: permissionTerm(PERMISSIONS.CHANNEL_WRITE) }), 'permission.missing')
    }
    const sim = running(ctx)
    const channel = storedChannel(ctx.db, ctx.tenantId, input.channelId)
    if (!channel) throw notFound(say('thing.channel', { id: input.channelId }))
    refuseRehearsalCopy(ctx.db, channel.id, 'channelId')
    const pointed = transact(ctx.db, (tx) => {
      const result = pointChannelAtSimulator(tx, ctx.secrets, channel.id, sim.url, ctx.clock.now())
      const summary = result.generated.length
        ? say('audit.simulator.connectedGenerated', { channel: channel.name, url: sim.url, keys: result.generated.join(', ') })
        : say('audit.simulator.connected', { channel: channel.name, url: sim.url })
      ctx.audit(tx, { targetType: 'channel', targetId: channel.id, summary, before: { adapterConfig: result.before }, after: { adapterConfig: result.after, credentialsGenerated: result.generated } })
      return result
    })
    sim.addMerchant(pointed.merchant)
    return { channel: { id: channel.id, name: channel.name }, url: sim.url, generatedCredentials: pointed.generated }
  },

  'simulator.setBehaviour': (ctx, input) => {
    const sim = running(ctx)
    // A rehearsal clears its copy's rules when it starts and ends: its faults are chosen with the run.
    if (input.channelId !== undefined) refuseRehearsalCopy(ctx.db, input.channelId, 'channelId', 'error.fieldtest.rehearsalCopyFaults')
    const merchant = input.channelId === undefined ? null : merchantOf(ctx, input.channelId)
    const rule: SimulatorRule = {
      behaviour: input.behaviour,
      appliesTo: input.appliesTo,
      ...(merchant ? { merchantNo: merchant.merchantNo } : {}),
      ...(input.amountPattern !== undefined ? { amountPattern: input.amountPattern } : {}),
      ...(input.delayMs !== undefined ? { delayMs: input.delayMs } : {}),
      ...(input.partialPercent !== undefined ? { partialPercent: input.partialPercent } : {})
    }
    const { id } = sim.setBehaviour(rule)
    const words = { behaviour: term('simulatorBehaviour', input.behaviour), appliesTo: term('simulatorAppliesTo', input.appliesTo), target: merchant ? merchant.name : term('simulatorTarget', 'all') }
    const summary = input.amountPattern !== undefined ? say('audit.simulator.behaviourPattern', { ...words, pattern: input.amountPattern }) : say('audit.simulator.behaviour', words)
    const { channelId, amountPattern, appliesTo, behaviour, delayMs, partialPercent } = input
    audit(ctx, summary, id, { ruleId: id, channelId: channelId ?? null, amountPattern: amountPattern ?? null, appliesTo, behaviour, delayMs: delayMs ?? null, partialPercent: partialPercent ?? null })
    return status(ctx)
  },

  'simulator.clearBehaviours': (ctx, input) => {
    const sim = running(ctx)
    if (input.ruleId === undefined) {
      sim.clearBehaviours()
      audit(ctx, say('audit.simulator.cleared'), null)
      return status(ctx)
    }
    const entry = sim.rules().find((r) => r.id === input.ruleId)
    if (!entry) throw notFound(say('thing.simulatorRule', { id: input.ruleId }))
    sim.clearBehaviours(entry.id)
    const behaviour = (SIMULATOR_BEHAVIOURS as readonly string[]).includes(entry.rule.behaviour) ? term('simulatorBehaviour', entry.rule.behaviour as SimulatorBehaviour) : entry.rule.behaviour
    audit(ctx, say('audit.simulator.ruleRemoved', { id: entry.id, behaviour }), entry.id, { ruleId: entry.id, behaviour: entry.rule.behaviour })
    return status(ctx)
  },

  'simulator.pay': async (ctx, input) => {
    const sim = running(ctx)
    const merchantNo = input.channelId === undefined ? undefined : merchantOf(ctx, input.channelId).merchantNo
    const found = sim.orders().filter((o) => o.orderNo === input.orderNo && (merchantNo === undefined || o.merchantNo === merchantNo))
    if (found.length === 0) throw notFound(say('thing.simulatorOrder', { orderNo: input.orderNo }))
    if (found.length > 1) throw conflict(say('error.simulator.ambiguousOrder', { orderNo: input.orderNo }), { code: 'simulator.ambiguous_order', field: 'channelId' })
    const [order] = found
    if (order.direction !== 'deposit') throw conflict(say('error.simulator.payoutSettles', { orderNo: order.orderNo }), { code: 'simulator.payout_settles' })
    if (order.status !== 'PENDING') throw conflict(say('error.simulator.notPending', { orderNo: order.orderNo, status: order.status }), { code: 'simulator.not_pending' })
    const paid = await sim.pay(order.orderNo, input.amount, order.merchantNo)
    audit(ctx, say('audit.simulator.paid', { orderNo: paid.orderNo }), null, { orderNo: paid.orderNo, amount: input.amount ?? null, paidAmount: paid.paidAmount })
    return { orderNo: paid.orderNo, status: paid.status, paidAmount: paid.paidAmount }
  }
})
