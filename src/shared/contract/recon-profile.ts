/**
 * A statement profile: how to read one source's files (a channel's bills, a bank account's
 * statements) into normalized lines. The profile editor (renderer) and the reader
 * (src/main/recon/formats/) share this schema; the lead's recon domain saves it as versions.
 *
 * Header texts are compared after `normalize('NFKC').trim()` on both sides, so full- and
 * half-width forms (`订单金额（元）` / `订单金额(元)`) are the same column. Amounts are read as exact
 * decimal strings, signed from the merchant's account: money in positive, money out negative (a
 * refund's gross, a payout, a fee charged); a fee returned is positive.
 *
 * Imports nothing but zod: the renderer loads it.
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'

export const STATEMENT_FORMATS = ['csv', 'xlsx', 'camt053', 'mt940'] as const
export const BUILT_IN_PROFILE_NAMES = ['generic_csv', 'alipay_trade', 'wechat_trade', 'camt053', 'mt940', 'simulator'] as const
/** `auto`: byte-order mark, else strict UTF-8, else GB18030 (CSV) or Windows-1252 (MT940), always confirmed by the header anchors. GBK is read as GB18030 (its superset). */
export const STATEMENT_ENCODINGS = ['auto', 'utf-8', 'gb18030', 'iso-8859-1'] as const
export const LINE_KINDS = ['payment', 'refund', 'payout', 'fee', 'settlement'] as const
export const LINE_STATUSES = ['succeeded', 'failed', 'pending', 'refunded', 'reversed'] as const
export const AMOUNT_FIELDS = ['gross', 'fee', 'net'] as const
/** Fields a column can be mapped to. `income`/`expense` and `debitCredit` serve the sign conventions. */
export const COLUMN_FIELDS = [
  'orderNo', 'merchantOrderNo', 'upstreamNo', 'refundNo', 'kind', 'gross', 'fee', 'net', 'currency', 'time', 'status',
  'counterparty', 'description', 'income', 'expense', 'debitCredit'
] as const
/** Fields a row key can be built from (CSV and XLSX; bank formats have their own rule). */
export const ROW_KEY_FIELDS = ['kind', 'status', 'orderNo', 'merchantOrderNo', 'upstreamNo', 'refundNo', 'currency', 'gross', 'time', 'counterparty', 'description'] as const

export type StatementFormat = (typeof STATEMENT_FORMATS)[number]
export type LineKind = (typeof LINE_KINDS)[number]
export type LineStatus = (typeof LINE_STATUSES)[number]
export type AmountField = (typeof AMOUNT_FIELDS)[number]
export type ColumnField = (typeof COLUMN_FIELDS)[number]

const text = (max: number) => z.string().trim().min(1, ruleMessage('rule.required')).max(max, ruleMessage('rule.maxChars', { n: max }))
const headerText = text(200)
/** One header text, or alternatives (the first present is used): channels rename columns between layout variants. */
const columnRef = z.union([headerText, z.array(headerText).min(1, ruleMessage('rule.headerTextNeeded')).max(10, ruleMessage('rule.maxAlternatives', { n: 10 }))])
export type ColumnRef = z.infer<typeof columnRef>

const regexText = text(500).refine((s) => {
  try {
    new RegExp(s, 'u')
    return true
  } catch {
    return false
  }
}, ruleMessage('rule.validRegex'))

/** `iso` (ISO 8601, offset optional) or tokens yyyy yy MM M dd d HH H mm ss SSS XXX (offset or Z); other letters quoted ('T'); 年月日 and punctuation are literal. */
const DATE_FORMAT = /^(?:iso|(?:yyyy|yy|MM|M|dd|d|HH|H|mm|ss|SSS|XXX|'[^']*'|[^A-Za-z'])+)$/
const dateFormat = text(60)
  .regex(DATE_FORMAT, ruleMessage('rule.dateFormatTokens'))
  .refine((s) => {
    const tokens = s.replace(/'[^']*'/g, '')
    return s === 'iso' || !DATE_FORMAT.test(s) || (tokens.includes('y') && tokens.includes('M') && tokens.includes('d'))
  }, ruleMessage('rule.dateFormatParts'))

const OFFSET = /^[+-](\d{2}):(\d{2})$/
const timeZone = text(64).refine((zone) => {
  const m = OFFSET.exec(zone)
  if (m) return Number(m[1]) * 60 + Number(m[2]) <= 14 * 60 && Number(m[2]) < 60
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}, ruleMessage('rule.timeZone'))

