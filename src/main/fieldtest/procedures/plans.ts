/** Test plans: generated from the channel, edited into new versions, read at any version. */
import { say } from '../../../shared/server-text'
import { actorOf } from '../../core/context'
import { validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { tenantZone } from '../../core/tenant'
import { transact } from '../../db/transaction'
import { businessDayFn, dayText } from '../../ledger/business-day'
import { refuseRehearsalCopy } from '../../master/channels'
import { generatedNote, generateSteps } from '../plans/generate'
import { ownTitles } from '../plans/titles'
import { channelServices, checkSteps, createPlan, freeName, listPlans, loadChannel, loadPlan, parseSteps, planDetail, saveVersion, servicesForGeneration } from '../plans/store'

export const planProcedures = handlers({
  'fieldtest.plans.list': (ctx, input) => listPlans(ctx.db, ctx.tenantId, input),

  'fieldtest.plans.get': (ctx, input) => planDetail(ctx.db, ctx.tenantId, loadPlan(ctx.db, ctx.tenantId, input.id), input.version),

  'fieldtest.plans.generate': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const channel = loadChannel(tx, ctx.tenantId, input.channelId)
      refuseRehearsalCopy(tx, channel.id, 'channelId', 'error.fieldtest.rehearsalCopyPlan')
      const bound = channelServices(tx, channel)
      const wanted = input.serviceIds ?? bound.map((s) => s.id)
      const unknown = wanted.find((id) => !bound.some((s) => s.id === id))
      if (unknown !== undefined) throw validationError('serviceIds', say('rule.fieldtest.serviceNotBound', { id: unknown, channel: channel.name }))
      const chosen = bound.filter((s) => wanted.includes(s.id))
      if (chosen.length === 0) throw validationError('channelId', say('error.fieldtest.noServices', { channel: channel.name }))
      const steps = parseSteps(generateSteps(servicesForGeneration(chosen), input.language))
      const day = dayText(businessDayFn(tenantZone(tx, ctx.tenantId))(now))
      const name = freeName(tx, ctx.tenantId, channel.id, input.name ?? `${channel.name} · ${day}`)
      const plan = createPlan(tx, ctx.tenantId, channel.id, name, steps, generatedNote(chosen, bound.length, input.language), actor.userId, now)
      ctx.audit(tx, { targetType: 'fieldtest_plan', targetId: plan.id, summary: say('audit.fieldtest.planGenerated', { name, channel: channel.name, steps: steps.length }), after: { channelId: channel.id, serviceIds: wanted, steps: steps.length } })
      return planDetail(tx, ctx.tenantId, plan)
    })
  },

  'fieldtest.plans.save': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const plan = loadPlan(tx, ctx.tenantId, input.id)
      const channel = loadChannel(tx, ctx.tenantId, plan.channelId)
      const steps = ownTitles(input.steps)
      checkSteps(tx, channel, steps)
      const version = saveVersion(tx, plan, input.baseVersion, steps, input.note, actor.userId, ctx.clock.now())
      ctx.audit(tx, { targetType: 'fieldtest_plan', targetId: plan.id, summary: say('audit.fieldtest.planSaved', { name: plan.name, version, steps: steps.length }), after: { version, note: input.note, steps } })
      return planDetail(tx, ctx.tenantId, loadPlan(tx, ctx.tenantId, plan.id))
    })
  }
})

