/**
 * Bank statements made by the tests: camt.053 in its v02 (SEPA/CGI) and v08 (CBPR+) shapes, and
 * MT940 with two statements in one file. Amounts and totals are written by hand.
 */

export interface CamtEntry {
  amount: string
  direction: 'CRDT' | 'DBIT'
  reversal?: boolean
  status?: string
  booked: string
  value: string
  acctSvcrRef?: string
  ntryRef?: string
  code: [string, string, string]
  tx?: { e2e?: string; instrId?: string; ref?: string; ustrd?: string[]; party?: string; amount?: string }[]
  batch?: { count: number; pmtInfId: string }
}

/** Four payments and a charge, one of them a batch and one a reversal; OPBD 1000.00 → CLBD 2798.75. */
export const CAMT_ENTRIES: CamtEntry[] = [
  { amount: '1500.00', direction: 'CRDT', booked: '2024-05-01', value: '2024-05-01', acctSvcrRef: 'BANKREF-001', code: ['PMNT', 'RCDT', 'ESCT'], tx: [{ e2e: 'E2E-0001', ref: 'PD-ORDER-1', ustrd: ['Invoice 1', 'thank you'], party: 'Müller &amp; Söhne' }] },
  { amount: '250.50', direction: 'DBIT', booked: '2024-05-01', value: '2024-05-01', acctSvcrRef: 'BANKREF-002', code: ['PMNT', 'ICDT', 'ESCT'], tx: [{ e2e: 'PAYOUT-77', party: 'Supplier GmbH' }] },
  { amount: '250.50', direction: 'CRDT', reversal: true, booked: '2024-05-02', value: '2024-05-01', acctSvcrRef: 'BANKREF-003', code: ['PMNT', 'ICDT', 'RRTN'], tx: [{ e2e: 'PAYOUT-77', party: 'Supplier GmbH' }] },
  {
    amount: '300.00',
    direction: 'CRDT',
    booked: '2024-05-02',
    value: '2024-05-02',
    acctSvcrRef: 'BANKREF-004',
    code: ['PMNT', 'RCDT', 'ESCT'],
    batch: { count: 2, pmtInfId: 'BATCH-9' },
    tx: [
      { e2e: 'E2E-A', ref: 'PD-A', amount: '100.00', party: 'Alpha' },
      { e2e: 'E2E-B', ref: 'PD-B', amount: '200.00', party: 'Beta' }
    ]
  },
  { amount: '1.25', direction: 'DBIT', booked: '2024-05-02', value: '2024-05-02', ntryRef: 'CHG-1', code: ['ACMT', 'MDOP', 'CHRG'] }
]

export interface CamtOptions {
  version: '02' | '08'
  /** The account's currency, and every amount's (EUR). */
  currency?: string
  /** Stmt/Id (STMT-2024-05-01). */
  statementId?: string
  entries?: CamtEntry[]
  summary?: { count: string; sum: string; credits: [string, string]; debits: [string, string] } | null
  closing?: string
}

