/**
 * Deciding one break, always with a reason: match their line to an order by hand, accept theirs
 * (a status mismatch marks the order succeeded through the manual operation; an amount or a line
 * missing on our side requests an adjustment a second user approves, with a request key made once
 * per dialog so a retry creates nothing twice), write off, ignore, annotate, assign, or undo. The
 * reason box has the focus; Enter confirms.
 */
import { Alert, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../../shared/contract'
import type { BreakAction, BreakDetail } from '../../../../../shared/contract/reconciliation'
import { PERMISSIONS } from '../../../../../shared/permissions'
import { call } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { MerchantField } from '../../../components/form/MerchantField'
import { apiErrorMessage, notifySuccess } from '../../../components/notify'
import { RemoteSelect } from '../../../components/RemoteSelect'
import { zodFormErrors } from '../../../forms/zodForm'
import { formatAmount } from '../../../format/amount'
import { useCan, useCurrentUser } from '../../../session/currentUser'
import { i18n } from '../../../i18n'
import { awaitingNotice, reconLabel } from '../labels'
import { ReasonFooter } from './ReasonFooter'

/** Reads a decision changes. */
export const BREAK_READS = ['recon.breaks.list', 'recon.breaks.get', 'recon.runs.get', 'recon.runs.list'] as const

export function useBreakReads(): () => Promise<unknown> {
  const queryClient = useQueryClient()
  return () => Promise.all(BREAK_READS.map((name) => queryClient.invalidateQueries({ queryKey: [name] })))
}

const NOBODY = 'nobody'

/** Who a break can be assigned to: me, nobody, and (for those who may list users) any platform user (a merchant's user never sees a break of another merchant, so is never its owner). */
export function useAssignees(): { value: string; label: string }[] {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const canList = useCan(PERMISSIONS.USER_READ)
  const users = useApiQuery('users.list', { page: 1, pageSize: 100, status: 'active' }, { enabled: canList })
  return [
    { value: String(me.id), label: t('recon.resolve.me', { name: me.displayName }) },
    { value: NOBODY, label: t('recon.resolve.nobody') },
    ...(users.data?.items ?? []).filter((u) => u.id !== me.id && u.merchantId === null).map((u) => ({ value: String(u.id), label: `${u.displayName} (${u.username})` }))
  ]
}

export const assignedValue = (value: string | null) => (value === null || value === NOBODY ? null : Number(value))

/** An order found by its number (the match by hand of a line no candidate fits). */
async function orderIdOf(orderNo: string): Promise<number> {
  const found = await call('orders.list', { page: 1, pageSize: 1, orderNo })
  const order = found.items[0]
  if (!order) throw new Error(i18n.t('recon.resolve.orderNotFound', { orderNo }))
  return order.id
}

interface ResolveDialogProps {
  detail: BreakDetail
  action: BreakAction
  /** For a match: the candidate picked beforehand. */
  candidateId?: number
  onClose: () => void
}

function ResolveForm({ detail, action, candidateId, onClose }: ResolveDialogProps) {
  const { t } = useTranslation()
  const refresh = useBreakReads()
  const assignees = useAssignees()
  const [requestKey] = useState(() => crypto.randomUUID())
  const [reason, setReason] = useState('')
  const [orderId, setOrderId] = useState<string | null>(candidateId ? String(candidateId) : detail.candidates[0] ? String(detail.candidates[0].id) : null)
  const [otherOrderNo, setOtherOrderNo] = useState('')
  const [merchantId, setMerchantId] = useState(detail.merchantId ? String(detail.merchantId) : '')
  const [contractId, setContractId] = useState<string | null>(null)
  const [assignTo, setAssignTo] = useState<string | null>(assignees[0]?.value ?? null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const needsAccount = action === 'accept_theirs' && detail.orderId === null && detail.refundId === null
  const input: InputOf<'recon.breaks.resolve'> = {
    id: detail.id,
    action,
    reason,
    ...(action === 'match' ? { orderId: orderId ? Number(orderId) : undefined } : {}),
    ...(needsAccount ? { merchantId: Number(merchantId) || undefined, contractId: contractId ? Number(contractId) : undefined } : {}),
    // Accepting may become an adjustment (a failed order's, too): its key goes along either way.
    ...(action === 'accept_theirs' ? { requestKey } : {}),
    ...(action === 'assign' ? { assignTo: assignedValue(assignTo) } : {})
  }
  const submit = async () => {
    const found = zodFormErrors(contract['recon.breaks.resolve'].input, input)
    if (action === 'match' && otherOrderNo.trim() !== '') delete found.orderId
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    setRefusal(null)
    try {
      const decided = await call('recon.breaks.resolve', action === 'match' && otherOrderNo.trim() !== '' ? { ...input, orderId: await orderIdOf(otherOrderNo.trim()) } : input)
      await refresh()
      notifySuccess(decided.status === 'awaiting_approval' ? awaitingNotice(t, decided.id, action) : t('recon.resolve.done', { id: decided.id, action: reconLabel(t, 'actions', action) }))
      onClose()
    } catch (error) {
      setRefusal(apiErrorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  const money = detail.difference ?? detail.theirs.amount
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">{t(`recon.resolve.intro.${action}`, { money: money ? formatAmount(money, detail.theirs.currency ?? detail.ours.currency ?? '') : '—' })}</Text>
        {action === 'accept_theirs' && detail.causeKey === 'theirs_paid_ours_not' && detail.order?.status !== 'failed' && <Alert color="yellow">{t('recon.resolve.marksSucceeded', { orderNo: detail.orderNo ?? '' })}</Alert>}
        {action === 'match' && (
          <Select
            label={t('recon.resolve.order')}
            data={detail.candidates.map((c) => ({ value: String(c.id), label: `${c.orderNo} · ${formatAmount(c.amount, c.currency)} · ${t(`orders.statuses.${c.status as 'created'}`, { defaultValue: c.status })}` }))}
            value={orderId}
            onChange={setOrderId}
            error={errors.orderId ?? (detail.candidates.length === 0 ? t('recon.resolve.noCandidates') : undefined)}
            allowDeselect={false}
          />
        )}
        {action === 'match' && <TextInput label={t('recon.resolve.otherOrder')} description={t('recon.resolve.otherOrderHint')} value={otherOrderNo} onChange={(e) => setOtherOrderNo(e.currentTarget.value)} />}
        {needsAccount && (
          <>
            <MerchantField
              value={merchantId}
              onChange={(v) => {
                setMerchantId(v)
                setContractId(null)
              }}
              error={errors.merchantId}
            />
            <RemoteSelect
              key={merchantId}
              procedure="contracts.list"
              filter={{ merchantId: Number(merchantId) || undefined }}
              enabled={merchantId !== ''}
              disabled={merchantId === ''}
              toOption={(c) => ({ value: String(c.id), label: `#${c.id} ${c.name} · ${c.settlementCurrency}` })}
              label={t('recon.resolve.contract')}
              value={contractId}
              error={errors.contractId}
              onChange={(value) => setContractId(value)}
            />
          </>
        )}
        {action === 'assign' && <Select label={t('recon.resolve.assignTo')} data={assignees} value={assignTo} onChange={setAssignTo} allowDeselect={false} />}
        <ReasonFooter reason={reason} onReason={setReason} error={errors.reason} refusal={refusal} refusalTestId="resolve-refusal" busy={busy} confirmLabel={t(`recon.resolve.confirm.${action}`)} onCancel={onClose} />
      </Stack>
    </form>
  )
}

export function ResolveDialog(props: ResolveDialogProps & { opened: boolean }) {
  const { t } = useTranslation()
  const { opened, ...rest } = props
  return (
    <Modal opened={opened} onClose={rest.onClose} title={t('recon.resolve.title', { action: t(`recon.resolve.confirm.${rest.action}`), id: rest.detail.id })} size="lg">
      {opened && <ResolveForm {...rest} />}
    </Modal>
  )
}
