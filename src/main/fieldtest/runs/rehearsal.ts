/**
 * Rehearsals: the same plan, with its orders sent to the simulator instead of the live provider.
 * The channel itself is never re-pointed (it may be carrying live orders): a rehearsal sends to its
 * twin, a copy of the channel (same currency, limits, expiry, bindings with their bounds) whose
 * protocol settings speak the simulator's protocol at the simulator's address, with credentials
 * of its own that the simulator is told about. The twin is brought in step with the channel at the
 * start of every rehearsal. The faults a rehearsal switches on apply to the twin's merchant number
 * only, so a live run on a channel that happens to point at the same simulator is not touched.
 */
import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import { and, eq, notInArray } from 'drizzle-orm'
import type { RehearsalFaultInput } from '../../../shared/contract/fieldtest'
import { say, verbatim } from '../../../shared/server-text'
import type { AuditInput } from '../../core/context'
import type { RunningSimulatorHandle } from '../../core/ports'
import type { SecretBox } from '../../core/secrets'
import { channelServiceBindings, channels, fieldtestRehearsalChannels } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { channelText, type StoredChannel } from '../../master/channels'
import { DEFAULT_GENERIC_CONFIG, genericAdapterConfigSchema } from '../../upstream/generic-config'

/** The in-app simulator's control, as a rehearsal uses it (core/ports.ts `SimulatorHost`). */
export type SimulatorControl = RunningSimulatorHandle

/**
 * Whether a channel is a rehearsal twin, for the ledger (`LedgerOptions.isRehearsalChannel`): one
 * indexed look-up per channel account a posting touches.
 */
export function rehearsalChannels(sqlite: Database.Database): (channelId: number) => boolean {
  const twin = sqlite.prepare('select 1 from fieldtest_rehearsal_channels where twin_channel_id = ?').pluck()
  return (channelId) => twin.get(channelId) !== undefined
}

export interface Twin {
  channelId: number
  merchantNo: string
  signKey: string
}

const TWIN_SUFFIX = ' · rehearsal'

