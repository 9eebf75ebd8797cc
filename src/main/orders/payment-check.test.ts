import { describe, expect, it } from 'vitest'
import { judgeReport, type ProviderReport } from './payment-check'

const deposit = { direction: 'deposit' as const, currency: 'THB', amountMinor: 10_000 }
const payout = { ...deposit, direction: 'payout' as const }
const report = (over: Partial<ProviderReport>): ProviderReport => ({ status: 'succeeded', paidAmount: null, amount: null, currency: null, ...over })

describe('judging what a provider reports about an order', () => {
  it('takes a stated paid amount up to the order amount, and none as the whole', () => {
    expect(judgeReport(deposit, report({}))).toEqual({ kind: 'consistent', paidMinor: null })
    expect(judgeReport(deposit, report({ paidAmount: '100.00', amount: '100', currency: 'THB' }))).toEqual({ kind: 'consistent', paidMinor: 10_000 })
    expect(judgeReport(deposit, report({ paidAmount: '40' }))).toEqual({ kind: 'consistent', paidMinor: 4000 })
  })

  it('calls more than the amount an overpayment, to the minor unit', () => {
    expect(judgeReport(deposit, report({ paidAmount: '100.01' }))).toEqual({ kind: 'overpaid', paidMinor: 10_001, excessMinor: 1 })
    expect(judgeReport(deposit, report({ paidAmount: '100000.00' }))).toEqual({ kind: 'overpaid', paidMinor: 10_000_000, excessMinor: 9_990_000 })
  })

  it.each(['-5.00', 'abc', '1e3', '40.001', ' 100', '100,00', '0x64', '9007199254740993', ''])('never reads %j as an amount', (paidAmount) => {
    expect(judgeReport(deposit, report({ paidAmount }))).toMatchObject({ kind: 'contradiction', exception: 'bad_amount' })
  })

  it('refuses what contradicts the order: currency, amount, nothing paid on a success, something paid on a failure', () => {
    expect(judgeReport(deposit, report({ currency: 'USD' }))).toMatchObject({ exception: 'currency_mismatch' })
    expect(judgeReport(deposit, report({ currency: 'thb' }))).toMatchObject({ exception: 'currency_mismatch' })
    expect(judgeReport(deposit, report({ amount: '1000.00' }))).toMatchObject({ exception: 'amount_mismatch' })
    expect(judgeReport(deposit, report({ amount: '1e2' }))).toMatchObject({ exception: 'bad_amount' })
    expect(judgeReport(deposit, report({ paidAmount: '0.00' }))).toMatchObject({ exception: 'bad_amount' })
    expect(judgeReport(deposit, report({ status: 'failed', paidAmount: '50.00' }))).toMatchObject({ exception: 'status_conflict' })
    expect(judgeReport(deposit, report({ status: 'failed', paidAmount: '0' }))).toEqual({ kind: 'consistent', paidMinor: null })
  })

  it('pays a payout exactly its amount or not at all', () => {
    expect(judgeReport(payout, report({ paidAmount: '100.00' }))).toEqual({ kind: 'consistent', paidMinor: 10_000 })
    expect(judgeReport(payout, report({ paidAmount: '99.99' }))).toMatchObject({ exception: 'amount_mismatch' })
    expect(judgeReport(payout, report({ paidAmount: '100.01' }))).toMatchObject({ exception: 'amount_mismatch' })
  })
})