const currencyCode = z.string().trim().regex(/^[A-Z][A-Z0-9]{2,5}$/, ruleMessage('rule.currencyCodeAny'))
const kind = z.enum(LINE_KINDS, { error: ruleMessage('rule.oneOf', { values: LINE_KINDS.join(', ') }) })
const lineStatus = z.enum(LINE_STATUSES, { error: ruleMessage('rule.oneOf', { values: LINE_STATUSES.join(', ') }) })
const amountField = z.enum(AMOUNT_FIELDS)

/** Line field → header text. Unmapped fields are null on every line (never guessed). */
const columns = z
  .object({
    /** Our order number (what we sent the channel as its merchant order no.). */
    orderNo: columnRef,
    /** The merchant's own order number, where the file carries it beside ours. */
    merchantOrderNo: columnRef,
    /** The channel's or bank's number for the transaction (支付宝交易号, 微信订单号, a bank reference). */
    upstreamNo: columnRef,
    /** Our refund number (Alipay 退款批次号/请求号, WeChat 商户退款单号): refunds are matched on it, never on the order's. */
    refundNo: columnRef,
    /** The column whose values `kinds` maps (Alipay 业务类型, WeChat 交易状态). */
    kind: columnRef,
    /** The movement's amount; with `sign.mode` `income_expense` it comes from `income`/`expense` instead. */
    gross: columnRef,
    /** The channel's fee, as many decimals as the file writes (WeChat: 5). */
    fee: columnRef,
    /** What reaches the merchant's balance, when the file states it (not computed here). */
    net: columnRef,
    currency: columnRef,
    /** When it happened; read with `dateFormat`, in `timeZone` unless the text carries an offset. */
    time: columnRef,
    /** The column whose values `statuses` maps. */
    status: columnRef,
    counterparty: columnRef,
    /** Free text kept for people and for reference search (商品名称, a bank's description). */
    description: columnRef,
    /** Money in, for `sign.mode` `income_expense` (Alipay 收入金额（+元）). */
    income: columnRef,
    /** Money out, for `sign.mode` `income_expense`; its own sign is ignored (Alipay writes `-1.00`). */
    expense: columnRef,
    /** The debit/credit indicator, for `sign.mode` `indicator`. */
    debitCredit: columnRef
  })
  .partial()
  .strict()
export type ProfileColumns = z.infer<typeof columns>

const sign = z.discriminatedUnion('mode', [
  /** The amount columns carry their sign. */
  z.object({ mode: z.literal('signed'), invert: z.boolean().default(false) }),
  /** gross = |income| − |expense|; a row with both non-zero is a problem. */
  z.object({ mode: z.literal('income_expense'), invert: z.boolean().default(false) }),
  /** Amounts are unsigned; the `debitCredit` column's value says which way (gross and net). */
  z.object({
    mode: z.literal('indicator'),
    credit: z.array(text(20)).min(1, ruleMessage('rule.creditValueNeeded')),
    debit: z.array(text(20)).min(1, ruleMessage('rule.debitValueNeeded')),
    invert: z.boolean().default(false)
  })
])

/**
 * Where a control total's computed side comes from: a line field (after signs); the column the
 * profile maps to a field, as the file writes it (`columnOf`: the control follows the mapping, so
 * a column the channel renames and the clerk maps again is still the one summed); or a column by
 * its header text (one the profile maps to no field).
 */
const sumSource = z.union([z.object({ field: amountField }).strict(), z.object({ columnOf: z.enum(COLUMN_FIELDS) }).strict(), z.object({ column: columnRef }).strict()])
const kindFilter = z.array(kind).default([])
const groupName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, ruleMessage('rule.regexGroupName'))

