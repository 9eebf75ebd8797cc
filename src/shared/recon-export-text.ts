/**
 * The words of a run's exported files (src/main/recon/export.ts) in each language: the breaks' and
 * matches' column headers, the match passes, the run report's items; and the decision words the
 * clerk may write back in the action column (src/main/recon/decisions.ts reads them).
 *
 * A column the decisions import reads, or one that holds a code, is named with its code in
 * brackets (`Action [action]`): the import finds it by that, in either language, and a clerk sees
 * which columns are the machine's. Files exported before the headers were named read by the code
 * alone (`action`).
 */
import type { BULK_ACTIONS } from './contract/reconciliation'
import { DECISION_WORDS } from './recon-decision-words'
import type { ReportLanguage } from './report-columns'

type BulkAction = (typeof BULK_ACTIONS)[number]

// Every decision a file may bring has its words, in each language.
DECISION_WORDS satisfies Record<ReportLanguage, Record<BulkAction, string>>
export { DECISION_WORDS }

/** The header of a machine's column: its name, then its code in brackets. */
export const machineHeader = (label: string, code: string) => `${label} [${code}]`

const en = {
  breakColumns: {
    id: 'Break ID',
    type: 'Type',
    cause: 'Likely cause',
    status: 'Status',
    resolution: 'Decision',
    decision_reason: 'Decided because',
    merchant: 'Merchant',
    order_no: 'Our order no.',
    refund_no: 'Our refund no.',
    their_order_no: 'Their order no.',
    their_upstream_no: 'Their transaction no.',
    their_refund_no: 'Their refund no.',
    statement_line: 'Line in their file',
    their_currency: 'Their currency',
    theirs: 'Theirs',
    our_currency: 'Our currency',
    ours: 'Ours',
    difference: 'Difference',
    their_fee: 'Their fee',
    our_fee: 'Fee by the schedule',
    at: 'Time',
    assigned_to: 'Assigned to (user name)',
    action: `Your decision (${Object.values(DECISION_WORDS.en).join(', ')})`,
    reason: 'Your reason',
    type_code: 'Type code',
    cause_code: 'Cause code',
    status_code: 'Status code',
    resolution_code: 'Decision code'
  },
  matchColumns: {
    line_id: 'Line ID',
    statement_line: 'Line in their file',
    pass: 'Matched by',
    group: 'Group',
    order_no: 'Our order no.',
    refund_no: 'Our refund no.',
    upstream_no: 'Their transaction no.',
    merchant: 'Merchant',
    currency: 'Currency',
    amount: 'Amount',
    pass_code: 'Matched by (code)'
  },
  /** The XLSX sheet's tab. */
  sheets: { breaks: 'Breaks', matches: 'Matches', report: 'Run report' },
  passes: { manual: 'Linked by hand', key: 'Same number', window: 'Amount and time', group: 'A day’s settlement' },
  runStatuses: { running: 'Running', finished: 'Finished', failed: 'Failed', cancelled: 'Cancelled' },
  report: {
    field: 'Item',
    value: 'Value',
    run: 'Run',
    source: 'Source',
    status: 'Status',
    periodFrom: 'Period from',
    periodTo: 'Period to',
    ruleVersion: 'Rule version',
    inputHash: 'Input hash (SHA-256)',
    resultHash: 'Result hash (SHA-256)',
    started: 'Started',
    finished: 'Finished',
    inZone: (label: string, zone: string) => `${label} (${zone})`,
    statement: (id: number) => `Statement ${id}`,
    statementValue: (f: { fileName: string; fileHash: string; version: number; lineCount: number }) => `${f.fileName}; SHA-256 ${f.fileHash}; profile version ${f.version}; ${f.lineCount} lines`
  },
  summary: {
    lines: 'Lines',
    matched: 'Matched lines (no difference)',
    matchedAmount: 'Matched amount (in and out added without signs)',
    matchedIn: 'Matched money in',
    matchedOut: 'Matched money out',
    matchedNet: 'Matched net',
    matchRate: 'Match rate',
    linesWithBreaks: 'Lines with breaks',
    linesNotForMatching: 'Lines not for matching',
    pendingLines: 'Pending lines',
    pendingOurs: 'Pending orders of ours',
    breaks: (type: string) => `Breaks: ${type}`,
    breakAmounts: (type: string) => `Breaks’ amount (added without signs): ${type}`,
    carried: 'Decisions carried from earlier runs',
    open: 'Open breaks'
  }
}

