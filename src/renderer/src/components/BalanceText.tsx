/**
 * A balance on a screen. Below zero it is red and says what that means (formatBalance): a merchant
 * that owes the platform after a chargeback booked on a short balance, a channel overdrawn at its
 * provider. Inline by default; props (size, weight, test id, …) go to the Text.
 */
import { Text, type TextProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatBalance, isBelowZero } from '../format/amount'

interface BalanceTextProps extends TextProps {
  amount: string
  currency: string
  owner: 'merchant' | 'channel'
  'data-testid'?: string
}

export function BalanceText({ amount, currency, owner, ...props }: BalanceTextProps) {
  const { t } = useTranslation()
  const below = isBelowZero(amount)
  return (
    <Text span inherit c={below ? 'red' : undefined} fw={below ? 600 : undefined} data-below-zero={below || undefined} {...props}>
      {formatBalance(amount, currency, owner, t)}
    </Text>
  )
}
