import type { safetyTextEn } from './server-text.safety.en'

/** 备份、恢复与账本自检的中文文本（并入 server-text.zh-CN.ts）。 */
export const safetyTextZhCN: Record<keyof typeof safetyTextEn, string> = {
  'rule.backup.absoluteFolder': '必须是完整的文件夹路径（如 /srv/paydesk-backups 或 D:\\Backups），留空则使用默认文件夹',
  'rule.backup.fileName': '必须是备份文件夹中的 .db 文件名',
  'error.backup.folderNotWritable': '备份文件夹 {{folder}} 无法写入：{{reason}}',
  'error.backup.running': '正在进行一次备份，请等待其完成',
  'error.backup.inMemory': '此 PayDesk 使用内存数据库：没有可备份或恢复的文件',
  'error.backup.notRestorable': '备份 {{file}} 未恢复：{{reason}}',
  'error.backup.drift': '账本自检在其中发现 {{count}} 处问题',
  'error.ledgerCheck.running': '账本自检正在运行，请等待结果',
  'thing.backup': '备份 {{name}}',
  'audit.backupSettings': '备份设置已更改',
  'audit.backupMade': '已创建备份 {{file}}（{{bytes}} 字节）',
  'audit.backupRestoreStaged': '备份 {{file}} 自检无误并已就绪：下次启动时将替换数据库',
  'audit.ledgerCheck': '账本自检：{{status}}，{{entries}} 条分录中发现 {{drifts}} 处问题'
}
