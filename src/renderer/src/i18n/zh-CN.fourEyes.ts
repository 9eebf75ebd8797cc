/** 四眼复核：设置 › 四眼复核、待复核列表（手工操作）与订单页的提示。 */
export const zhCNFourEyes = {
  fourEyes: {
    kinds: { payout: '代付', mark_result: '手工标记订单结果', channel_balance: '通道余额充值与调整', recon_write_off: '核销或忽略对账差异' },
    what: { payout: '代付', markResult: '标记订单为{{status}}', channelBalance: '{{channel}} 的{{kind}}', reconWriteOff: '核销对账差异', reconIgnore: '忽略对账差异' },
    results: { succeeded: '成功', failed: '失败', returned: '被银行退回' },
    balanceKinds: { top_up: '充值', correction: '调整' },
    statuses: { pending: '待复核', approved: '已通过', rejected: '已驳回', withdrawn: '已撤回' },
    queueTitle: '等待第二人复核',
    orderTitles: {
      payoutReleased: '第二人复核：已通过，代付已放行',
      resultApplied: '第二人复核：已通过，结果已生效',
      approved: '第二人复核：已通过',
      rejected: '第二人复核：已驳回',
      withdrawn: '第二人复核：已无需复核，订单已先行结束'
    },
    queueHint: '超过四眼复核阈值的手工资金变动在此等待，直到另一位用户通过或驳回。时间为 {{zone}}。',
    kind: '申请',
    subject: '订单或通道',
    amount: '金额',
    requestedBy: '申请人',
    reason: '原因',
    decidedBy: '处理',
    bySystem: '系统（订单已先结束）',
    approve: '通过',
    reject: '驳回',
    cannotDecide: '由其他审批人处理',
    ownRequest: '您的申请：须由其他用户处理',
    approveNote: '备注（可选）',
    rejectNote: '驳回原因',
    titles: { approve: '通过：{{what}}，{{amount}}', reject: '驳回：{{what}}，{{amount}}' },
    intro: {
      payout: { approve: '代付将立即发送至上游，与普通代付相同。', reject: '代付将被关闭，冻结的金额与手续费退回商户。' },
      mark_result: { approve: '订单将立即按申请标记，入账或释放资金。', reject: '订单不变；驳回记录在其时间线上。' },
      channel_balance: { approve: '该变动将立即记入通道余额。', reject: '不记账。' },
      recon_write_off: { approve: '差异将立即按申请关闭，其金额不入账。', reject: '差异重新打开，等待其他处理。' }
    },
    done: { approve: '已通过', reject: '已驳回' },
    awaitingTitle: '等待第二位用户复核',
    awaitingPayout: '由 {{user}} 于 {{at}}（{{zone}}）发起。另一位用户通过前不会发送至上游；金额与手续费已冻结。',
    awaitingResult: '{{user}} 于 {{at}}（{{zone}}）申请将其标记为{{status}}；另一位用户通过后生效。',
    balanceAwaiting: '超过四眼复核阈值：申请 {{id}} 等待第二位用户复核，尚未记账',
    settings: {
      title: '四眼复核',
      hint: '达到阈值的手工资金变动须由第二位用户复核：代付（创建时冻结资金，通过后才发送）、手工标记订单结果、通道余额变动，以及核销或忽略对账差异（不入账而关闭差异）。每种类型每个币种一条规则，阈值以该币种计；没有规则的类型或币种无需复核。申请人永远不能复核自己的申请。',
      off: '未开启：无需第二人复核。',
      kind: '适用于',
      currency: '币种',
      threshold: '起始金额',
      thresholdHint: '达到或超过此金额；0 表示所有金额',
      add: '添加规则',
      remove: '删除此规则',
      saved: '四眼复核规则已保存'
    }
  }
}
