/**
 * Bank statements: camt.053 v02 and v08 (credits, debits, a reversal, a batch entry, a charge;
 * TxsSummry and OPBD + credits − debits = CLBD checked) and MT940 (two statements, decimal
 * commas, RC/RD, :86: continuation lines; :60F: + Σ :61: = :62F: checked). Every sign is the
 * booking's direction, applied once.
 */
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { readStatement, type StatementReadError } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { CAMT_ENTRIES, camtXml, MT940, type CamtEntry } from './bank-fixtures'
import { collect, tempFile } from './fixtures'

const day = (text: string) => Date.parse(`${text}T00:00:00Z`)

describe('camt.053', () => {
  for (const version of ['02', '08'] as const) {
    it(`v${version}: reads every entry with its sign, keys and batch, and checks the statement's totals`, async () => {
      const { lines, problems, hooks } = collect()
      const result = await readStatement(tempFile(`stmt${version}.xml`, camtXml({ version })), BUILT_IN_PROFILES.camt053, hooks)
      expect(problems).toEqual([])
      expect(lines.map((l) => [l.kind, l.gross, l.net, l.currency, l.status, l.reversal, l.upstreamNo, l.endToEndId, l.orderNo, l.at, l.valueAt])).toEqual([
        ['payment', '1500.00', '1500.00', 'EUR', 'succeeded', false, 'BANKREF-001', 'E2E-0001', 'PD-ORDER-1', day('2024-05-01'), day('2024-05-01')],
        ['payout', '-250.50', '-250.50', 'EUR', 'succeeded', false, 'BANKREF-002', 'PAYOUT-77', null, day('2024-05-01'), day('2024-05-01')],
        // A reversed payout: money back in (CRDT, as booked), still a payout, marked as the reversal and reversed.
        ['payout', '250.50', '250.50', 'EUR', 'reversed', true, 'BANKREF-003', 'PAYOUT-77', null, day('2024-05-02'), day('2024-05-01')],
        ['payment', '300.00', '300.00', 'EUR', 'succeeded', false, 'BANKREF-004', null, null, day('2024-05-02'), day('2024-05-02')],
        ['fee', '-1.25', '-1.25', 'EUR', 'succeeded', false, 'CHG-1', null, null, day('2024-05-02'), day('2024-05-02')]
      ])
      expect(lines[0].counterparty).toBe('Müller & Söhne')
      expect(lines[0].description).toBe('Invoice 1 thank you')
      expect(lines[3].batch).toEqual({
        count: 2,
        reference: 'BATCH-9',
        items: [
          { endToEndId: 'E2E-A', reference: 'PD-A', amount: '100.00', counterparty: 'Alpha' },
          { endToEndId: 'E2E-B', reference: 'PD-B', amount: '200.00', counterparty: 'Beta' }
        ]
      })
      expect(lines.map((l) => l.rowKey)).toEqual([
        '["camt","CRDT","","ref","BANKREF-001"]',
        '["camt","DBIT","","ref","BANKREF-002"]',
        '["camt","CRDT","R","ref","BANKREF-003"]',
        '["camt","CRDT","","ref","BANKREF-004"]',
        '["camt","DBIT","","stmt","STMT-2024-05-01","CHG-1"]'
      ])
      expect(lines[0].raw[0]).toMatch(/^<Ntry>[\s\S]*<\/Ntry>$/)
      expect(result.statements).toEqual([{ id: 'STMT-2024-05-01', account: 'DE89370400440532013000', currency: 'EUR', lineCount: 5 }])
      expect(result.period).toEqual({ from: Date.parse('2024-04-30T22:00:00Z'), to: Date.parse('2024-05-02T22:00:00Z') })
      expect(result.controls.map((c) => [c.name, c.stated, c.computed, c.ok])).toEqual([
        ['camt.STMT-2024-05-01.TtlNtries.NbOfNtries', '5', '5', true],
        ['camt.STMT-2024-05-01.TtlNtries.Sum', '2302.25', '2302.25', true],
        ['camt.STMT-2024-05-01.TtlCdtNtries.NbOfNtries', '3', '3', true],
        ['camt.STMT-2024-05-01.TtlCdtNtries.Sum', '2050.50', '2050.50', true],
        ['camt.STMT-2024-05-01.TtlDbtNtries.NbOfNtries', '2', '2', true],
        ['camt.STMT-2024-05-01.TtlDbtNtries.Sum', '251.75', '251.75', true],
        ['camt.STMT-2024-05-01.OPBD+entries=CLBD', '2798.75', '2798.75', true]
      ])
    })
  }

  it('shows a closing balance that does not follow from the entries (a sign flipped twice would)', async () => {
    const result = await readStatement(tempFile('stmt.xml', camtXml({ version: '02', closing: '2297.75' })), BUILT_IN_PROFILES.camt053)
    expect(result.controls.filter((c) => !c.ok)).toEqual([{ name: 'camt.STMT-2024-05-01.OPBD+entries=CLBD', stated: '2297.75', computed: '2798.75', ok: false }])
  })

  it('reports an entry whose amount is not a number, and counts only booked entries in the balance', async () => {
    const entries = [{ ...CAMT_ENTRIES[0], amount: '1,500.00' }, { ...CAMT_ENTRIES[1], status: 'PDNG' }, ...CAMT_ENTRIES.slice(2)]
    const { lines, problems, hooks } = collect()
    const result = await readStatement(tempFile('stmt.xml', camtXml({ version: '08', entries, summary: null })), BUILT_IN_PROFILES.camt053, hooks)
    expect(problems.map((p) => [p.field, inEnglish(p.reason)])).toEqual([['Amt', '"1,500.00" is not an amount']])
    expect(problems[0].lineNo).toBeGreaterThan(10)
    // 1000.00 + 250.50 + 300.00 − 1.25: the unreadable entry and the pending one are not in the booked balance.
    expect(lines.map((l) => l.upstreamNo)).toEqual(['BANKREF-003', 'BANKREF-004', 'CHG-1'])
    expect(result.notBooked).toEqual({ PDNG: 1 })
    expect(result.controls).toEqual([{ name: 'camt.STMT-2024-05-01.OPBD+entries=CLBD', stated: '2798.75', computed: '1549.25', ok: false }])
  })

  for (const version of ['02', '08'] as const) {
    it(`v${version}: leaves out the entries not booked (pending, information only) and counts them by status`, async () => {
      // A pending 1500.00 credit and an INFO batch: neither is money moved yet; the statement's totals still list them.
      const entries = [{ ...CAMT_ENTRIES[0], status: 'PDNG' }, CAMT_ENTRIES[1], CAMT_ENTRIES[2], { ...CAMT_ENTRIES[3], status: 'INFO' }, CAMT_ENTRIES[4]]
      const { lines, problems, hooks } = collect()
      const result = await readStatement(tempFile(`pending${version}.xml`, camtXml({ version, entries, closing: '998.75' })), BUILT_IN_PROFILES.camt053, hooks)
      expect(problems).toEqual([])
      expect(lines.map((l) => [l.upstreamNo, l.gross, l.status])).toEqual([
        ['BANKREF-002', '-250.50', 'succeeded'],
        // The reversed payout (RvslInd) is read as reversed, as main's reversal reading has it.
        ['BANKREF-003', '250.50', 'reversed'],
        ['CHG-1', '-1.25', 'succeeded']
      ])
      expect(result.notBooked).toEqual({ PDNG: 1, INFO: 1 })
      expect(result.controls.every((c) => c.ok)).toBe(true)
    })
  }

  for (const version of ['02', '08'] as const) {
    it(`v${version}: reads our order number from the remittance text, the EndToEndId or the InstrId, and never guesses`, async () => {
      const credit = (tx: NonNullable<CamtEntry['tx']>[number], direction: CamtEntry['direction'] = 'CRDT'): CamtEntry => ({ amount: '1.00', direction, booked: '2024-05-01', value: '2024-05-01', code: ['PMNT', 'RCDT', 'ESCT'], tx: [tx] })
      const entries = [
        credit({ e2e: 'E0000000020261128150112345678901', ustrd: ['Pix D202611280000009'] }),
        // Typed in small letters, amid other words: ours, in capitals.
        credit({ ustrd: ['pagamento d202611280000010 obrigado'] }),
        // Two of ours: two orders paid at once, or a mistake; not guessed.
        credit({ ustrd: ['D202611280000011 and D202611280000012'] }),
        // Not of our shape: a digit too many, a letter before.
        credit({ ustrd: ['D2026112800000099', 'XD202611280000013'] }),
        // A payout we instructed: our number is its EndToEndId.
        credit({ e2e: 'P202611280000004' }, 'DBIT'),
        credit({ instrId: 'D202611280000014' }),
        // A creditor reference not of ours: the text's number of ours is; alone, it is kept as stated.
        credit({ ref: 'RF18539007547034', ustrd: ['D202611280000015'] }),
        credit({ ref: 'RF18539007547034' })
      ]
      const { lines, problems, hooks } = collect()
      await readStatement(tempFile(`refs${version}.xml`, camtXml({ version, entries, summary: null, closing: '1006.00' })), BUILT_IN_PROFILES.camt053, hooks)
      expect(problems).toEqual([])
      expect(lines.map((l) => l.orderNo)).toEqual(['D202611280000009', 'D202611280000010', null, null, 'P202611280000004', 'D202611280000014', 'D202611280000015', 'RF18539007547034'])
    })
  }

  it('refuses a file cut inside an entry, a DOCTYPE, and XML that is not camt.053', async () => {
    const xml = camtXml({ version: '02' })
    const cut = xml.slice(0, xml.indexOf('BANKREF-004'))
    const truncated = (await readStatement(tempFile('cut.xml', cut), BUILT_IN_PROFILES.camt053).catch((e: unknown) => e)) as StatementReadError
    expect([truncated.code, truncated.message]).toEqual(['truncated', expect.stringMatching(/ends inside the entry that starts on line \d+/)])
    const doctype = xml.replace('<Document', '<!DOCTYPE Document [<!ENTITY a "aaaa">]>\n<Document')
    expect(await readStatement(tempFile('dtd.xml', doctype), BUILT_IN_PROFILES.camt053).catch((e: StatementReadError) => e.code)).toBe('malformed')
    const camt054 = xml.replace('camt.053.001.02', 'camt.054.001.02')
    expect(await readStatement(tempFile('054.xml', camt054), BUILT_IN_PROFILES.camt053).catch((e: StatementReadError) => e.message)).toMatch(/not a camt\.053 statement/)
  })
})

