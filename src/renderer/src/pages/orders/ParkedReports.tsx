/**
 * Parked provider reports (docs/orders.md, "Parked reports"): what a provider reported that was
 * not applied by itself, with the decisions open to each. Shown in Manual operations (every open
 * one) and on the order's page (that order's, decided ones too). Deciding needs MANUAL_MARK_RESULT
 * (crediting an excess also ADJUSTMENT_REQUEST: it asks for an adjustment a second user approves).
 */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { contract } from '../../../../shared/contract'
import type { ParkedAction, ParkedRow } from '../../../../shared/contract/parked'
import { PERMISSIONS } from '../../../../shared/permissions'
import { call } from '../../api/client'
import { ApiError } from '../../api/error'
import { useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { pagedTableProps } from '../../components/list/pagedTable'
import { useListState } from '../../components/list/useListState'
import { apiErrorMessage, notifySuccess } from '../../components/notify'
import { useTableText } from '../../components/tableText'
import { zodFormErrors } from '../../forms/zodForm'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { fieldErrorMessage } from '../../i18n/messages'
import { useServerText } from '../../i18n/serverText'
import { holdsAny, useCurrentUser } from '../../session/currentUser'
import { invalidateAfter } from '../../api/stales'
import { orderPath } from './paths'

const ACTION_COLOR: Record<ParkedAction, string> = { book: 'green', credit: 'blue', return: 'orange', dismiss: 'gray' }

function ResolveDialog({ row, action, onClose }: { row: ParkedRow; action: ParkedAction; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [refusal, setRefusal] = useState<string | null>(null)
  // One key per dialog: a retried credit request creates one adjustment, never two.
  const [requestKey] = useState(() => `parked-${row.id}-${crypto.randomUUID()}`)
  const form = useForm({
    initialValues: { reason: '' },
    validate: (values) => zodFormErrors(contract['parked.resolve'].input, { id: row.id, action, reason: values.reason, requestKey })
  })
  const mutation = useMutation<ParkedRow, ApiError, string>({
    mutationFn: (reason) => call('parked.resolve', { id: row.id, action, reason, requestKey: action === 'credit' ? requestKey : undefined }),
    onSuccess: () => invalidateAfter(queryClient, 'parked.resolve')
  })
  const submit = form.onSubmit(async ({ reason }) => {
    setRefusal(null)
    try {
      await mutation.mutateAsync(reason)
      notifySuccess(t(`parked.done.${action}`, { orderNo: row.orderNo }))
      onClose()
    } catch (error) {
      if (error instanceof ApiError && error.field === 'reason') form.setFieldError('reason', fieldErrorMessage(error, t))
      else setRefusal(apiErrorMessage(error))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t(`parked.warnings.${action}`, { money: formatAmount(row.held, row.currency), orderNo: row.orderNo })}</Text>
        <Textarea label={t('manual.reason')} description={t('manual.reasonHint')} withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        {refusal && (
          <Alert color="red" title={t('manual.refused')} data-testid="parked-refusal">
            {refusal}
          </Alert>
        )}
        <FormButtons onCancel={onClose} submitLabel={t(`parked.actions.${action}`)} loading={mutation.isPending} />
      </Stack>
    </form>
  )
}

function Decisions({ row, onPick }: { row: ParkedRow; onPick: (action: ParkedAction) => void }) {
  const { t } = useTranslation()
  const me = useCurrentUser()
  if (!holdsAny(me, [PERMISSIONS.MANUAL_MARK_RESULT])) return null
  const actions = row.actions.filter((a) => a !== 'credit' || holdsAny(me, [PERMISSIONS.ADJUSTMENT_REQUEST]))
  return (
    <Group gap={4} wrap="nowrap">
      {actions.map((action) => (
        <Button key={action} size="compact-xs" variant="light" color={ACTION_COLOR[action]} onClick={() => onPick(action)}>
          {t(`parked.actions.${action}`)}
        </Button>
      ))}
    </Group>
  )
}

/** Every open parked report (Manual operations), or one order's, decided ones included (the order's page). */
export function ParkedReports({ orderId }: { orderId?: number }) {
  const { t } = useTranslation()
  const say = useServerText()
  const tableText = useTableText()
  const list = useListState(null, {})
  const [picked, setPicked] = useState<{ row: ParkedRow; action: ParkedAction } | null>(null)
  const input = orderId ? { orderId, page: list.table.page, pageSize: list.table.pageSize } : { status: 'open' as const, page: list.table.page, pageSize: list.table.pageSize }
  const result = useApiQuery('parked.list', input, { placeholderData: keepPreviousData, refetchInterval: 10_000 })
  if (orderId && (result.data?.total ?? 0) === 0) return null
  return (
    <Paper withBorder p="md" data-testid="parked-reports">
      <Stack gap="xs">
        <Title order={4}>
          {t('parked.title')} ({result.data?.total ?? '…'})
        </Title>
        <Text size="sm" c="dimmed">
          {t('parked.hint')}
        </Text>
        <DataTable<ParkedRow>
          withTableBorder
          striped
          minHeight={orderId ? undefined : 150}
          {...pagedTableProps(list.table, result)}
          {...tableText}
          columns={[
            { accessor: 'createdAt', title: t('common.createdAt'), noWrap: true, render: (r) => formatDateTime(r.createdAt) },
            ...(orderId
              ? []
              : [
                  {
                    accessor: 'orderNo',
                    title: t('orders.orderNo'),
                    render: (r: ParkedRow) => (
                      <Text component={Link} to={orderPath(r.orderId)} size="sm" ff="monospace" c="blue">
                        {r.orderNo}
                      </Text>
                    )
                  },
                  { accessor: 'merchantName', title: t('master.merchant') }
                ]),
            { accessor: 'kind', title: t('parked.kind'), render: (r) => t(`parked.kinds.${r.kind}`) },
            { accessor: 'reason', title: t('orders.statusReason'), render: (r) => say(r.reasonText, r.reason) },
            { accessor: 'held', title: t('parked.held'), textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.held, r.currency) },
            {
              accessor: 'status',
              title: t('common.status'),
              render: (r) => (
                <Badge variant="light" color={r.status === 'resolved' ? 'gray' : r.status === 'open' ? 'orange' : 'blue'}>
                  {r.resolution ? t(`parked.resolutions.${r.resolution}`) : t(`parked.statuses.${r.status}`)}
                </Badge>
              )
            },
            { accessor: 'actions', title: '', render: (r) => <Decisions row={r} onPick={(action) => setPicked({ row: r, action })} /> }
          ]}
        />
      </Stack>
      <Modal opened={picked !== null} onClose={() => setPicked(null)} title={picked ? t(`parked.titles.${picked.action}`, { orderNo: picked.row.orderNo }) : ''}>
        {picked && <ResolveDialog key={`${picked.row.id}-${picked.action}`} row={picked.row} action={picked.action} onClose={() => setPicked(null)} />}
      </Modal>
    </Paper>
  )
}
