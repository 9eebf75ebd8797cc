/**
 * The merchant a new record belongs to. Platform staff pick one (active merchants, searched on
 * the host); a merchant-bound user can only write for its own, so it is shown, not asked.
 */
import { TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../session/currentUser'
import { RemoteSelect } from '../RemoteSelect'

/** The form's starting value: the user's own merchant, or none yet. */
export function useDefaultMerchant(): string {
  const me = useCurrentUser()
  return me.merchantId === null ? '' : String(me.merchantId)
}

interface MerchantFieldProps {
  value?: string
  onChange: (value: string) => void
  error?: ReactNode
}

export function MerchantField({ value = '', onChange, error }: MerchantFieldProps) {
  const { t } = useTranslation()
  const me = useCurrentUser()
  if (me.merchantId !== null) return <TextInput label={t('master.merchant')} value={me.merchantName ?? ''} readOnly />
  return (
    <RemoteSelect
      procedure="merchants.list"
      filter={{ status: 'active' }}
      toOption={(m) => ({ value: String(m.id), label: m.name })}
      label={t('master.merchant')}
      placeholder={t('master.pickMerchant')}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      error={error}
    />
  )
}
