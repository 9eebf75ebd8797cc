import type { enAftersalesFields, enAftersalesRules } from './en.aftersalesRules'

/** 售后规则消息与字段名的中文。 */
export const zhCNAftersalesRules: typeof enAftersalesRules = {
  refundExceeds: '订单 {{orderNo}} 仅剩 {{money}} 可退款（已付 {{paid}}，已退款或处理中 {{refunded}}，争议中 {{disputed}}）',
  disputeExceeds: '订单 {{orderNo}} 仅剩 {{money}} 可争议（已付 {{paid}}，已退款或处理中 {{refunded}}，争议中 {{disputed}}）',
  notPaidDeposit: '订单 {{orderNo}} 不是已支付的代收订单；只有已支付的代收订单才有退款、争议与运单',
  fxSettled: '订单 {{orderNo}} 已由 {{currency}} 换汇结算为 {{settlement}}；暂不支持对换汇结算的订单退款或发起争议',
  disputeResolved: '争议 {{disputeNo}} 已结案',
  disputeNotOpen: '争议 {{disputeNo}} 不是待处理状态；证据只能在待处理时提交一次',
  disputeNoEvidence: '争议 {{disputeNo}} 尚无证据：请先添加文件或附上运单',
  waybillOtherOrder: '运单 {{trackingNo}} 属于另一个订单，不是争议所在订单',
  waybillAlreadyAttached: '运单 {{trackingNo}} 已附在争议 {{disputeNo}} 上',
  waybillTaken: '{{carrierAndNo}} 已登记',
  waybillSameStatus: '运单已是该状态',
  evidenceType: '必须是 PDF、PNG 或 JPEG 文件（文件内容不符）',
  notBase64: '不是有效的 base64',
  emptyFile: '文件为空',
  maxMegabytes: '不能超过 {{n}} MB',
  inFuture: '必须是将来的时间',
  dateTime: '必须是日期和时间',
  after2000: '必须是 2000 年之后的日期',
  trackingChars: '只能包含字母、数字和 -'
}

export const zhCNAftersalesFields: typeof enAftersalesFields = {
  orderId: '订单',
  amount: '金额',
  reason: '原因',
  reasonCode: '原因代码',
  evidenceDueAt: '举证截止时间',
  contentBase64: '文件',
  fileName: '文件名',
  waybillId: '运单',
  carrier: '承运商',
  trackingNo: '运单号',
  shippedAt: '发货时间',
  note: '备注'
}
