/**
 * One decision for every open break a filter finds (the current list's, or a cause group's), with
 * one reason and a cap: over the cap nothing changes. Only decisions that move no money; each
 * break's own result is listed.
 */
import { Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf, type OutputOf } from '../../../../../shared/contract'
import { BULK_ACTIONS } from '../../../../../shared/contract/reconciliation'
import { call } from '../../../api/client'
import { apiErrorMessage } from '../../../components/notify'
import { zodFormErrors } from '../../../forms/zodForm'
import { useServerText } from '../../../i18n/serverText'
import { reconLabel } from '../labels'
import type { BreakFilter } from './BreakFilters'
import { ReasonFooter } from './ReasonFooter'
import { assignedValue, useAssignees, useBreakReads } from './ResolveDialog'

type Action = (typeof BULK_ACTIONS)[number]
type Result = OutputOf<'recon.breaks.bulk'>

export function BulkResults({ results, testId }: { results: { id: number | null; ok: boolean; waiting: boolean; error: Parameters<ReturnType<typeof useServerText>>[0]; lineNo?: number }[]; testId: string }) {
  const { t } = useTranslation()
  const say = useServerText()
  return (
    <Table withTableBorder fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {results.some((r) => r.lineNo !== undefined) && <Table.Th>{t('recon.line.lineNo')}</Table.Th>}
          <Table.Th>{t('recon.breaks.id')}</Table.Th>
          <Table.Th>{t('recon.bulk.result')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.map((r, i) => (
          <Table.Tr key={`${r.id}:${i}`}>
            {r.lineNo !== undefined && <Table.Td>{r.lineNo}</Table.Td>}
            <Table.Td>{r.id ?? '—'}</Table.Td>
            <Table.Td>{r.ok ? <Badge color={r.waiting ? 'yellow' : 'green'} variant="light">{t(r.waiting ? 'recon.bulk.waiting' : 'recon.bulk.ok')}</Badge> : <Text size="sm" c="red">{say(r.error, t('recon.bulk.refused'))}</Text>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function BulkForm({ filter, onClose }: { filter: BreakFilter; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useBreakReads()
  const assignees = useAssignees()
  const [action, setAction] = useState<Action>('write_off')
  const [reason, setReason] = useState('')
  const [assignTo, setAssignTo] = useState<string | null>(assignees[0]?.value ?? null)
  const [cap, setCap] = useState<number | string>(500)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [busy, setBusy] = useState(false)
  const input: InputOf<'recon.breaks.bulk'> = { filter, action, reason, cap: Number(cap), ...(action === 'assign' ? { assignTo: assignedValue(assignTo) } : {}) }
  const submit = async () => {
    const found = zodFormErrors(contract['recon.breaks.bulk'].input, input)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    setRefusal(null)
    try {
      setResult(await call('recon.breaks.bulk', input))
      await refresh()
    } catch (error) {
      setRefusal(apiErrorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  if (result) {
    const done = result.results.filter((r) => r.ok).length
    return (
      <Stack>
        <Alert color={done === result.results.length ? 'green' : 'yellow'} data-testid="bulk-summary">
          {t('recon.bulk.summary', { matched: result.matched, done, refused: result.results.length - done })}
          {result.results.some((r) => r.waiting) && ` ${t('recon.bulk.waitingCount', { n: result.results.filter((r) => r.waiting).length })}`}
        </Alert>
        <BulkResults results={result.results} testId="bulk-results" />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    )
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">{t('recon.bulk.intro')}</Text>
        <Select label={t('recon.bulk.action')} data={BULK_ACTIONS.map((a) => ({ value: a, label: t(`recon.resolve.confirm.${a}`) }))} value={action} onChange={(v) => v && setAction(v as Action)} allowDeselect={false} />
        {action === 'assign' && <Select label={t('recon.resolve.assignTo')} data={assignees} value={assignTo} onChange={setAssignTo} allowDeselect={false} />}
        <ReasonFooter reason={reason} onReason={setReason} error={errors.reason} refusal={refusal} refusalTestId="bulk-refusal" busy={busy} confirmLabel={t('recon.bulk.apply', { action: reconLabel(t, 'actions', action) })} onCancel={onClose}>
          <NumberInput label={t('recon.bulk.cap')} description={t('recon.bulk.capHint')} min={1} max={5000} allowDecimal={false} value={cap} onChange={setCap} error={errors.cap} />
        </ReasonFooter>
      </Stack>
    </form>
  )
}

export function BulkDialog({ filter, title, onClose }: { filter: BreakFilter | null; title: string; onClose: () => void }) {
  return (
    <Modal opened={filter !== null} onClose={onClose} title={title} size="lg">
      {filter && <BulkForm filter={filter} onClose={onClose} />}
    </Modal>
  )
}
