/**
 * The fields a service type needs on an order (SPEC §2, the operation seed's table), checked the
 * same way by the form and by the main process. Bank codes come from the shipped bank lists.
 */
import { bank, BANKS, serviceType, USDT_NETWORKS, type OrderField } from './reference'
import type { ServerText, ServerTextCode, TextParam } from './server-text'

export interface FieldProblem {
  /** e.g. `fields.bankCode` */
  field: string
  /** What is wrong, as a rule text (`rule.cardDigits`…). */
  text: ServerText
}

// Built as plain objects: this module loads nothing but the reference data.
const rule = (code: ServerTextCode, params?: Record<string, TextParam>): ServerText => (params ? { code, params } : { code })

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

function checkAddress(network: string | undefined, address: string): ServerText | null {
  if (network === 'TRC20') return /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address) ? null : rule('rule.tronAddress')
  if (network === 'ERC20' || network === 'BEP20') return /^0x[0-9a-fA-F]{40}$/.test(address) ? null : rule('rule.evmAddress', { network })
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
  if (!type) return { fields, problems: [{ field: 'serviceId', text: rule('rule.unknownServiceType', { type: typeCode }) }] }
  for (const name of requiredFields(typeCode, direction)) {
    const value = (given[name] ?? '').trim()
    const problem = (text: ServerText) => problems.push({ field: `fields.${name}`, text })
    if (!value) {
      problem(rule('rule.requiredFor', { type: rule(`value.serviceType.${type.code}`), direction: rule(`value.directionWord.${direction}`) }))
      continue
    }
    fields[name] = value
    switch (name) {
      case 'payerName':
      case 'recipientName':
        if (!NAME.test(value)) problem(rule('rule.personName'))
        break
      case 'cardNumber':
        if (!/^\d{6,30}$/.test(value.replace(/[\s-]/g, ''))) problem(rule('rule.cardDigits'))
        else fields[name] = value.replace(/[\s-]/g, '')
        break
      case 'remarkCode':
        if (!/^[A-Za-z0-9]{1,32}$/.test(value)) problem(rule('rule.remarkChars'))
        break
      case 'bankCode':
        if (!type.bankList) break
        if (!bank(type.bankList, value.toUpperCase())) problem(rule('rule.notInBankList', { country: type.bankList, n: BANKS[type.bankList].length }))
        else fields[name] = value.toUpperCase()
        break
      case 'phone':
        if (!/^\+?\d{8,15}$/.test(value.replace(/[\s()-]/g, ''))) problem(rule('rule.phoneDigits'))
        else fields[name] = value.replace(/[\s()-]/g, '')
        break
      case 'idNumber':
        if (type.code === 'BRAZILIAN' ? !isCpf(value) : !/^[A-Za-z0-9]{5,30}$/.test(value)) problem(rule(type.code === 'BRAZILIAN' ? 'rule.cpf' : 'rule.idChars'))
        break
      case 'network':
        if (!USDT_NETWORKS.includes(value.toUpperCase())) problem(rule('rule.oneOf', { values: USDT_NETWORKS.join(', ') }))
        else fields[name] = value.toUpperCase()
        break
      case 'recipientAccount': {
        const wrong = type.code === 'USDT' ? checkAddress(given.network?.trim().toUpperCase(), value) : /^[A-Za-z0-9@._+-]{4,64}$/.test(value) ? null : rule('rule.accountChars')
        if (wrong) problem(wrong)
        break
      }
    }
  }
  return { fields, problems }
}
