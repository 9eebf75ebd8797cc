/** A merchant's details: its fields and contacts, its balances per currency, and its signing secret. */
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { DetailDrawer, lifecycleFields, DetailSection, FieldGrid } from '../../components/DetailDrawer'
import { notifyError } from '../../components/notify'
import { BalanceText } from '../../components/BalanceText'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useCan } from '../../session/currentUser'
import type { ShownSecret } from './SigningSecretModal'

export function MerchantDetail({ id, onClose, onSecret }: { id: number; onClose: () => void; onSecret: (secret: ShownSecret) => void }) {
  const { t } = useTranslation()
  const canWrite = useCan(PERMISSIONS.MERCHANT_WRITE)
  const merchant = useApiQuery('merchants.get', { id })
  const [confirming, setConfirming] = useState(false)
  const rotate = useApiMutation('merchants.rotateSecret', { invalidate: ['merchants.list', 'merchants.get'] })
  const m = merchant.data

  const rotateSecret = async () => {
    try {
      const answer = await rotate.mutateAsync({ id })
      setConfirming(false)
      onSecret({ merchantName: answer.name, secret: answer.signingSecret })
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <DetailDrawer opened title={t('merchants.detailTitle', { name: m?.name ?? '' })} onClose={onClose} loading={!m}>
      {m && (
        <>
          <FieldGrid
            fields={[
              { label: t('master.colId'), value: m.id },
              { label: t('merchants.name'), value: m.name },
              { label: t('merchants.notifyUrl'), value: m.notifyUrl },
              ...lifecycleFields(t, m)
            ]}
          />
          <DetailSection title={t('merchants.contacts')}>
            <FieldGrid
              fields={[
                { label: t('merchants.contactName'), value: m.contactName },
                { label: t('merchants.contactEmail'), value: m.contactEmail },
                { label: t('merchants.contactPhone'), value: m.contactPhone }
              ]}
            />
          </DetailSection>
          <DetailSection title={t('merchants.balances')}>
            {m.balances.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('merchants.noBalances')}
              </Text>
            ) : (
              <Table withTableBorder striped data-testid="merchant-balances">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('master.currency')}</Table.Th>
                    <Table.Th>{t('ledger.balance')}</Table.Th>
                    <Table.Th>{t('ledger.available')}</Table.Th>
                    <Table.Th>{t('ledger.held')}</Table.Th>
                    <Table.Th>{t('merchants.reserve')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.balances.map((b) => (
                    <Table.Tr key={b.currency}>
                      <Table.Td>{b.currency}</Table.Td>
                      <Table.Td>
                        <BalanceText amount={b.balance} currency={b.currency} owner="merchant" />
                      </Table.Td>
                      <Table.Td>
                        <BalanceText amount={b.available} currency={b.currency} owner="merchant" />
                      </Table.Td>
                      <Table.Td>{formatAmount(b.held, b.currency)}</Table.Td>
                      <Table.Td>{formatAmount(b.reserve, b.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </DetailSection>
          <DetailSection title={t('merchants.signingSecret')}>
            <Text size="sm">
              {m.hasSigningSecret
                ? t('merchants.secretSet', { at: m.signingSecretRotatedAt ? formatDateTime(m.signingSecretRotatedAt) : formatDateTime(m.createdAt) })
                : t('merchants.secretNone')}
            </Text>
            {canWrite && (
              <Button variant="light" color="orange" w="fit-content" onClick={() => setConfirming(true)}>
                {t('merchants.rotate')}
              </Button>
            )}
          </DetailSection>
          <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('merchants.rotateTitle', { name: m.name })} size="md">
            <Stack>
              <Alert color="orange">{t('merchants.rotateWarning')}</Alert>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
                <Button color="orange" loading={rotate.isPending} onClick={() => void rotateSecret()}>
                  {t('merchants.rotateConfirm')}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </DetailDrawer>
  )
}
