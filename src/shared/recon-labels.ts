/**
 * Reconciliation's codes as people read them, in one place: the screens' catalogs
 * (src/renderer/src/i18n/*.recon.ts) and the exported files (src/main/recon/export.ts) read the
 * same words, so a file names a break as the screen does.
 */
import type { ReportLanguage } from './report-columns'

export const RECON_LABELS = {
  en: {
    breakTypes: {
      missing_ours: 'Missing on our side',
      missing_theirs: 'Missing on their side',
      amount_over: 'Amount over',
      amount_short: 'Amount short',
      fee_mismatch: 'Fee mismatch',
      currency_mismatch: 'Currency mismatch',
      status_mismatch: 'Status mismatch',
      duplicate: 'Duplicate',
      control_total: 'Control total mismatch'
    },
    breakStatuses: { open: 'Open', awaiting_approval: 'Waiting for approval', resolved: 'Resolved' },
    resolutions: { matched: 'Matched by hand', accepted_theirs: 'Accepted theirs', written_off: 'Written off', ignored: 'Ignored' },
    causes: {
      difference_is_fee: 'The difference is the fee',
      cutoff: 'Near the day’s cut-off',
      rounding: 'Rounding (one minor unit)',
      amount: 'Amount differs',
      proposed: 'Several orders fit: pick one',
      theirs_paid_ours_not: 'Paid on their side, not on ours (lost callback)',
      ours_paid_theirs_not: 'Paid on our side, not on theirs',
      theirs_reversed: 'Paid on our side; theirs reversed it (the money went back)',
      taken_back: 'Paid and taken back on their side, no order of ours',
      duplicate: 'The same payment twice',
      settlement_sum: 'Settlement differs from the day’s lines',
      settlement_without_day: 'Settlement without matched lines',
      control_total: 'The file’s control total does not add up',
      currency: 'Another currency',
      rate: 'All off by one rate ({{rate}})',
      feeRate: 'Fee charged at {{rate}} %'
    }
  },
  'zh-CN': {
    breakTypes: {
      missing_ours: '我方缺失（平台漏单）',
      missing_theirs: '对方缺失（渠道漏单）',
      amount_over: '金额多',
      amount_short: '金额少',
      fee_mismatch: '手续费不符',
      currency_mismatch: '币种不符',
      status_mismatch: '状态不符',
      duplicate: '重复',
      control_total: '合计不符'
    },
    breakStatuses: { open: '待处理', awaiting_approval: '待审批', resolved: '已处理' },
    resolutions: { matched: '人工匹配', accepted_theirs: '以对方为准', written_off: '已核销', ignored: '已忽略' },
    causes: {
      difference_is_fee: '差额即手续费',
      cutoff: '临近日切',
      rounding: '舍入误差（一个最小单位）',
      amount: '金额不同',
      proposed: '多笔订单符合：请选择一笔',
      theirs_paid_ours_not: '对方已付、我方未成功（掉单）',
      ours_paid_theirs_not: '我方成功、对方未付',
      theirs_reversed: '我方成功、对方已冲正（款项已退回）',
      taken_back: '对方付款后又退回，我方无订单',
      duplicate: '同一笔付款出现两次',
      settlement_sum: '结算金额与当日明细不符',
      settlement_without_day: '结算无已匹配明细',
      control_total: '文件合计对不上',
      currency: '币种不同',
      rate: '全部按同一比率偏差（{{rate}}）',
      feeRate: '按 {{rate}} % 收取手续费'
    }
  }
} satisfies Record<ReportLanguage, Record<'breakTypes' | 'breakStatuses' | 'resolutions' | 'causes', Record<string, string>>>

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key)

/** A cause key's kind and value: `fee_rate:6000` → ['fee_rate', '6000'], `cutoff` → ['cutoff', '']. */
export function causeParts(causeKey: string): [string, string] {
  const colon = causeKey.indexOf(':')
  return colon < 0 ? [causeKey, ''] : [causeKey.slice(0, colon), causeKey.slice(colon + 1)]
}

/** ppm of a fee rate as a percentage: 6000 → "0.6". */
export function ppmAsPercent(ppm: string): string {
  const n = Number(ppm)
  if (!Number.isFinite(n)) return ppm
  return String(Math.round(n) / 10_000)
}

/** 0.953 → "95.3 %"; a run with no line of theirs has no rate: a dash, never 100 %. */
export const matchRateText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`)

type Group = 'breakTypes' | 'breakStatuses' | 'resolutions'

/** A code of one of the groups in a language, or the code itself when the list does not know it. */
export function reconCodeText(language: ReportLanguage, group: Group, code: string | null): string {
  if (code === null) return ''
  const labels: Record<string, string> = RECON_LABELS[language][group]
  return has(labels, code) ? labels[code] : code
}

/**
 * A cause key as a sentence in a language (the screens' causeLabel reads the same catalog): the
 * fixed ones by name, `rate:<ratio>` and `fee_rate:<ppm>` with their value, a break type by its
 * name; anything else as it came.
 */
export function causeText(language: ReportLanguage, causeKey: string | null): string {
  if (causeKey === null) return ''
  const labels = RECON_LABELS[language]
  const [kind, value] = causeParts(causeKey)
  if (kind === 'rate') return labels.causes.rate.replace('{{rate}}', value)
  if (kind === 'fee_rate') return labels.causes.feeRate.replace('{{rate}}', ppmAsPercent(value))
  if (!value && has(labels.causes, kind)) return (labels.causes as Record<string, string>)[kind]
  if (!value && has(labels.breakTypes, kind)) return (labels.breakTypes as Record<string, string>)[kind]
  return causeKey
}
