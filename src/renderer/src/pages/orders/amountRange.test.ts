import { describe, expect, it } from 'vitest'
import { say, term } from '../../../../shared/server-text'
import { translateText } from '../../i18n/messages'
import { fixedTranslators } from '../../i18n/testing'
import { amountProblem, channelReason, rangeHint, waitsForSecondUser, type ChannelOption } from './amountRange'

const { english, chinese } = fixedTranslators()
const source = (side: 'channel' | 'service' | 'binding') => term('limitSource', side)

// The seed's first example: channel 100–50,000 ∩ service 500–20,000.
const cardChannel: ChannelOption = {
  channelId: 1,
  channelName: 'CN UnionPay Direct A',
  usable: true,
  reason: null,
  reasonText: null,
  lower: '500.00',
  upper: '20000.00',
  lowerSource: 'service',
  upperSource: 'service',
  limits: { lower: '100.00', upper: '50000.00' },
  balance: '2000000.00',
  available: '2000000.00'
}

describe('the amount on an order form', () => {
  it('accepts both ends of the range and refuses what lies outside, naming the range and its sources', () => {
    expect(amountProblem('500', cardChannel, 'CNY')).toBeNull()
    expect(amountProblem('20000.00', cardChannel, 'CNY')).toBeNull()
    const below = amountProblem('499.99', cardChannel, 'CNY')!
    // The refusal as the host words it: money as the screens write it.
    expect(translateText(below, english)).toBe('must be at least 500.00 CNY (service limit); the available range is 500.00 CNY (service) – 20,000.00 CNY (service)')
    expect(translateText(amountProblem('20000.01', cardChannel, 'CNY')!, chinese)).toBe(
      '不能高于 20,000.00 CNY（服务限额）；可用范围为 500.00 CNY（服务）– 20,000.00 CNY（服务）'
    )
  })

  it('refuses a malformed amount, too many decimals and zero before the range', () => {
    expect(translateText(amountProblem('12,5', cardChannel, 'CNY')!, english)).toBe('must be an amount such as 100.00')
    expect(translateText(amountProblem('1000.001', cardChannel, 'CNY')!, chinese)).toBe('CNY 最多 2 位小数')
    expect(translateText(amountProblem('0', { ...cardChannel, lower: '0.00' }, 'CNY')!, english)).toBe('must be greater than 0')
  })

  it('translates the host’s refusal (the text of `amount: must be at most …`), and one-sided ranges', () => {
    const host = say('rule.amountAbove', { amount: '50,000.00 CNY', source: source('channel'), range: say('rule.rangeAtMost', { upper: '50,000.00 CNY', upperSource: source('channel') }) })
    expect(translateText(host, chinese)).toBe('不能高于 50,000.00 CNY（通道限额）；可用范围为 不高于 50,000.00 CNY（通道）')
    const open = { ...cardChannel, upper: '0.00', upperSource: null }
    expect(translateText(amountProblem('100', open, 'CNY')!, english)).toBe(
      'must be at least 500.00 CNY (service limit); the available range is at least 500.00 CNY (service)'
    )
  })

  it('shows the range with the source of each side', () => {
    expect(rangeHint(cardChannel, 'CNY', english)).toEqual({ range: '500.00 – 20,000.00 CNY', sides: 'lower limit from the service · upper limit from the service' })
    expect(rangeHint({ ...cardChannel, lower: '0', upper: '0', lowerSource: null, upperSource: null }, 'CNY', chinese).range).toBe('不限')
  })

  it('words an unusable channel from the host’s text', () => {
    const crossing = {
      ...cardChannel,
      usable: false,
      lower: '10000.00',
      upper: '5000.00',
      lowerSource: 'channel',
      reason: 'No available range: the upper limit 5,000.00 CNY (service) is below the lower limit 10,000.00 CNY (channel)',
      reasonText: say('error.pair.noRange', { upper: '5,000.00 CNY', upperSource: source('service'), lower: '10,000.00 CNY', lowerSource: source('channel') })
    }
    expect(channelReason(crossing, chinese)).toBe('无可用范围：上限 5,000.00 CNY（服务）低于下限 10,000.00 CNY（通道）')
    expect(channelReason(crossing, english)).toBe('No available range: the upper limit 5,000.00 CNY (service) is below the lower limit 10,000.00 CNY (channel)')
    const lowBalance = say('error.pair.lowBalance', { name: 'TH SCB Payout', amount: '0.00 THB' })
    expect(channelReason({ ...cardChannel, usable: false, reason: 'channel "TH SCB Payout" has too little balance (0.00 THB available)', reasonText: lowBalance }, chinese)).toBe(
      '通道“TH SCB Payout”余额不足（可用 0.00 THB）'
    )
  })
})

describe('whether a payout waits for a second user', () => {
  it('waits at and over the threshold the host reports, compared in minor units as the host compares', () => {
    expect(waitsForSecondUser('199.99', 'CNY', '200.00')).toBe(false)
    expect(waitsForSecondUser('200', 'CNY', '200.00')).toBe(true)
    expect(waitsForSecondUser('1000', 'JPY', '1000')).toBe(true)
  })

  it('never without a rule, nor for an amount not yet valid', () => {
    expect(waitsForSecondUser('999999', 'CNY', null)).toBe(false)
    expect(waitsForSecondUser('', 'CNY', '0.00')).toBe(false)
    expect(waitsForSecondUser('12abc', 'CNY', '0.00')).toBe(false)
    expect(waitsForSecondUser('1.234', 'CNY', '0.00')).toBe(false)
  })
})
