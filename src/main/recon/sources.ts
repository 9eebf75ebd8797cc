/**
 * Statement sources and their profile versions: a source is where files come from (a channel's
 * bills, a bank account's statements); its profile says how to read them and is saved as a new
 * version on every change, so each statement keeps the version that read it.
 */
import { and, desc, eq, sql } from 'drizzle-orm'
import type { ColumnField, ColumnRef, ReconProfile } from '../../shared/contract/recon-profile'
import type { SourceRow } from '../../shared/contract/reconciliation'
import { fromMinor } from '../../shared/money'
import { say } from '../../shared/server-text'
import { minorOf } from '../core/amount-input'
import { conflict, notFound, validationError } from '../core/errors'
import type { Db } from '../db/open'
import { channels, reconProfiles, reconSources, reconStatements, users } from '../db/schema'
import type { Tx } from '../db/transaction'
import { refuseRehearsalCopy, rehearsalNames } from '../master/channels'
import { percentOf, ppmOf } from '../master/fields'
import { checkedProfile } from './formats'
import { normalizeHeader } from './formats/header'

type Source = typeof reconSources.$inferSelect

export interface SourceFields {
  name: string
  kind: 'channel' | 'bank'
  channelId: number | null
  feeRate: string | null
  feeFixed: string | null
  currency: string | null
}

/**
 * The source's columns from the form: a channel source names an existing channel; a bank account's
 * source may name one too (an account that receives one channel's money: its runs then take that
 * channel's orders only) or none (an account receiving several channels' settlements: its runs take
 * our orders in the currencies of its lines). A channel given is always kept: the run's scope is
 * never wider than asked. A fixed fee has a currency.
 */
export function sourceColumns(db: Db | Tx, tenantId: number, input: SourceFields, exceptId: number | null) {
  const taken = db
    .select({ id: reconSources.id })
    .from(reconSources)
    .where(and(eq(reconSources.tenantId, tenantId), eq(reconSources.name, input.name)))
    .get()
  if (taken && taken.id !== exceptId) throw conflict(say('error.recon.sourceNameTaken', { name: input.name }), { code: 'recon.source_name_taken', field: 'name' })
  let currency = input.currency
  if (input.kind === 'channel' && input.channelId === null) throw validationError('channelId', say('error.recon.channelNeeded'))
  if (input.channelId !== null) {
    const channel = db.select({ currency: channels.currency }).from(channels).where(and(eq(channels.id, input.channelId), eq(channels.tenantId, tenantId))).get()
    if (!channel) throw validationError('channelId', say('error.recon.channelMissing', { id: input.channelId }))
    refuseRehearsalCopy(db, input.channelId, 'channelId', 'error.recon.rehearsalCopy')
    currency ??= channel.currency
  }
  if (input.feeFixed !== null && currency === null) throw validationError('currency', say('error.recon.channelCurrency'))
  return {
    name: input.name,
    kind: input.kind,
    channelId: input.channelId,
    feeRatePpm: input.feeRate === null ? null : ppmOf(input.feeRate),
    feeFixedMinor: input.feeFixed === null || currency === null ? null : minorOf('feeFixed', input.feeFixed, currency),
    currency
  }
}

export function loadSource(db: Db | Tx, tenantId: number, id: number): Source {
  const source = db.select().from(reconSources).where(and(eq(reconSources.id, id), eq(reconSources.tenantId, tenantId))).get()
  if (!source) throw notFound(say('thing.reconSource', { id }))
  return source
}

/** The source's newest profile version. */
export function currentProfile(db: Db | Tx, sourceId: number): { id: number; version: number; profile: ReconProfile } {
  const row = db.select().from(reconProfiles).where(eq(reconProfiles.sourceId, sourceId)).orderBy(desc(reconProfiles.version)).limit(1).get()
  if (!row) throw notFound(say('thing.reconSource', { id: sourceId }))
  return { id: row.id, version: row.version, profile: checkedProfile(row.profile) }
}

const textsOf = (ref: ColumnRef | undefined): string[] => (ref === undefined ? [] : (Array.isArray(ref) ? ref : [ref]).map(normalizeHeader))

/**
 * A control that sums a column by its header text, when that column is a mapped field's, sums the
 * field's column instead (`columnOf`), so a remap carries over: the texts are all the field's in
 * this profile, or none is mapped any more and an earlier version (`earlier`, newest first) mapped
 * them to a field this one maps (WeChat renamed 手续费 to 交易手续费, the clerk mapped it to the fee,
 * and 手续费总金额 kept adding up a 手续费 column the files no longer have). Versions saved before
 * controls could name a field's column are carried over when the next version is saved.
 */
