import type { enSafety } from './en.safety'

/** 设置 › 备份与账本自检。 */
export const zhCNSafety: typeof enSafety = {
  safety: {
    backups: '备份',
    backupsHint: '备份是保存账本的那个数据库文件的副本，备份期间 PayDesk 照常工作。请把备份文件夹放在另一块磁盘或网络共享上。',
    folder: '备份文件夹',
    folderHint: '留空使用默认文件夹。当前使用：{{folder}}',
    everyHours: '备份间隔（小时）',
    everyHoursHint: '0 表示关闭定时备份。',
    keep: '保留的备份数',
    settingsSaved: '备份设置已保存',
    files: '备份文件',
    inFolder: '位于 {{folder}}。时间为 {{zone}}。',
    backUpNow: '立即备份',
    made: '已创建备份 {{file}}（{{size}}）',
    none: '此文件夹中还没有备份。',
    listLabel: '备份文件',
    file: '文件',
    madeAt: '创建时间',
    size: '大小',
    restore: '恢复…',
    restoreTitle: '恢复 {{file}}？',
    restoreExplain:
      '先对备份运行账本自检，有任何问题的备份都会被拒绝。自检无误的备份将在 PayDesk 下次启动时替换数据库：备份之后记录的一切都将从应用中消失。被替换的数据库会保留在旁边（paydesk.before-restore-….db）。',
    restoreConfirm: '自检并恢复',
    restoreStagedTitle: '备份已自检并就绪',
    restoreChecked: '账本自检在其 {{entries}} 条分录中未发现问题。',
    restartDesktop: 'PayDesk 将立即重新启动以完成恢复。',
    restartBrowser: '请停止 PayDesk 并重新启动（npm start）以完成恢复。',
    inMemory: '此 PayDesk 使用内存数据库：没有可备份的文件。',
    ledgerCheck: '账本自检',
    ledgerCheckHint: '根据账本分录重新计算每个余额和每个已存储的报表日数据，并指出任何差异。每天自动运行一次。',
    neverChecked: '账本尚未自检。',
    checkedAt: '{{by}}于 {{at}} 自检',
    daily: '每日定时任务',
    checkCounts: '{{postings}} 笔记账，{{entries}} 条分录，{{accounts}} 个账户',
    nextCheck: '下次每日自检：{{at}}（{{zone}}）',
    runCheck: '立即运行账本自检',
    status: { clean: '无差异', drift: '发现差异', failed: '无法自检' },
    mark: {
      drift: '账本自检发现差异',
      failed: '账本自检无法运行',
      detail: '上次自检 {{at}}（{{zone}}）：{{count}} 处问题。',
      open: '在设置中查看详情'
    }
  }
}