const zhCN: typeof en = {
  breakColumns: {
    id: '差异编号',
    type: '差异类型',
    cause: '可能原因',
    status: '状态',
    resolution: '处理结果',
    decision_reason: '处理时的原因',
    merchant: '商户',
    order_no: '我方订单号',
    refund_no: '我方退款单号',
    their_order_no: '对方订单号',
    their_upstream_no: '对方交易号',
    their_refund_no: '对方退款单号',
    statement_line: '对账单行号',
    their_currency: '对方币种',
    theirs: '对方金额',
    our_currency: '我方币种',
    ours: '我方金额',
    difference: '差额',
    their_fee: '对方手续费',
    our_fee: '按费率应收手续费',
    at: '时间',
    assigned_to: '指派给（用户名）',
    action: `本次处理（${Object.values(DECISION_WORDS['zh-CN']).join('、')}）`,
    reason: '本次处理原因',
    type_code: '类型代码',
    cause_code: '原因代码',
    status_code: '状态代码',
    resolution_code: '处理结果代码'
  },
  matchColumns: {
    line_id: '明细编号',
    statement_line: '对账单行号',
    pass: '匹配方式',
    group: '分组',
    order_no: '我方订单号',
    refund_no: '我方退款单号',
    upstream_no: '对方交易号',
    merchant: '商户',
    currency: '币种',
    amount: '金额',
    pass_code: '匹配方式代码'
  },
  sheets: { breaks: '差异', matches: '匹配结果', report: '对账报告' },
  passes: { manual: '人工关联', key: '单号相同', window: '金额与时间相符', group: '按日结算汇总' },
  runStatuses: { running: '进行中', finished: '已完成', failed: '失败', cancelled: '已取消' },
  report: {
    field: '项目',
    value: '内容',
    run: '对账批次',
    source: '对账来源',
    status: '状态',
    periodFrom: '期间开始',
    periodTo: '期间结束',
    ruleVersion: '规则版本',
    inputHash: '输入哈希（SHA-256）',
    resultHash: '结果哈希（SHA-256）',
    started: '开始时间',
    finished: '结束时间',
    inZone: (label: string, zone: string) => `${label}（${zone}）`,
    statement: (id: number) => `对账单 ${id}`,
    statementValue: (f: { fileName: string; fileHash: string; version: number; lineCount: number }) => `${f.fileName}；SHA-256 ${f.fileHash}；模板版本 ${f.version}；${f.lineCount} 行`
  },
  summary: {
    lines: '明细数',
    matched: '已匹配（无差异）',
    matchedAmount: '已匹配金额（收入与支出按绝对值相加）',
    matchedIn: '已匹配收入',
    matchedOut: '已匹配支出',
    matchedNet: '已匹配净额',
    matchRate: '匹配率',
    linesWithBreaks: '有差异的明细',
    linesNotForMatching: '无需匹配',
    pendingLines: '挂起的明细',
    pendingOurs: '挂起的我方订单',
    breaks: (type: string) => `差异：${type}`,
    breakAmounts: (type: string) => `差异金额（按绝对值相加）：${type}`,
    carried: '沿用此前批次的处理数',
    open: '待处理差异'
  }
}

export const RECON_EXPORT_TEXT = { en, 'zh-CN': zhCN } satisfies Record<ReportLanguage, typeof en>

export type BreakColumnKey = keyof typeof en.breakColumns
export type MatchColumnKey = keyof typeof en.matchColumns
