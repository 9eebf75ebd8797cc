import type { enViews } from './en.views'

/** 简体中文：已保存的筛选视图，按用户保存在每个列表和报表上。 */
export const zhCNViews: typeof enViews = {
  views: {
    label: '已保存的视图',
    placeholder: '选择已保存的视图',
    save: '保存视图',
    saveTitle: '保存当前筛选条件',
    name: '视图名称',
    nameRequired: '请为视图命名',
    nameHint: '使用已有视图的名称保存会替换该视图。您的视图会随您登录的任何电脑同步。',
    delete: '删除视图',
    saved: '视图“{{name}}”已保存',
    deleted: '视图“{{name}}”已删除'
  }
}