function entryXml(e: CamtEntry, version: '02' | '08', currency = 'EUR'): string {
  const status = version === '02' ? `<Sts>${e.status ?? 'BOOK'}</Sts>` : `<Sts><Cd>${e.status ?? 'BOOK'}</Cd></Sts>`
  const party = (name: string | undefined, role: 'Dbtr' | 'Cdtr') => (name ? (version === '02' ? `<${role}><Nm>${name}</Nm></${role}>` : `<${role}><Pty><Nm>${name}</Nm></Pty></${role}>`) : '')
  const txs = (e.tx ?? [])
    .map(
      (t) => `
          <TxDtls>
            <Refs>${t.instrId ? `<InstrId>${t.instrId}</InstrId>` : ''}${t.e2e ? `<EndToEndId>${t.e2e}</EndToEndId>` : ''}</Refs>
            ${t.amount ? `<AmtDtls><TxAmt><Amt Ccy="${currency}">${t.amount}</Amt></TxAmt></AmtDtls>` : ''}
            <RltdPties>${party(t.party, e.direction === 'CRDT' ? 'Dbtr' : 'Cdtr')}</RltdPties>
            <RmtInf>${(t.ustrd ?? []).map((u) => `<Ustrd>${u}</Ustrd>`).join('')}${t.ref ? `<Strd><CdtrRefInf><Ref>${t.ref}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>
          </TxDtls>`
    )
    .join('')
  return `
      <Ntry>
        ${e.ntryRef ? `<NtryRef>${e.ntryRef}</NtryRef>` : ''}
        <Amt Ccy="${currency}">${e.amount}</Amt>
        <CdtDbtInd>${e.direction}</CdtDbtInd>
        ${e.reversal ? '<RvslInd>true</RvslInd>' : ''}
        ${status}
        <BookgDt><Dt>${e.booked}</Dt></BookgDt>
        <ValDt><Dt>${e.value}</Dt></ValDt>
        ${e.acctSvcrRef ? `<AcctSvcrRef>${e.acctSvcrRef}</AcctSvcrRef>` : ''}
        <BkTxCd><Domn><Cd>${e.code[0]}</Cd><Fmly><Cd>${e.code[1]}</Cd><SubFmlyCd>${e.code[2]}</SubFmlyCd></Fmly></Domn></BkTxCd>
        ${e.tx || e.batch ? `<NtryDtls>${e.batch ? `<Btch><PmtInfId>${e.batch.pmtInfId}</PmtInfId><NbOfTxs>${e.batch.count}</NbOfTxs></Btch>` : ''}${txs}</NtryDtls>` : ''}
      </Ntry>`
}

export function camtXml(options: CamtOptions): string {
  const { version } = options
  const currency = options.currency ?? 'EUR'
  const summary =
    options.summary === null
      ? ''
      : (() => {
          const s = options.summary ?? { count: '5', sum: '2302.25', credits: ['3', '2050.50'], debits: ['2', '251.75'] }
          return `<TxsSummry><TtlNtries><NbOfNtries>${s.count}</NbOfNtries><Sum>${s.sum}</Sum></TtlNtries><TtlCdtNtries><NbOfNtries>${s.credits[0]}</NbOfNtries><Sum>${s.credits[1]}</Sum></TtlCdtNtries><TtlDbtNtries><NbOfNtries>${s.debits[0]}</NbOfNtries><Sum>${s.debits[1]}</Sum></TtlDbtNtries></TxsSummry>`
        })()
  const balance = (code: string, amount: string, date: string) => `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-20240502</MsgId><CreDtTm>2024-05-02T18:00:00+02:00</CreDtTm></GrpHdr>
    <!-- a comment that mentions <Ntry> must not open an entry -->
    <Stmt>
      <Id>${options.statementId ?? 'STMT-2024-05-01'}</Id>
      <ElctrncSeqNb>121</ElctrncSeqNb>
      <CreDtTm>2024-05-02T18:00:00+02:00</CreDtTm>
      <FrToDt><FrDtTm>2024-05-01T00:00:00+02:00</FrDtTm><ToDtTm>2024-05-03T00:00:00+02:00</ToDtTm></FrToDt>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>${currency}</Ccy></Acct>
      ${balance('OPBD', '1000.00', '2024-04-30')}
      ${balance('CLBD', options.closing ?? '2798.75', '2024-05-02')}
      ${summary}${(options.entries ?? CAMT_ENTRIES).map((e) => entryXml(e, version, currency)).join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`
}

/** Two statements, the first inside a SWIFT block wrapper: comma decimals, RC/RD, :86: continuation, a year-end entry date. */
export const MT940 = [
  '{1:F01BANKDEFFAXXX0000000000}{2:O9401200240502BANKDEFFAXXX00000000002405021200N}{4:',
  ':20:STMT240501',
  ':25:DE89370400440532013000',
  ':28C:00036/001',
  ':60F:C240430EUR1000,00',
  ':61:2405010501C1500,00NTRFPD-ORDER-1//BANKREF-101',
  ':86:166?00SEPA-GUTSCHRIFT?20EREF+E2E-0001?21SVWZ+Invoice 1?32Mueller und Soeh',
  '?33ne GmbH',
  ':61:2405010501D250,5NTRFNONREF//BANKREF-102',
  'PAYOUT BATCH 7',
  ':86:/EREF/PAYOUT-77/NAME/Supplier GmbH/REMI/Payout May',
  ':61:2405020502RD250,50NTRFNONREF//BANKREF-103',
  ':86:Return of payout PAYOUT-77',
  ':61:2405020502D1,25NCHGNONREF',
  ':86:Account fee',
  ':62F:C240502EUR2498,75',
  '-}',
  ':20:STMT240503',
  ':25:DE89370400440532013000',
  ':28C:00037/001',
  ':60F:C240502EUR2498,75',
  ':61:2405030503C100,NTRFPD-ORDER-2//BANKREF-201',
  ':86:?20EREF+NOTPROVIDED?21SVWZ+Order 2 payment',
  ':61:2405030503RC100,NTRFPD-ORDER-2//BANKREF-202',
  ':61:2501011231C5,00NMSCNONREF',
  ':86:Interest',
  ':62F:C250101EUR2503,75',
  '-'
].join('\r\n')