function twinName(tx: Tx, tenantId: number, channel: StoredChannel): string {
  const base = `${channel.name.slice(0, 100 - TWIN_SUFFIX.length - 4)}${TWIN_SUFFIX}`
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`
    const taken = tx.select({ id: channels.id }).from(channels).where(and(eq(channels.tenantId, tenantId), eq(channels.name, name))).get()
    if (!taken) return name
  }
}

/** The twin's protocol: the simulator's, at its address, as patient as the live channel. */
function twinConfig(channel: StoredChannel, simulatorUrl: string): Record<string, unknown> {
  const live = genericAdapterConfigSchema.safeParse(channel.adapterConfig)
  return { ...DEFAULT_GENERIC_CONFIG(simulatorUrl), timeoutMs: live.success ? live.data.timeoutMs : 10_000 } as unknown as Record<string, unknown>
}

/**
 * The channel's twin, made or brought in step with it (limits, expiry, protocol at the simulator's
 * current address, bindings and their bounds), in the caller's transaction: its creation is
 * audited, and so is a sync that changed anything (what was and what became).
 */
export function syncTwin(tx: Tx, secrets: SecretBox, tenantId: number, channel: StoredChannel, simulatorUrl: string, now: number, audit: (event: AuditInput) => void): Twin {
  const known = tx.select().from(fieldtestRehearsalChannels).where(eq(fieldtestRehearsalChannels.channelId, channel.id)).get()
  const same = {
    supportsDeposit: channel.supportsDeposit,
    supportsPayout: channel.supportsPayout,
    currency: channel.currency,
    paymentLowerMinor: channel.paymentLowerMinor,
    paymentUpperMinor: channel.paymentUpperMinor,
    payoutLowerMinor: channel.payoutLowerMinor,
    payoutUpperMinor: channel.payoutUpperMinor,
    depositExpiryMinutes: channel.depositExpiryMinutes,
    adapterConfig: twinConfig(channel, simulatorUrl),
    status: 'active' as const,
    updatedAt: now
  }
  let twin: Twin
  // What an existing copy had that its live channel no longer has: audited when anything changed.
  let changed: string[] = []
  const was: Record<string, unknown> = {}
  const became: Record<string, unknown> = {}
  let copyName = ''
  if (!known) {
    const merchantNo = `FT-REH-${channel.id}`
    const signKey = randomBytes(24).toString('hex')
    const credentials = { merchantNo, signKey }
    const name = twinName(tx, tenantId, channel)
    const row = tx
      .insert(channels)
      .values({ tenantId, name, provider: 'paydesk-simulator', ...same, credentialsEnc: secrets.encrypt(JSON.stringify(credentials)), credentialKeys: Object.keys(credentials), createdAt: now })
      .returning({ id: channels.id })
      .get()
    tx.insert(fieldtestRehearsalChannels).values({ channelId: channel.id, twinChannelId: row.id, merchantNo, createdAt: now }).run()
    // Named as the rehearsal copy of its channel, as every screen names it; its stored name is in `after`.
    const copy = channelText(tx, { id: row.id, name })
    audit({ targetType: 'channel', targetId: row.id, summary: say('audit.fieldtest.rehearsalCopyCreated', { copy, url: simulatorUrl }), after: { name, of: channel.id, url: simulatorUrl } })
    twin = { channelId: row.id, merchantNo, signKey }
  } else {
    const before = tx.select().from(channels).where(eq(channels.id, known.twinChannelId)).get()!
    changed = Object.keys(same).filter((k) => k !== 'updatedAt' && JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(same[k as keyof typeof same]))
    for (const k of changed) {
      was[k] = before[k as keyof typeof before]
      became[k] = same[k as keyof typeof same]
    }
    tx.update(channels).set(same).where(eq(channels.id, known.twinChannelId)).run()
    copyName = before.name
    // Its credentials are not among what a sync changes: as read before it.
    const credentials = JSON.parse(secrets.decrypt(before.credentialsEnc!)) as { signKey: string }
    twin = { channelId: known.twinChannelId, merchantNo: known.merchantNo, signKey: credentials.signKey }
  }
  const liveBindings = tx.select().from(channelServiceBindings).where(eq(channelServiceBindings.channelId, channel.id)).all()
  const serviceIds = liveBindings.map((b) => b.serviceId)
  const bindingsOf = (channelId: number) =>
    tx
      .select({ serviceId: channelServiceBindings.serviceId, lower: channelServiceBindings.boundLowerMinor, upper: channelServiceBindings.boundUpperMinor, status: channelServiceBindings.status })
      .from(channelServiceBindings)
      .where(eq(channelServiceBindings.channelId, channelId))
      .orderBy(channelServiceBindings.serviceId)
      .all()
  const bindingsBefore = known ? bindingsOf(twin.channelId) : []
  tx.delete(channelServiceBindings)
    .where(and(eq(channelServiceBindings.channelId, twin.channelId), serviceIds.length ? notInArray(channelServiceBindings.serviceId, serviceIds) : undefined))
    .run()
  for (const b of liveBindings) {
    const values = { boundLowerMinor: b.boundLowerMinor, boundUpperMinor: b.boundUpperMinor, status: b.status, updatedAt: now }
    tx.insert(channelServiceBindings)
      .values({ channelId: twin.channelId, serviceId: b.serviceId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: [channelServiceBindings.channelId, channelServiceBindings.serviceId], set: values })
      .run()
  }
  if (known) {
    const bindingsAfter = bindingsOf(twin.channelId)
    if (JSON.stringify(bindingsBefore) !== JSON.stringify(bindingsAfter)) {
      changed.push('bindings')
      was.bindings = bindingsBefore
      became.bindings = bindingsAfter
    }
    if (changed.length > 0) {
      const copy = channelText(tx, { id: twin.channelId, name: copyName })
      audit({ targetType: 'channel', targetId: twin.channelId, summary: say('audit.fieldtest.rehearsalCopySynced', { copy, fields: verbatim(changed.join(', ')) }), before: was, after: became })
    }
  }
  return twin
}

/**
 * Tells the simulator the twin's credentials and switches the rehearsal's faults on for the twin's
 * merchant number, after clearing the rules earlier rehearsals left for it.
 */
export function armSimulator(control: SimulatorControl, twin: Twin, faults: RehearsalFaultInput[]): void {
  control.addMerchant({ merchantNo: twin.merchantNo, signKey: twin.signKey })
  for (const { id, rule } of control.rules()) if (rule.merchantNo === twin.merchantNo) control.clearBehaviours(id)
  for (const fault of faults) control.setBehaviour({ merchantNo: twin.merchantNo, ...fault })
}
