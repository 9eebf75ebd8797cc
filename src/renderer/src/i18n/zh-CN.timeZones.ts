/** 简体中文：时区、用户的显示时区和租户的业务时区。 */
import type { enTimeZones } from './en.timeZones'

export const zhCNTimeZones: typeof enTimeZones = {
  timeZones: {
    menu: '时区',
    title: '您的显示时区',
    hint: '屏幕上和您导出的文件中的所有时间都按此时区显示，并在旁边注明。此设置只属于您，其他用户保留各自的设置。报表中的日期仍是业务日，按业务时区（{{business}}）切分。',
    label: '时间显示为',
    business: '业务时区（{{zone}}）',
    computer: '本机时区：{{zone}}',
    saved: '时间现按 {{zone}} 显示',
    shownIn: '时间按 {{zone}}',
    businessTitle: '业务时区',
    businessHint: '业务日按此时区切分：订单、账务流水和报表行归属哪一天，每日余额、每日限额以及报表的日期筛选都以此为准。每个用户按各自的显示时区阅读时间。',
    businessLabel: '业务时区',
    businessDescription: '固定时差（例如 +08:00），或时区名称（例如 Asia/Shanghai，其时差随夏令时变化）。',
    businessChange: '更改业务时区',
    confirmTitle: '将业务时区改为 {{zone}}？',
    confirmBody: '订单和账务流水的时间和金额保持不变；每一条都会归入新时区下的日期，所有已存储的每日汇总行（报表日期、每日订单计数）会随即据此重建。已报送或已导出的日期将与新的日期不一致。更改后会运行账务自检。',
    confirm: '更改并重建',
    changed: '业务时区现为 {{zone}}：{{entries}} 条流水和 {{orders}} 笔订单已归入新日期。',
    verifyClean: '账务自检未发现偏差。',
    verifyDrift: '账务自检发现 {{count}} 个问题：请在“设置”中运行以查看详情。'
  }
}
