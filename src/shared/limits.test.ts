import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../main/core/text'
import { availableRange, LIMIT_SOURCES, payoutCoverage, rangeViolation, type Bounds, type LimitSources } from './limits'
import type { ServerText } from './server-text'

// The refusals are texts; these read them in English, as the host's message does.
const words = (text: ServerText | null | undefined) => (text ? inEnglish(text) : text)

const none: Bounds = { lower: 0, upper: 0 }
const sources = (channel: Bounds, service: Bounds, binding: Bounds = none): LimitSources => ({ channel, service, binding })

describe('availableRange: the seed examples', () => {
  it('100–50,000 ∩ 500–20,000 = 500–20,000', () => {
    expect(availableRange(sources({ lower: 100, upper: 50_000 }, { lower: 500, upper: 20_000 }))).toEqual({
      usable: true,
      lower: 500,
      upper: 20_000,
      lowerSource: 'service',
      upperSource: 'service'
    })
  })

  it('100–0 (no upper) ∩ 500–20,000 = 500–20,000', () => {
    expect(availableRange(sources({ lower: 100, upper: 0 }, { lower: 500, upper: 20_000 }))).toEqual({
      usable: true,
      lower: 500,
      upper: 20_000,
      lowerSource: 'service',
      upperSource: 'service'
    })
  })

  it('10,000–50,000 ∩ 100–5,000 = no range, naming both sides and their sources', () => {
    const range = availableRange(sources({ lower: 10_000, upper: 50_000 }, { lower: 100, upper: 5_000 }))
    expect(range).toMatchObject({ usable: false, lower: 10_000, upper: 5_000, lowerSource: 'channel', upperSource: 'service' })
    expect(words(range.reason)).toBe('No available range: the upper limit 5000 (service) is below the lower limit 10000 (channel)')
  })
})

describe('availableRange: rules', () => {
  it('no limit anywhere is any amount', () => {
    expect(availableRange(sources(none, none, none))).toEqual({ usable: true, lower: 0, upper: 0, lowerSource: null, upperSource: null })
  })

  it('the binding narrows both sides, and the reason uses the given amount format', () => {
    const range = availableRange(sources({ lower: 100, upper: 50_000 }, { lower: 500, upper: 20_000 }, { lower: 1_000, upper: 10_000 }))
    expect(range).toMatchObject({ usable: true, lower: 1_000, upper: 10_000, lowerSource: 'binding', upperSource: 'binding' })
    const empty = availableRange(sources({ lower: 0, upper: 300 }, none, { lower: 1_000, upper: 0 }), (m) => (Number(m) / 100).toFixed(2))
    expect(words(empty.reason)).toBe('No available range: the upper limit 3.00 (channel) is below the lower limit 10.00 (binding)')
  })

  it('lower equal to upper is a one-amount range; a tie names the most specific source', () => {
    expect(availableRange(sources({ lower: 500, upper: 0 }, { lower: 0, upper: 500 }))).toMatchObject({ usable: true, lower: 500, upper: 500 })
    expect(availableRange(sources({ lower: 500, upper: 900 }, { lower: 500, upper: 900 }, { lower: 500, upper: 900 }))).toMatchObject({
      lowerSource: 'binding',
      upperSource: 'binding'
    })
    expect(availableRange(sources({ lower: 500, upper: 900 }, { lower: 500, upper: 900 }))).toMatchObject({ lowerSource: 'service', upperSource: 'service' })
  })

  it('refuses negative or fractional bounds', () => {
    expect(() => availableRange(sources({ lower: -1, upper: 0 }, none))).toThrow(RangeError)
    expect(() => availableRange(sources(none, { lower: 0, upper: 1.5 }))).toThrow(RangeError)
  })
})

const bound = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000_000 }))
const boundsArb = fc.record({ lower: bound, upper: bound })
const sourcesArb = fc.record({ channel: boundsArb, service: boundsArb, binding: boundsArb })

