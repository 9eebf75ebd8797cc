/**
 * The order rule messages as the shared field checks (order-fields.ts), the order procedures
 * and the callback settings word them (matched back by messages.ts), and their field names.
 * {{n}}, {{id}} and {{code}} stand for numbers; {{direction}} and {{status}} are translated.
 */
export const enOrderRules = {
  requiredFor: 'is required for {{type}} {{direction}}s',
  personName: 'must be a person’s or company’s name (2–100 letters)',
  cardDigits: 'must be 6–30 digits',
  remarkChars: 'must be 1–32 letters or digits, as typed by the payer',
  notInBankList: 'is not a bank of the {{country}} bank list ({{n}} banks)',
  phoneDigits: 'must be a phone number of 8–15 digits, optionally with +',
  cpf: 'must be a valid CPF (11 digits with check digits)',
  idChars: 'must be 5–30 letters or digits',
  tronAddress: 'must be a TRON (TRC20) address: T followed by 33 base58 characters',
  evmAddress: 'must be an {{network}} address: 0x followed by 40 hex digits',
  accountChars: 'must be 4–64 letters, digits or @._+-',
  lettersDigitsDash: 'may only contain letters, digits, _ and -',
  unknownServiceType: 'service type {{type}} is unknown',
  chooseMerchantFirst: 'is required: choose the merchant first',
  moreThanZero: 'must be more than zero',
  ownMerchantOnly: 'You can only create orders for your own merchant',
  needGlobalCode: 'Creating {{direction}}s for a merchant needs {{permission}} ({{code}}), or a user bound to that merchant',
  merchantDisabled: 'merchant "{{name}}" is disabled',
  notMerchantService: 'service {{id}} is not a service of merchant "{{name}}"',
  wrongDirectionService: 'service {{id}} is a {{direction}} service',
  notMerchantTerminal: 'terminal {{id}} is not a terminal of merchant "{{name}}"',
  merchantOrderNoTaken: '{{merchantOrderNo}} was already used for order {{orderNo}}',
  noContract: 'The merchant has no active contract settling in {{currency}} on {{day}}',
  // Both sides first: the one-side patterns would otherwise swallow the second clause.
  shortBoth:
    "Insufficient balance: the channel's available balance {{channelAvailable}} does not cover the amount {{amount}}; the merchant's available balance {{merchantAvailable}} does not cover the amount plus fee {{total}}",
  shortChannel: "Insufficient balance: the channel's available balance {{channelAvailable}} does not cover the amount {{amount}}",
  shortMerchant: "Insufficient balance: the merchant's available balance {{merchantAvailable}} does not cover the amount plus fee {{total}}",
  channelLowBalance: 'channel "{{name}}" has too little balance ({{amount}} available)',
  depositNotClosable: 'Deposit {{orderNo}} is {{status}}; only an unpaid deposit can be closed',
  payoutAlreadySent: 'Payout {{orderNo}} has already been sent to the provider and cannot be cancelled',
  alreadyFinal: 'Order {{orderNo}} is already {{status}}',
  paidAmountOnlyDeposit: 'only applies to a deposit marked succeeded',
  notifyFinalOnly: 'Order {{orderNo}} is {{status}}; merchants are notified of final states only',
  requeryFailed: 'The provider could not be queried: {{error}}',
  outboxNotWaiting: 'Outbox item {{id}} is {{status}}',
  portNumber: 'must be a port number',
  portRange: 'must be 0–65535',
  httpUrlShort: 'must be an http(s) URL'
}

/** Field names in refusals that the other catalogs do not name yet. */
export const enOrderFields = {
  paidAmount: 'Paid amount',
  merchantOrderNo: 'Merchant order number',
  terminalId: 'Terminal',
  result: 'Result',
  host: 'Listening address',
  port: 'Port',
  publicUrl: 'Public URL'
}

/**
 * The amount-range refusal of the limit engine (`rangeViolation`), re-worded with the currency
 * and the sources in the interface language (see pages/orders/amountRange.ts).
 */
export const enAmountRules = {
  below: 'must be at least {{amount}} ({{source}} limit); the available range is {{range}}',
  above: 'must be at most {{amount}} ({{source}} limit); the available range is {{range}}',
  both: '{{lower}} ({{lowerSource}}) – {{upper}} ({{upperSource}})',
  atLeast: 'at least {{lower}} ({{lowerSource}})',
  atMost: 'at most {{upper}} ({{upperSource}})',
  any: 'any amount',
  notPositive: 'must be greater than 0'
}
