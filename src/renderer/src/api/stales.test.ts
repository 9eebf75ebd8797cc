import { describe, expect, it } from 'vitest'
import { contract, type ProcedureName } from '../../../shared/contract'
import { MONEY_MOVERS, MONEY_READS, ORDER_READS, staleReads } from './stales'

const kindOf = (name: string) => (contract as Record<string, { kind: string } | undefined>)[name]?.kind

/** Writes in the money domains that move no money: each was looked at; a new write there must be classified. */
const MOVE_NO_MONEY = new Set([
  'orders.createDeposit', // nothing moves until it is paid (the order page's watch stales the balances then)
  'orders.resendNotification',
  'orders.revealCardNumber',
  'disputes.addEvidence',
  'disputes.attachWaybill',
  'disputes.addNote',
  'disputes.submitEvidence'
])
const MONEY_DOMAIN = /^(orders|parked|withdrawals|adjustments|refunds|disputes)\.|^channels\.adjustBalance$/

describe('which reads a write makes stale', () => {
  it('names only procedures of the contract: writes as keys, reads as what they stale', () => {
    for (const [write, reads] of Object.entries(MONEY_MOVERS)) {
      expect(kindOf(write), write).toBe('mutation')
      for (const read of [...reads, ...MONEY_READS]) expect(kindOf(read), read).toBe('query')
    }
  })

  it('every write that moves money stales the balances, the ledger’s reports and Home', () => {
    const writes = Object.entries(contract).filter(([name, def]) => def.kind === 'mutation' && MONEY_DOMAIN.test(name)).map(([name]) => name as ProcedureName)
    expect(writes.length).toBeGreaterThan(10)
    for (const write of writes.filter((w) => !MOVE_NO_MONEY.has(w))) {
      expect(Object.keys(MONEY_MOVERS), `${write} moves money: list it in MONEY_MOVERS`).toContain(write)
      expect(staleReads(write)).toEqual(expect.arrayContaining(['ledger.balances', 'reports.accountDetails', 'reports.settlementList', 'home.summary', 'channels.list']))
    }
  })

  it('a payout stales the order lists as well as the money; a new deposit only the orders', () => {
    expect(staleReads('orders.createPayout')).toEqual(expect.arrayContaining([...ORDER_READS, 'ledger.balances']))
    expect(staleReads('orders.createDeposit')).toEqual(expect.arrayContaining([...ORDER_READS]))
    expect(staleReads('orders.createDeposit')).not.toContain('ledger.balances')
    expect(staleReads('users.create')).toEqual([])
  })
})
