/**
 * Field names as refusals name them ("Username: must be at least 3 characters" in a toast): the
 * form's own label wherever the screens have one, so a field is named the same on the form and in
 * the message. Keys are the contract's input field names (see messages.ts `fieldLabel`).
 */
import { enFinance } from './en.finance'
import { enMaster } from './en.master'

type Labels = typeof enMaster & typeof enFinance

/** The master-data and ledger fields, by the labels of their forms; `own` names the rest. */
export function masterFieldsOf(labels: Labels, own: typeof enOwnFields) {
  return {
    settlementCurrency: labels.contracts.settlementCurrency,
    feeRate: labels.contracts.feeRate,
    fixedFee: labels.contracts.fixedFee,
    refundFee: labels.contracts.refundFee,
    disputeFee: labels.contracts.disputeFee,
    withdrawalFee: labels.contracts.withdrawalFee,
    reserveRate: labels.contracts.reserveRate,
    reserveHoldDays: labels.contracts.reserveHoldDays,
    validFrom: labels.contracts.validFrom,
    validTo: labels.contracts.validTo,
    contactName: labels.merchants.contactName,
    contactEmail: labels.merchants.contactEmail,
    contactPhone: labels.merchants.contactPhone,
    notifyUrl: labels.merchants.notifyUrl,
    type: labels.terminals.type,
    identifier: labels.terminals.identifier,
    serviceType: labels.master.serviceType,
    direction: labels.master.direction,
    currency: labels.master.currency,
    provider: labels.channels.provider,
    supportsDeposit: labels.channels.supportsDeposit,
    supportsPayout: labels.channels.supportsPayout,
    credentials: labels.channels.credentials,
    channelId: labels.bindings.channel,
    serviceId: labels.bindings.service,
    contractId: labels.adjustments.contract,
    amount: labels.adjustments.amount,
    reason: labels.adjustments.reason,
    activated: labels.services.activatedSwitch,
    ...own
  }
}

const enOwnFields = {
  singleLower: 'Single limit (lower)',
  singleUpper: 'Single limit (upper)',
  paymentLower: 'Deposit limit (lower)',
  paymentUpper: 'Deposit limit (upper)',
  payoutLower: 'Payout limit (lower)',
  payoutUpper: 'Payout limit (upper)',
  boundLower: 'Service bound (lower)',
  boundUpper: 'Service bound (upper)',
  requestKey: 'Request key',
  kind: 'Kind',
  id: 'ID'
}

const enMasterFields = masterFieldsOf({ ...enMaster, ...enFinance }, enOwnFields)

const enOrderFields = {
  paidAmount: 'Paid amount',
  merchantOrderNo: 'Merchant order number',
  terminalId: 'Terminal',
  result: 'Result',
  host: 'Listening address',
  port: 'Port',
  publicUrl: 'Public URL'
}

const enAftersalesFields = {
  orderId: 'Order',
  amount: 'Amount',
  reason: 'Reason',
  reasonCode: 'Reason code',
  evidenceDueAt: 'Evidence due',
  contentBase64: 'File',
  fileName: 'File name',
  waybillId: 'Waybill',
  carrier: 'Carrier',
  trackingNo: 'Tracking no.',
  shippedAt: 'Shipped at',
  note: 'Note'
}

const enFinanceFields = {
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

const enBaseFields = {
  input: 'Input',
  body: 'Request',
  username: 'Username',
  displayName: 'Display name',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  setupCode: 'Setup code',
  merchantId: 'Merchant',
  roleIds: 'Roles',
  name: 'Name',
  description: 'Description',
  permissions: 'Permissions',
  status: 'Status',
  sessionIdleMinutes: 'Session idle limit',
  sessionAbsoluteMinutes: 'Session absolute limit',
  // One item of a list a refusal points into (`steps.16.amount` reads "Step 17 · Amount").
  steps: 'Step',
  maxOrders: 'At most this many orders',
  maxAmount: 'At most this total amount',
  assignTo: 'Assign to',
  cap: 'At most'
}

export const enFields = {
  ...enBaseFields,
  ...enMasterFields,
  ...enOrderFields,
  ...enAftersalesFields,
  ...enFinanceFields
}
