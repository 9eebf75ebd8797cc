/**
 * The pages of one refund, dispute or waybill: a summary, the actions the user holds, and the
 * timeline. Refunds still under way are read again every 3 s until they are final.
 */
import { Anchor, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { TimeZoneNote } from '../../components/TimeZoneNote'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useDetailQuery } from '../../api/detailRef'
import type { DisputeDetail, RefundDetail, WaybillDetail } from '../../../../shared/contract/aftersales'
import { PERMISSIONS } from '../../../../shared/permissions'
import { call } from '../../api/client'
import { invalidateAfter, MONEY_READS } from '../../api/stales'
import { formatBytes } from '../../format/bytes'
import { FieldGrid, type DetailField } from '../../components/DetailDrawer'
import { PageError } from '../../components/FullPageState'
import { Timeline } from '../../components/Timeline'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { useCan } from '../../session/currentUser'
import { orderPath } from '../orders/paths'
import { DeadlineText, DisputeStatusBadge, RefundStatusBadge, WaybillStatusBadge } from './badges'
import { CaseLink, disputePath } from './CaseLink'
import { DisputeActions } from './DisputeActions'
import { WaybillRows } from './OrderAftersales'
import { AFTERSALES_READS } from './useCaseForm'
import { WaybillStatusForm } from './WaybillStatusForm'

const isFinalRefund = (status: RefundDetail['status']) => status === 'succeeded' || status === 'failed'

function CasePage({ back, query, children }: { back: string; query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Stack>
      <Anchor component={Link} to={back} size="sm">
        ← {t('aftersales.backToList')}
      </Anchor>
      <TimeZoneNote />
      {query.isPending && <Loader aria-label={t('app.loading')} />}
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      {children}
    </Stack>
  )
}

function Summary({ fields }: { fields: DetailField[] }) {
  return (
    <Paper withBorder p="md">
      <FieldGrid fields={fields} />
    </Paper>
  )
}

function CaseTimeline({ events }: { events: RefundDetail['timeline'] }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Title order={4}>{t('aftersales.timeline')}</Title>
      <Timeline events={events} />
    </Stack>
  )
}

function RefundView({ refund }: { refund: RefundDetail }) {
  const { t } = useTranslation()
  const say = useServerText()
  const money = (amount: string) => formatAmount(amount, refund.currency)
  return (
    <Stack>
      <Group gap="sm">
        <Title order={2}>{t('aftersales.refund.title', { refundNo: refund.refundNo })}</Title>
        <RefundStatusBadge status={refund.status} />
      </Group>
      <Summary
        fields={[
          { label: t('aftersales.orderNo'), value: <CaseLink to={orderPath(refund.orderId)}>{refund.orderNo}</CaseLink> },
          { label: t('master.merchant'), value: refund.merchantName },
          { label: t('aftersales.amount'), value: money(refund.amount) },
          { label: t('aftersales.fee'), value: money(refund.fee) },
          { label: t('aftersales.reason'), value: refund.reason },
          { label: t('aftersales.upstreamNo'), value: refund.upstreamNo },
          { label: t('aftersales.hold'), value: refund.holdStatus ? t(`orders.holdStatuses.${refund.holdStatus}`) : '' },
          { label: t('aftersales.statusReason'), value: say(refund.statusReason) },
          { label: t('aftersales.createdAt'), value: formatDateTime(refund.createdAt) },
          { label: t('aftersales.finalizedAt'), value: refund.finalizedAt ? formatDateTime(refund.finalizedAt) : '' }
        ]}
      />
      <CaseTimeline events={refund.timeline} />
    </Stack>
  )
}

export function RefundDetailPage() {
  const queryClient = useQueryClient()
  const query = useDetailQuery('refunds.get', { refetchInterval: (q) => (q.state.data && isFinalRefund(q.state.data.status) ? false : 3000) })
  const status = query.data?.status
  // A refund that just finished changed the balances and the order's lists: read them again.
  useEffect(() => {
    if (status && isFinalRefund(status)) void invalidateAfter(queryClient, null, [...MONEY_READS, ...AFTERSALES_READS.filter((r) => r !== 'refunds.get')])
  }, [status, queryClient])
  return (
    <CasePage back="/aftersales/refunds" query={query}>
      {query.data && <RefundView refund={query.data} />}
    </CasePage>
  )
}

