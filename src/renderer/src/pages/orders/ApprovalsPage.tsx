/**
 * Operations › Approvals: the four-eyes queue for every approver, including one who holds no
 * manual-operation code (a payout approver, a channel balance's); Manual operations shows the same
 * queue beside the other work that needs a person.
 */
import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader'
import { Approvals } from './Approvals'

export function ApprovalsPage() {
  const { t } = useTranslation()
  return (
    <Stack>
      <PageHeader title={t('nav.items.approvals')} />
      <Approvals />
    </Stack>
  )
}
