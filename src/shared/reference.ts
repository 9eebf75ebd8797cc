/**
 * Reference data shipped under resources/reference: currencies with their minor units, bank lists
 * and the service types with the fields each needs. Everything that takes a currency, a bank code
 * or a service type validates against these.
 */
import currenciesFile from '../../resources/reference/currencies.json'
import banksBr from '../../resources/reference/banks-br.json'
import banksCn from '../../resources/reference/banks-cn.json'
import banksId from '../../resources/reference/banks-id.json'
import banksTh from '../../resources/reference/banks-th.json'
import banksVn from '../../resources/reference/banks-vn.json'
import serviceTypesFile from '../../resources/reference/service-types.json'

export interface Currency {
  code: string
  name: string
  nameZh: string
  minorUnits: number
}

export interface Bank {
  code: string
  institutionCode: string
  name: string
  localName: string
}

export type BankCountry = 'CN' | 'TH' | 'VN' | 'ID' | 'BR'

export type OrderField =
  | 'payerName'
  | 'cardNumber'
  | 'remarkCode'
  | 'bankCode'
  | 'phone'
  | 'idNumber'
  | 'recipientName'
  | 'recipientAccount'
  | 'network'

export interface ServiceType {
  code: string
  name: string
  nameZh: string
  currencies: string[]
  depositFields: OrderField[]
  payoutFields: OrderField[]
  bankList: BankCountry | null
  note: string
}

export const CURRENCIES: readonly Currency[] = currenciesFile.currencies
export const CURRENCY_CODES = CURRENCIES.map((c) => c.code) as [string, ...string[]]
const byCode = new Map(CURRENCIES.map((c) => [c.code, c]))

export function currency(code: string): Currency | undefined {
  return byCode.get(code)
}

export function isCurrency(code: string): boolean {
  return byCode.has(code)
}

export const BANKS: Record<BankCountry, readonly Bank[]> = {
  CN: banksCn.banks,
  TH: banksTh.banks,
  VN: banksVn.banks,
  ID: banksId.banks,
  BR: banksBr.banks
}

/** A bank as every screen and timeline names it: its code, its English name and its own ("ICBC · Industrial and … · 中国工商银行"). */
export function bankLabel(bank: Pick<Bank, 'code' | 'name' | 'localName'>): string {
  return [bank.code, bank.name, bank.localName].filter((part, index, all) => part && all.indexOf(part) === index).join(' · ')
}

export function bank(country: BankCountry, code: string): Bank | undefined {
  return BANKS[country].find((b) => b.code === code)
}

export const SERVICE_TYPES: readonly ServiceType[] = serviceTypesFile.serviceTypes as ServiceType[]
export const SERVICE_TYPE_CODES = SERVICE_TYPES.map((s) => s.code) as [string, ...string[]]
export const USDT_NETWORKS: readonly string[] = serviceTypesFile.networks

export function serviceType(code: string): ServiceType | undefined {
  return SERVICE_TYPES.find((s) => s.code === code)
}

const BANK_COUNTRY_BY_CURRENCY: Record<string, BankCountry> = { CNY: 'CN', THB: 'TH', VND: 'VN', IDR: 'ID', BRL: 'BR' }

/** The bank list a payout to a bank account in `currency` is checked against (withdrawals), if any. */
export function bankCountryOf(currencyCode: string): BankCountry | null {
  return BANK_COUNTRY_BY_CURRENCY[currencyCode] ?? null
}
