import { Select, Stack, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { WAYBILL_STATUS_VALUES, type WaybillDetail, type WaybillStatusValue } from '../../../../shared/contract/aftersales'
import { FormButtons } from '../../components/form/FormButtons'
import { RefusalAlert } from './RefusalAlert'
import { useCaseForm } from './useCaseForm'

/** A waybill's new status, with an optional note for its timeline. */
export function WaybillStatusForm({ waybill, onClose }: { waybill: WaybillDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const next = WAYBILL_STATUS_VALUES.find((s) => s !== waybill.status) ?? 'delivered'
  const { form, submit, refusal, pending } = useCaseForm('waybills.updateStatus', { status: next as string, note: '' }, (v) => ({ id: waybill.id, status: v.status as WaybillStatusValue, note: v.note }), onClose)
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select label={t('aftersales.waybill.newStatus')} data={WAYBILL_STATUS_VALUES.map((s) => ({ value: s, label: t(`aftersales.waybillStatuses.${s}`) }))} allowDeselect={false} {...form.getInputProps('status')} />
        <Textarea label={t('aftersales.waybill.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t('common.save')} loading={pending} />
      </Stack>
    </form>
  )
}
