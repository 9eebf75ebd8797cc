/** Channel balance top-ups and corrections, and the balances view (manual adjustments: adjustments.ts). */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { say, term } from '../../shared/server-text'
import { fromMinor } from '../../shared/money'
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
      const delta = minorOf('amount', input.amount, channel.currency)
      if (input.kind === 'top_up' && delta < 0) throw validationError('amount', say('rule.topUpPositive'))
      const label = input.kind === 'top_up' ? 'Top-up' : 'Correction'
      const result = ctx.ledger.post({
        idempotencyKey: `channel-balance:${input.requestKey}`,
        description: `${label} of channel ${channel.name}: ${input.reason}`,
        createdBy: actor.userId,
        entries: [
          { account: { kind: 'channel', channelId: channel.id, currency: channel.currency }, delta, remark: input.reason },
          { account: { kind: 'suspense', currency: channel.currency }, delta, remark: input.reason }
        ]
      })
      const balance = ctx.ledger.balance({ kind: 'channel', channelId: channel.id, currency: channel.currency })
      ctx.audit(tx, {
        targetType: 'channel',
        targetId: channel.id,
        summary: result.replayed
          ? say('audit.channelBalanceReplayed', { kind: term('channelBalance', input.kind) })
          : say('audit.channelBalance', { kind: term('channelBalance', input.kind), money: `${channel.currency} ${input.amount}`, channel: channel.name, reason: input.reason }),
        after: { postingId: result.postingId, amount: input.amount, balance: fromMinor(balance.posted, channel.currency), reason: input.reason }
      })
      return { postingId: result.postingId, txnId: result.txnId, replayed: result.replayed }
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
          currency: r.currency,
          balance: fromMinor(posted, r.currency),
          available: fromMinor(posted - r.heldOut, r.currency),
          held: fromMinor(r.heldOut, r.currency)
        }
      })
    }
  }
})
