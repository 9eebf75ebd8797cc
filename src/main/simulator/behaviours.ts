/**
 * Which behaviour applies to an order (or a status query): rules keyed by what they act on,
 * merchant and/or amount pattern. The most specific matching rule wins (merchant and pattern >
 * pattern > merchant > everyone), the latest set among equals; nothing matching means `success`.
 * A rule set again for the same target, merchant and pattern replaces the earlier one (and keeps
 * its id).
 */
import { z } from 'zod'
import { BEHAVIOURS, QUERY_BEHAVIOURS, RULE_TARGETS, type BehaviourName, type BehaviourRule, type RuleTarget } from './types'

export interface ResolvedBehaviour {
  behaviour: BehaviourName
  delayMs: number
  partialPercent: number
}

export const DEFAULT_DELAY_MS = 1000
export const DEFAULT_PARTIAL_PERCENT = 90

export const behaviourRuleSchema = z
  .object({
    merchantNo: z.string().trim().min(1).max(64).optional(),
    amountPattern: z
      .string()
      .min(1)
      .max(200)
      .refine((p) => {
        try {
          new RegExp(p)
          return true
        } catch {
          return false
        }
      }, 'must be a valid regular expression')
      .optional(),
    appliesTo: z.enum(RULE_TARGETS, { error: `must be one of ${RULE_TARGETS.join(', ')}` }).optional(),
    behaviour: z.enum(BEHAVIOURS, { error: `must be one of ${BEHAVIOURS.join(', ')}` }),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    partialPercent: z.number().gt(0).lt(100).optional()
  })
  .strict()
  .refine((r) => r.appliesTo !== 'queries' || (QUERY_BEHAVIOURS as readonly string[]).includes(r.behaviour), {
    message: `status queries take only ${QUERY_BEHAVIOURS.join(', ')}`,
    path: ['behaviour']
  })

/** A rule as the table holds it: its id (stable while it is replaced) and when it was last set. */
export interface RuleEntry {
  id: number
  rule: BehaviourRule
}

interface StoredRule extends RuleEntry {
  regex: RegExp | null
  seq: number
}

export class BehaviourTable {
  private readonly entries = new Map<string, StoredRule>()
  private seq = 0
  private ids = 0

  set(rule: BehaviourRule): RuleEntry {
    const key = JSON.stringify([rule.appliesTo ?? 'orders', rule.merchantNo ?? null, rule.amountPattern ?? null])
    const id = this.entries.get(key)?.id ?? ++this.ids
    const stored = { id, rule, regex: rule.amountPattern ? new RegExp(rule.amountPattern) : null, seq: ++this.seq }
    this.entries.set(key, stored)
    return { id, rule }
  }

  resolve(merchantNo: string, amount: string, target: RuleTarget = 'orders'): ResolvedBehaviour {
    let best: StoredRule | null = null
    let bestScore = -1
    for (const entry of this.entries.values()) {
      const { rule, regex } = entry
      if ((rule.appliesTo ?? 'orders') !== target) continue
      if (rule.merchantNo !== undefined && rule.merchantNo !== merchantNo) continue
      if (regex && !regex.test(amount)) continue
      const score = (regex ? 2 : 0) + (rule.merchantNo !== undefined ? 1 : 0)
      if (score > bestScore || (score === bestScore && best !== null && entry.seq > best.seq)) {
        best = entry
        bestScore = score
      }
    }
    return {
      behaviour: best?.rule.behaviour ?? 'success',
      delayMs: best?.rule.delayMs ?? DEFAULT_DELAY_MS,
      partialPercent: best?.rule.partialPercent ?? DEFAULT_PARTIAL_PERCENT
    }
  }

  rules(): BehaviourRule[] {
    return this.list().map((e) => e.rule)
  }

  /** The rules with their ids, in the order they were last set. */
  list(): RuleEntry[] {
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq).map(({ id, rule }) => ({ id, rule }))
  }

  /** Forgets one rule; false when there is none with that id. */
  remove(id: number): boolean {
    for (const [key, entry] of this.entries) {
      if (entry.id === id) return this.entries.delete(key)
    }
    return false
  }

  clear(): void {
    this.entries.clear()
  }
}
