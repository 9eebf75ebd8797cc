/** Simplified Chinese twins of server-text.preferences.en.ts. */
import type { preferencesTextEn } from './server-text.preferences.en'

export const preferencesTextZhCN: Record<keyof typeof preferencesTextEn, string> = {
  'rule.viewFilters': '必须是一组具名的筛选条件',
  'rule.viewFilterValue': '必须是文本、数字或是/否',
  'thing.savedView': '已保存视图 {{id}}',
  'error.views.tooMany': '此列表已保存 {{n}} 个视图，已达上限：请先删除一个',
  'audit.preferencesChanged': '显示偏好已更改：语言 {{language}}，配色 {{scheme}}',
  'audit.displayZoneChanged': '显示时区已从 {{from}} 改为 {{to}}',
  'audit.businessZoneChanged': '业务时区已从 {{from}} 改为 {{to}}：{{entries}} 条账务流水和 {{orders}} 笔订单已按新时区归入各自的日期，每日汇总行已重建',
  'error.settings.sameZone': '业务时区已经是 {{zone}}',
  'audit.viewSaved': '已保存列表 {{list}} 的视图“{{name}}”',
  'audit.viewReplaced': '已替换列表 {{list}} 的已保存视图“{{name}}”',
  'audit.viewDeleted': '已删除列表 {{list}} 的已保存视图“{{name}}”'
}
