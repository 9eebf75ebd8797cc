/** `#/fieldtest/plans`: test plans, newest first, by channel; a plan is generated from a channel here. */
import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { contract as api, type InputOf } from '../../../../shared/contract'
import type { PlanRow } from '../../../../shared/contract/fieldtest'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { pagedTableProps } from '../../components/list/pagedTable'
import { PageHeader } from '../../components/PageHeader'
import { useTableText } from '../../components/tableText'
import { formatDateTime } from '../../format/time'
import { useCan } from '../../session/currentUser'
import { usePaging } from '../reconciliation/usePaging'
import { planPath } from './paths'
import { serviceName } from './stepText'
import { ChannelPicker } from './shared'
import { TimeZoneNote } from '../../components/TimeZoneNote'

export function PlansPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const tableText = useTableText()
  const canRun = useCan(PERMISSIONS.FIELD_TEST_RUN)
  const paging = usePaging()
  const [channelId, setChannelId] = useState<string | null>(null)
  const [generating, setGenerating] = useState(false)
  const plans = useApiQuery('fieldtest.plans.list', { page: paging.page, pageSize: paging.pageSize, channelId: channelId ? Number(channelId) : undefined }, { placeholderData: keepPreviousData })
  return (
    <Stack>
      <PageHeader title={t('fieldtest.plans.title')}>{canRun && <Button onClick={() => setGenerating(true)}>{t('fieldtest.plans.generate')}</Button>}</PageHeader>
      <TimeZoneNote />
      <Group>
        <ChannelPicker
          label={t('fieldtest.channel')}
          placeholder={t('common.all')}
          clearable
          value={channelId}
          onChange={(v) => {
            setChannelId(v)
            paging.reset()
          }}
        />
      </Group>
      <DataTable<PlanRow>
        withTableBorder
        striped
        minHeight={160}
        {...pagedTableProps(paging, plans)}
        {...tableText}
        noRecordsText={t('fieldtest.plans.noPlans')}
        data-testid="plans"
        onRowClick={({ record }) => navigate(planPath(record.id))}
        columns={[
          { accessor: 'name', title: t('fieldtest.plans.name') },
          { accessor: 'channelName', title: t('fieldtest.channel'), render: (p) => `${p.channelName} · ${p.currency}` },
          { accessor: 'version', title: t('fieldtest.plans.version'), textAlign: 'right' },
          { accessor: 'stepCount', title: t('fieldtest.plans.steps'), textAlign: 'right' },
          { accessor: 'updatedAt', title: t('fieldtest.plans.updatedAt'), noWrap: true, render: (p) => `${formatDateTime(p.updatedAt)}${p.createdBy ? ` · ${p.createdBy}` : ''}` },
          {
            accessor: 'open',
            title: t('common.actions'),
            render: (p) => (
              <Button size="compact-sm" variant="subtle" onClick={() => navigate(planPath(p.id))}>
                {t('fieldtest.open')}
              </Button>
            )
          }
        ]}
      />
      <Modal opened={generating} onClose={() => setGenerating(false)} title={t('fieldtest.plans.generateTitle')} size="lg">
        {generating && <GenerateForm onDone={(id) => (id ? navigate(planPath(id)) : setGenerating(false))} />}
      </Modal>
    </Stack>
  )
}

interface GenerateValues {
  channelId: string | null
  serviceIds: string[]
  name: string
}

export function GenerateForm({ channelId, onDone }: { channelId?: number; onDone: (planId?: number) => void }) {
  const { t, i18n } = useTranslation()
  const generate = useApiMutation('fieldtest.plans.generate', { invalidate: ['fieldtest.plans.list'] })
  const created = useRef<number | undefined>(undefined)
  const { form, submit } = useEntityForm<GenerateValues, InputOf<'fieldtest.plans.generate'>>({
    initialValues: { channelId: channelId ? String(channelId) : null, serviceIds: [], name: '' },
    schema: api['fieldtest.plans.generate'].input,
    toInput: (v) =>
      ({
        channelId: v.channelId ? Number(v.channelId) : Number.NaN,
        // The version's note and the steps' stored titles are written in the engineer's language.
        language: i18n.language === 'zh-CN' ? 'zh-CN' : 'en',
        ...(v.serviceIds.length ? { serviceIds: v.serviceIds.map(Number) } : {}),
        ...(v.name.trim() ? { name: v.name.trim() } : {})
      }) as InputOf<'fieldtest.plans.generate'>,
    save: async (input) => {
      const plan = await generate.mutateAsync(input)
      created.current = plan.id
      return t('fieldtest.plans.generated', { name: plan.name, steps: plan.stepCount })
    },
    onDone: () => onDone(created.current)
  })
  const chosen = form.values.channelId ? Number(form.values.channelId) : undefined
  const bindings = useApiQuery('bindings.list', { page: 1, pageSize: 100, channelId: chosen } as InputOf<'bindings.list'>, { enabled: chosen !== undefined })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('fieldtest.plans.generateHint')}
        </Text>
        <ChannelPicker label={t('fieldtest.channel')} {...form.getInputProps('channelId')} />
        <MultiSelect
          label={t('fieldtest.plans.services')}
          placeholder={t('fieldtest.plans.allServices')}
          data={(bindings.data?.items ?? []).map((b) => ({ value: String(b.serviceId), label: serviceName(b, t) }))}
          disabled={chosen === undefined}
          clearable
          {...form.getInputProps('serviceIds')}
        />
        <TextInput label={t('fieldtest.plans.name')} description={t('fieldtest.plans.nameHint')} autoComplete="off" {...form.getInputProps('name')} />
        <FormButtons onCancel={() => onDone()} submitLabel={t('fieldtest.plans.generate')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