const controls = z.discriminatedUnion('type', [
  /** A line after the header starting with `linePrefix` (matched after NFKC) whose named groups state a count and sums: Alipay `#交易合计：6笔，商家实收共0.06元`. */
  z.object({
    type: z.literal('trailer_line'),
    name: text(100),
    linePrefix: text(100),
    pattern: regexText,
    count: z.object({ group: groupName, kinds: kindFilter }).nullable().default(null),
    sums: z.array(z.object({ group: groupName, of: sumSource, kinds: kindFilter })).max(10).default([]),
    /** Missing from the file: the read fails (a truncated file), rather than passing unchecked. */
    required: z.boolean().default(true)
  }),
  /** A summary section after the data: a header line starting with `linePrefix`, then one line of values (WeChat `总交易单数,…`). */
  z.object({
    type: z.literal('summary_row'),
    name: text(100),
    linePrefix: text(100),
    count: z.object({ header: columnRef, kinds: kindFilter }).nullable().default(null),
    /** Summary headers the file does not have are skipped (WeChat's SUCCESS bill has fewer). */
    sums: z.array(z.object({ header: columnRef, of: sumSource, kinds: kindFilter })).max(20).default([]),
    required: z.boolean().default(true)
  }),
  /** camt.053, per statement: TxsSummry counts and sums, and OPBD (or PRCD) + credits − debits (booked) = CLBD. */
  z.object({ type: z.literal('camt_totals'), name: text(100).default('camt'), required: z.boolean().default(true) }),
  /** MT940, per statement: `:60F:` + Σ `:61:` = `:62F:`. */
  z.object({ type: z.literal('mt940_balances'), name: text(100).default('mt940'), required: z.boolean().default(true) })
])
export type ControlSpec = z.infer<typeof controls>

/**
 * How a run matches this source's lines (RECONCILIATION.md §4), saved with the profile so every
 * file of the source is matched alike; a run may override them.
 */
export const matchingSettings = z.object({
  /** Differences up to this amount (in the line's currency) are not breaks. */
  toleranceAmount: z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, ruleMessage('rule.amountFormat')).default('0'),
  /** … or up to this percentage of our amount. */
  tolerancePercent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, ruleMessage('rule.percentDecimals')).default('0'),
  /** The window pass: how far apart in time a line and an order may be. */
  windowMinutes: z.number().int().min(0).max(7 * 24 * 60).default(120),
  /** Lines and orders this close to the period's end are pending, not breaks, until it passes. */
  graceMinutes: z.number().int().min(0).max(3 * 24 * 60).default(30),
  /** A miss within this many minutes of a business day's boundary is put down to the cut-off. */
  cutoffMinutes: z.number().int().min(0).max(24 * 60).default(10)
})
export type MatchingSettings = z.output<typeof matchingSettings>

