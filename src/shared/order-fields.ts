/**
 * The fields a service type needs on an order (SPEC §2, the operation seed's table), checked the
 * same way by the form and by the main process. Bank codes come from the shipped bank lists.
 */
import { bank, BANKS, serviceType, USDT_NETWORKS, type OrderField } from './reference'

export interface FieldProblem {
  /** e.g. `fields.bankCode` */
  field: string
  message: string
}

const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'-]{1,99}$/u

/** Brazil's CPF: 11 digits with two check digits. */
export function isCpf(value: string): boolean {
  const digits = value.replace(/[.-]/g, '')
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false
  const check = (length: number) => {
    const sum = [...digits.slice(0, length)].reduce((s, d, i) => s + Number(d) * (length + 1 - i), 0)
    const rest = (sum * 10) % 11
    return rest === 10 ? 0 : rest
  }
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10])
}

function checkAddress(network: string | undefined, address: string): string | null {
  if (network === 'TRC20') return /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address) ? null : 'must be a TRON (TRC20) address: T followed by 33 base58 characters'
  if (network === 'ERC20' || network === 'BEP20') return /^0x[0-9a-fA-F]{40}$/.test(address) ? null : `must be an ${network} address: 0x followed by 40 hex digits`
  return null
}

export function requiredFields(typeCode: string, direction: 'deposit' | 'payout'): OrderField[] {
  const type = serviceType(typeCode)
  if (!type) return []
  return direction === 'deposit' ? type.depositFields : type.payoutFields
}

/**
 * Checks the service type's required fields and returns them trimmed; fields the type does not
 * use are dropped (they would only end up in logs).
 */
export function checkOrderFields(typeCode: string, direction: 'deposit' | 'payout', given: Record<string, string>): { fields: Record<string, string>; problems: FieldProblem[] } {
  const type = serviceType(typeCode)
  const problems: FieldProblem[] = []
  const fields: Record<string, string> = {}
  if (!type) return { fields, problems: [{ field: 'serviceId', message: `service type ${typeCode} is unknown` }] }
  for (const name of requiredFields(typeCode, direction)) {
    const value = (given[name] ?? '').trim()
    const problem = (message: string) => problems.push({ field: `fields.${name}`, message })
    if (!value) {
      problem(`is required for ${type.name} ${direction}s`)
      continue
    }
    fields[name] = value
    switch (name) {
      case 'payerName':
      case 'recipientName':
        if (!NAME.test(value)) problem('must be a person’s or company’s name (2–100 letters)')
        break
      case 'cardNumber':
        if (!/^\d{6,30}$/.test(value.replace(/[\s-]/g, ''))) problem('must be 6–30 digits')
        else fields[name] = value.replace(/[\s-]/g, '')
        break
      case 'remarkCode':
        if (!/^[A-Za-z0-9]{1,32}$/.test(value)) problem('must be 1–32 letters or digits, as typed by the payer')
        break
      case 'bankCode':
        if (!type.bankList) break
        if (!bank(type.bankList, value.toUpperCase())) problem(`is not a bank of the ${type.bankList} bank list (${BANKS[type.bankList].length} banks)`)
        else fields[name] = value.toUpperCase()
        break
      case 'phone':
        if (!/^\+?\d{8,15}$/.test(value.replace(/[\s()-]/g, ''))) problem('must be a phone number of 8–15 digits, optionally with +')
        else fields[name] = value.replace(/[\s()-]/g, '')
        break
      case 'idNumber':
        if (type.code === 'BRAZILIAN' ? !isCpf(value) : !/^[A-Za-z0-9]{5,30}$/.test(value)) problem(type.code === 'BRAZILIAN' ? 'must be a valid CPF (11 digits with check digits)' : 'must be 5–30 letters or digits')
        break
      case 'network':
        if (!USDT_NETWORKS.includes(value.toUpperCase())) problem(`must be one of ${USDT_NETWORKS.join(', ')}`)
        else fields[name] = value.toUpperCase()
        break
      case 'recipientAccount': {
        const message = type.code === 'USDT' ? checkAddress(given.network?.trim().toUpperCase(), value) : /^[A-Za-z0-9@._+-]{4,64}$/.test(value) ? null : 'must be 4–64 letters, digits or @._+-'
        if (message) problem(message)
        break
      }
    }
  }
  return { fields, problems }
}
