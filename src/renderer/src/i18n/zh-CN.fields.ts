/** 拒绝消息中的字段名称（en.fields.ts 的简体中文）。 */
import { masterFieldsOf, type enFields } from './en.fields'
import { zhCNFinance } from './zh-CN.finance'
import { zhCNMaster } from './zh-CN.master'

const zhCNMasterFields = masterFieldsOf(
  { ...zhCNMaster, ...zhCNFinance },
  {
    singleLower: '单笔下限',
    singleUpper: '单笔上限',
    paymentLower: '代收下限',
    paymentUpper: '代收上限',
    payoutLower: '代付下限',
    payoutUpper: '代付上限',
    boundLower: '服务限额下限',
    boundUpper: '服务限额上限',
    requestKey: '请求标识',
    kind: '类型',
    id: '编号'
  }
)

const zhCNOrderFields = {
  paidAmount: '实付金额',
  merchantOrderNo: '商户订单号',
  terminalId: '终端',
  result: '结果',
  host: '监听地址',
  port: '端口',
  publicUrl: '公开网址'
}

const zhCNAftersalesFields = {
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

const zhCNFinanceFields = {
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

const zhCNBaseFields = {
  input: '输入',
  body: '请求',
  username: '用户名',
  displayName: '显示名称',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  setupCode: '设置码',
  merchantId: '商户',
  roleIds: '角色',
  name: '名称',
  description: '说明',
  permissions: '权限',
  status: '状态',
  sessionIdleMinutes: '会话空闲时限',
  sessionAbsoluteMinutes: '会话绝对时限',
  steps: '步骤',
  maxOrders: '订单数不超过',
  maxAmount: '总金额不超过',
  assignTo: '指派给',
  cap: '上限'
}

export const zhCNFields: typeof enFields = {
  ...zhCNBaseFields,
  ...zhCNMasterFields,
  ...zhCNOrderFields,
  ...zhCNAftersalesFields,
  ...zhCNFinanceFields
}
