import type { enAmountRules, enOrderFields, enOrderRules } from './en.orderRules'

/** 订单相关的规则消息及其字段名称。 */
export const zhCNOrderRules: typeof enOrderRules = {
  requiredFor: '{{type}}{{direction}}订单必须填写此项',
  personName: '必须是个人或公司名称（2–100 个字母）',
  cardDigits: '必须是 6–30 位数字',
  remarkChars: '必须是 1–32 个字母或数字，与付款人填写的一致',
  notInBankList: '不是 {{country}} 银行列表中的银行（共 {{n}} 家）',
  phoneDigits: '必须是 8–15 位数字的电话号码，可带 +',
  cpf: '必须是有效的 CPF（11 位数字，含校验位）',
  idChars: '必须是 5–30 个字母或数字',
  tronAddress: '必须是 TRON（TRC20）地址：以 T 开头，后跟 33 个 base58 字符',
  evmAddress: '必须是 {{network}} 地址：以 0x 开头，后跟 40 个十六进制数字',
  accountChars: '必须是 4–64 个字母、数字或 @._+-',
  lettersDigitsDash: '只能包含字母、数字、_ 和 -',
  unknownServiceType: '未知的服务类型 {{type}}',
  chooseMerchantFirst: '必填：请先选择商户',
  moreThanZero: '必须大于零',
  ownMerchantOnly: '您只能为自己所属的商户创建订单',
  needGlobalCode: '为商户创建{{direction}}订单需要“{{permission}}”（{{code}}）权限，或使用绑定该商户的用户',
  merchantDisabled: '商户“{{name}}”已停用',
  notMerchantService: '服务 {{id}} 不属于商户“{{name}}”',
  wrongDirectionService: '服务 {{id}} 是{{direction}}服务',
  notMerchantTerminal: '终端 {{id}} 不属于商户“{{name}}”',
  merchantOrderNoTaken: '{{merchantOrderNo}} 已被订单 {{orderNo}} 使用',
  noContract: '该商户在 {{day}} 没有以 {{currency}} 结算的有效合同',
  shortBoth: '余额不足：通道可用余额 {{channelAvailable}} 不足以支付金额 {{amount}}；商户可用余额 {{merchantAvailable}} 不足以支付金额加手续费 {{total}}',
  shortChannel: '余额不足：通道可用余额 {{channelAvailable}} 不足以支付金额 {{amount}}',
  shortMerchant: '余额不足：商户可用余额 {{merchantAvailable}} 不足以支付金额加手续费 {{total}}',
  channelLowBalance: '通道“{{name}}”余额不足（可用 {{amount}}）',
  depositNotClosable: '代收订单 {{orderNo}} 当前状态为{{status}}；只有未支付的代收订单可以关闭',
  payoutAlreadySent: '代付订单 {{orderNo}} 已发送至上游，无法取消',
  alreadyFinal: '订单 {{orderNo}} 已是{{status}}状态',
  paidAmountOnlyDeposit: '仅适用于标记为成功的代收订单',
  notifyFinalOnly: '订单 {{orderNo}} 当前状态为{{status}}；只有最终状态才会通知商户',
  requeryFailed: '无法向上游查询：{{error}}',
  outboxNotWaiting: '待发任务 {{id}} 当前状态为{{status}}',
  portNumber: '必须是端口号',
  portRange: '必须在 0–65535 之间',
  httpUrlShort: '必须是 http(s) 网址'
}

export const zhCNOrderFields: typeof enOrderFields = {
  paidAmount: '实付金额',
  merchantOrderNo: '商户订单号',
  terminalId: '终端',
  result: '结果',
  host: '监听地址',
  port: '端口',
  publicUrl: '公开网址'
}

export const zhCNAmountRules: typeof enAmountRules = {
  below: '不能低于 {{amount}}（{{source}}限额）；可用范围为 {{range}}',
  above: '不能高于 {{amount}}（{{source}}限额）；可用范围为 {{range}}',
  both: '{{lower}}（{{lowerSource}}）– {{upper}}（{{upperSource}}）',
  atLeast: '不低于 {{lower}}（{{lowerSource}}）',
  atMost: '不高于 {{upper}}（{{upperSource}}）',
  any: '任意金额',
  notPositive: '必须大于 0'
}
