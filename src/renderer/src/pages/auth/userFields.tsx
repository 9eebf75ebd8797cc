/**
 * The fields of a user account, written once: the merchant binding and role pickers of the user
 * form, and the new-password box (with the password rule as its hint) of every form that sets one.
 */
import { MultiSelect, PasswordInput, type PasswordInputProps } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoleRow } from '../../../../shared/contract/users'
import { PERMISSIONS } from '../../../../shared/permissions'
import { RemoteSelect } from '../../components/RemoteSelect'
import { roleLabel } from '../../i18n/labels'
import { useCan } from '../../session/currentUser'

/** The form's value for "not bound to a merchant". */
export const PLATFORM = 'platform'

export function merchantIdOf(value: string): number | null {
  return value === PLATFORM ? null : Number(value)
}

interface MerchantSelectProps {
  value?: string
  onChange: (value: string) => void
  error?: ReactNode
  /** The merchant the user is bound to now, so it shows by name before any search. */
  current?: { id: number; name: string } | null
}

/** Platform or one merchant; merchants are searched on the host (there can be many). */
export function MerchantSelect({ value = PLATFORM, onChange, error, current }: MerchantSelectProps) {
  const { t } = useTranslation()
  const canList = useCan(PERMISSIONS.MASTER_DATA_READ)
  return (
    <RemoteSelect
      procedure="merchants.list"
      filter={{ status: 'active' }}
      enabled={canList}
      toOption={(m) => ({ value: String(m.id), label: m.name })}
      fixedOptions={[{ value: PLATFORM, label: t('common.platform') }]}
      current={current ? { value: String(current.id), label: current.name } : null}
      label={t('users.merchant')}
      description={t('users.merchantHint')}
      value={value}
      onChange={(next) => {
        if (next) onChange(next)
      }}
      error={error}
    />
  )
}

interface RoleMultiSelectProps {
  roles: readonly RoleRow[]
  value?: string[]
  onChange: (value: string[]) => void
  error?: ReactNode
}

export function RoleMultiSelect({ roles, value = [], onChange, error }: RoleMultiSelectProps) {
  const { t } = useTranslation()
  return (
    <MultiSelect
      label={t('users.roles')}
      data={roles.map((role) => ({ value: String(role.id), label: roleLabel(t, role) }))}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('table.noRecords')}
      error={error}
    />
  )
}

/** A box for a password being set: the browser may offer to generate one, and the rule is shown. */
export function NewPasswordInput(props: PasswordInputProps) {
  const { t } = useTranslation()
  return <PasswordInput description={t('setup.passwordHint')} autoComplete="new-password" {...props} />
}
