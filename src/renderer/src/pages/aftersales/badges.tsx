/** Status and deadline badges of refunds, disputes and waybills. */
import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DisputeRow, RefundStatusValue, WaybillStatusValue } from '../../../../shared/contract/aftersales'
import { formatDateTime } from '../../format/time'

const REFUND_COLORS: Record<RefundStatusValue, string> = { requested: 'gray', processing: 'blue', succeeded: 'green', failed: 'red' }
const DISPUTE_COLORS: Record<DisputeRow['status'], string> = { open: 'orange', evidence_submitted: 'blue', won: 'green', lost: 'red', accepted: 'gray' }
const WAYBILL_COLORS: Record<WaybillStatusValue, string> = { in_transit: 'blue', delivered: 'green', returned: 'orange', lost: 'red' }

export function RefundStatusBadge({ status }: { status: RefundStatusValue }) {
  const { t } = useTranslation()
  return (
    <Badge color={REFUND_COLORS[status]} variant="light" data-testid="refund-status">
      {t(`aftersales.refundStatuses.${status}`)}
    </Badge>
  )
}

export function DisputeStatusBadge({ status }: { status: DisputeRow['status'] }) {
  const { t } = useTranslation()
  return (
    <Badge color={DISPUTE_COLORS[status]} variant="light" data-testid="dispute-status">
      {t(`aftersales.disputeStatuses.${status}`)}
    </Badge>
  )
}

export function WaybillStatusBadge({ status }: { status: WaybillStatusValue }) {
  const { t } = useTranslation()
  return (
    <Badge color={WAYBILL_COLORS[status]} variant="light" data-testid="waybill-status">
      {t(`aftersales.waybillStatuses.${status}`)}
    </Badge>
  )
}

/** The evidence deadline, highlighted when it is within 48 h (orange) or past (red) while unresolved. */
export function DeadlineText({ dispute }: { dispute: Pick<DisputeRow, 'evidenceDueAt' | 'deadline'> }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap">
      <span>{formatDateTime(dispute.evidenceDueAt)}</span>
      {dispute.deadline !== 'none' && (
        <Badge color={dispute.deadline === 'overdue' ? 'red' : 'orange'} variant="filled" size="sm" data-testid="deadline-flag">
          {t(`aftersales.deadline.${dispute.deadline}`)}
        </Badge>
      )}
    </Group>
  )
}
