/** Channel balance top-ups and corrections, and the balances view (manual adjustments: adjustments.ts). */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import { fromMinor } from '../../shared/money'
import { requestBalanceIfNeeded } from '../finance/four-eyes'
import { postChannelBalance } from './channel-balance'
import { refuseRehearsalCopy, rehearsalNames } from '../master/channels'
import { minorOf } from '../core/amount-input'
import { channels, ledgerAccounts, ledgerBalances, merchants } from '../db/schema'
import { exactInteger } from '../db/exact'
import { transact } from '../db/transaction'
import { actorOf } from '../core/context'
import { notFound, validationError } from '../core/errors'
import { handlers } from '../core/registry'
import { merchantFilter } from '../core/scope'
import { offsetOf } from '../db/sql'

export const ledgerProcedures = handlers({
  'channels.adjustBalance': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const channel = tx.select().from(channels).where(eq(channels.id, input.channelId)).get()
      if (!channel) throw validationError('channelId', say('rule.channelMissing', { id: input.channelId }))
      // A rehearsal copy's balance is the simulator's: what is booked there is reversed at once.
      refuseRehearsalCopy(tx, channel.id)
      const delta = minorOf('amount', input.amount, channel.currency)
      if (input.kind === 'top_up' && delta < 0) throw validationError('amount', say('rule.topUpPositive'))
      // At or over the tenant's four-eyes threshold nothing posts until a second user approves (finance/four-eyes.ts).
      const waiting = requestBalanceIfNeeded(tx, ctx, channel, input, delta)
      if (waiting) return { postingId: waiting.request.postingId, txnId: null, replayed: waiting.replayed, approvalId: waiting.request.id }
      return { ...postChannelBalance(tx, ctx, channel, input, delta, actor.userId), approvalId: null }
    })
  },

  'ledger.balances': (ctx, input) => {
    const own = merchantFilter(actorOf(ctx), input.merchantId)
    const filters: SQL[] = [eq(ledgerAccounts.tenantId, ctx.tenantId)]
    if (own !== undefined) filters.push(eq(ledgerAccounts.merchantId, own))
    if (actorOf(ctx).merchantId !== null) filters.push(inArray(ledgerAccounts.kind, ['merchant_available', 'merchant_reserve']))
    if (input.kind) filters.push(eq(ledgerAccounts.kind, input.kind))
    if (input.channelId) filters.push(eq(ledgerAccounts.channelId, input.channelId))
    if (input.currency) filters.push(eq(ledgerAccounts.currency, input.currency))
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(ledgerAccounts).where(where).get()?.n ?? 0
    const rows = ctx.db
      .select({
        accountId: ledgerAccounts.id,
        kind: ledgerAccounts.kind,
        merchantId: ledgerAccounts.merchantId,
        merchantName: merchants.name,
        channelId: ledgerAccounts.channelId,
        channelName: channels.name,
        currency: ledgerAccounts.currency,
        normal: ledgerAccounts.normal,
        postedSum: exactInteger(ledgerBalances.postedSum),
        heldOut: exactInteger(ledgerBalances.heldOut)
      })
      .from(ledgerAccounts)
      .innerJoin(ledgerBalances, eq(ledgerBalances.accountId, ledgerAccounts.id))
      .leftJoin(merchants, eq(merchants.id, ledgerAccounts.merchantId))
      .leftJoin(channels, eq(channels.id, ledgerAccounts.channelId))
      .where(where)
      .orderBy(ledgerAccounts.kind, ledgerAccounts.currency, ledgerAccounts.id)
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
    if (input.merchantId && rows.length === 0 && !ctx.db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, input.merchantId)).get()) {
      throw notFound(say('thing.merchant', { id: input.merchantId }))
    }
    // A field test's rehearsal copy holds a channel account too: named by its live channel.
    const copies = rehearsalNames(ctx.db, rows.flatMap((r) => (r.channelId === null ? [] : [r.channelId])))
    return {
      page: input.page,
      pageSize: input.pageSize,
      total,
      items: rows.map((r) => {
        const posted = BigInt(r.normal) * r.postedSum
        return {
          accountId: r.accountId,
          kind: r.kind,
          merchantId: r.merchantId,
          merchantName: r.merchantName ?? null,
          channelId: r.channelId,
          channelName: r.channelName ?? null,
          rehearsalOf: r.channelId === null ? null : (copies.get(r.channelId) ?? null),
          currency: r.currency,
          balance: fromMinor(posted, r.currency),
          available: fromMinor(posted - r.heldOut, r.currency),
          held: fromMinor(r.heldOut, r.currency)
        }
      })
    }
  }
})
