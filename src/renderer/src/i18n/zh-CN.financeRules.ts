import type { enFinanceFields, enFinanceRules } from './en.financeRules'

/** 提现、账目调整申请与汇率的规则消息及其字段名称。 */
export const zhCNFinanceRules: typeof enFinanceRules = {
  rateFormat: '必须是汇率，例如 7.1234（最多 10 位小数）',
  rateType: '必须是汇率，例如 7.1234',
  markupFormat: '必须是百分比，例如 0.5，最多 4 位小数',
  markupType: '必须是百分比，例如 0.5',
  wallTime: '必须是日期，例如 2026-01-31 或 2026-01-31 08:00:00',
  differFromBase: '必须与原币种不同',
  rateOrMarkup: '请填写适用汇率或加点比例（二选一）',
  afterValidFrom: '必须晚于生效时间',
  markupBelow100: '加点比例必须小于 100，否则没有可用汇率',
  accountNoChars: '必须是 4–34 位字母、数字或短横线',
  withdrawalRejectWhy: '请说明驳回该提现的原因，至少 {{n}} 个字符',
  adjustmentRejectWhy: '请说明驳回该账目调整的原因，至少 {{n}} 个字符',
  transferFailedWhy: '请说明转账失败的原因，至少 {{n}} 个字符',
  bankReference: '必须填写银行转账流水号（至少 {{n}} 个字符）',
  approveOrReject: '必须是通过或驳回',
  paidOrFailed: '必须是已打款或失败',
  noBankList: '{{currency}} 没有银行列表：提现到银行账户仅支持 CNY、THB、VND、IDR 或 BRL',
  notABank: '{{bank}} 不在 {{country}} 银行列表中',
  overAvailable: '{{amount}} 加手续费 {{fee}} 超过可用余额 {{available}}',
  ownWithdrawal: '提现 {{no}} 由您本人申请，须由其他用户审核（双人复核）',
  ownAdjustment: '账目调整 {{no}} 由您本人申请，须由其他用户审核（双人复核）',
  withdrawalNotPending: '提现 {{no}} 已不在待审核状态',
  withdrawalNotApproved: '提现 {{no}} 尚未审核通过',
  adjustmentDecided: '账目调整 {{no}} 已处理',
  noFxRate: '合同以 {{quote}} 结算，但 {{time}} 没有有效的 {{pair}} 汇率；请在“财务 → 汇率”中添加',
  csvColumn: '不是有效的列；可用的列为 {{columns}}',
  csvRequiredColumn: '是必填列',
  csvNoRows: '表头之下没有汇率数据',
  csvEmpty: '为空'
}

export const zhCNFinanceFields: typeof enFinanceFields = {
  bankCode: '银行',
  accountNo: '账号',
  holderName: '户名',
  note: '备注',
  decision: '审核结果',
  outcome: '转账结果',
  bankReference: '银行流水号',
  baseCurrency: '原币种',
  quoteCurrency: '结算币种',
  referenceRate: '参考汇率',
  appliedRate: '适用汇率',
  markupPercent: '加点（%）',
  csv: 'CSV 文件',
  file: '文件',
  row: '行'
}
