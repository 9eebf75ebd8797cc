/**
 * Names of reference data (currencies, service types) in the interface language. The reference
 * files carry both the English and the Chinese name, so these are not in the catalogs.
 */
import { useTranslation } from 'react-i18next'
import { CURRENCIES, currency, SERVICE_TYPES, serviceType } from '../../../shared/reference'

function localName(item: { name: string; nameZh: string }, language: string): string {
  return language === 'zh-CN' ? item.nameZh : item.name
}

export function useReferenceLabels() {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const currencyLabel = (code: string): string => {
    const found = currency(code)
    return found ? `${code} — ${localName(found, language)}` : code
  }
  return {
    /** "CNY bank card" / "人民币银行卡"; an unknown code as it came. */
    serviceType: (code: string): string => {
      const found = serviceType(code)
      return found ? localName(found, language) : code
    },
    /** "CNY — Chinese yuan" / "CNY — 人民币". */
    currency: currencyLabel,
    currencyOptions: (codes: readonly string[] = CURRENCIES.map((c) => c.code)) => codes.map((code) => ({ value: code, label: currencyLabel(code) })),
    serviceTypeOptions: () => SERVICE_TYPES.map((type) => ({ value: type.code, label: localName(type, language) }))
  }
}

/** The currencies a service type allows (an unknown type: none). */
export function currenciesOfServiceType(code: string): string[] {
  return serviceType(code)?.currencies ?? []
}