describe('MT940', () => {
  it('reads two statements: comma decimals, RC/RD as booked, :86: continuation, the year-end entry date', async () => {
    const { lines, problems, hooks } = collect()
    const result = await readStatement(tempFile('stmt.sta', MT940), BUILT_IN_PROFILES.mt940, hooks)
    expect(problems).toEqual([])
    expect(lines.map((l) => [l.lineNo, l.kind, l.gross, l.reversal, l.orderNo, l.upstreamNo, l.endToEndId, l.at, l.valueAt])).toEqual([
      [6, 'payment', '1500.00', false, 'PD-ORDER-1', 'BANKREF-101', 'E2E-0001', day('2024-05-01'), day('2024-05-01')],
      [9, 'payout', '-250.5', false, null, 'BANKREF-102', 'PAYOUT-77', day('2024-05-01'), day('2024-05-01')],
      // RD: a debit reversed, money back in; still a payout.
      [12, 'payout', '250.50', true, null, 'BANKREF-103', null, day('2024-05-02'), day('2024-05-02')],
      [14, 'fee', '-1.25', false, null, null, null, day('2024-05-02'), day('2024-05-02')],
      [22, 'payment', '100', false, 'PD-ORDER-2', 'BANKREF-201', null, day('2024-05-03'), day('2024-05-03')],
      // RC: a credit reversed, money out.
      [24, 'payment', '-100', true, 'PD-ORDER-2', 'BANKREF-202', null, day('2024-05-03'), day('2024-05-03')],
      // Value date 1 January 2025, entry date 31 December: the year before.
      [25, 'payment', '5.00', false, null, null, null, day('2024-12-31'), day('2025-01-01')]
    ])
    // A reversal took back what its original moved: reversed, never a second success.
    expect(lines.map((l) => l.status)).toEqual(['succeeded', 'succeeded', 'reversed', 'succeeded', 'succeeded', 'reversed', 'succeeded'])
    expect(lines.every((l) => l.currency === 'EUR')).toBe(true)
    expect(lines[0].counterparty).toBe('Mueller und Soehne GmbH')
    expect(lines[0].description).toBe('Invoice 1')
    expect(lines[1].counterparty).toBe('Supplier GmbH')
    expect(lines[1].description).toBe('Payout May PAYOUT BATCH 7')
    expect(lines[2].description).toBe('Return of payout PAYOUT-77')
    expect(lines.map((l) => l.rowKey)).toEqual([
      '["mt940","C","ref","BANKREF-101"]',
      '["mt940","D","ref","BANKREF-102"]',
      '["mt940","RD","ref","BANKREF-103"]',
      '["mt940","D","seq","DE89370400440532013000","00036/001","4","240502","1.25"]',
      '["mt940","C","ref","BANKREF-201"]',
      '["mt940","RC","ref","BANKREF-202"]',
      '["mt940","C","seq","DE89370400440532013000","00037/001","3","250101","5.00"]'
    ])
    expect(result.statements.map((s) => [s.id, s.account, s.currency, s.lineCount])).toEqual([
      ['STMT240501/00036/001', 'DE89370400440532013000', 'EUR', 4],
      ['STMT240503/00037/001', 'DE89370400440532013000', 'EUR', 3]
    ])
    expect(result.controls).toEqual([
      { name: 'mt940.STMT240501/00036/001.60F+61=62F', stated: '2498.75', computed: '2498.75', ok: true },
      { name: 'mt940.STMT240503/00037/001.60F+61=62F', stated: '2503.75', computed: '2503.75', ok: true }
    ])
    // From the day after the first opening balance (dated the previous statement's close) to the day after the last closing.
    expect(result.period).toEqual({ from: day('2024-05-01'), to: day('2025-01-02') })
  })

  it('reads our order number from the :86: purpose or EREF when the owner reference is not one', async () => {
    const text = [
      ':20:STMT-PIX',
      ':25:BR1800360305000010009795493C1',
      ':28C:00012/001',
      ':60F:C261127BRL0,00',
      ':61:2611281128C150,00NTRFNONREF//PIX-1',
      ':86:/EREF/E0000000020261128150112345678901/NAME/Ana Souza/REMI/Pix D202611280000009',
      ':61:2611281128C20,00NTRFNONREF//PIX-2',
      ':86:?20EREF+NOTPROVIDED?21SVWZ+Pedido d202611280000010',
      ':61:2611281128D30,00NTRFNONREF//PIX-3',
      ':86:/EREF/P202611280000004/REMI/Payout',
      ':61:2611281128C5,00NTRFPD-ORDER-9//PIX-4',
      ':86:/REMI/D202611280000011 D202611280000012',
      ':62F:C261128BRL145,00',
      '-'
    ].join('\r\n')
    const { lines, problems, hooks } = collect()
    await readStatement(tempFile('pix.sta', text), BUILT_IN_PROFILES.mt940, hooks)
    expect(problems).toEqual([])
    expect(lines.map((l) => l.orderNo)).toEqual(['D202611280000009', 'D202611280000010', 'P202611280000004', 'PD-ORDER-9'])
  })

  it('keys a line without a bank reference by account, statement number and position, never by :20:', async () => {
    const keys = async (text: string) => {
      const { lines, hooks } = collect()
      await readStatement(tempFile('k.sta', text), BUILT_IN_PROFILES.mt940, hooks)
      return lines.map((l) => l.rowKey)
    }
    const first = await keys(MT940)
    // The same statements sent again under new message references: the same lines.
    expect(await keys(MT940.replace(':20:STMT240501', ':20:STMT240501-RESEND').replace(':20:STMT240503', ':20:RESEND-2'))).toEqual(first)
    // Another account's statement of the same number, position, day and amount: another line.
    const other = await keys(MT940.replaceAll(':25:DE89370400440532013000', ':25:DE02120300000000202051'))
    expect(other[3]).not.toBe(first[3])
    // The same position in next year's statement 00036 (a number started again): another line.
    const nextYear = await keys(MT940.replace(':61:2405020502D1,25NCHGNONREF', ':61:2505020502D1,25NCHGNONREF'))
    expect(nextYear[3]).not.toBe(first[3])
  })

  it('gives consecutive daily statements periods that meet, never overlap', async () => {
    const [first, second] = MT940.split('\r\n:20:STMT240503')
    const one = await readStatement(tempFile('d1.sta', first.replace('-}', '-}\r\n')), BUILT_IN_PROFILES.mt940)
    const two = await readStatement(tempFile('d2.sta', `:20:STMT240503${second}`), BUILT_IN_PROFILES.mt940)
    expect(one.period).toEqual({ from: day('2024-05-01'), to: day('2024-05-03') })
    // Its opening balance is dated 2 May, the first statement's close: it starts on the 3rd.
    expect(two.period?.from).toBe(day('2024-05-03'))
    expect(one.period!.to).toBeLessThanOrEqual(two.period!.from)
  })

  it('shows a closing balance that disagrees, and refuses a statement without one as truncated', async () => {
    const wrong = await readStatement(tempFile('w.sta', MT940.replace(':62F:C240502EUR2498,75', ':62F:C240502EUR2498,76')), BUILT_IN_PROFILES.mt940)
    expect(wrong.controls[0]).toEqual({ name: 'mt940.STMT240501/00036/001.60F+61=62F', stated: '2498.76', computed: '2498.75', ok: false })
    const cut = MT940.slice(0, MT940.indexOf(':62F:C250101'))
    const error = (await readStatement(tempFile('cut.sta', cut), BUILT_IN_PROFILES.mt940).catch((e: unknown) => e)) as StatementReadError
    expect([error.code, error.message]).toEqual(['truncated', 'Statement STMT240503/00037/001 (line 18) has no closing balance :62F:: the file is truncated or not a complete MT940'])
  })
})