describe('availableRange: properties', () => {
  it('the result lies within every non-zero bound, and each side is the extreme of the non-zero bounds', () => {
    fc.assert(
      fc.property(sourcesArb, (s) => {
        const r = availableRange(s)
        const lowers = LIMIT_SOURCES.map((k) => s[k].lower).filter((v) => v !== 0)
        const uppers = LIMIT_SOURCES.map((k) => s[k].upper).filter((v) => v !== 0)
        expect(r.lower).toBe(lowers.length ? Math.max(...lowers) : 0)
        expect(r.upper).toBe(uppers.length ? Math.min(...uppers) : 0)
        for (const v of lowers) expect(r.lower).toBeGreaterThanOrEqual(v)
        for (const v of uppers) expect(r.upper).toBeLessThanOrEqual(v)
      })
    )
  })

  it('the reported source really holds the value, and a side with no limit has no source', () => {
    fc.assert(
      fc.property(sourcesArb, (s) => {
        const r = availableRange(s)
        if (r.lower === 0) expect(r.lowerSource).toBeNull()
        else expect(s[r.lowerSource!].lower).toBe(r.lower)
        if (r.upper === 0) expect(r.upperSource).toBeNull()
        else expect(s[r.upperSource!].upper).toBe(r.upper)
      })
    )
  })

  it('usable ⇔ no upper or lower ≤ upper; an unusable range always says why, naming both sources', () => {
    fc.assert(
      fc.property(sourcesArb, (s) => {
        const r = availableRange(s)
        expect(r.usable).toBe(r.upper === 0 || r.lower <= r.upper)
        if (r.usable) expect(r.reason).toBeUndefined()
        else {
          expect(words(r.reason)).toContain(`${r.upper} (${r.upperSource})`)
          expect(words(r.reason)).toContain(`${r.lower} (${r.lowerSource})`)
        }
      })
    )
  })

  it('is symmetric: permuting which source holds which bounds changes no amount nor usability', () => {
    fc.assert(
      fc.property(sourcesArb, fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]), (s, order) => {
        const list = LIMIT_SOURCES.map((k) => s[k])
        const permuted = { channel: list[order[0]], service: list[order[1]], binding: list[order[2]] }
        const a = availableRange(s)
        const b = availableRange(permuted)
        expect({ usable: b.usable, lower: b.lower, upper: b.upper }).toEqual({ usable: a.usable, lower: a.lower, upper: a.upper })
      })
    )
  })

  it('a source with no limit on either side changes nothing', () => {
    fc.assert(
      fc.property(boundsArb, boundsArb, (channel, service) => {
        const two = availableRange(sources(channel, service))
        const three = availableRange(sources(channel, service, none))
        expect(three).toEqual(two)
      })
    )
  })

  it('every amount inside a usable range passes every source on its own; amounts outside fail with the source named', () => {
    fc.assert(
      fc.property(sourcesArb, fc.integer({ min: 1, max: 1_100_000_000 }), (s, amount) => {
        const r = availableRange(s)
        const violation = rangeViolation(amount, r)
        const fitsAll = LIMIT_SOURCES.every((k) => (s[k].lower === 0 || amount >= s[k].lower) && (s[k].upper === 0 || amount <= s[k].upper))
        expect(violation === null).toBe(fitsAll)
        if (violation && r.usable) expect(words(violation)).toMatch(/\((channel|service|binding) limit\)/)
      })
    )
  })
})

describe('rangeViolation', () => {
  const range = availableRange(sources({ lower: 100, upper: 50_000 }, { lower: 500, upper: 20_000 }))
  it('names the broken side, its source and the range', () => {
    expect(words(rangeViolation(499, range))).toBe('must be at least 500 (service limit); the available range is 500 (service) – 20000 (service)')
    expect(words(rangeViolation(20_001, range))).toBe('must be at most 20000 (service limit); the available range is 500 (service) – 20000 (service)')
    expect(rangeViolation(500, range)).toBeNull()
    expect(rangeViolation(20_000, range)).toBeNull()
    expect(words(rangeViolation(0, range))).toBe('must be greater than 0')
  })
  it('an empty range refuses every amount with its reason', () => {
    const empty = availableRange(sources({ lower: 10_000, upper: 50_000 }, { lower: 100, upper: 5_000 }))
    expect(rangeViolation(7_000, empty)).toEqual(empty.reason)
  })
})

describe('payoutCoverage', () => {
  it('is ok when the channel covers the amount and the merchant covers amount plus fee, exactly at the edge', () => {
    expect(payoutCoverage(10_000, 300, 10_000, 10_300)).toEqual({ ok: true, short: [], channelShortBy: 0, merchantShortBy: 0 })
  })

  it('names the channel when only the channel is short (the fee is not the channel’s to pay)', () => {
    const r = payoutCoverage(10_000, 300, 9_999, 1_000_000)
    expect(r).toMatchObject({ ok: false, short: ['channel'], channelShortBy: 1, merchantShortBy: 0 })
    expect(words(r.reason)).toContain("the channel's available balance 9999 does not cover the amount 10000")
  })

  it('names the merchant when it cannot cover amount plus fee', () => {
    expect(payoutCoverage(10_000, 300, 50_000, 10_299)).toMatchObject({ ok: false, short: ['merchant'], channelShortBy: 0, merchantShortBy: 1 })
  })

  it('names both, and treats a negative balance as covering nothing', () => {
    expect(payoutCoverage(100, 5, -50, -1)).toMatchObject({ ok: false, short: ['channel', 'merchant'], channelShortBy: 150, merchantShortBy: 106 })
  })

  it('property: ok ⇔ channel ≥ amount and merchant ≥ amount + fee; shortfalls are exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: -1e9, max: 2e9 }),
        fc.integer({ min: -1e9, max: 2e9 }),
        (amount, fee, channel, merchant) => {
          const r = payoutCoverage(amount, fee, channel, merchant)
          expect(r.ok).toBe(channel >= amount && merchant >= amount + fee)
          expect(r.channelShortBy).toBe(Math.max(0, amount - channel))
          expect(r.merchantShortBy).toBe(Math.max(0, amount + fee - merchant))
          expect(r.short.includes('channel')).toBe(r.channelShortBy > 0)
          expect(r.short.includes('merchant')).toBe(r.merchantShortBy > 0)
        }
      )
    )
  })
})
