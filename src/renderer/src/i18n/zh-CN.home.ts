import type { enHome } from './en.home'

/** 简体中文：首页看板（今日数据、通道余额、待办事项）。 */
export const zhCNHome: typeof enHome = {
  dashboard: {
    daysInZone: '日期按业务时区 {{zone}} 切分；本页时间按您的显示时区 {{display}}。',
    asOf: '数据截至 {{time}}（{{zone}}）',
    loadFailed: '首页数据读取失败，请重试。',
    figuresTitle: '今日与昨日订单',
    byCurrency: '按币种',
    byChannel: '按通道',
    today: '今日 {{day}}',
    yesterday: '昨日 {{day}}',
    currency: '币种',
    channel: '通道',
    orders: '订单数',
    successRate: '成功率',
    volume: '交易额',
    noRate: '—',
    noOrders: '今日和昨日尚无订单。',
    figuresNote: '不含测试订单；交易额为成功订单的金额（代收按实付金额）。',
    balancesTitle: '通道余额',
    balance: '余额',
    available: '可用',
    lowBelow: '低于此值为不足',
    lowRule: '余额不足以支付该通道单笔代付上限，或低于零时，标记为余额不足。',
    low: '余额不足',
    enough: '正常',
    noPayoutLimit: '无代付上限',
    depositOnly: '仅代收',
    noBalances: '尚无通道余额。',
    overdueFilter: '仅显示已过期仍未支付的订单',
    attentionTitle: '待处理',
    notifyTitle: 'PayDesk：待处理',
    nothingWaiting: '暂无待您处理的事项。',
    kinds: {
      payoutsUnknown: '结果未知的代付',
      outboxGaveUp: '已放弃重试的发件箱任务',
      depositsOverdue: '已过期仍未关闭的代收',
      disputesEvidenceDue: '待提交证据的争议',
      withdrawalsToReview: '待您审核的提现',
      adjustmentsToReview: '待您审批的调账',
      reconBreaks: '未处理的对账差异，批次 #{{runId}}'
    },
    oldest: '最早一笔：{{time}}',
    deadline: '最近的举证截止：{{time}}',
    overdue: '举证已于 {{time}} 逾期',
    ages: '1 天内：{{underOne}} · 1–3 天：{{oneToThree}} · 3–7 天：{{threeToSeven}} · 7 天以上：{{overSeven}}'
  }
}
