import { REPORT_COLUMN_NAMES } from '../../../shared/report-columns'
import type { enReports } from './en.reports'

/** 简体中文：五张报表（交易流水、交易汇总/明细、结算汇总/明细）、筛选条件与已保存的视图。 */
export const zhCNReports: typeof enReports = {
  reports: {
    filters: {
      merchant: '商户',
      contractId: '合同编号',
      currency: '币种',
      dateStart: '开始时间',
      dateEnd: '结束时间',
      dateHint: '年-月-日 时:分:秒',
      pickDay: '{{field}}：选择日期',
      zoneNote: '开始和结束时间按业务时区（{{business}}），日期为其业务日；表中时间按您的显示时区（{{display}}）。',
      type: '流水类型',
      txnId: '交易号',
      remark: '备注',
      includeTest: '包含测试订单',
      badDate: '请填写日期和时间，例如 2026-11-20 10:00:00',
      dateOrder: '不能早于开始时间',
      badNumber: '必须是正整数'
    },
    export: {
      button: '导出',
      csv: 'CSV（UTF-8 编码）',
      csvGbk: 'CSV（GBK 编码，适用于旧版中文软件）',
      xlsx: 'Excel 工作簿（XLSX）',
      progressLabel: '导出进度',
      progress: '已写入 {{written}} / {{total}} 行',
      cancel: '取消导出',
      done: '已导出 {{count}} 行到 {{file}}',
      savedTo: '已导出 {{count}} 行，保存到 {{path}}',
      cancelled: '导出已取消，未完成的文件已删除',
      failed: '导出失败：{{error}}'
    },
    charts: {
      amounts: '每日金额（{{currency}}）',
      successRate: '每日成功率（%）',
      currency: '金额图表的币种',
      truncated: '只显示最近 366 天',
      empty: '当前筛选条件下没有可显示的图表数据',
      series: {
        transactionAmount: '交易金额',
        settleAmount: '结算金额',
        orderPay: '订单支付',
        net: '净结算额'
      }
    },
    totals: '筛选结果合计',
    totalsNone: '没有合计：没有符合筛选条件的记录',
    count: '笔数',
    columns: { ...REPORT_COLUMN_NAMES['zh-CN'] },
    drill: {
      column: '下钻',
      toList: '当日明细',
      toEntries: '账户流水',
      toOrder: '订单',
      orderNotFound: '未找到订单 {{orderNo}}'
    }
  }
}
