/** English: ledger balances, manual adjustments and channel balance top-ups. */
export const enFinance = {
  ledger: {
    title: 'Ledger balances',
    account: 'Account',
    kind: 'Account kind',
    kinds: {
      merchant_available: 'Merchant available',
      merchant_reserve: 'Merchant reserve',
      channel: 'Channel',
      platform_fee: 'Platform fees',
      fx: 'FX',
      suspense: 'Suspense'
    },
    owner: 'Merchant or channel',
    platform: 'Platform',
    balance: 'Balance',
    available: 'Available',
    held: 'Held'
  },
  adjustments: {
    title: 'Manual adjustments',
    intro: 'A manual adjustment (entry type 99) moves a merchant’s available balance against the suspense account. Every adjustment needs a reason and is audited.',
    needApprove: 'Posting an adjustment needs the permission “Approve manual adjustments”.',
    contract: 'Contract',
    pickContract: 'Choose a contract of this merchant',
    pickMerchantFirst: 'Choose a merchant first',
    currency: 'Currency',
    currencyHint: 'The contract’s settlement currency.',
    amount: 'Amount',
    amountHint: 'Signed: positive credits the merchant, negative debits it (e.g. -12.50).',
    reason: 'Reason',
    submit: 'Post adjustment',
    postedTitle: 'Adjustment posted',
    replayedTitle: 'Already posted: nothing was posted again',
    postedBody: '{{amount}} to {{merchant}}',
    postingId: 'Posting ID: {{id}}',
    another: 'New adjustment'
  },
  channelBalance: {
    open: 'Top up / correct balance',
    title: 'Top up or correct the balance of {{name}}',
    kinds: { top_up: 'Top-up', correction: 'Correction' },
    topUpHint: 'Money added to the channel’s account at the provider: a positive amount.',
    correctionHint: 'Brings the ledger in line with the provider’s balance: positive or negative.',
    amount: 'Amount',
    reason: 'Reason',
    submit: 'Post',
    posted: 'Posted as posting {{id}}',
    replayed: 'Already posted as posting {{id}}; nothing was posted again'
  }
}
