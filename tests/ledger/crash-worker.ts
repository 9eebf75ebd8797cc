/**
 * Child process of the crash test: posts deposits, payout holds and their commits into a file
 * database as fast as it can, and prints `ACK <key>` after each posting is committed. The parent
 * kills it with SIGKILL at a random moment.
 */
import { openDatabase } from '../../src/main/db/open'
import { bootstrapTenant } from '../../src/main/app/bootstrap'
import { createLedger } from '../../src/main/ledger/ledger'
import type { PostingInput } from '../../src/main/ledger/types'

const [dbPath, run] = process.argv.slice(2)
const db = openDatabase({ path: dbPath })
bootstrapTenant(db, Date.now())
const ledger = createLedger(db, { tenantId: 1, clock: { now: () => Date.now() }, timeZone: () => '+08:00' })
const merchant = { kind: 'merchant_available' as const, merchantId: 1, currency: 'CNY' }
const channel = { kind: 'channel' as const, channelId: 1, currency: 'CNY' }
const fees = { kind: 'platform_fee' as const, currency: 'CNY' }

const deposit = (key: string, amount: number): PostingInput => ({
  idempotencyKey: key,
  description: 'crash-test deposit',
  contractId: 1,
  entries: [
    { account: channel, delta: amount },
    { account: merchant, delta: amount, type: 0 },
    { account: merchant, delta: -Math.ceil(amount / 50), type: 1 },
    { account: fees, delta: Math.ceil(amount / 50), type: 1 }
  ]
})
const payout = (key: string, amount: number): PostingInput => ({
  idempotencyKey: key,
  description: 'crash-test payout',
  contractId: 1,
  entries: [
    { account: merchant, delta: -amount, type: 8 },
    { account: channel, delta: -amount }
  ]
})

const ack = (key: string) => process.stdout.write(`ACK ${key}\n`)
process.stdout.write('READY\n')
for (let i = 0; ; i++) {
  const key = `r${run}-d${i}`
  ledger.post(deposit(key, 10_000 + (i % 97)))
  ack(key)
  if (i % 3 === 0) {
    const hold = `r${run}-p${i}`
    ledger.hold(payout(hold, 5_000))
    ack(hold)
    ledger.commitHold(hold)
    ack(`${hold}:posted`)
  }
}
