import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { fieldWithControlCharacter } from './control-characters'

describe('fieldWithControlCharacter: the field of the first text with a control character it may not hold', () => {
  it('finds NUL, bell, escape and DEL anywhere, by dotted path; clean input has none', () => {
    expect(fieldWithControlCharacter({ search: 'a\u0000zq' })).toBe('search')
    expect(fieldWithControlCharacter({ fields: { payerName: 'Li\u0007Wei' } })).toBe('fields.payerName')
    expect(fieldWithControlCharacter({ items: [{ name: 'ok' }, { name: 'x\u001b[31m' }] })).toBe('items.1.name')
    expect(fieldWithControlCharacter({ username: 'root\u007f' })).toBe('username')
    expect(fieldWithControlCharacter('\u0001')).toBe('input')
    expect(fieldWithControlCharacter({ search: 'Golden Dragon 金龙', page: 1, tags: ['a', 'b'], none: null })).toBeNull()
  })

  it('takes tab, line feed and carriage return only in multi-line text: reasons, notes, descriptions, credentials, protocol settings', () => {
    expect(fieldWithControlCharacter({ reason: 'Paid twice.\r\nRefund the second.\tThanks' })).toBeNull()
    expect(fieldWithControlCharacter({ id: 1, note: 'line one\nline two' })).toBeNull()
    expect(fieldWithControlCharacter({ credentials: { privateKey: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' } })).toBeNull()
    expect(fieldWithControlCharacter({ adapterConfig: { templates: [{ body: 'a\n{b}' }] } })).toBeNull()
    // Even there, other control characters are refused.
    expect(fieldWithControlCharacter({ reason: 'Paid\u0000 twice' })).toBe('reason')
    expect(fieldWithControlCharacter({ credentials: { key: 'abc\u0008' } })).toBe('credentials.key')
    // Single-line fields refuse the three as well.
    expect(fieldWithControlCharacter({ search: 'a\tb' })).toBe('search')
    expect(fieldWithControlCharacter({ name: 'Golden\nDragon' })).toBe('name')
    expect(fieldWithControlCharacter({ fields: { payerName: 'Li\rWei' } })).toBe('fields.payerName')
    expect(fieldWithControlCharacter({ filters: { remark: 'a\nb' } })).toBe('filters.remark')
  })

  it('leaves the file fields a procedure names to the file’s reader, at the top level only', () => {
    const exported = '{\n\t"format": "x\u007f"\r\n}'
    expect(fieldWithControlCharacter({ text: exported }, ['text'])).toBeNull()
    // Without the procedure naming it, or beside it, or further down, the rule stands.
    expect(fieldWithControlCharacter({ text: exported })).toBe('text')
    expect(fieldWithControlCharacter({ text: exported, name: 'a\nb' }, ['text'])).toBe('name')
    expect(fieldWithControlCharacter({ filters: { text: 'a\nb' } }, ['text'])).toBe('filters.text')
  })

  it('refuses a control character in a key by the path of its object', () => {
    expect(fieldWithControlCharacter({ fields: { 'payer\u0000Name': 'Li Wei' } })).toBe('fields')
    expect(fieldWithControlCharacter({ credentials: { 'sign\nKey': 'x' } })).toBe('credentials')
    expect(fieldWithControlCharacter({ 'a\u0000': 1 })).toBe('input')
  })

  it('leaves values that are not plain data alone, and walks deep nesting without running out of stack', () => {
    expect(fieldWithControlCharacter({ amount: new Decimal('1.5'), at: new Date(0) })).toBeNull()
    let deep: unknown = 'bottom\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(fieldWithControlCharacter({ adapterConfig: deep })).toMatch(/^adapterConfig(\.0)+$/)
  })
})
