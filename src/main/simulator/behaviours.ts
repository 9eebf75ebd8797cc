/**
 * Which behaviour applies to an order: rules keyed by merchant and/or amount pattern. The most
 * specific matching rule wins (merchant and pattern > pattern > merchant > everyone), the latest
 * set among equals; nothing matching means `success`. A rule set again for the same merchant and
 * pattern replaces the earlier one.
 */
import { z } from 'zod'
import { BEHAVIOURS, type BehaviourName, type BehaviourRule } from './types'

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
    behaviour: z.enum(BEHAVIOURS, { error: `must be one of ${BEHAVIOURS.join(', ')}` }),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    partialPercent: z.number().gt(0).lt(100).optional()
  })
  .strict()

interface StoredRule {
  rule: BehaviourRule
  regex: RegExp | null
  seq: number
}

export class BehaviourTable {
  private readonly entries = new Map<string, StoredRule>()
  private seq = 0

  set(rule: BehaviourRule): void {
    const key = JSON.stringify([rule.merchantNo ?? null, rule.amountPattern ?? null])
    this.entries.set(key, { rule, regex: rule.amountPattern ? new RegExp(rule.amountPattern) : null, seq: ++this.seq })
  }

  resolve(merchantNo: string, amount: string): ResolvedBehaviour {
    let best: StoredRule | null = null
    let bestScore = -1
    for (const entry of this.entries.values()) {
      const { rule, regex } = entry
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
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq).map((e) => e.rule)
  }

  clear(): void {
    this.entries.clear()
  }
}
