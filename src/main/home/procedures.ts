/**
 * Home's procedures: open to every signed-in user, each part and each kind of work narrowed here,
 * on the main thread, to what the user's permissions and merchant scope allow; the counting runs
 * in a read worker (home/reads.ts).
 */
import { ATTENTION_KINDS, type AttentionKind } from '../../shared/contract/home'
import { PERMISSIONS, type PermissionCode } from '../../shared/permissions'
import { actorOf, type Actor } from '../core/context'
import { handlers } from '../core/registry'
import { readScope } from '../reads/paged'
import { HOME_READS } from './reads'

const P = PERMISSIONS
const NO_PAGE = { pageIndex: 1, pageSize: 1, withTotals: false }

/** What a user must hold to see each kind of work (and open the list it links to). */
const KIND_NEEDS: Record<AttentionKind, PermissionCode[]> = {
  payoutsUnknown: [P.ORDER_READ],
  outboxGaveUp: [P.OUTBOX_READ],
  depositsOverdue: [P.ORDER_READ],
  disputesEvidenceDue: [P.DISPUTE_READ],
  withdrawalsToReview: [P.WITHDRAWAL_READ, P.WITHDRAWAL_REVIEW],
  adjustmentsToReview: [P.ADJUSTMENT_APPROVE],
  reconBreaks: [P.RECONCILIATION_READ]
}

const holds = (actor: Actor, codes: PermissionCode[]) => codes.every((code) => actor.permissions.has(code))

/** The kinds of work this user may see and act on. */
export function visibleKinds(actor: Actor): AttentionKind[] {
  return ATTENTION_KINDS.filter((kind) => holds(actor, KIND_NEEDS[kind]))
}

export const homeProcedures = handlers({
  'home.summary': async (ctx) => {
    const actor = actorOf(ctx)
    const platform = actor.merchantId === null
    const readsOrders = actor.permissions.has(P.ORDER_READ) || actor.permissions.has(P.REPORT_READ)
    return ctx.reads.read(
      HOME_READS.homeFigures,
      readScope(ctx),
      {
        merchantId: actor.merchantId ?? undefined,
        now: ctx.clock.now(),
        withCurrencies: readsOrders,
        withChannels: platform && readsOrders && actor.permissions.has(P.MASTER_DATA_READ),
        withBalances: platform && actor.permissions.has(P.LEDGER_READ)
      },
      NO_PAGE
    )
  },
  'home.attention': async (ctx) => {
    const actor = actorOf(ctx)
    const scope = readScope(ctx)
    const now = ctx.clock.now()
    const kinds = visibleKinds(actor)
    const items = kinds.length === 0 ? [] : await ctx.reads.read(HOME_READS.homeAttention, scope, { merchantId: actor.merchantId ?? undefined, kinds, userId: actor.userId, now }, NO_PAGE)
    return { zone: scope.zone, asOf: now, items }
  }
})
