/**
 * A channel balance top-up or correction posted against suspense: the procedure
 * (`channels.adjustBalance`) and a second user's approval of one over the four-eyes threshold
 * (finance/four-eyes.ts) post it the same way, under the request key given.
 */
import { say, term } from '../../shared/server-text'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import type { channels } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { Ctx } from '../core/context'

export interface ChannelBalanceChange {
  kind: 'top_up' | 'correction'
  amount: string
  reason: string
  requestKey: string
}

export function postChannelBalance(tx: Tx, ctx: Ctx, channel: typeof channels.$inferSelect, change: ChannelBalanceChange, delta: number, by: number) {
  const label = change.kind === 'top_up' ? 'Top-up' : 'Correction'
  const result = ctx.ledger.post({
    idempotencyKey: `channel-balance:${change.requestKey}`,
    description: `${label} of channel ${channel.name}: ${change.reason}`,
    createdBy: by,
    entries: [
      { account: { kind: 'channel', channelId: channel.id, currency: channel.currency }, delta, remark: change.reason },
      { account: { kind: 'suspense', currency: channel.currency }, delta, remark: change.reason }
    ]
  })
  const balance = ctx.ledger.balance({ kind: 'channel', channelId: channel.id, currency: channel.currency })
  ctx.audit(tx, {
    targetType: 'channel',
    targetId: channel.id,
    summary: result.replayed
      ? say('audit.channelBalanceReplayed', { kind: term('channelBalance', change.kind) })
      : say('audit.channelBalance', { kind: term('channelBalance', change.kind), money: moneyText(delta, channel.currency), channel: channel.name, reason: change.reason }),
    after: { postingId: result.postingId, amount: change.amount, balance: fromMinor(balance.posted, channel.currency), reason: change.reason }
  })
  return { postingId: result.postingId, txnId: result.txnId, replayed: result.replayed }
}
