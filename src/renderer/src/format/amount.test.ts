import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../i18n/testing'
import { formatAmount, formatBalance, formatRange, groupDigits, isBelowZero, isNoLimit } from './amount'

const { english, chinese } = fixedTranslators()

describe('amounts', () => {
  it('groups the whole part by thousands and keeps every decimal digit as sent', () => {
    expect(groupDigits('20000.00')).toBe('20,000.00')
    expect(groupDigits('1234567.123456')).toBe('1,234,567.123456')
    expect(groupDigits('-1500.5')).toBe('-1,500.5')
    expect(groupDigits('999')).toBe('999')
    expect(groupDigits('0.00')).toBe('0.00')
    expect(groupDigits('not a number')).toBe('not a number')
  })

  it('writes the currency after the amount', () => {
    expect(formatAmount('50000.00', 'CNY')).toBe('50,000.00 CNY')
    expect(formatAmount('1000000', 'VND')).toBe('1,000,000 VND')
  })

  it('says what a balance below zero means, in both languages', () => {
    expect(['-55.00', '-0.01', ' -1 '].every(isBelowZero)).toBe(true)
    expect(['0.00', '-0.00', '55.00', 'abc'].some(isBelowZero)).toBe(false)
    expect(formatBalance('-1540.00', 'CNY', 'merchant', english)).toBe('-1,540.00 CNY (owes the platform 1,540.00 CNY)')
    expect(formatBalance('-1540.00', 'CNY', 'merchant', chinese)).toBe('-1,540.00 CNY（欠平台 1,540.00 CNY）')
    expect(formatBalance('-290.00', 'CNY', 'channel', english)).toBe('-290.00 CNY (overdrawn at the provider)')
    expect(formatBalance('-290.00', 'CNY', 'channel', chinese)).toBe('-290.00 CNY（渠道余额透支）')
    expect(formatBalance('10.00', 'CNY', 'merchant', english)).toBe('10.00 CNY')
    expect(formatBalance('-0.00', 'CNY', 'merchant', chinese)).toBe('-0.00 CNY')
  })

  it('reads "0" in any form as no limit, and nothing else', () => {
    expect(['0', '0.00', '0.000000', '00'].every(isNoLimit)).toBe(true)
    expect(['0.01', '10', '100.00'].some(isNoLimit)).toBe(false)
  })

  it('writes a range with open sides in both languages', () => {
    expect(formatRange('500.00', '20000.00', 'CNY', english)).toBe('500.00 – 20,000.00 CNY')
    expect(formatRange('100.00', '0.00', 'CNY', english)).toBe('from 100.00 CNY')
    expect(formatRange('0', '5000.00', 'CNY', english)).toBe('up to 5,000.00 CNY')
    expect(formatRange('0.00', '0.00', 'CNY', english)).toBe('no limit')
    expect(formatRange('100.00', '0.00', 'CNY', chinese)).toBe('100.00 CNY 起')
    expect(formatRange('0.00', '0.00', 'CNY', chinese)).toBe('不限')
  })
})
