/**
 * The simulator panel's view of the running simulator: where it listens, the channels pointed at
 * it, its rules, and the latest requests, callbacks and orders, each merchant named by the
 * channel holding its merchant number (a number no channel holds is no channel's secret, and is
 * shown as it is only on the rules someone set over the control API). A field test's rehearsal
 * copy, which every rehearsal points at it, carries its live channel's name (`rehearsalOf`).
 */
import { eq } from 'drizzle-orm'
import { SIMULATOR_BEHAVIOURS, type SimulatorBehaviour, type SimulatorStatus } from '../../../shared/contract/fieldtest-connect'
import type { RunningSimulatorHandle } from '../../core/ports'
import type { SecretBox } from '../../core/secrets'
import type { Db } from '../../db/open'
import { channels } from '../../db/schema'
import { rehearsalNames } from '../../master/channels'
import { channelsByMerchantNo, type ChannelRef } from './credentials'

/** How many of the latest requests, callbacks and orders the panel shows. */
export const PANEL_ROWS = 50

const latest = <T,>(items: readonly T[]): T[] => items.slice(-PANEL_ROWS).reverse()

function behaviourOf(name: string): SimulatorBehaviour {
  return (SIMULATOR_BEHAVIOURS as readonly string[]).includes(name) ? (name as SimulatorBehaviour) : 'success'
}

/** Channels whose provider settings point at this address. */
export function channelsPointedAt(db: Db, tenantId: number, url: string): { id: number; name: string; currency: string }[] {
  return db
    .select({ id: channels.id, name: channels.name, currency: channels.currency, adapterConfig: channels.adapterConfig })
    .from(channels)
    .where(eq(channels.tenantId, tenantId))
    .orderBy(channels.name)
    .all()
    .filter((c) => typeof c.adapterConfig?.baseUrl === 'string' && c.adapterConfig.baseUrl.replace(/\/+$/, '') === url)
    .map(({ id, name, currency }) => ({ id, name, currency }))
}

export function simulatorStatusOf(db: Db, secrets: SecretBox, tenantId: number, sim: RunningSimulatorHandle | null): SimulatorStatus {
  if (!sim) return { running: false, url: null, port: null, startedAt: null, startedBy: null, autoPayAfterMs: null, payoutDelayMs: null, channels: [], rules: [], requests: [], callbacks: [], orders: [] }
  const byMerchant = channelsByMerchantNo(db, secrets, tenantId)
  const known = new Set(sim.merchants())
  const merchantOfChannel = new Map<number, string>()
  for (const [merchantNo, refs] of byMerchant) for (const ref of refs) merchantOfChannel.set(ref.id, merchantNo)
  const channelOf = (merchantNo: string | null): ChannelRef[] => (merchantNo ? (byMerchant.get(merchantNo) ?? []) : [])
  const pointed = channelsPointedAt(db, tenantId, sim.url)
  const copies = rehearsalNames(db, pointed.map((c) => c.id))
  // A request's amount is in its order's currency, else in that of the channel holding its merchant number.
  const orderCurrency = new Map(sim.orders().map((o) => [`${o.merchantNo}\u0000${o.orderNo}`, o.currency]))
  const channelCurrency = new Map(pointed.map((c) => [c.id, c.currency]))
  const currencyOf = (merchantNo: string | null, orderNo: string | null): string | null =>
    orderCurrency.get(`${merchantNo}\u0000${orderNo}`) ?? channelOf(merchantNo).map((c) => channelCurrency.get(c.id)).find((c) => c !== undefined) ?? null
  return {
    running: true,
    url: sim.url,
    port: sim.port,
    startedAt: sim.startedAt,
    startedBy: sim.startedBy,
    autoPayAfterMs: sim.autoPayAfterMs,
    payoutDelayMs: sim.payoutDelayMs,
    channels: pointed.map((c) => {
      const merchantNo = merchantOfChannel.get(c.id)
      return { ...c, rehearsalOf: copies.get(c.id) ?? null, registered: merchantNo !== undefined && known.has(merchantNo) }
    }),
    rules: sim.rules().map(({ id, rule }) => {
      const holders = channelOf(rule.merchantNo ?? null)
      const appliesTo = rule.appliesTo ?? 'orders'
      const behaviour = behaviourOf(rule.behaviour)
      return {
        id,
        appliesTo,
        behaviour,
        channels: holders,
        merchantNo: rule.merchantNo !== undefined && holders.length === 0 ? rule.merchantNo : null,
        amountPattern: rule.amountPattern ?? null,
        // Only where the behaviour uses it (a queries rule's delay included).
        delayMs: behaviour === 'delay' || behaviour === 'late_callback' ? (rule.delayMs ?? 1000) : null,
        partialPercent: behaviour === 'partial_amount' && appliesTo === 'orders' ? (rule.partialPercent ?? 90) : null
      }
    }),
    requests: latest(sim.requests()).map((r) => ({ at: r.at, path: r.path, channels: channelOf(r.merchantNo), orderNo: r.orderNo, amount: r.amount, currency: r.amount === null ? null : (r.currency ?? currencyOf(r.merchantNo, r.orderNo)), signatureValid: r.signatureValid, outcome: r.outcome })),
    callbacks: latest(sim.callbacks()).map((c) => ({ at: c.at, channels: channelOf(c.merchantNo), orderNo: c.orderNo, status: c.status, attempt: c.attempt, signed: c.signed, acknowledged: c.acknowledged, httpStatus: c.httpStatus })),
    orders: latest([...sim.orders()].sort((a, b) => a.createdAt - b.createdAt)).map((o) => ({
      channel: channelOf(o.merchantNo)[0] ?? null,
      orderNo: o.orderNo,
      direction: o.direction,
      amount: o.amount,
      currency: o.currency,
      status: o.status,
      paidAmount: o.paidAmount,
      createRequests: o.createRequests,
      createdAt: o.createdAt
    }))
  }
}
