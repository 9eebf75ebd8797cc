import type { TranslationResource } from './en'
import { zhCNAftersales } from './zh-CN.aftersales'
import { zhCNCatalog } from './zh-CN.catalog'
import { zhCNFieldtest } from './zh-CN.fieldtest'
import { zhCNFinance } from './zh-CN.finance'
import { zhCNHome } from './zh-CN.home'
import { zhCNMaster } from './zh-CN.master'
import { zhCNOrders } from './zh-CN.orders'
import { zhCNReports } from './zh-CN.reports'
import { zhCNRecon } from './zh-CN.recon'
import { zhCNSafety } from './zh-CN.safety'
import { zhCNFourEyes } from './zh-CN.fourEyes'
import { zhCNViews } from './zh-CN.views'
import { zhCNAuditNames } from './zh-CN.auditNames'
import { zhCNTimeZones } from './zh-CN.timeZones'

/** 简体中文界面文案；键与英文完全一致（类型和 resources.test.ts 都会检查）。 */
export const zhCN: TranslationResource = {
  ...zhCNCatalog,
  ...zhCNMaster,
  ...zhCNFinance,
  ...zhCNOrders,
  ...zhCNReports,
  ...zhCNAftersales,
  ...zhCNFieldtest,
  ...zhCNRecon,
  ...zhCNHome,
  ...zhCNSafety,
  ...zhCNFourEyes,
  ...zhCNViews,
  ...zhCNAuditNames,
  ...zhCNTimeZones,
  app: {
    name: 'PayDesk',
    loading: '加载中…',
    retry: '重试',
    loadFailed: '无法加载此页面',
    cannotOpen: '无法打开',
    toggleNavigation: '显示或隐藏导航',
    timesIn: '时间按您的显示时区（{{zone}}）显示。',
    daysAndTimes: '日期为业务日（按 {{business}} 切分）；时间按 {{display}} 显示。'
  },
  languages: {
    en: 'English',
    zhCN: '简体中文'
  },
  common: {
    close: '关闭',
    clear: '清除',
    revealToggle: '显示或隐藏输入内容',
    save: '保存',
    cancel: '取消',
    edit: '编辑',
    back: '返回',
    all: '全部',
    active: '启用',
    disabled: '停用',
    status: '状态',
    actions: '操作',
    search: '搜索',
    name: '名称',
    description: '说明',
    createdAt: '创建时间',
    updatedAt: '更新时间',
    none: '—',
    builtIn: '内置',
    platform: '平台（全部商户）'
  },
  table: {
    noRecords: '暂无数据',
    loading: '加载中…',
    pagination: '第 {{from}}–{{to}} 条，共 {{total}} 条',
    recordsPerPage: '每页行数',
    firstPage: '第一页',
    lastPage: '最后一页',
    previousPage: '上一页',
    nextPage: '下一页'
  },
  timeline: {
    time: '时间',
    kind: '事件',
    what: '发生了什么',
    actor: '操作人'
  },
  header: {
    language: '语言',
    darkMode: '切换到深色模式',
    lightMode: '切换到浅色模式',
    userMenu: '账户',
    changePassword: '修改密码',
    signOut: '退出登录',
    signedOut: '您已退出登录',
    platformStaff: '平台员工'
  },
  notify: {
    errorTitle: '操作未成功',
    successTitle: '操作成功',
    network: '无法连接 PayDesk 主机，请确认它正在运行',
    badResponse: 'PayDesk 主机返回了无法识别的应答（{{status}}）',
    sessionEnded: '会话已结束，请重新登录'
  },
  validation: {
    passwordsDiffer: '与密码不一致',
    dateOrder: '不能早于开始日期'
  },
  setup: {
    title: '欢迎使用 PayDesk',
    intro: '请创建首个管理员账户，之后用它为其他员工开通账户。',
    username: '用户名',
    displayName: '显示名称',
    password: '密码',
    confirmPassword: '确认密码',
    setupCode: '设置码',
    setupCodeHint: '设置码显示在启动 PayDesk 的控制台窗口中。',
    passwordHint: '至少 10 个字符，须同时包含字母和数字。',
    submit: '创建管理员',
    created: '管理员已创建，您已登录'
  },
  login: {
    title: '登录 PayDesk',
    username: '用户名',
    password: '密码',
    submit: '登录'
  },
  changePassword: {
    title: '修改密码',
    mustChange: '继续使用前，请先设置新密码。',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    submit: '修改密码',
    changed: '密码已修改，您在其他位置的会话已退出'
  },
  home: {
    welcome: '欢迎，{{name}}',
    username: '用户名',
    roles: '角色',
    merchant: '商户',
    platformStaff: '平台员工：可访问全部商户',
    noRoles: '尚未分配角色',
    hint: '请通过左侧导航打开您有权限使用的模块。'
  },
  forbidden: {
    title: '无权访问',
    body: '您的角色不包含此页面所需的权限。如有需要，请联系管理员。'
  },
  notFound: {
    title: '页面不存在',
    body: '此地址没有对应的页面。',
    home: '返回首页'
  },
  users: {
    title: '用户',
    newUser: '新建用户',
    searchLabel: '搜索用户',
    searchPlaceholder: '用户名或显示名称',
    statusFilter: '按状态筛选',
    roleFilter: '按角色筛选',
    colUsername: '用户名',
    colDisplayName: '显示名称',
    colMerchant: '商户',
    colRoles: '角色',
    colStatus: '状态',
    locked: '已锁定',
    mustChange: '需修改密码',
    username: '用户名',
    displayName: '显示名称',
    initialPassword: '初始密码',
    initialPasswordHint: '用户首次登录时必须修改。',
    merchant: '商户',
    merchantHint: '绑定商户的用户只能看到该商户的数据。',
    roles: '角色',
    createTitle: '新建用户',
    create: '创建用户',
    editTitle: '编辑用户 {{username}}',
    enable: '启用',
    disable: '停用',
    resetPassword: '重置密码',
    resetTitle: '重置 {{username}} 的密码',
    resetHint: '用户下次登录时必须修改密码；其当前会话将立即结束。',
    newPassword: '新密码',
    created: '已创建用户 {{username}}',
    updated: '已保存用户 {{username}}',
    enabled: '已启用用户 {{username}}',
    disabledDone: '已停用用户 {{username}}',
    passwordReset: '已重置 {{username}} 的密码'
  },
  roles: {
    title: '角色',
    newRole: '新建角色',
    name: '名称',
    description: '说明',
    permissions: '权限',
    users: '用户数',
    readOnly: '内置角色遵循权限目录，不能修改。',
    createTitle: '新建角色',
    editTitle: '编辑角色 {{name}}',
    create: '创建角色',
    platformOnly: '仅限平台员工',
    needsHint: '勾选一项权限时，会同时勾选其页面所需的权限（可选择商户的列表需要“查看主数据”）。',
    incomplete: '不完整：缺少“{{permission}}”所需的“{{needed}}”（{{code}}）；在角色补上该权限并保存之前，相关页面会提示“无权限”。',
    created: '已创建角色 {{name}}',
    updated: '已保存角色 {{name}}'
  },
  audit: {
    title: '审计日志',
    procedure: '操作接口',
    targetType: '对象类型',
    searchLabel: '搜索',
    searchPlaceholder: '摘要或操作人',
    from: '开始日期',
    to: '结束日期',
    colTime: '时间',
    colActor: '操作人',
    colProcedure: '操作接口',
    colTarget: '对象',
    colSummary: '摘要',
    before: '修改前',
    after: '修改后',
    nothing: '无记录',
    expandHint: '点击某一行可查看修改前后的数据。'
  },
  settings: {
    title: '系统设置',
    sessions: '会话',
    general: '机构与会话',
    tenantName: '机构名称',
    tenantNameHint: '显示在标题栏中 PayDesk 旁边。',
    sessionsHint: '会话在无操作达到空闲时限后结束；无论是否有操作，达到绝对时限后也会结束。',
    idle: '会话空闲时限（分钟）',
    absolute: '会话绝对时限（分钟）',
    saved: '设置已保存'
  }
}