export function controlsFollowMapping(profile: ReconProfile, earlier: readonly ReconProfile[]): ReconProfile {
  const fields = Object.entries(profile.columns) as [ColumnField, ColumnRef][]
  const mapped = new Set([...fields.flatMap(([, ref]) => textsOf(ref)), ...Object.values(profile.byKind).flatMap((rule) => Object.values(rule?.columns ?? {}).flatMap((ref) => textsOf(ref)))])
  const fieldOf = (ref: ColumnRef): ColumnField | null => {
    const texts = textsOf(ref)
    const own = fields.find(([, r]) => texts.every((t) => textsOf(r).includes(t)))
    if (own) return own[0]
    if (texts.some((t) => mapped.has(t))) return null
    for (const version of earlier) {
      const was = (Object.entries(version.columns) as [ColumnField, ColumnRef][]).find(([, r]) => textsOf(r).some((t) => texts.includes(t)))
      if (was) return profile.columns[was[0]] ? was[0] : null
    }
    return null
  }
  let changed = false
  const controls = profile.controls.map((control) => {
    if (control.type !== 'trailer_line' && control.type !== 'summary_row') return control
    const sums = control.sums.map((sum) => {
      const field = 'column' in sum.of ? fieldOf(sum.of.column) : null
      if (field === null) return sum
      changed = true
      return { ...sum, of: { columnOf: field } }
    })
    return { ...control, sums } as typeof control
  })
  return changed ? { ...profile, controls } : profile
}

/** Saves the next version of a source's profile. */
export function addProfileVersion(tx: Tx, sourceId: number, profile: ReconProfile, note: string, userId: number, now: number) {
  const last = tx.select({ v: sql<number>`coalesce(max(${reconProfiles.version}), 0)` }).from(reconProfiles).where(eq(reconProfiles.sourceId, sourceId)).get()?.v ?? 0
  return tx.insert(reconProfiles).values({ sourceId, version: last + 1, profile: profile as unknown as Record<string, unknown>, note, createdBy: userId, createdAt: now }).returning().get()
}

export function profileVersions(db: Db | Tx, sourceId: number) {
  return db
    .select({ version: reconProfiles.version, profile: reconProfiles.profile, note: reconProfiles.note, createdBy: users.username, createdAt: reconProfiles.createdAt })
    .from(reconProfiles)
    .leftJoin(users, eq(users.id, reconProfiles.createdBy))
    .where(eq(reconProfiles.sourceId, sourceId))
    .orderBy(desc(reconProfiles.version))
    .all()
    .map((v) => ({ ...v, profile: checkedProfile(v.profile) }))
}

export function sourceRows(db: Db | Tx, tenantId: number, id?: number): SourceRow[] {
  const stats = db
    .select({ sourceId: reconStatements.sourceId, n: sql<number>`count(*)`, last: sql<number | null>`max(${reconStatements.importedAt})` })
    .from(reconStatements)
    .where(and(eq(reconStatements.tenantId, tenantId), eq(reconStatements.status, 'imported')))
    .groupBy(reconStatements.sourceId)
    .all()
  const bySource = new Map(stats.map((s) => [s.sourceId, s]))
  const rows = db
    .select({ source: reconSources, channelName: channels.name })
    .from(reconSources)
    .leftJoin(channels, eq(channels.id, reconSources.channelId))
    .where(id === undefined ? eq(reconSources.tenantId, tenantId) : and(eq(reconSources.tenantId, tenantId), eq(reconSources.id, id)))
    .orderBy(reconSources.name)
    .all()
  // A source stored on a rehearsal copy before copies were refused to sources: named by its live channel.
  const copies = rehearsalNames(db, rows.flatMap(({ source }) => (source.channelId === null ? [] : [source.channelId])))
  return rows.map(({ source: s, channelName }) => {
    const profile = currentProfile(db, s.id)
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      channelId: s.channelId,
      channelName,
      rehearsalOf: s.channelId === null ? null : (copies.get(s.channelId) ?? null),
      feeRate: s.feeRatePpm === null ? null : percentOf(s.feeRatePpm),
      feeFixed: s.feeFixedMinor === null || s.currency === null ? null : fromMinor(s.feeFixedMinor, s.currency),
      currency: s.currency,
      status: s.status,
      profileVersion: profile.version,
      profile: profile.profile,
      statementCount: bySource.get(s.id)?.n ?? 0,
      lastImportAt: bySource.get(s.id)?.last ?? null
    }
  })
}
