import type { enFinance } from './en.finance'

/** 简体中文：账本余额、人工调账与通道余额充值。 */
export const zhCNFinance: typeof enFinance = {
  ledger: {
    title: '账本余额',
    account: '账户',
    kind: '账户类型',
    kinds: {
      merchant_available: '商户可用余额',
      merchant_reserve: '商户保证金',
      channel: '通道',
      platform_fee: '平台手续费',
      fx: '汇兑',
      suspense: '暂挂账户'
    },
    owner: '商户或通道',
    platform: '平台',
    balance: '余额',
    available: '可用',
    held: '冻结'
  },
  adjustments: {
    title: '人工调账',
    intro: '人工调账（流水类型 99）以暂挂账户为对方科目，调整商户的可用余额。每笔调账都必须填写原因，并记入审计日志。',
    needApprove: '提交调账需要“审批人工调账”权限。',
    contract: '合同',
    pickContract: '选择该商户的合同',
    pickMerchantFirst: '请先选择商户',
    currency: '币种',
    currencyHint: '合同的结算币种。',
    amount: '金额',
    amountHint: '带符号：正数增加商户余额，负数扣减（例如 -12.50）。',
    reason: '原因',
    submit: '提交调账',
    postedTitle: '调账已入账',
    replayedTitle: '此前已入账，本次未重复入账',
    postedBody: '{{merchant}}：{{amount}}',
    postingId: '记账编号：{{id}}',
    another: '新建调账'
  },
  channelBalance: {
    open: '充值 / 更正余额',
    title: '充值或更正 {{name}} 的余额',
    kinds: { top_up: '充值', correction: '更正' },
    topUpHint: '向上游通道账户充入的资金，金额为正数。',
    correctionHint: '使账本与上游余额一致，金额可正可负。',
    amount: '金额',
    reason: '原因',
    submit: '提交',
    posted: '已入账，记账编号 {{id}}',
    replayed: '此前已入账（记账编号 {{id}}），本次未重复入账'
  }
}
