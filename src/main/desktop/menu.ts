/**
 * The application menu, in the language of the operating system (English or Simplified Chinese).
 * Reload, Force reload and the developer tools are offered only in development builds: in a
 * packaged app they would let a user run code in the window (docs/electron-security.md).
 * Pure: the shell passes the actions and builds the menu from this template.
 */
import type { MenuItemConstructorOptions } from 'electron'

export type MenuLanguage = 'en' | 'zh-CN'

const TEXT = {
  en: {
    file: 'File',
    openLogs: 'Open logs folder',
    quit: 'Quit PayDesk',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force reload',
    devTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    demo: 'Demo',
    loadDemo: 'Load demo data',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close window',
    help: 'Help',
    checkUpdates: 'Check for updates…',
    about: 'About PayDesk'
  },
  'zh-CN': {
    file: '文件',
    openLogs: '打开日志文件夹',
    quit: '退出 PayDesk',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    forceReload: '强制重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    demo: '演示',
    loadDemo: '加载演示数据',
    window: '窗口',
    minimize: '最小化',
    close: '关闭窗口',
    help: '帮助',
    checkUpdates: '检查更新…',
    about: '关于 PayDesk'
  }
} satisfies Record<MenuLanguage, Record<string, string>>

export type MenuText = (typeof TEXT)['en']

/** The texts of the About and update dialogs, beside the menu's. */
export const DIALOG_TEXT = {
  en: {
    about: 'PayDesk',
    aboutDetail: (version: string) => `Version ${version}`,
    upToDate: 'PayDesk is up to date.',
    updateReady: (version: string) => `Version ${version} has been downloaded and will be installed when PayDesk restarts.`,
    noFeed: 'No update feed is configured for this installation (see docs/desktop.md).',
    updateFailed: (reason: string) => `Checking for updates failed: ${reason}`
  },
  'zh-CN': {
    about: 'PayDesk',
    aboutDetail: (version: string) => `版本 ${version}`,
    upToDate: 'PayDesk 已是最新版本。',
    updateReady: (version: string) => `版本 ${version} 已下载，将在 PayDesk 重新启动时安装。`,
    noFeed: '此安装未配置更新源（见 docs/desktop.md）。',
    updateFailed: (reason: string) => `检查更新失败：${reason}`
  }
} satisfies Record<MenuLanguage, Record<string, unknown>>

/** Chinese when the system's first preferred language is Chinese, else English. */
export function menuLanguage(preferred: readonly string[]): MenuLanguage {
  return /^zh\b/i.test(preferred[0] ?? '') ? 'zh-CN' : 'en'
}

export interface MenuActions {
  openLogs: () => void
  loadDemo: () => void
  checkForUpdates: () => void
  about: () => void
}

export function menuTemplate(options: { language: MenuLanguage; development: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const t: MenuText = TEXT[options.language]
  const { actions } = options
  const developer: MenuItemConstructorOptions[] = options.development
    ? [{ role: 'reload', label: t.reload }, { role: 'forceReload', label: t.forceReload }, { role: 'toggleDevTools', label: t.devTools }, { type: 'separator' }]
    : []
  return [
    {
      label: t.file,
      submenu: [{ label: t.openLogs, click: actions.openLogs }, { type: 'separator' }, { role: 'quit', label: t.quit }]
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll }
      ]
    },
    {
      label: t.view,
      submenu: [
        ...developer,
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen }
      ]
    },
    { label: t.demo, submenu: [{ label: t.loadDemo, click: actions.loadDemo }] },
    { label: t.window, submenu: [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.close }] },
    {
      label: t.help,
      submenu: [{ label: t.checkUpdates, click: actions.checkForUpdates }, { type: 'separator' }, { label: t.about, click: actions.about }]
    }
  ]
}
