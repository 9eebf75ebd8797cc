/**
 * The three after-sales lists on the shared list scaffold: server-side paging, a search box and
 * filters (status, merchant for platform staff, and per list kind, deadline or carrier); the
 * number of each row opens its page.
 */
import { keepPreviousData } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DISPUTE_KIND_VALUES, DISPUTE_STATUS_VALUES, REFUND_STATUS_VALUES, WAYBILL_STATUS_VALUES, type DisputeRow, type RefundRow, type WaybillRow } from '../../../../shared/contract/aftersales'
import { useApiQuery } from '../../api/hooks'
import { DateFilter } from '../../components/list/DateFilter'
import { ListPage } from '../../components/list/ListPage'
import { FilterSelect, MerchantFilter } from '../../components/list/filters'
import { useUrlFilters } from '../../components/list/urlFilters'
import { useListState } from '../../components/list/useListState'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { orderPath } from '../orders/paths'
import { DeadlineText, DisputeStatusBadge, RefundStatusBadge, WaybillStatusBadge } from './badges'
import { CaseLink, disputePath, refundPath, waybillPath } from './CaseLink'

const DAY = /^\d{4}-\d{2}-\d{2}$/

interface DateFilters {
  merchantId?: number
  dateFrom: string
  dateTo: string
}

/** Merchant and date filters every after-sales list has. */
function useCommonFilters<F extends DateFilters>(list: { filters: F; setFilter: <K extends keyof F>(key: K, value: F[K]) => void }) {
  const { t } = useTranslation()
  const { filters, setFilter } = list
  const from = DAY.test(filters.dateFrom) ? filters.dateFrom : undefined
  const to = DAY.test(filters.dateTo) ? filters.dateTo : undefined
  const inverted = from !== undefined && to !== undefined && to < from
  const input = { merchantId: filters.merchantId, dateFrom: inverted ? undefined : from, dateTo: inverted ? undefined : to }
  const fields = (
    <>
      <MerchantFilter value={filters.merchantId} onChange={(v) => setFilter('merchantId', v as F['merchantId'])} />
      <DateFilter label={t('aftersales.dateFrom')} value={filters.dateFrom} onChange={(value) => setFilter('dateFrom', value as F['dateFrom'])} />
      <DateFilter label={t('aftersales.dateTo')} value={filters.dateTo} onChange={(value) => setFilter('dateTo', value as F['dateTo'])} error={inverted ? t('validation.dateOrder') : undefined} />
    </>
  )
  return { input, fields }
}

export function RefundsPage() {
  const { t } = useTranslation()
  const list = useListState<never, DateFilters & { status?: RefundRow['status'] }>(null, { dateFrom: '', dateTo: '' })
  const common = useCommonFilters(list)
  const result = useApiQuery('refunds.list', { page: list.table.page, pageSize: list.table.pageSize, search: list.input.search, status: list.filters.status, ...common.input }, { placeholderData: keepPreviousData })
  return (
    <ListPage<RefundRow>
      title={t('nav.items.refunds')}
      zoneNote="daysAndTimes"
      views="refunds"
      source={{ list, result }}
      search={{ label: t('common.search'), placeholder: t('aftersales.searchRefunds') }}
      filters={
        <>
          <FilterSelect label={t('common.status')} value={list.filters.status} onChange={(v) => list.setFilter('status', v)} options={REFUND_STATUS_VALUES.map((s) => ({ value: s, label: t(`aftersales.refundStatuses.${s}`) }))} />
          {common.fields}
        </>
      }
      columns={[
        { accessor: 'refundNo', title: t('aftersales.refundNo'), noWrap: true, render: (r) => <CaseLink to={refundPath(r.id)}>{r.refundNo}</CaseLink> },
        { accessor: 'orderNo', title: t('aftersales.orderNo'), noWrap: true, render: (r) => <CaseLink to={orderPath(r.orderId)}>{r.orderNo}</CaseLink> },
        { accessor: 'merchantName', title: t('master.merchant') },
        { accessor: 'amount', title: t('aftersales.amount'), textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.amount, r.currency) },
        { accessor: 'fee', title: t('aftersales.fee'), textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.fee, r.currency) },
        { accessor: 'status', title: t('common.status'), noWrap: true, render: (r) => <RefundStatusBadge status={r.status} /> },
        { accessor: 'createdAt', title: t('aftersales.createdAt'), noWrap: true, render: (r) => formatDateTime(r.createdAt) }
      ]}
    />
  )
}

