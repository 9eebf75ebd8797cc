/**
 * The demo's provider: the app's simulator (core/ports.ts `SimulatorHost`, the one the simulator
 * panel shows), started by `--demo` (and the desktop's Demo menu) with the demo channels'
 * merchant numbers and keys, and the demo channels pointed at it. The simulator's address can
 * change between runs, so the channels are re-pointed at each start.
 */
import { isDeepStrictEqual } from 'node:util'
import { eq, inArray } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import type { Db } from '../db/open'
import { channels } from '../db/schema'
import { transact } from '../db/transaction'
import { writeAuditEvent } from '../core/audit'
import type { Clock } from '../core/context'
import type { RunningSimulatorHandle, SimulatorHost } from '../core/ports'
import type { SimulatorMerchant } from '../simulator/server'
import { DEFAULT_GENERIC_CONFIG } from '../upstream/generic'
import { demoCredentials, DEMO_CHANNELS } from './master-data'
import { connectDemoMerchants, sendDemoNotifications } from './merchant-endpoints'

/** A fixed port so a demo database keeps working across restarts; another is taken when it is busy. */
export const DEMO_SIMULATOR_PORT = 39610

export function demoSimulatorMerchants(): SimulatorMerchant[] {
  return DEMO_CHANNELS.map((c) => {
    const credentials = demoCredentials(c.ref)
    return { merchantNo: credentials.merchantNo, signKey: credentials.signKey }
  })
}

/** Points every demo channel at the simulator with the current protocol settings; returns how many changed. */
export function connectDemoChannels(db: Db, clock: Clock, simulatorUrl: string): number {
  const config = DEFAULT_GENERIC_CONFIG(simulatorUrl) as unknown as Record<string, unknown>
  return transact(db, (tx) => {
    const rows = tx.select({ id: channels.id, name: channels.name, adapterConfig: channels.adapterConfig }).from(channels).where(inArray(channels.name, DEMO_CHANNELS.map((c) => c.name))).all()
    let changed = 0
    for (const row of rows) {
      // Compared whole: a demo made before the protocol gained endpoints (refunds) gets them too.
      if (isDeepStrictEqual(row.adapterConfig, config)) continue
      const now = clock.now()
      tx.update(channels).set({ adapterConfig: config, updatedAt: now }).where(eq(channels.id, row.id)).run()
      writeAuditEvent(tx, { tenantId: 1, userId: null, actor: 'system', procedure: 'demo.load', at: now }, { targetType: 'channel', targetId: row.id, summary: say('audit.demoChannel', { channel: row.name, url: simulatorUrl }) })
      changed++
    }
    return changed
  })
}

/**
 * Starts the app's simulator for the demo (deposits are paid automatically after a while) and
 * points the demo channels at it, and two demo merchants' notify URLs at its merchant side. One someone started already is used as it is, the demo
 * merchants added to it.
 */
export async function startDemoProvider(db: Db, clock: Clock, host: SimulatorHost): Promise<RunningSimulatorHandle> {
  const merchants = demoSimulatorMerchants()
  let simulator = host.running()
  if (simulator) {
    for (const merchant of merchants) simulator.addMerchant(merchant)
  } else {
    const options = { merchants, autoPayAfterMs: 20_000, payoutDelayMs: 3_000, startedBy: 'demo' as const }
    try {
      simulator = await host.start({ ...options, port: DEMO_SIMULATOR_PORT })
    } catch {
      simulator = await host.start({ ...options, port: 0 })
    }
  }
  connectDemoChannels(db, clock, simulator.url)
  connectDemoMerchants(db, clock, simulator.url)
  sendDemoNotifications(db, clock)
  return simulator
}
