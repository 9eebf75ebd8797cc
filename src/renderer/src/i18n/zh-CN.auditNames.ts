/** 简体中文：审计日志中操作与对象代码的含义，用于筛选（发送的仍是代码）。 */
export const zhCNAuditNames = {
  auditNames: {
    procedures: {
      system: { bootstrap: '数据库首次启动', orderEngine: '订单引擎（上游应答、回调、超时关闭）' },
      auth: { setupAdmin: '创建首个管理员', login: '登录', logout: '退出登录', changePassword: '修改本人密码' },
      users: { create: '新建用户', update: '编辑用户', setStatus: '启用或停用用户', resetPassword: '重置用户密码' },
      roles: { create: '新建角色', update: '编辑角色' },
      merchants: { create: '新建商户', update: '编辑商户', setStatus: '启用或停用商户', rotateSecret: '更换商户签名密钥' },
      settings: { update: '修改设置', setBusinessZone: '修改业务时区' },
      demo: { load: '加载演示数据' },
      contracts: { create: '新建合同', update: '编辑合同', setStatus: '启用或停用合同' },
      terminals: { create: '新建终端', update: '编辑终端', setStatus: '启用或停用终端' },
      services: { create: '新建服务', update: '编辑服务', setStatus: '启用或停用服务' },
      channels: {
        create: '新建通道',
        update: '编辑通道',
        setStatus: '启用或停用通道',
        adjustBalance: '充值或更正通道余额',
        testConnection: '测试通道连接'
      },
      bindings: { create: '绑定通道与服务', update: '编辑绑定', setStatus: '启用或停用绑定' },
      orders: {
        createDeposit: '创建代收订单',
        createPayout: '创建代付订单',
        close: '关闭订单',
        requery: '查询订单状态',
        markResult: '强制设定订单结果',
        resendNotification: '重发商户通知',
        revealCardNumber: '查看完整卡号'
      },
      outbox: { retryNow: '立即重试发件项' },
      callbacks: { updateSettings: '修改回调监听' },
      parked: { resolve: '处理挂起的上游报告' },
      reports: { exportStart: '开始导出', exportCancel: '取消导出' },
      refunds: { create: '创建退款' },
      disputes: {
        create: '登记争议',
        addEvidence: '添加争议证据',
        attachWaybill: '为争议关联运单',
        addNote: '添加争议备注',
        submitEvidence: '提交争议证据',
        resolve: '了结争议'
      },
      waybills: { create: '新建运单', updateStatus: '更新运单状态' },
      withdrawals: { request: '申请提现', review: '审核提现', complete: '完成提现' },
      adjustments: { request: '申请调账', decide: '批准或驳回调账' },
      fx: { create: '添加汇率', import: '导入汇率' },
      recon: {
        sources: { create: '新建对账来源', update: '编辑对账来源' },
        profiles: { save: '保存对账单格式' },
        uploads: { put: '上传对账单' },
        imports: { check: '检查对账单导入', commit: '导入对账单' },
        jobs: { cancel: '取消对账任务' },
        runs: { start: '开始对账', export: '导出对账结果' },
        breaks: { resolve: '处理对账差异', bulk: '批量处理差异', importDecisions: '导入差异处理决定' }
      },
      simulator: {
        start: '启动模拟器',
        stop: '停止模拟器',
        connectChannel: '将通道指向模拟器',
        setBehaviour: '设置模拟器行为',
        clearBehaviours: '清除模拟器行为',
        pay: '在模拟器中支付代收'
      },
      fieldtest: {
        plans: { generate: '生成现场测试计划', save: '保存现场测试计划' },
        runs: { start: '开始现场测试', confirm: '确认现场测试步骤', stop: '停止现场测试' },
        reports: { sign: '签署现场测试报告', countersign: '会签现场测试报告' }
      },
      backups: { updateSettings: '修改备份设置', create: '创建备份', restore: '恢复备份' },
      ledgerCheck: { run: '运行账本检查' },
      fourEyes: { updateSettings: '修改双人复核设置' },
      approvals: { decide: '批准或驳回申请' },
      me: { updatePreferences: '修改个人偏好' },
      views: { save: '保存视图', delete: '删除视图' }
    },
    targets: {
      adjustment: '调账',
      backup: '备份',
      binding: '通道与服务绑定',
      channel: '通道',
      contract: '合同',
      demo: '演示数据',
      dispute: '争议',
      fieldtest_plan: '现场测试计划',
      fieldtest_report: '现场测试报告',
      fieldtest_run: '现场测试',
      fx_rate: '汇率',
      ledger_check: '账本检查',
      merchant: '商户',
      order: '订单',
      outbox: '发件项',
      recon_break: '对账差异',
      recon_run: '对账批次',
      recon_source: '对账来源',
      refund: '退款',
      report: '报表导出',
      role: '角色',
      saved_view: '已保存视图',
      service: '服务',
      settings: '设置',
      simulator: '模拟器',
      terminal: '终端',
      user: '用户',
      waybill: '运单',
      withdrawal: '提现'
    }
  }
}
