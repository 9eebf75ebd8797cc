/**
 * What can be done to an unresolved dispute (DISPUTE_WRITE): add an evidence file, attach a
 * waybill of the order, add a note, submit the evidence, resolve it (won, lost, accepted).
 */
import { Button, FileInput, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ruleText } from '../../i18n/messages'
import { EVIDENCE_MAX_BYTES, type DisputeDetail } from '../../../../shared/contract/aftersales'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { notifySuccess } from '../../components/notify'
import { useCan } from '../../session/currentUser'
import { RefusalAlert } from './RefusalAlert'
import { useCaseForm } from './useCaseForm'

type DisputeAction = 'addEvidence' | 'attachWaybill' | 'addNote' | 'submitEvidence' | 'resolve'

interface FormProps {
  dispute: DisputeDetail
  onClose: () => void
}

/** A file as base64 (what the contract carries), without the data-URL prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.readAsDataURL(file)
  })
}

function EvidenceForm({ dispute, onClose }: FormProps) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [content, setContent] = useState('')
  const [fileError, setFileError] = useState<string | null>(null)
  const { form, submit, refusal, pending } = useCaseForm('disputes.addEvidence', { fileName: '', contentBase64: '', note: '' }, (v) => ({ id: dispute.id, fileName: v.fileName, contentBase64: content, note: v.note }), onClose)
  const pick = async (picked: File | null) => {
    setFile(picked)
    setFileError(null)
    setContent('')
    if (!picked) return
    if (picked.size > EVIDENCE_MAX_BYTES) return setFileError(t('aftersales.dispute.tooLarge'))
    form.setFieldValue('fileName', picked.name)
    setContent(await readBase64(picked))
  }
  return (
    <form
      onSubmit={(e) => {
        // No file chosen is "required"; the contract's "the file is empty" is for a chosen file without content.
        if (!file) {
          e.preventDefault()
          setFileError(ruleText('rule.required', t))
          return
        }
        submit(e)
      }}
      noValidate
    >
      <Stack>
        <FileInput label={t('aftersales.dispute.file')} description={t('aftersales.dispute.evidenceHint')} accept="application/pdf,image/png,image/jpeg" value={file} onChange={(f) => void pick(f)} error={fileError ?? form.errors.contentBase64} withAsterisk data-testid="evidence-file" />
        <TextInput label={t('fields.fileName')} {...form.getInputProps('fileName')} />
        <Textarea label={t('aftersales.dispute.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t('aftersales.dispute.addEvidence')} loading={pending} />
      </Stack>
    </form>
  )
}

function AttachWaybillForm({ dispute, onClose }: FormProps) {
  const { t } = useTranslation()
  const waybills = useApiQuery('waybills.list', { orderId: dispute.orderId, pageSize: 100 })
  const attached = new Set(dispute.waybills.map((w) => w.id))
  const options = (waybills.data?.items ?? []).filter((w) => !attached.has(w.id)).map((w) => ({ value: String(w.id), label: `${w.carrier} ${w.trackingNo}` }))
  const { form, submit, refusal, pending } = useCaseForm('disputes.attachWaybill', { waybillId: '' }, (v) => ({ id: dispute.id, waybillId: Number(v.waybillId) }), onClose)
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {waybills.data && options.length === 0 && <Text size="sm">{t('aftersales.dispute.noWaybills')}</Text>}
        <Select label={t('aftersales.dispute.pickWaybill')} data={options} withAsterisk {...form.getInputProps('waybillId')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t('aftersales.dispute.attachWaybill')} loading={pending} />
      </Stack>
    </form>
  )
}

function NoteForm({ dispute, onClose, submitEvidence }: FormProps & { submitEvidence: boolean }) {
  const { t } = useTranslation()
  const toInput = (v: { note: string }) => (submitEvidence ? { id: dispute.id, note: v.note.trim() || undefined } : { id: dispute.id, note: v.note })
  const { form, submit, refusal, pending } = useCaseForm(submitEvidence ? 'disputes.submitEvidence' : 'disputes.addNote', { note: '' }, toInput as never, onClose)
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea label={t('aftersales.dispute.note')} withAsterisk={!submitEvidence} autosize minRows={2} {...form.getInputProps('note')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t(submitEvidence ? 'aftersales.dispute.submitEvidence' : 'aftersales.dispute.addNote')} loading={pending} />
      </Stack>
    </form>
  )
}

function ResolveForm({ dispute, onClose }: FormProps) {
  const { t } = useTranslation()
  const { form, submit, refusal, pending } = useCaseForm(
    'disputes.resolve',
    { outcome: 'won', reason: '' },
    (v) => ({ id: dispute.id, outcome: v.outcome as 'won' | 'lost' | 'accepted', reason: v.reason }),
    (after) => {
      notifySuccess(t('aftersales.dispute.done', { disputeNo: after.disputeNo, status: t(`aftersales.disputeStatuses.${after.status}`) }))
      onClose()
    }
  )
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('aftersales.dispute.outcome')}
          data={(['won', 'lost', 'accepted'] as const).map((o) => ({ value: o, label: t(`aftersales.dispute.outcomes.${o}`) }))}
          allowDeselect={false}
          {...form.getInputProps('outcome')}
        />
        <Textarea label={t('aftersales.reason')} description={t('aftersales.reasonHint')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t('aftersales.dispute.resolve')} loading={pending} />
      </Stack>
    </form>
  )
}

export function DisputeActions({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useTranslation()
  const canWrite = useCan(PERMISSIONS.DISPUTE_WRITE)
  const [open, setOpen] = useState<DisputeAction | null>(null)
  if (!canWrite || (dispute.status !== 'open' && dispute.status !== 'evidence_submitted')) return null
  const actions: DisputeAction[] = dispute.status === 'open' ? ['addEvidence', 'attachWaybill', 'addNote', 'submitEvidence', 'resolve'] : ['addEvidence', 'attachWaybill', 'addNote', 'resolve']
  const close = () => setOpen(null)
  return (
    <>
      <Group gap="xs" data-testid="dispute-actions">
        {actions.map((a) => (
          <Button key={a} size="xs" variant="light" color={a === 'resolve' ? 'grape' : undefined} onClick={() => setOpen(a)}>
            {t(`aftersales.dispute.${a}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={close} title={open ? t(`aftersales.dispute.${open}`) : ''}>
        {open === 'addEvidence' && <EvidenceForm dispute={dispute} onClose={close} />}
        {open === 'attachWaybill' && <AttachWaybillForm dispute={dispute} onClose={close} />}
        {open === 'addNote' && <NoteForm dispute={dispute} onClose={close} submitEvidence={false} />}
        {open === 'submitEvidence' && <NoteForm dispute={dispute} onClose={close} submitEvidence />}
        {open === 'resolve' && <ResolveForm dispute={dispute} onClose={close} />}
      </Modal>
    </>
  )
}