export const reconProfile = z
  .object({
    format: z.enum(STATEMENT_FORMATS, { error: ruleMessage('rule.oneOf', { values: STATEMENT_FORMATS.join(', ') }) }),
    /** Which built-in profile this one started from, if any. */
    builtIn: z.enum(BUILT_IN_PROFILE_NAMES).optional(),
    encoding: z.enum(STATEMENT_ENCODINGS).default('auto'),
    delimiter: z.enum([',', ';', '\t', '|']).default(','),
    /** `null`: no quoting at all (WeChat: a `"` in 商品名称 is text). */
    quote: z.literal('"').nullable().default('"'),
    /** Header texts that must be present: they find the header row and confirm the decode (a wrong GBK decode never throws). */
    headerAnchors: z.array(headerText).max(20).default([]),
    /** The header's 1-based line (row, for XLSX); null: the first line holding every anchor (or, without anchors, the first line not skipped). */
    headerRow: z.number().int().min(1).max(10_000).nullable().default(null),
    /** Lines starting with one of these are not data (Alipay `#`); they may state the period or a control total. */
    skipLinePrefixes: z.array(text(50)).max(10).default([]),
    /** After the header, the data ends at a line starting with one of these (WeChat `总交易单数`, Alipay `#-----…列表结束`). */
    stopAtLinePrefixes: z.array(text(50)).max(10).default([]),
    /** Dropped from the start of every value (WeChat's backtick); data lines are then split on delimiter + prefix, since 商品名称 may hold commas. */
    valuePrefix: z.string().max(5).default(''),
    /** Trim spaces and tabs around values (Alipay ends long numbers with a TAB). */
    trimValues: z.boolean().default(true),
    /** XLSX: the sheet's name, or its 1-based position among the tabs; null: the first. */
    sheet: z.union([text(31), z.number().int().min(1).max(1000)]).nullable().default(null),
    /** A zip (Alipay's download): the entry to read, a regular expression on its name; null: the only entry. */
    zipEntry: regexText.nullable().default(null),
    columns: columns.default({}),
    /** Mapped fields whose column may be absent (layout variants); any other mapped column missing stops the read. */
    optionalColumns: z.array(z.enum(COLUMN_FIELDS)).default([]),
    /** Per kind of line: other columns (WeChat refunds: 退款金额, 退款状态) and amounts to negate (a refund written positive). */
    byKind: z.partialRecord(kind, z.object({ columns: columns.default({}), negate: z.array(amountField).default([]) }).strict()).default({}),
    sign: sign.default({ mode: 'signed', invert: false }),
    /** Amounts to negate on every line (WeChat writes a fee charged as positive). */
    negate: z.array(amountField).default([]),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    /** ' ' also accepts the no-break spaces. Grouping is checked (1,234.5 yes, 12,34.5 no). */
    thousandsSeparator: z.enum(['', ',', '.', ' ']).default(''),
    dateFormat: dateFormat.default('yyyy-MM-dd HH:mm:ss'),
    /** Applied to times without an offset (and to date-only bank dates). */
    timeZone: timeZone.default('+08:00'),
    /** The file's currency when it has no currency column (or the cell is empty). */
    currency: currencyCode.nullable().default(null),
    /** Value of the kind column (after NFKC and trim) → kind of line. Bank formats look up the transaction code, then the direction (CRDT/DBIT, C/D). */
    kinds: z.record(text(100), kind).default({}),
    /** The kind when the file has no kind column or the cell is empty; an unknown value is a problem, never this. */
    defaultKind: kind.nullable().default(null),
    statuses: z.record(text(100), lineStatus).default({}),
    /** The status when there is no status column (Alipay's detail lists completed lines only). */
    defaultStatus: lineStatus.nullable().default(null),
    /** Fields whose values identify a line across imports (CSV, XLSX); a line with all but `kind`/`status` empty is a problem. */
    rowKey: z.array(z.enum(ROW_KEY_FIELDS)).min(1).max(6).default(['kind', 'upstreamNo', 'refundNo']),
    /** A preamble line stating the period (Alipay `#起始日期：[…]   终止日期：[…]`): named groups `from` and `to`. */
    period: z.object({ linePrefix: text(100), pattern: regexText, dateFormat }).nullable().default(null),
    controls: z.array(controls).max(10).default([]),
    matching: matchingSettings.default(matchingSettings.parse({}))
  })
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
    const tabular = p.format === 'csv' || p.format === 'xlsx'
    if (tabular) {
      if (p.sign.mode === 'income_expense' && (!p.columns.income || !p.columns.expense)) issue(['columns'], ruleMessage('rule.incomeExpenseColumns'))
      else if (p.sign.mode === 'indicator' && !p.columns.debitCredit) issue(['columns', 'debitCredit'], ruleMessage('rule.debitCreditNeeded'))
      else if (p.sign.mode !== 'income_expense' && !p.columns.gross) issue(['columns', 'gross'], ruleMessage('rule.required'))
      if (!p.columns.kind && !p.defaultKind) issue(['defaultKind'], ruleMessage('rule.kindWithoutColumn'))
    }
    if (p.thousandsSeparator === p.decimalSeparator) issue(['thousandsSeparator'], ruleMessage('rule.differFromDecimal'))
    p.controls.forEach((c, i) => {
      const fits = c.type === 'camt_totals' ? p.format === 'camt053' : c.type === 'mt940_balances' ? p.format === 'mt940' : tabular
      if (!fits) issue(['controls', i, 'type'], ruleMessage('rule.controlNotForFormat', { format: p.format }))
      if (c.type === 'trailer_line' || c.type === 'summary_row') {
        c.sums.forEach((sum, j) => {
          if ('columnOf' in sum.of && !p.columns[sum.of.columnOf]) issue(['controls', i, 'sums', j, 'of', 'columnOf'], ruleMessage('rule.controlFieldUnmapped', { field: sum.of.columnOf }))
        })
      }
      if (c.type === 'trailer_line') {
        for (const group of [...(c.count ? [c.count.group] : []), ...c.sums.map((s) => s.group)]) {
          if (!c.pattern.includes(`(?<${group}>`)) issue(['controls', i, 'pattern'], ruleMessage('rule.noRegexGroup', { group }))
        }
      }
    })
    if (p.period && !(p.period.pattern.includes('(?<from>') && p.period.pattern.includes('(?<to>'))) issue(['period', 'pattern'], ruleMessage('rule.periodGroups'))
  })

/** A profile as saved and as the reader takes it (defaults applied). */
export type ReconProfile = z.output<typeof reconProfile>
/** A profile as typed (defaults may be left out): the editor's draft and `previewStatement`'s input. */
export type ReconProfileInput = z.input<typeof reconProfile>

const ALIPAY_RECEIVED = ['商家实收（元）', '商家实收', '交易金额']

