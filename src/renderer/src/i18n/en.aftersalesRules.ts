/** The after-sales rule messages as the host words them (matched back by messages.ts), and their field names. */
export const enAftersalesRules = {
  refundExceeds: 'only {{money}} of order {{orderNo}} can still be refunded (paid {{paid}}, refunded or in progress {{refunded}}, disputed {{disputed}})',
  disputeExceeds: 'only {{money}} of order {{orderNo}} can still be disputed (paid {{paid}}, refunded or in progress {{refunded}}, disputed {{disputed}})',
  notPaidDeposit: 'order {{orderNo}} is not a paid deposit; only paid deposits have refunds, disputes and waybills',
  fxSettled: 'order {{orderNo}} was settled in {{settlement}} from {{currency}}; refunds and disputes of orders settled in another currency are not supported yet',
  disputeResolved: 'Dispute {{disputeNo}} is already resolved',
  disputeNotOpen: 'Dispute {{disputeNo}} is not open; evidence is submitted once, while it is open',
  disputeNoEvidence: 'Dispute {{disputeNo}} has no evidence yet: add a file or attach a waybill first',
  waybillOtherOrder: 'waybill {{trackingNo}} belongs to another order than the disputed one',
  waybillAlreadyAttached: 'Waybill {{trackingNo}} is already attached to dispute {{disputeNo}}',
  waybillTaken: '{{carrierAndNo}} is already recorded',
  waybillSameStatus: 'the waybill already has this status',
  evidenceType: 'must be a PDF, PNG or JPEG file (its content says otherwise)',
  notBase64: 'is not valid base64',
  emptyFile: 'the file is empty',
  maxMegabytes: 'must be at most {{n}} MB',
  inFuture: 'must be in the future',
  dateTime: 'must be a date and time',
  after2000: 'must be a date after 2000',
  trackingChars: 'may only contain letters, digits and -'
}

export const enAftersalesFields = {
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
