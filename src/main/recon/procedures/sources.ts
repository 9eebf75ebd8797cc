/** Statement sources, their versioned profiles, and the built-in profiles to start from (platform staff only). */
import { BUILT_IN_PROFILES, BUILT_IN_PROFILE_NAMES } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { eq } from 'drizzle-orm'
import { handlers } from '../../core/registry'
import { tenantZone } from '../../core/tenant'
import { reconSources } from '../../db/schema'
import { transact } from '../../db/transaction'
import { platformActor } from '../access'
import { addProfileVersion, controlsFollowMapping, loadSource, profileVersions, sourceColumns, sourceRows } from '../sources'

export const reconSourceProcedures = handlers({
  'recon.sources.list': (ctx) => {
    platformActor(ctx)
    return sourceRows(ctx.db, ctx.tenantId)
  },

  'recon.sources.create': (ctx, input) => {
    const actor = platformActor(ctx)
    return transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const columns = sourceColumns(tx, ctx.tenantId, input, null)
      const source = tx.insert(reconSources).values({ tenantId: ctx.tenantId, ...columns, status: 'active', createdAt: now, updatedAt: now }).returning().get()
      addProfileVersion(tx, source.id, input.profile, input.note, actor.userId, now)
      ctx.audit(tx, { targetType: 'recon_source', targetId: source.id, summary: say('audit.recon.sourceCreated', { name: source.name }), after: { ...columns, profile: input.profile } })
      return sourceRows(tx, ctx.tenantId, source.id)[0]
    })
  },

  'recon.sources.update': (ctx, input) => {
    platformActor(ctx)
    return transact(ctx.db, (tx) => {
      const before = loadSource(tx, ctx.tenantId, input.id)
      const columns = sourceColumns(tx, ctx.tenantId, input, before.id)
      tx.update(reconSources).set({ ...columns, status: input.status, updatedAt: ctx.clock.now() }).where(eq(reconSources.id, before.id)).run()
      ctx.audit(tx, { targetType: 'recon_source', targetId: before.id, summary: say('audit.recon.sourceUpdated', { name: columns.name }), before, after: { ...columns, status: input.status } })
      return sourceRows(tx, ctx.tenantId, before.id)[0]
    })
  },

  'recon.profiles.list': (ctx, input) => {
    platformActor(ctx)
    loadSource(ctx.db, ctx.tenantId, input.sourceId)
    return profileVersions(ctx.db, input.sourceId)
  },

  'recon.profiles.save': (ctx, input) => {
    const actor = platformActor(ctx)
    return transact(ctx.db, (tx) => {
      const source = loadSource(tx, ctx.tenantId, input.sourceId)
      // A control summing a remapped field's column follows it (the editor shows controls, it does not edit them).
      const profile = controlsFollowMapping(input.profile, profileVersions(tx, source.id).map((v) => v.profile))
      const saved = addProfileVersion(tx, source.id, profile, input.note, actor.userId, ctx.clock.now())
      ctx.audit(tx, { targetType: 'recon_source', targetId: source.id, summary: say('audit.recon.profileSaved', { name: source.name, version: saved.version }), after: { version: saved.version, note: input.note, profile } })
      return profileVersions(tx, source.id)[0]
    })
  },

  'recon.profiles.builtIn': (ctx) => {
    platformActor(ctx)
    // A generic file's times without an offset are most likely the business's own, and so are a
    // bank's booking dates (camt.053 Dt, MT940: days with no zone; an account books in its own
    // market's days): the business's zone is where a profile made from them starts, so a statement
    // of 1 May is 1 May from 00:00 there, not from 08:00. The channels' layouts keep the zone their
    // senders write in (Alipay and WeChat: Beijing).
    const zone = tenantZone(ctx.db, ctx.tenantId)
    const local = new Set<string>(['generic_csv', 'camt053', 'mt940'])
    return BUILT_IN_PROFILE_NAMES.map((name) => ({ name, profile: local.has(name) ? { ...BUILT_IN_PROFILES[name], timeZone: zone } : BUILT_IN_PROFILES[name] }))
  }
})
