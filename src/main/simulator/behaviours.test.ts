import { describe, expect, it } from 'vitest'
import { BehaviourTable, behaviourRuleSchema } from './behaviours'

describe('BehaviourTable', () => {
  it('nothing set: success, with the default delay and percentage', () => {
    expect(new BehaviourTable().resolve('M1', '10.00')).toEqual({ behaviour: 'success', delayMs: 1000, partialPercent: 90 })
  })

  it('the most specific rule wins: merchant and pattern > pattern > merchant > everyone', () => {
    const table = new BehaviourTable()
    table.set({ behaviour: 'delay', delayMs: 5 })
    table.set({ merchantNo: 'M1', behaviour: 'decline' })
    table.set({ amountPattern: '\\.13$', behaviour: 'timeout' })
    table.set({ merchantNo: 'M1', amountPattern: '^9', behaviour: 'server_error' })
    expect(table.resolve('M2', '1.00')).toMatchObject({ behaviour: 'delay', delayMs: 5 })
    expect(table.resolve('M1', '1.00').behaviour).toBe('decline')
    expect(table.resolve('M1', '1.13').behaviour).toBe('timeout')
    expect(table.resolve('M2', '9.13').behaviour).toBe('timeout')
    expect(table.resolve('M1', '9.13').behaviour).toBe('server_error')
  })

  it('among equals the latest wins; the same merchant and pattern replaces; clear forgets', () => {
    const table = new BehaviourTable()
    table.set({ amountPattern: '^1', behaviour: 'decline' })
    table.set({ amountPattern: '0$', behaviour: 'partial_amount', partialPercent: 50 })
    expect(table.resolve('M', '10')).toMatchObject({ behaviour: 'partial_amount', partialPercent: 50 })
    table.set({ amountPattern: '^1', behaviour: 'bad_signature' })
    expect(table.resolve('M', '10').behaviour).toBe('bad_signature')
    expect(table.rules().map((r) => r.behaviour)).toEqual(['partial_amount', 'bad_signature'])
    table.clear()
    expect(table.resolve('M', '10').behaviour).toBe('success')
  })

  it('the rule schema refuses unknown behaviours, bad patterns and extra keys', () => {
    expect(behaviourRuleSchema.safeParse({ behaviour: 'timeout', amountPattern: '\\.13$' }).success).toBe(true)
    expect(behaviourRuleSchema.safeParse({ behaviour: 'melt' }).success).toBe(false)
    expect(behaviourRuleSchema.safeParse({ behaviour: 'delay', amountPattern: '[' }).success).toBe(false)
    expect(behaviourRuleSchema.safeParse({ behaviour: 'delay', merchant: 'M1' }).success).toBe(false)
    expect(behaviourRuleSchema.safeParse({ behaviour: 'partial_amount', partialPercent: 100 }).success).toBe(false)
  })

  it('rules for status queries apply to queries only, and orders rules never to queries', () => {
    const table = new BehaviourTable()
    table.set({ merchantNo: 'M1', behaviour: 'decline' })
    table.set({ merchantNo: 'M1', appliesTo: 'queries', behaviour: 'server_error' })
    expect(table.resolve('M1', '10.00').behaviour).toBe('decline')
    expect(table.resolve('M1', '10.00', 'queries').behaviour).toBe('server_error')
    expect(table.resolve('M2', '', 'queries').behaviour).toBe('success')
    expect(behaviourRuleSchema.safeParse({ appliesTo: 'queries', behaviour: 'delay', delayMs: 5 }).success).toBe(true)
    expect(behaviourRuleSchema.safeParse({ appliesTo: 'queries', behaviour: 'duplicate_callback' }).success).toBe(false)
  })

  it('gives each rule an id that a replacement keeps; one rule can be removed by it', () => {
    const table = new BehaviourTable()
    const first = table.set({ merchantNo: 'M1', behaviour: 'decline' })
    const second = table.set({ amountPattern: '\\.13$', behaviour: 'late_callback', delayMs: 50 })
    expect(table.set({ merchantNo: 'M1', behaviour: 'out_of_order_callbacks' }).id).toBe(first.id)
    expect(second.id).not.toBe(first.id)
    expect(table.list().map((e) => [e.id, e.rule.behaviour])).toEqual([
      [second.id, 'late_callback'],
      [first.id, 'out_of_order_callbacks']
    ])
    expect(table.remove(first.id)).toBe(true)
    expect(table.remove(first.id)).toBe(false)
    expect(table.resolve('M1', '1.00').behaviour).toBe('success')
    expect(table.resolve('M1', '1.13')).toMatchObject({ behaviour: 'late_callback', delayMs: 50 })
  })
})
