/**
 * The rule messages of withdrawals, adjustment requests and FX rates as the contract and the hosts
 * word them (matched back by messages.ts), and the field names they use.
 */
export const enFinanceRules = {
  rateFormat: 'must be a rate such as 7.1234 (at most 10 decimals)',
  rateType: 'must be a rate such as 7.1234',
  markupFormat: 'must be a percentage such as 0.5, with at most 4 decimals',
  markupType: 'must be a percentage such as 0.5',
  wallTime: 'must be a date such as 2026-01-31 or 2026-01-31 08:00:00',
  differFromBase: 'must differ from baseCurrency',
  rateOrMarkup: 'give either appliedRate or markupPercent',
  afterValidFrom: 'must be after validFrom',
  markupBelow100: 'leaves no rate: the markup must be below 100',
  accountNoChars: 'must be 4–34 letters, digits or dashes',
  withdrawalRejectWhy: 'must say why the withdrawal is rejected, in at least {{n}} characters',
  adjustmentRejectWhy: 'must say why the adjustment is rejected, in at least {{n}} characters',
  transferFailedWhy: 'must say why the transfer failed, in at least {{n}} characters',
  bankReference: "must be the bank transfer's reference (at least {{n}} characters)",
  approveOrReject: 'must be approve or reject',
  paidOrFailed: 'must be paid or failed',
  noBankList: '{{currency}} has no bank list: withdrawals to a bank account are in CNY, THB, VND, IDR or BRL',
  notABank: '{{bank}} is not a bank in the {{country}} bank list',
  overAvailable: '{{amount}} plus the fee {{fee}} is more than the available balance {{available}}',
  ownWithdrawal: 'You requested withdrawal {{no}}; another user must review it (maker-checker)',
  ownAdjustment: 'You requested adjustment {{no}}; another user must review it (maker-checker)',
  withdrawalNotPending: 'Withdrawal {{no}} is no longer pending review',
  withdrawalNotApproved: 'Withdrawal {{no}} is not approved',
  adjustmentDecided: 'Adjustment {{no}} was already decided',
  noFxRate: 'the contract settles in {{quote}} and there is no valid {{pair}} rate at {{time}}; add one under Finance → FX rates',
  csvColumn: 'is not a column; the columns are {{columns}}',
  csvRequiredColumn: 'is a required column',
  csvNoRows: 'has no rates below the header',
  csvEmpty: 'is empty'
}

export const enFinanceFields = {
  bankCode: 'Bank',
  accountNo: 'Account number',
  holderName: 'Account holder',
  note: 'Note',
  decision: 'Decision',
  outcome: 'Outcome',
  bankReference: 'Bank reference',
  baseCurrency: 'From currency',
  quoteCurrency: 'Settlement currency',
  referenceRate: 'Reference rate',
  appliedRate: 'Applied rate',
  markupPercent: 'Markup (%)',
  csv: 'CSV file',
  file: 'File',
  row: 'Row'
}
