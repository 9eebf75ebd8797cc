/** Four eyes: Settings › Four eyes, the approvals queue (Manual operations) and the order page's notice. */
export const enFourEyes = {
  fourEyes: {
    kinds: { payout: 'Payouts', mark_result: 'Forcing an order’s result', channel_balance: 'Channel balance top-ups and corrections', recon_write_off: 'Writing off or ignoring a reconciliation difference' },
    what: { payout: 'Payout', markResult: 'Mark order {{status}}', channelBalance: '{{kind}} of {{channel}}', reconWriteOff: 'Write off a reconciliation break', reconIgnore: 'Ignore a reconciliation break' },
    results: { succeeded: 'succeeded', failed: 'failed', returned: 'returned by the bank' },
    balanceKinds: { top_up: 'Top-up', correction: 'Correction' },
    statuses: { pending: 'Awaiting approval', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' },
    queueTitle: 'Awaiting a second approval',
    orderTitles: {
      payoutReleased: 'Second approval: approved, the payout was released',
      resultApplied: 'Second approval: approved, the result was applied',
      approved: 'Second approval: approved',
      rejected: 'Second approval: rejected',
      withdrawn: 'Second approval: no longer needed, the order finished first'
    },
    queueHint: 'Money moved by hand over the four-eyes threshold waits here until another user approves or rejects it. Times in {{zone}}.',
    kind: 'Request',
    subject: 'Order or channel',
    amount: 'Amount',
    requestedBy: 'Requested by',
    reason: 'Reason',
    decidedBy: 'Decided',
    bySystem: 'System (the order ended first)',
    approve: 'Approve',
    reject: 'Reject',
    cannotDecide: 'Another approver decides it',
    ownRequest: 'Your request: another user decides it',
    approveNote: 'Note (optional)',
    rejectNote: 'Why it is rejected',
    titles: { approve: 'Approve: {{what}}, {{amount}}', reject: 'Reject: {{what}}, {{amount}}' },
    intro: {
      payout: { approve: 'The payout is sent to its provider now, as any payout is.', reject: 'The payout is closed and its held amount and fee are released to the merchant.' },
      mark_result: { approve: 'The order is marked as requested now, posting or releasing its funds.', reject: 'Nothing changes on the order; the rejection is recorded on its timeline.' },
      channel_balance: { approve: 'The change is posted to the channel’s balance now.', reject: 'Nothing is posted.' },
      recon_write_off: { approve: 'The break is closed as asked now; its difference stays unbooked.', reject: 'The break is open again for another decision.' }
    },
    done: { approve: 'Approved', reject: 'Rejected' },
    awaitingTitle: 'Awaiting approval by a second user',
    awaitingPayout: 'Requested by {{user}} at {{at}} ({{zone}}). Nothing is sent to the provider until another user approves it; its amount and fee are held.',
    awaitingResult: 'Marking it {{status}} was requested by {{user}} at {{at}} ({{zone}}); it applies when another user approves it.',
    balanceAwaiting: 'Over the four-eyes threshold: request {{id}} waits for a second user’s approval; nothing was posted yet',
    settings: {
      title: 'Four eyes',
      hint: 'A second user must approve money moved by hand at or over a threshold: payouts (created holding their funds, sent only on approval), forcing an order’s result, channel balance changes, and a reconciliation difference written off or ignored (closed without booking it). One rule per kind and currency, the threshold in that currency; a kind or currency without a rule never waits. Whoever requests can never approve their own.',
      off: 'Off: nothing waits for a second approval.',
      kind: 'Applies to',
      currency: 'Currency',
      threshold: 'From amount',
      thresholdHint: 'At or over this amount; 0: every amount',
      add: 'Add a rule',
      remove: 'Remove this rule',
      saved: 'Four-eyes rules saved'
    }
  }
}
