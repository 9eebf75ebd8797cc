/**
 * Generic CSV statements: UTF-8 with and without a byte-order mark, GBK, `;` with decimal commas
 * and thousands dots, a bank export with a preamble (Banco Inter's shape, ISO-8859-1), the
 * income/expense and debit/credit sign conventions, and a quoted value spanning lines.
 */
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { readStatement } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES, reconProfile, type ReconProfileInput } from '../../../src/shared/contract/recon-profile'
import { collect, gbk, tempFile } from './fixtures'

const generic = BUILT_IN_PROFILES.generic_csv
const utc = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`)

const GENERIC = [
  'date,reference,order_no,type,amount,fee,currency,counterparty,description',
  '2024-05-01 08:00:00,TX-1,PD-1,payment,1500.00,-4.50,USD,ACME Corp,first',
  '2024-05-01 09:30:00,TX-2,PD-1,refund,-200.00,0.60,USD,ACME Corp,',
  '2024-05-01 10:00:00,TX-3,,payout,-1000.00,-2.00,USD,,weekly payout'
].join('\n')

const profile = (input: Partial<ReconProfileInput>) => reconProfile.parse({ ...generic, ...input })

describe('generic CSV', () => {
  it('reads UTF-8 with and without a byte-order mark to the same lines', async () => {
    const plain = collect()
    const withBom = collect()
    const a = await readStatement(tempFile('a.csv', GENERIC), generic, plain.hooks)
    const b = await readStatement(tempFile('b.csv', '\uFEFF' + GENERIC), generic, withBom.hooks)
    expect([a.encoding, a.encodingSource, b.encoding, b.encodingSource]).toEqual(['utf-8', 'detected', 'utf-8', 'bom'])
    expect(b.header[0]).toBe('date')
    expect(withBom.lines).toEqual(plain.lines)
    expect(plain.lines.map((l) => [l.lineNo, l.kind, l.upstreamNo, l.orderNo, l.gross, l.fee, l.currency, l.at, l.counterparty, l.description])).toEqual([
      [2, 'payment', 'TX-1', 'PD-1', '1500.00', '-4.50', 'USD', utc('2024-05-01 08:00:00'), 'ACME Corp', 'first'],
      [3, 'refund', 'TX-2', 'PD-1', '-200.00', '0.60', 'USD', utc('2024-05-01 09:30:00'), 'ACME Corp', null],
      [4, 'payout', 'TX-3', null, '-1000.00', '-2.00', 'USD', utc('2024-05-01 10:00:00'), null, 'weekly payout']
    ])
    expect(plain.lines[0].rowKey).toBe('["payment","TX-1"]')
    expect(a.controls).toEqual([])
  })

  it('detects GBK from the bytes and reads Chinese values', async () => {
    const text = GENERIC.replace('ACME Corp,first', '上海某某科技有限公司,首笔').replace('weekly payout', '周结算')
    const { lines, hooks } = collect()
    const result = await readStatement(tempFile('gbk.csv', gbk(text)), generic, hooks)
    expect(result.encoding).toBe('gb18030')
    expect(lines[0].counterparty).toBe('上海某某科技有限公司')
    expect(lines[2].description).toBe('周结算')
  })

  it('reads `;` files with decimal commas and thousands dots, and refuses a wrongly grouped number', async () => {
    const text = ['date;reference;amount;currency', '01/05/2024;A1;1.234.567,89;EUR', '02/05/2024;A2;-0,5;EUR', '03/05/2024;A3;12.34,00;EUR', '04/05/2024;A4;(1.000,00);EUR'].join('\r\n')
    const p = profile({ delimiter: ';', decimalSeparator: ',', thousandsSeparator: '.', dateFormat: 'dd/MM/yyyy', timeZone: 'Europe/Berlin' })
    const { lines, problems, hooks } = collect()
    await readStatement(tempFile('semi.csv', text), p, hooks)
    expect(lines.map((l) => [l.upstreamNo, l.gross, l.at])).toEqual([
      ['A1', '1234567.89', Date.parse('2024-04-30T22:00:00Z')],
      ['A2', '-0.5', Date.parse('2024-05-01T22:00:00Z')],
      ['A4', '-1000.00', Date.parse('2024-05-03T22:00:00Z')]
    ])
    expect(problems.map((p) => [p.lineNo, p.field, inEnglish(p.reason)])).toEqual([[4, 'gross', '"12.34,00" is not an amount']])
  })

  it('reads a bank export with a preamble in ISO-8859-1, finding its header by anchors (Banco Inter)', async () => {
    const text = [
      'Extrato Conta Corrente ',
      'Conta ;12345678',
      'Período ;01/05/2024 a 31/05/2024',
      'Saldo ;10.000,00',
      '',
      'Data Lançamento;Histórico;Descrição;Valor;Saldo',
      '02/05/2024;Pix recebido;João da Silva;250,00;10.250,00',
      '03/05/2024;Pix enviado;Padaria São José;-1.250,50;8.999,50'
    ].join('\r\n')
    const p = reconProfile.parse({
      format: 'csv',
      encoding: 'iso-8859-1',
      delimiter: ';',
      headerAnchors: ['Data Lançamento', 'Valor'],
      columns: { time: 'Data Lançamento', gross: 'Valor', counterparty: 'Descrição', description: 'Histórico' },
      decimalSeparator: ',',
      thousandsSeparator: '.',
      dateFormat: 'dd/MM/yyyy',
      timeZone: 'America/Sao_Paulo',
      currency: 'BRL',
      defaultKind: 'settlement',
      rowKey: ['time', 'gross', 'counterparty']
    })
    const { lines, problems, hooks } = collect()
    const result = await readStatement(tempFile('inter.csv', iconv.encode(text, 'latin1')), p, hooks)
    expect(problems).toEqual([])
    expect(result.headerRow).toBe(6)
    expect(lines.map((l) => [l.lineNo, l.gross, l.counterparty, l.currency, l.at])).toEqual([
      [7, '250.00', 'João da Silva', 'BRL', Date.parse('2024-05-02T03:00:00Z')],
      [8, '-1250.50', 'Padaria São José', 'BRL', Date.parse('2024-05-03T03:00:00Z')]
    ])
    expect(lines[0].rowKey).toBe(JSON.stringify([String(Date.parse('2024-05-02T03:00:00Z')), '250.00', 'João da Silva']))
  })

  it('folds income and expense columns into one signed amount (Alipay fund flow), refusing a row with both', async () => {
    const text = [
      '账务流水号,业务流水号,商户订单号,发生时间,收入金额（+元）,支出金额（-元）,业务类型',
      '20190916001,B1,PD-1,2019-09-16 10:00:00,100.00,0.00,在线支付',
      '20190916002,B2,,2019-09-16 11:00:00,0.00,-0.60,收费',
      '20190916003,B3,,2019-09-16 12:00:00,5.00,-5.00,在线支付'
    ].join('\n')
    const p = reconProfile.parse({
      format: 'csv',
      columns: { upstreamNo: '账务流水号', orderNo: '商户订单号', time: '发生时间', income: '收入金额(+元)', expense: '支出金额(-元)', kind: '业务类型' },
      sign: { mode: 'income_expense' },
      kinds: { 在线支付: 'payment', 收费: 'fee' },
      currency: 'CNY',
      rowKey: ['upstreamNo']
    })
    const { lines, problems, hooks } = collect()
    await readStatement(tempFile('flow.csv', gbk(text)), p, hooks)
    expect(lines.map((l) => [l.upstreamNo, l.kind, l.gross])).toEqual([
      ['20190916001', 'payment', '100.00'],
      ['20190916002', 'fee', '-0.60']
    ])
    expect(problems.map((p) => [p.lineNo, inEnglish(p.reason)])).toEqual([[4, 'both income and expense are stated']])
  })

  it('signs unsigned amounts by a debit/credit column, inverted when the file speaks for the other side', async () => {
    const text = ['ref,amount,dc', 'R1,10.00,CR', 'R2,4.00,DR', 'R3,-1.00,DR', 'R4,1.00,X'].join('\n')
    const base = { format: 'csv', columns: { upstreamNo: 'ref', gross: 'amount', debitCredit: 'dc' }, defaultKind: 'settlement', currency: 'EUR', rowKey: ['upstreamNo'] } as const
    const read = async (invert: boolean) => {
      const { lines, problems, hooks } = collect()
      await readStatement(tempFile('dc.csv', text), reconProfile.parse({ ...base, sign: { mode: 'indicator', credit: ['CR'], debit: ['DR'], invert } }), hooks)
      return { gross: lines.map((l) => l.gross), problems: problems.map((p) => [p.lineNo, p.field]) }
    }
    expect(await read(false)).toEqual({ gross: ['10.00', '-4.00'], problems: [[4, 'gross'], [5, 'debitCredit']] })
    expect((await read(true)).gross).toEqual(['-10.00', '4.00'])
  })

  it('keeps a quoted value spanning lines whole, a stray quote as text, and the line numbers after them right', async () => {
    const text = [
      'date,reference,amount,currency,description',
      '2024-05-01 08:00:00,Q1,1.00,USD,"two',
      'lines, with a comma"',
      '2024-05-01 09:00:00,Q2,2.00,USD,5" screen',
      '2024-05-01 10:00:00,Q3,3.00,USD,"say ""hi"""'
    ].join('\n')
    const { lines, problems, hooks } = collect()
    await readStatement(tempFile('quoted.csv', text), generic, hooks)
    expect(problems).toEqual([])
    expect(lines.map((l) => [l.lineNo, l.upstreamNo, l.description])).toEqual([
      [2, 'Q1', 'two\nlines, with a comma'],
      [4, 'Q2', '5" screen'],
      [5, 'Q3', 'say "hi"']
    ])
  })
})
