/**
 * The master-data and ledger rule messages as the contract and the hosts word them (matched back
 * by messages.ts), and the field names they use. {{n}}, {{id}} and {{code}} stand for numbers.
 */
import { enFinance } from './en.finance'
import { enMaster } from './en.master'

export const enMasterRules = {
  currencyCode: 'must be a currency code such as CNY',
  unsupportedCurrency: 'is not a supported currency',
  amountFormat: 'must be an amount such as 100.00',
  signedAmountFormat: 'must be an amount such as -12.50',
  notZero: 'must not be zero',
  percentFormat: 'must be a percentage such as 2.5',
  percentDecimals: 'must be a percentage such as 2.5, with at most 4 decimals',
  dateFormat: 'must be a date such as 2026-01-31',
  notCalendarDate: 'is not a calendar date',
  validToOrder: 'must be on or after validFrom',
  daysNumber: 'must be a number of days',
  wholeDays: 'must be a whole number of days',
  emailExample: 'must be an email address such as ops@example.com',
  email: 'must be an email address',
  phoneChars: 'may only contain digits, spaces and + ( ) -',
  phone: 'must be a phone number',
  url: 'must be a URL',
  httpUrl: 'must be an http or https URL such as https://merchant.example/notify',
  text: 'must be text',
  // Any text field given a control character (src/main/core/control-characters.ts).
  controlCharacters: 'must not contain control characters',
  identifierChars: 'may only contain letters, digits and . _ : / -',
  providerChars: 'may only contain letters, digits and . _ -',
  terminalType: 'must be pos, web, app or api',
  directionValue: 'must be deposit or payout',
  trueOrFalse: 'must be true or false',
  oneOf: 'must be one of {{values}}',
  needDirection: 'a channel must support deposits or payouts (or both)',
  credentialsObject: 'must be an object of names to text values',
  credentialNames: 'names must be 1–64 letters, digits or . _ -',
  maxEntries: 'must have at most {{n}} entries',
  balanceKind: 'must be top_up or correction',
  reasonMin: 'must say why in at least {{n}} characters',
  currencyDecimals: '{{currency}} has at most {{n}} decimal places',
  wholeAmounts: '{{currency}} amounts are whole numbers',
  tooLarge: 'is too large',
  limitOrder: 'must be at least {{field}} ({{amount}}), or 0 for no limit',
  channelNameTaken: 'a channel named "{{name}}" already exists',
  contractNameTaken: 'this merchant already has a contract named "{{name}}"',
  terminalTaken: 'this merchant already has a terminal "{{name}}"',
  serviceExists: '{{merchant}} already has a {{type}} {{direction}} service in {{currency}} (service {{id}})',
  serviceTypeCurrencies: 'the {{type}} service type takes {{currencies}} only',
  bindingExists: 'service {{id}} is already bound to channel "{{name}}"',
  bindingCurrency: 'channel "{{name}}" is in {{currency}} but service {{id}} is in {{serviceCurrency}}',
  channelDirection: 'channel "{{name}}" does not support {{direction}}s',
  channelMissing: 'channel {{id}} does not exist',
  serviceMissing: 'service {{id}} does not exist',
  contractNotOfMerchant: 'contract {{id}} is not a contract of merchant {{merchant}}',
  contractCurrency: 'contract {{id}} settles in {{currency}}, not {{given}}',
  topUpPositive: 'a top-up must be positive; record a decrease as a correction',
  directionInUse: 'the channel is bound to {{n}} {{direction}} service(s); remove those bindings first',
  rangeCurrency: 'channel "{{name}}" is in {{currency}} but the service is in {{serviceCurrency}}',
  notBound: 'channel "{{name}}" is not bound to this service',
  serviceDisabled: 'the service is disabled',
  serviceNotActivated: 'the service is not activated',
  channelDisabled: 'channel "{{name}}" is disabled',
  bindingDisabled: 'the binding of this channel to the service is disabled'
}

type Labels = typeof enMaster & typeof enFinance

/**
 * Field names in refusals (`singleLower: …`): the form's own label wherever the screens have
 * one, so a field is named the same on the form and in the message; `own` names the rest.
 */
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

export const enMasterFields = masterFieldsOf({ ...enMaster, ...enFinance }, enOwnFields)