export function DisputesPage() {
  const { t } = useTranslation()
  const list = useListState<never, DateFilters & { status?: DisputeRow['status']; kind?: DisputeRow['kind']; deadline?: 'soon' | 'overdue' }>(null, { dateFrom: '', dateTo: '', ...useUrlFilters({ status: DISPUTE_STATUS_VALUES, deadline: ['soon', 'overdue'] }) })
  const common = useCommonFilters(list)
  const { filters } = list
  const result = useApiQuery(
    'disputes.list',
    { page: list.table.page, pageSize: list.table.pageSize, search: list.input.search, status: filters.status, kind: filters.kind, deadline: filters.deadline, ...common.input },
    { placeholderData: keepPreviousData }
  )
  return (
    <ListPage<DisputeRow>
      title={t('nav.items.disputes')}
      zoneNote="daysAndTimes"
      views="disputes"
      source={{ list, result }}
      search={{ label: t('common.search'), placeholder: t('aftersales.searchDisputes') }}
      filters={
        <>
          <FilterSelect label={t('common.status')} value={filters.status} onChange={(v) => list.setFilter('status', v)} options={DISPUTE_STATUS_VALUES.map((s) => ({ value: s, label: t(`aftersales.disputeStatuses.${s}`) }))} />
          <FilterSelect label={t('aftersales.dispute.kind')} value={filters.kind} onChange={(v) => list.setFilter('kind', v)} options={DISPUTE_KIND_VALUES.map((k) => ({ value: k, label: t(`aftersales.disputeKinds.${k}`) }))} />
          <FilterSelect
            label={t('aftersales.deadline.filter')}
            value={filters.deadline}
            onChange={(v) => list.setFilter('deadline', v)}
            options={(['soon', 'overdue'] as const).map((d) => ({ value: d, label: t(`aftersales.deadline.${d}`) }))}
          />
          {common.fields}
        </>
      }
      columns={[
        { accessor: 'disputeNo', title: t('aftersales.disputeNo'), noWrap: true, render: (d) => <CaseLink to={disputePath(d.id)}>{d.disputeNo}</CaseLink> },
        { accessor: 'orderNo', title: t('aftersales.orderNo'), noWrap: true, render: (d) => <CaseLink to={orderPath(d.orderId)}>{d.orderNo}</CaseLink> },
        { accessor: 'merchantName', title: t('master.merchant') },
        { accessor: 'kind', title: t('aftersales.dispute.kind'), render: (d) => t(`aftersales.disputeKinds.${d.kind}`) },
        { accessor: 'reasonCode', title: t('aftersales.dispute.reasonCode') },
        { accessor: 'amount', title: t('aftersales.amount'), textAlign: 'right', noWrap: true, render: (d) => formatAmount(d.amount, d.currency) },
        { accessor: 'status', title: t('common.status'), noWrap: true, render: (d) => <DisputeStatusBadge status={d.status} /> },
        { accessor: 'evidenceDueAt', title: t('aftersales.deadline.label'), noWrap: true, render: (d) => <DeadlineText dispute={d} /> }
      ]}
    />
  )
}

export function WaybillsPage() {
  const { t } = useTranslation()
  const list = useListState<never, DateFilters & { status?: WaybillRow['status'] }>(null, { dateFrom: '', dateTo: '' })
  const common = useCommonFilters(list)
  const result = useApiQuery('waybills.list', { page: list.table.page, pageSize: list.table.pageSize, search: list.input.search, status: list.filters.status, ...common.input }, { placeholderData: keepPreviousData })
  return (
    <ListPage<WaybillRow>
      title={t('nav.items.waybills')}
      zoneNote="daysAndTimes"
      views="waybills"
      source={{ list, result }}
      search={{ label: t('common.search'), placeholder: t('aftersales.searchWaybills') }}
      filters={
        <>
          <FilterSelect label={t('common.status')} value={list.filters.status} onChange={(v) => list.setFilter('status', v)} options={WAYBILL_STATUS_VALUES.map((s) => ({ value: s, label: t(`aftersales.waybillStatuses.${s}`) }))} />
          {common.fields}
        </>
      }
      columns={[
        { accessor: 'trackingNo', title: t('aftersales.waybill.trackingNo'), noWrap: true, render: (w) => <CaseLink to={waybillPath(w.id)}>{w.trackingNo}</CaseLink> },
        { accessor: 'carrier', title: t('aftersales.waybill.carrier') },
        { accessor: 'orderNo', title: t('aftersales.orderNo'), noWrap: true, render: (w) => <CaseLink to={orderPath(w.orderId)}>{w.orderNo}</CaseLink> },
        { accessor: 'merchantName', title: t('master.merchant') },
        { accessor: 'status', title: t('common.status'), noWrap: true, render: (w) => <WaybillStatusBadge status={w.status} /> },
        { accessor: 'shippedAt', title: t('aftersales.waybill.shippedAt'), noWrap: true, render: (w) => formatDateTime(w.shippedAt) }
      ]}
    />
  )
}