/** The layouts RECONCILIATION.md §2 describes, as profiles to start from. */
export const BUILT_IN_PROFILES = {
  /** A plain transaction CSV with English headers; a starting point to adapt (separators, encoding, columns). */
  generic_csv: reconProfile.parse({
    format: 'csv',
    builtIn: 'generic_csv',
    columns: { time: 'date', upstreamNo: 'reference', orderNo: 'order_no', kind: 'type', gross: 'amount', fee: 'fee', net: 'net', currency: 'currency', status: 'status', counterparty: 'counterparty', description: 'description' },
    optionalColumns: ['orderNo', 'kind', 'fee', 'net', 'currency', 'status', 'counterparty', 'description'],
    kinds: Object.fromEntries(LINE_KINDS.map((k) => [k, k])),
    defaultKind: 'payment',
    statuses: Object.fromEntries(LINE_STATUSES.map((s) => [s, s])),
    timeZone: '+00:00',
    rowKey: ['kind', 'upstreamNo']
  }),
  /** Alipay 业务明细 (trade bill): GBK, `#` preamble and footer, inside the downloaded zip. Refund rows repeat the order's numbers with negative amounts and are keyed by 退款批次号/请求号. */
  alipay_trade: reconProfile.parse({
    format: 'csv',
    builtIn: 'alipay_trade',
    headerAnchors: ['支付宝交易号', '商户订单号', '业务类型'],
    skipLinePrefixes: ['#'],
    stopAtLinePrefixes: ['#-----'],
    zipEntry: '业务明细\\.csv$',
    columns: {
      upstreamNo: '支付宝交易号',
      orderNo: '商户订单号',
      kind: '业务类型',
      time: '完成时间',
      gross: ['订单金额（元）', '订单金额'],
      fee: ['服务费（元）', '手续费（元）', '服务费'],
      net: '实收净额（元）',
      refundNo: ['退款批次号/请求号', '退款批次号'],
      counterparty: ['对方账户', '对账账户'],
      description: '商品名称'
    },
    optionalColumns: ['net', 'counterparty', 'description'],
    kinds: { 交易: 'payment', 退款: 'refund' },
    defaultStatus: 'succeeded',
    currency: 'CNY',
    timeZone: '+08:00',
    period: { linePrefix: '#起始日期', pattern: '起始日期:\\[(?<from>[^\\]]+)\\]\\s*终止日期:\\[(?<to>[^\\]]+)\\]', dateFormat: 'yyyy年MM月dd日 HH:mm:ss' },
    controls: [
      {
        type: 'trailer_line',
        name: 'alipay.trades',
        linePrefix: '#交易合计',
        pattern: '^#交易合计:(?<count>\\d+)笔,商家实收共(?<received>-?[\\d.]+)元',
        count: { group: 'count', kinds: ['payment'] },
        sums: [{ group: 'received', of: { column: ALIPAY_RECEIVED }, kinds: ['payment'] }]
      },
      {
        type: 'trailer_line',
        name: 'alipay.refunds',
        linePrefix: '#退款合计',
        pattern: '^#退款合计:(?<count>\\d+)笔,商家实收退款共(?<received>-?[\\d.]+)元',
        count: { group: 'count', kinds: ['refund'] },
        sums: [{ group: 'received', of: { column: ALIPAY_RECEIVED }, kinds: ['refund'] }]
      }
    ]
  }),
  /** WeChat Pay 交易账单 (bill_type ALL, SUCCESS or REFUND): every value after a backtick, a summary section; fees with 5 decimals, charged positive. */
  wechat_trade: reconProfile.parse({
    format: 'csv',
    builtIn: 'wechat_trade',
    quote: null,
    headerAnchors: ['交易时间', '微信订单号', '商户订单号', '交易状态'],
    stopAtLinePrefixes: ['总交易单数'],
    valuePrefix: '`',
    columns: {
      time: '交易时间',
      upstreamNo: '微信订单号',
      orderNo: '商户订单号',
      kind: '交易状态',
      status: '交易状态',
      currency: '货币种类',
      gross: ['应结订单金额', '总金额'],
      fee: '手续费',
      description: '商品名称'
    },
    optionalColumns: ['description'],
    // Payment rows write 0 as their refund numbers: the refund columns are read on refund rows only.
    byKind: { refund: { columns: { gross: '退款金额', status: '退款状态', refundNo: '商户退款单号' }, negate: ['gross'] } },
    negate: ['fee'],
    kinds: { SUCCESS: 'payment', REVOKED: 'payment', REFUND: 'refund' },
    statuses: { SUCCESS: 'succeeded', REVOKED: 'reversed', PROCESSING: 'pending', CHANGE: 'failed', REFUNDCLOSE: 'failed' },
    currency: 'CNY',
    timeZone: '+08:00',
    // A payment revoked after success comes back under the same numbers with REVOKED: the status tells the two lines apart.
    rowKey: ['kind', 'status', 'upstreamNo', 'refundNo'],
    controls: [
      {
        type: 'summary_row',
        name: 'wechat.summary',
        linePrefix: '总交易单数',
        count: { header: '总交易单数' },
        sums: [
          // The mapped columns as the file writes them (the fields are signed, and a refund's gross is its 退款金额).
          { header: ['应结订单总金额', '总交易额'], of: { columnOf: 'gross' } },
          { header: ['退款总金额', '总退款金额'], of: { column: '退款金额' } },
          { header: '充值券退款总金额', of: { column: '充值券退款金额' } },
          { header: '手续费总金额', of: { columnOf: 'fee' } },
          { header: '订单总金额', of: { column: '订单金额' } },
          { header: '申请退款总金额', of: { column: '申请退款金额' } }
        ]
      }
    ]
  }),
  /**
   * ISO 20022 camt.053 (v02 … v13): one line per booked entry, sign from CdtDbtInd; entries read as
   * pending (not booked) are left out and counted. A credit is a payment into the account (a
   * customer's transfer or Pix, matched to our deposits by its reference or in the window), a
   * debit a payout: a bank file has no trades of its own for a `settlement` line to group with.
   */
  camt053: reconProfile.parse({
    format: 'camt053',
    builtIn: 'camt053',
    kinds: { 'ACMT/MDOP/CHRG': 'fee', CRDT: 'payment', DBIT: 'payout' },
    statuses: { BOOK: 'succeeded', PDNG: 'pending', INFO: 'pending', FUTR: 'pending' },
    timeZone: '+00:00',
    controls: [{ type: 'camt_totals' }]
  }),
  /** SWIFT MT940: one line per `:61:`, its `:86:` as description; comma decimals. Credits are payments into the account, debits payouts (as camt.053). */
  mt940: reconProfile.parse({
    format: 'mt940',
    builtIn: 'mt940',
    kinds: { NCHG: 'fee', NCOM: 'fee', C: 'payment', D: 'payout' },
    defaultStatus: 'succeeded',
    timeZone: '+00:00',
    controls: [{ type: 'mt940_balances' }]
  }),
  /** The provider simulator's statement (src/main/recon/formats/simulator.ts writes it): UTF-8, signed amounts, a `#totals` trailer. */
  simulator: reconProfile.parse({
    format: 'csv',
    builtIn: 'simulator',
    encoding: 'utf-8',
    headerAnchors: ['upstream_no', 'order_no', 'kind', 'gross'],
    skipLinePrefixes: ['#'],
    columns: {
      upstreamNo: 'upstream_no',
      orderNo: 'order_no',
      merchantOrderNo: 'merchant_order_no',
      refundNo: 'refund_no',
      kind: 'kind',
      status: 'status',
      currency: 'currency',
      gross: 'gross',
      fee: 'fee',
      net: 'net',
      time: 'time'
    },
    kinds: Object.fromEntries(LINE_KINDS.map((k) => [k, k])),
    statuses: Object.fromEntries(LINE_STATUSES.map((s) => [s, s])),
    dateFormat: 'iso',
    timeZone: '+00:00',
    rowKey: ['kind', 'upstreamNo', 'refundNo'],
    controls: [
      {
        type: 'trailer_line',
        name: 'simulator.totals',
        linePrefix: '#totals',
        pattern: '^#totals,lines=(?<lines>\\d+),gross=(?<gross>-?\\d+(?:\\.\\d+)?),fee=(?<fee>-?\\d+(?:\\.\\d+)?),net=(?<net>-?\\d+(?:\\.\\d+)?)$',
        count: { group: 'lines' },
        sums: [
          { group: 'gross', of: { field: 'gross' } },
          { group: 'fee', of: { field: 'fee' } },
          { group: 'net', of: { field: 'net' } }
        ]
      }
    ]
  })
} as const satisfies Record<(typeof BUILT_IN_PROFILE_NAMES)[number], ReconProfile>