function EvidenceTable({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useTranslation()
  if (dispute.evidence.length === 0) return null
  const download = async (id: number) => {
    const file = await call('disputes.evidenceFile', { id })
    const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
    const a = document.createElement('a')
    a.href = url
    a.download = file.fileName
    a.click()
    URL.revokeObjectURL(url)
  }
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('aftersales.dispute.evidence')}
      </Text>
      <Table withTableBorder striped fz="sm" data-testid="dispute-evidence">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aftersales.dispute.fileName')}</Table.Th>
            <Table.Th>{t('aftersales.dispute.fileType')}</Table.Th>
            <Table.Th>{t('aftersales.dispute.fileSize')}</Table.Th>
            <Table.Th>{t('aftersales.dispute.uploadedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dispute.evidence.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.fileName}</Table.Td>
              <Table.Td>{f.mimeType}</Table.Td>
              <Table.Td>{formatBytes(f.size)}</Table.Td>
              <Table.Td>{formatDateTime(f.uploadedAt)}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => void download(f.id)}>
                  {t('aftersales.dispute.download')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function DisputeWaybills({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useTranslation()
  if (dispute.waybills.length === 0) return null
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('aftersales.dispute.waybills')}
      </Text>
      <Table withTableBorder striped fz="sm" data-testid="dispute-waybills">
        <Table.Tbody>
          <WaybillRows waybills={dispute.waybills} />
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function DisputeView({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useTranslation()
  const money = (amount: string) => formatAmount(amount, dispute.currency)
  return (
    <Stack>
      <Group gap="sm">
        <Title order={2}>{t('aftersales.dispute.title', { disputeNo: dispute.disputeNo })}</Title>
        <DisputeStatusBadge status={dispute.status} />
      </Group>
      <DisputeActions dispute={dispute} />
      <Summary
        fields={[
          { label: t('aftersales.orderNo'), value: <CaseLink to={orderPath(dispute.orderId)}>{dispute.orderNo}</CaseLink> },
          { label: t('master.merchant'), value: dispute.merchantName },
          { label: t('aftersales.dispute.kind'), value: t(`aftersales.disputeKinds.${dispute.kind}`) },
          { label: t('aftersales.dispute.reasonCode'), value: dispute.reasonCode },
          { label: t('aftersales.amount'), value: money(dispute.amount) },
          { label: t('aftersales.fee'), value: money(dispute.fee) },
          { label: t('aftersales.deadline.label'), value: <DeadlineText dispute={dispute} /> },
          { label: t('common.createdAt'), value: formatDateTime(dispute.createdAt) }
        ]}
      />
      <EvidenceTable dispute={dispute} />
      <DisputeWaybills dispute={dispute} />
      <CaseTimeline events={dispute.timeline} />
    </Stack>
  )
}

export function DisputeDetailPage() {
  const query = useDetailQuery('disputes.get')
  return (
    <CasePage back="/aftersales/disputes" query={query}>
      {query.data && <DisputeView dispute={query.data} />}
    </CasePage>
  )
}

function WaybillView({ waybill }: { waybill: WaybillDetail }) {
  const { t } = useTranslation()
  const canWrite = useCan(PERMISSIONS.WAYBILL_WRITE)
  const [open, setOpen] = useState(false)
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('aftersales.waybill.title', { trackingNo: waybill.trackingNo })}</Title>
          <WaybillStatusBadge status={waybill.status} />
        </Group>
        {canWrite && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            {t('aftersales.waybill.changeStatus')}
          </Button>
        )}
      </Group>
      <Summary
        fields={[
          { label: t('aftersales.orderNo'), value: <CaseLink to={orderPath(waybill.orderId)}>{waybill.orderNo}</CaseLink> },
          { label: t('master.merchant'), value: waybill.merchantName },
          { label: t('aftersales.waybill.carrier'), value: waybill.carrier },
          { label: t('aftersales.waybill.shippedAt'), value: formatDateTime(waybill.shippedAt) },
          {
            label: t('aftersales.waybill.disputes'),
            value: waybill.disputes.length ? (
              <Group gap="xs">
                {waybill.disputes.map((d) => (
                  <CaseLink key={d.id} to={disputePath(d.id)}>
                    {d.disputeNo}
                  </CaseLink>
                ))}
              </Group>
            ) : (
              ''
            )
          }
        ]}
      />
      <CaseTimeline events={waybill.timeline} />
      <Modal opened={open} onClose={() => setOpen(false)} title={t('aftersales.waybill.changeStatus')}>
        {open && <WaybillStatusForm waybill={waybill} onClose={() => setOpen(false)} />}
      </Modal>
    </Stack>
  )
}

export function WaybillDetailPage() {
  const query = useDetailQuery('waybills.get')
  return (
    <CasePage back="/aftersales/waybills" query={query}>
      {query.data && <WaybillView waybill={query.data} />}
    </CasePage>
  )
}
