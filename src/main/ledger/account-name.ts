/**
 * An account as a ledger refusal names it ("Not enough in Acme’s available balance"): its kind,
 * and the merchant or channel it belongs to. A channel's rehearsal copy (the field test's twin)
 * is named as master/channels.ts `channelText` names it, by its live channel: its stored name
 * ("X · rehearsal") is in one language.
 */
import type Database from 'better-sqlite3'
import type { AccountKind } from '../db/schema/ledger'
import { say, term, verbatim, type ServerText } from '../../shared/server-text'
import type { AccountRef } from './types'

/** Whose an account is: a merchant's name, or a channel's and, for a rehearsal copy, its live channel's. */
interface Owner {
  merchant?: string | null
  channel?: string | null
  live?: string | null
}

const LIVE_CHANNEL = 'left join fieldtest_rehearsal_channels r on r.twin_channel_id = c.id left join channels live on live.id = r.channel_id'

export function accountNamer(sqlite: Database.Database, tenantId: number): (account: { key: string; kind: AccountKind; ref?: AccountRef }) => ServerText {
  const ofKey = sqlite.prepare(
    `select m.name as merchant, c.name as channel, live.name as live from ledger_accounts a left join merchants m on m.id = a.merchant_id left join channels c on c.id = a.channel_id ${LIVE_CHANNEL} where a.tenant_id = ? and a.key = ?`
  )
  const merchant = sqlite.prepare('select name as merchant from merchants where id = ?')
  const channel = sqlite.prepare(`select c.name as channel, live.name as live from channels c ${LIVE_CHANNEL} where c.id = ?`)
  return ({ key, kind, ref }) => {
    // An account a posting would open has no row yet: its owner is the one it names.
    const owner = (ofKey.get(tenantId, key) ?? (ref && 'merchantId' in ref ? merchant.get(ref.merchantId) : ref && 'channelId' in ref ? channel.get(ref.channelId) : undefined)) as Owner | undefined
    const what = term('accountKind', kind)
    if (owner?.merchant) return say('ledger.accountOf', { kind: what, owner: verbatim(owner.merchant) })
    if (owner?.channel) return say('ledger.accountOf', { kind: what, owner: owner.live ? say('channel.rehearsalCopy', { name: owner.live }) : verbatim(owner.channel) })
    return what
  }
}
