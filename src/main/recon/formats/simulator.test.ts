/**
 * The simulator's statement layout: what `simulatorStatementCsv` writes, the built-in `simulator`
 * profile reads back exactly (amounts, keys, signs, times), with its trailer checked.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES } from '../../../shared/contract/recon-profile'
import { inEnglish } from '../../core/text'
import { readStatement } from './read'
import { simulatorStatementCsv, type SimulatorStatementRow } from './simulator'
import type { StatementLine, StatementReadError } from './types'

const at = Date.parse('2024-05-01T02:00:00.000Z')
const ROWS: SimulatorStatementRow[] = [
  { upstreamNo: 'SIM0001', orderNo: 'PD0001', merchantOrderNo: 'M-1', kind: 'payment', status: 'succeeded', currency: 'CNY', gross: '100.00', fee: '-0.60', net: '99.40', at },
  { upstreamNo: 'SIM0001', orderNo: 'PD0001', merchantOrderNo: 'M-1', refundNo: 'RF0001', kind: 'refund', status: 'succeeded', currency: 'CNY', gross: '-30.00', fee: '0.18', net: '-29.82', at: at + 60_000 },
  { upstreamNo: 'SIM0002', orderNo: 'PD0002', merchantOrderNo: 'a "quoted", value', kind: 'payout', status: 'pending', currency: 'USDT', gross: '-12.345678', fee: '-1.000000', net: '-13.345678', at: at + 120_000 },
  { upstreamNo: '#SIM0003', orderNo: 'PD0003', kind: 'payment', status: 'failed', currency: 'THB', gross: '5', fee: '0', net: '5', at: at + 180_000 }
]

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'recon-sim-')), 'statement.csv')
  writeFileSync(path, text)
  return path
}

describe('simulator statement', () => {
  it('writes the header, one row per line and a trailer with exact totals', () => {
    const text = simulatorStatementCsv(ROWS.slice(0, 2))
    expect(text).toBe(
      [
        'upstream_no,order_no,merchant_order_no,refund_no,kind,status,currency,gross,fee,net,time',
        'SIM0001,PD0001,M-1,,payment,succeeded,CNY,100.00,-0.60,99.40,2024-05-01T02:00:00.000Z',
        'SIM0001,PD0001,M-1,RF0001,refund,succeeded,CNY,-30.00,0.18,-29.82,2024-05-01T02:01:00.000Z',
        '#totals,lines=2,gross=70.00,fee=-0.42,net=69.58',
        ''
      ].join('\n')
    )
  })

  it('is read back exactly by the built-in profile, quoting and all', async () => {
    const lines: StatementLine[] = []
    const result = await readStatement(file(simulatorStatementCsv(ROWS)), BUILT_IN_PROFILES.simulator, { onLine: (l) => void lines.push(l), onProblem: (p) => expect.fail(inEnglish(p.reason)) })
    expect(lines.map((l) => ({ upstreamNo: l.upstreamNo, orderNo: l.orderNo, merchantOrderNo: l.merchantOrderNo, refundNo: l.refundNo, kind: l.kind, status: l.status, currency: l.currency, gross: l.gross, fee: l.fee, net: l.net, at: l.at }))).toEqual(
      ROWS.map((r) => ({ ...r, merchantOrderNo: r.merchantOrderNo ?? null, refundNo: r.refundNo ?? null }))
    )
    expect(lines[1].rowKey).toBe('["refund","SIM0001","RF0001"]')
    expect(result.controls).toEqual([
      { name: 'simulator.totals.count', stated: '4', computed: '4', ok: true },
      { name: 'simulator.totals.gross', stated: '62.654322', computed: '62.654322', ok: true },
      { name: 'simulator.totals.fee', stated: '-1.420000', computed: '-1.420000', ok: true },
      { name: 'simulator.totals.net', stated: '61.234322', computed: '61.234322', ok: true }
    ])
  })

  it('writes an injected wrong trailer as given, which the read then flags', async () => {
    const result = await readStatement(file(simulatorStatementCsv(ROWS.slice(0, 1), { totals: { gross: '100.01' } })), BUILT_IN_PROFILES.simulator)
    expect(result.controls.filter((c) => !c.ok)).toEqual([{ name: 'simulator.totals.gross', stated: '100.01', computed: '100.00', ok: false }])
  })

  it('refuses rows it cannot write faithfully, and a statement read without its trailer is truncated', async () => {
    expect(() => simulatorStatementCsv([{ ...ROWS[0], gross: '1e3' }])).toThrow('simulator statement row 1: gross "1e3" is not a decimal amount')
    const text = simulatorStatementCsv(ROWS).replace(/#totals.*\n$/, '')
    const error = (await readStatement(file(text), BUILT_IN_PROFILES.simulator).catch((e: unknown) => e)) as StatementReadError
    expect(error.code).toBe('controls_missing')
  })
})
