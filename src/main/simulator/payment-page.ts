/**
 * What the simulated provider tells a payer, by service type: a USDT address, a wallet QR code, a
 * collecting bank account, a PIX copy-and-paste code (Brazil), or else a hosted page to redirect to.
 * Deterministic per upstream number, so a repeated answer shows the same thing.
 */
import { createHash } from 'node:crypto'
import { BANKS, serviceType } from '../../shared/reference'
import type { SimOrder } from './types'

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest()
}

/** A TRC20-looking address (T + 33 base58 characters) or an EVM one (0x + 40 hex). Not a real wallet. */
export function simulatedAddress(seed: string, network: string): string {
  const bytes = digest(seed)
  if (network === 'ERC20' || network === 'BEP20') return `0x${bytes.toString('hex').slice(0, 40)}`
  let out = 'T'
  for (let i = 0; out.length < 34; i++) out += BASE58[bytes[i % bytes.length] % BASE58.length]
  return out
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as the BR Code (PIX) standard requires. */
export function crc16ccitt(text: string): string {
  let crc = 0xffff
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

function tlv(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`
}

/** A PIX "copia e cola" payload (EMV BR Code) for the amount, with its CRC. */
export function pixCopyPaste(txid: string, amount: string): string {
  const account = tlv('00', 'br.gov.bcb.pix') + tlv('01', 'pix@simulator.paydesk.invalid')
  const body =
    tlv('00', '01') +
    tlv('26', account) +
    tlv('52', '0000') +
    tlv('53', '986') +
    tlv('54', amount) +
    tlv('58', 'BR') +
    tlv('59', 'PAYDESK SIMULATOR') +
    tlv('60', 'SAO PAULO') +
    tlv('62', tlv('05', txid.replace(/[^A-Za-z0-9]/g, '').slice(0, 25)))
  const withCrcTag = `${body}6304`
  return withCrcTag + crc16ccitt(withCrcTag)
}

function collectingAccount(order: SimOrder): Record<string, string> {
  const country = serviceType(order.serviceType)?.bankList ?? 'CN'
  const banks = BANKS[country]
  const bank = banks.find((b) => b.code === order.fields.bankCode) ?? banks[0]
  const digits = [...digest(order.upstreamNo)].map((b) => String(b % 10)).join('')
  return {
    bankAccount: `6${digits.slice(0, 15)}`,
    bankName: bank ? bank.name : 'Simulator Bank',
    accountName: 'PayDesk Simulator Collection'
  }
}

export function paymentPageFor(order: SimOrder, baseUrl: string): Record<string, string> {
  switch (order.serviceType) {
    case 'USDT':
      return { address: simulatedAddress(order.upstreamNo, order.fields.network ?? 'TRC20') }
    case 'CNY_ALIPAY_WECHAT':
      return { qrCode: `simpay://qr/${order.upstreamNo}?amount=${order.amount}` }
    case 'BRAZILIAN':
      return { qrCode: pixCopyPaste(order.upstreamNo, order.amount) }
    case 'CNY_BANK_CARD':
    case 'THAI':
    case 'VIETNAMESE':
    case 'INDONESIAN':
      return collectingAccount(order)
    default:
      return { payUrl: `${baseUrl}/pay/${encodeURIComponent(order.upstreamNo)}` }
  }
}
