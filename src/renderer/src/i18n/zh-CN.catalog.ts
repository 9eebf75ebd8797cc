import { serverTextZhCN } from '../../../shared/i18n/server-text.zh-CN'
import { termLabelsOf, type enCatalog } from './en.catalog'
import { zhCNFields } from './zh-CN.fields'

/** 简体中文：导航、权限、内置角色，以及拒绝消息中的字段名称。 */
export const zhCNCatalog: typeof enCatalog = {
  nav: {
    groups: {
      operations: '运营操作',
      afterSales: '售后',
      finance: '财务',
      reports: '报表',
      reconciliation: '对账',
      fieldTesting: '现场测试',
      masterData: '基础数据',
      administration: '系统管理'
    },
    items: {
      home: '首页',
      createDeposit: '创建代收订单',
      createPayout: '创建代付订单',
      orderQuery: '订单查询',
      manualOperations: '人工操作',
      approvals: '审批',
      outbox: '待发队列',
      refunds: '退款',
      disputes: '争议',
      waybills: '运单',
      withdrawals: '提现',
      ledger: '账本',
      adjustments: '调账',
      fxRates: '汇率',
      accountDetails: '交易流水',
      transactionSummary: '交易统计',
      transactionDetails: '交易明细',
      settlementSummary: '结算统计',
      settlementDetails: '结算明细',
      reconciliation: '对账批次与差异',
      reconciliationImport: '导入对账单',
      reconciliationSources: '对账来源与模板',
      fieldTestSimulator: '模拟器',
      fieldTestPlans: '测试计划',
      fieldTestRuns: '测试运行',
      fieldTestReports: '测试报告',
      contracts: '合同',
      merchants: '商户',
      terminals: '终端',
      services: '服务',
      channels: '通道',
      channelServiceBindings: '通道与服务绑定',
      users: '用户',
      roles: '角色',
      audit: '审计日志',
      settings: '系统设置'
    }
  },
  areas: {
    operations: '运营操作',
    afterSales: '售后',
    ledger: '账务与财务',
    reports: '报表',
    reconciliation: '对账',
    fieldTesting: '现场测试',
    masterData: '基础数据',
    administration: '系统管理'
  },
  permissions: termLabelsOf(serverTextZhCN).permissions,
  builtInRoles: termLabelsOf(serverTextZhCN).builtInRoles,
  builtInRoleDescriptions: {
    administrator: '拥有全部权限，包括用户、角色和系统设置',
    operations: '可为任意商户处理订单，执行人工操作，维护基础数据',
    merchantOperator: '仅限本人所属商户的订单和报表',
    finance: '账本、调账、提现审核、报表与对账',
    auditor: '可查看所有数据，不能做任何修改',
    fieldEngineer: '对接并验证新渠道：上游接口配置、模拟器、现场测试'
  },
  fields: zhCNFields
}
