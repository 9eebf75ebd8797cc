import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES } from '../../../../../shared/contract/recon-profile'
import { columnValues, fieldOfHeader, mapHeader, mapRows, missingMappings, rowsMap, withColumns, withMappedHeader, withSignMode } from './draft'

const alipay = BUILT_IN_PROFILES.alipay_trade

describe('the profile draft', () => {
  it('finds a header column’s field as the reader compares headers (full- and half-width alike)', () => {
    expect(fieldOfHeader(alipay.columns, '订单金额(元)')).toBe('gross')
    expect(fieldOfHeader(alipay.columns, ' 支付宝交易号\t')).toBe('upstreamNo')
    expect(fieldOfHeader(alipay.columns, '门店编号')).toBeNull()
  })

  it('maps a column to a field: the field names it alone, and the column leaves its old field', () => {
    const moved = mapHeader(alipay.columns, '交易完成时间', 'time')
    expect(moved.time).toBe('交易完成时间')
    const swapped = mapHeader(alipay.columns, '商户订单号', 'merchantOrderNo')
    expect(swapped.merchantOrderNo).toBe('商户订单号')
    expect(swapped.orderNo).toBeUndefined()
    // An alternative among several is dropped; the others stay in order.
    expect(mapHeader(alipay.columns, '服务费（元）', null).fee).toEqual(['手续费（元）', '服务费'])
    expect(mapHeader({ gross: '金额' }, '金额', null)).toEqual({})
  })

  it('takes the gross from income and expense columns once they are chosen: the layout\'s amount column is no longer asked for', () => {
    const generic = BUILT_IN_PROFILES.generic_csv
    const changed = { ...generic, ...withSignMode(generic, 'income_expense') }
    expect(changed.sign).toEqual({ mode: 'income_expense', invert: false })
    expect(changed.columns.gross).toBeUndefined()
    expect(missingMappings(changed, ['date', 'reference', 'income', 'expense', 'currency']).map((m) => m.field)).not.toContain('gross')
    // Back to one signed column: nothing else changes.
    expect(withSignMode(generic, 'indicator').sign).toEqual({ mode: 'indicator', credit: ['C'], debit: ['D'], invert: false })
    expect(withSignMode(generic, 'signed').columns).toBe(generic.columns)
  })

  it('says which mapped fields the sample lacks, and which of them may be absent', () => {
    const header = ['支付宝交易号', '商户订单号', '业务类型', '交易完成时间', '订单金额（元）', '服务费（元）', '退款批次号/请求号', '商品名称', '对方账户']
    expect(missingMappings(alipay, header)).toEqual([
      { field: 'net', texts: ['实收净额（元）'], optional: true },
      { field: 'time', texts: ['完成时间'], optional: false }
    ])
    const fixed = withColumns(alipay, mapHeader(mapHeader(alipay.columns, '交易完成时间', 'time'), '实收净额（元）', null))
    expect(missingMappings(fixed, header)).toEqual([])
    expect(fixed.optionalColumns).toEqual(['counterparty', 'description'])
  })

  it('requires a column the user mapped, though the layout it started from calls that field optional', () => {
    const generic = BUILT_IN_PROFILES.generic_csv
    expect(generic.optionalColumns).toEqual(expect.arrayContaining(['orderNo', 'fee']))
    const mapped = withMappedHeader(withMappedHeader(generic, '平台订单号', 'orderNo'), '手续费（元）', 'fee')
    expect(mapped.columns).toMatchObject({ orderNo: '平台订单号', fee: '手续费（元）' })
    expect(mapped.optionalColumns).not.toContain('orderNo')
    expect(mapped.optionalColumns).not.toContain('fee')
    // What the user did not touch keeps the layout's word; a column unmapped asks for nothing.
    expect(mapped.optionalColumns).toContain('net')
    expect(withMappedHeader(mapped, '手续费（元）', null).columns.fee).toBeUndefined()
    // A later file that renamed both: both are missing, neither may be absent.
    expect(missingMappings(mapped, ['date', 'reference', '商户单号', 'amount', '服务费（元）']).filter((m) => !m.optional).map((m) => m.field)).toEqual(['orderNo', 'fee'])
  })

  it('edits a value map as rows, dropping empty values', () => {
    expect(mapRows(alipay.kinds)).toEqual([{ value: '交易', to: 'payment' }, { value: '退款', to: 'refund' }])
    expect(rowsMap([{ value: ' 交易 ', to: 'payment' }, { value: '', to: 'refund' }])).toEqual({ 交易: 'payment' })
  })

  it('lists a column’s values from the data rows only', () => {
    const rows = [
      { lineNo: 1, cells: ['#账号'] },
      { lineNo: 2, cells: ['号', '业务类型'] },
      { lineNo: 3, cells: ['1', '交易'] },
      { lineNo: 4, cells: ['2', '退款'] },
      { lineNo: 5, cells: ['3', '交易'] },
      { lineNo: 6, cells: ['#交易合计'] }
    ]
    expect(columnValues(rows, 2, ['号', '业务类型'], '业务类型')).toEqual(['交易', '退款'])
    expect(columnValues(rows, null, null, '业务类型')).toEqual([])
  })
})
