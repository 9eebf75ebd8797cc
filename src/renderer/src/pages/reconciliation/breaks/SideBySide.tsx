/**
 * Their line beside our order (or refund), field by field, with the fields that differ
 * highlighted; their raw cells as the file wrote them; the order opens on its own page (with its
 * timeline).
 */
import { Anchor, Code, Stack, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { BreakDetail } from '../../../../../shared/contract/reconciliation'
import { groupDigits } from '../../../format/amount'
import { formatDateTime } from '../../../format/time'
import { orderPath } from '../../orders/paths'
import { reconLabel } from '../labels'

type Value = string | number | null | undefined

/** "-100.50" and "100.5" are the same amount on the two sides (theirs is signed from the merchant's account). */
export function sameAmount(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^-/, '').replace(/^0+(?=\d)/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
  return norm(a) === norm(b)
}

interface Row {
  label: string
  theirs: Value
  ours: Value
  shownTheirs?: ReactNode
  shownOurs?: ReactNode
  /** How the two are compared; by default as text. */
  same?: (a: string, b: string) => boolean
}

export function SideBySide({ detail }: { detail: BreakDetail }) {
  const { t } = useTranslation()
  const { line, order } = detail
  const when = (at: number | null | undefined) => (at === null || at === undefined ? null : formatDateTime(at))
  const ourAmount = order ? (order.paidAmount ?? order.amount) : null
  const ourFee = detail.fee?.ours ?? null
  const rows: Row[] = [
    { label: t('recon.fields.orderNo'), theirs: line?.orderNo, ours: order?.orderNo, shownOurs: order && <Anchor component={Link} to={orderPath(order.id)} data-testid="order-link">{order.orderNo}</Anchor> },
    { label: t('recon.fields.merchantOrderNo'), theirs: line?.merchantOrderNo, ours: order?.merchantOrderNo },
    { label: t('recon.fields.upstreamNo'), theirs: line?.upstreamNo, ours: order?.upstreamNo },
    { label: t('recon.fields.refundNo'), theirs: line?.refundNo, ours: null },
    { label: t('recon.line.kind'), theirs: line ? reconLabel(t, 'lineKinds', line.kind) : null, ours: order ? t(`master.directions.${order.direction as 'deposit'}`, { defaultValue: order.direction }) : null, same: () => true },
    { label: t('recon.fields.status'), theirs: line?.status, ours: order?.status, shownTheirs: line && reconLabel(t, 'lineStatuses', line.status), shownOurs: order && t(`orders.statuses.${order.status as 'created'}`, { defaultValue: order.status }) },
    { label: t('recon.fields.currency'), theirs: line?.currency, ours: order?.currency },
    { label: t('recon.fields.gross'), theirs: line?.gross, ours: ourAmount, shownTheirs: line?.gross && groupDigits(line.gross), shownOurs: ourAmount && groupDigits(ourAmount), same: sameAmount },
    // A fee break's ours is the fee the source's schedule asks on the line (the break's own side).
    { label: t('recon.fields.fee'), theirs: line?.fee, ours: ourFee, shownTheirs: line?.fee && groupDigits(line.fee), shownOurs: ourFee && t('recon.detail.feeBySchedule', { fee: groupDigits(ourFee) }), same: sameAmount },
    { label: t('recon.fields.net'), theirs: line?.net, ours: null, shownTheirs: line?.net && groupDigits(line.net) },
    { label: t('recon.fields.time'), theirs: when(line?.at), ours: when(order ? (order.finalizedAt ?? order.createdAt) : null), same: () => true },
    { label: t('recon.fields.counterparty'), theirs: line?.counterparty, ours: null }
  ]
  const shown = (value: Value, display?: ReactNode) => (value === null || value === undefined || value === '' ? '—' : (display ?? String(value)))
  return (
    <Stack gap="xs">
      <Table withTableBorder withColumnBorders fz="sm" data-testid="side-by-side">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{line ? t('recon.detail.theirLine', { lineNo: line.lineNo }) : t('recon.detail.noLine')}</Table.Th>
            <Table.Th>{order ? t('recon.detail.ourOrder') : t('recon.detail.noOrder')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const differs = row.theirs != null && row.ours != null && row.theirs !== '' && row.ours !== '' && !(row.same ?? ((a, b) => a === b))(String(row.theirs), String(row.ours))
            return (
              <Table.Tr key={row.label} bg={differs ? 'var(--mantine-color-red-light)' : undefined} data-differs={differs || undefined}>
                <Table.Td c="dimmed">{row.label}</Table.Td>
                <Table.Td fw={differs ? 700 : undefined}>{shown(row.theirs, row.shownTheirs)}</Table.Td>
                <Table.Td fw={differs ? 700 : undefined}>{shown(row.ours, row.shownOurs)}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {line && line.raw.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('recon.detail.rawCells')}
          </Text>
          <Code block data-testid="raw-cells">
            {line.raw.join(' | ')}
          </Code>
        </Stack>
      )}
    </Stack>
  )
}
