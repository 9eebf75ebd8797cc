/**
 * The FX rate table: rates per currency pair and validity period (paged and filtered on the host),
 * manual entry (applied rate, or a markup off the reference rate) and CSV import. An import adds
 * every row or none; its refusals are listed by line and field.
 */
import { Alert, Button, FileInput, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf, type OutputOf } from '../../../../shared/contract'
import type { FxRateRow } from '../../../../shared/contract/finance'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { notifySuccess, notifyError } from '../../components/notify'
import { FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useListState } from '../../components/list/useListState'
import { formatDateTime } from '../../format/time'
import { translateText } from '../../i18n/messages'
import { useReferenceLabels } from '../../i18n/reference'

type Input = InputOf<'fx.list'>
type Filters = Pick<Input, 'baseCurrency' | 'quoteCurrency'>

interface Values {
  baseCurrency: string
  quoteCurrency: string
  referenceRate: string
  mode: 'applied' | 'markup'
  appliedRate: string
  markupPercent: string
  validFrom: string
  validTo: string
  note: string
}

function RateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const create = useApiMutation('fx.create', { invalidate: ['fx.list'] })
  const { form, submit } = useEntityForm<Values, InputOf<'fx.create'>>({
    initialValues: { baseCurrency: '', quoteCurrency: '', referenceRate: '', mode: 'applied', appliedRate: '', markupPercent: '', validFrom: '', validTo: '', note: '' },
    schema: contract['fx.create'].input,
    toInput: (v) => ({
      baseCurrency: v.baseCurrency,
      quoteCurrency: v.quoteCurrency,
      referenceRate: v.referenceRate,
      appliedRate: v.mode === 'applied' ? v.appliedRate : undefined,
      markupPercent: v.mode === 'markup' ? v.markupPercent : undefined,
      validFrom: v.validFrom,
      validTo: v.validTo,
      note: v.note
    }),
    save: async (input) => {
      const rate = await create.mutateAsync(input)
      return t('fxRates.added', { pair: `${rate.baseCurrency}→${rate.quoteCurrency}`, applied: rate.appliedRate })
    },
    onDone
  })
  const currencies = labels.currencyOptions()
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow>
          <Select label={t('fxRates.baseCurrency')} description={t('fxRates.baseHint')} data={currencies} searchable {...form.getInputProps('baseCurrency')} />
          <Select label={t('fxRates.quoteCurrency')} description={t('fxRates.quoteHint')} data={currencies} searchable {...form.getInputProps('quoteCurrency')} />
        </Group>
        <TextInput label={t('fxRates.referenceRate')} description={t('fxRates.referenceHint')} inputMode="decimal" {...form.getInputProps('referenceRate')} />
        <Select
          label={t('fxRates.mode')}
          data={[
            { value: 'applied', label: t('fxRates.modes.applied') },
            { value: 'markup', label: t('fxRates.modes.markup') }
          ]}
          allowDeselect={false}
          {...form.getInputProps('mode')}
        />
        {form.values.mode === 'applied' ? (
          <TextInput label={t('fxRates.appliedRate')} inputMode="decimal" {...form.getInputProps('appliedRate')} />
        ) : (
          <TextInput label={t('fxRates.markupPercent')} inputMode="decimal" {...form.getInputProps('markupPercent')} error={form.errors.markupPercent ?? form.errors.appliedRate} />
        )}
        <Group grow>
          <TextInput label={t('fxRates.validFrom')} description={t('fxRates.timeHint')} placeholder="2026-11-01" {...form.getInputProps('validFrom')} />
          <TextInput label={t('fxRates.validTo')} description={t('fxRates.validToHint')} placeholder="2026-11-30" {...form.getInputProps('validTo')} />
        </Group>
        <Textarea label={t('fxRates.note')} autosize minRows={1} {...form.getInputProps('note')} />
        <FormButtons onCancel={onDone} submitLabel={t('fxRates.add')} loading={form.submitting} />
      </Stack>
    </form>
  )
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const importRates = useApiMutation('fx.import', { invalidate: ['fx.list'] })
  const [file, setFile] = useState<File | null>(null)
  const [answer, setAnswer] = useState<OutputOf<'fx.import'> | null>(null)
  const run = async () => {
    if (!file) return
    setAnswer(null)
    try {
      const result = await importRates.mutateAsync({ csv: await file.text() })
      setAnswer(result)
      if (result.errors.length === 0) {
        notifySuccess(t('fxRates.imported', { count: result.imported }))
        onDone()
      }
    } catch (error) {
      notifyError(error)
    }
  }
  return (
    <Stack>
      <Text size="sm">{t('fxRates.importIntro')}</Text>
      <Text size="xs" ff="monospace" c="dimmed">
        baseCurrency,quoteCurrency,referenceRate,appliedRate,markupPercent,validFrom,validTo,note
      </Text>
      <FileInput label={t('fxRates.file')} accept=".csv,text/csv" value={file} onChange={setFile} clearable />
      {answer && answer.errors.length > 0 && (
        <Alert color="red" title={t('fxRates.importRefused', { count: answer.errors.length })} data-testid="import-errors">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fxRates.line')}</Table.Th>
                <Table.Th>{t('fxRates.field')}</Table.Th>
                <Table.Th>{t('fxRates.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                  <Table.Td>{translateText(e.text, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void run()} disabled={!file} loading={importRates.isPending}>
          {t('fxRates.import')}
        </Button>
      </Group>
    </Stack>
  )
}

export function FxRatesPage() {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null)
  const list = useListState<NonNullable<Input['sortBy']>, Filters>({ sortBy: 'validFrom', sortDirection: 'desc' }, {})
  const result = useApiQuery('fx.list', list.input, { placeholderData: keepPreviousData })
  const currencies = labels.currencyOptions()
  return (
    <ListPage<FxRateRow>
      title={t('fxRates.title')}
      zoneNote="times"
      actions={
        <Group gap="xs">
          <Button onClick={() => setDialog('add')}>{t('fxRates.add')}</Button>
          <Button variant="light" onClick={() => setDialog('import')}>
            {t('fxRates.import')}
          </Button>
        </Group>
      }
      source={{ list, result }}
      search={{ label: t('fxRates.searchLabel'), placeholder: t('fxRates.searchPlaceholder') }}
      filters={
        <>
          <FilterSelect label={t('fxRates.baseCurrency')} value={list.filters.baseCurrency} onChange={(v) => list.setFilter('baseCurrency', v)} options={currencies} />
          <FilterSelect label={t('fxRates.quoteCurrency')} value={list.filters.quoteCurrency} onChange={(v) => list.setFilter('quoteCurrency', v)} options={currencies} />
        </>
      }
      columns={[
        { accessor: 'pair', title: t('fxRates.pair'), noWrap: true, render: (r) => `${r.baseCurrency}→${r.quoteCurrency}` },
        { accessor: 'referenceRate', title: t('fxRates.referenceRate'), textAlign: 'right' },
        { accessor: 'appliedRate', title: t('fxRates.appliedRate'), textAlign: 'right' },
        { accessor: 'markup', title: t('fxRates.markupPercent'), textAlign: 'right', render: (r) => `${r.markup} %` },
        { accessor: 'validFrom', title: t('fxRates.validFrom'), sortable: true, noWrap: true, render: (r) => formatDateTime(r.validFrom) },
        { accessor: 'validTo', title: t('fxRates.validUntil'), noWrap: true, render: (r) => formatDateTime(r.validTo) },
        { accessor: 'source', title: t('fxRates.source'), render: (r) => t(`fxRates.sources.${r.source}`) },
        { accessor: 'note', title: t('fxRates.note') },
        { accessor: 'createdAt', title: t('common.createdAt'), sortable: true, noWrap: true, render: (r) => `${formatDateTime(r.createdAt)}${r.createdBy ? ` · ${r.createdBy}` : ''}` }
      ]}
    >
      <Modal opened={dialog === 'add'} onClose={() => setDialog(null)} title={t('fxRates.add')} size="lg">
        {dialog === 'add' && <RateForm onDone={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog === 'import'} onClose={() => setDialog(null)} title={t('fxRates.import')} size="lg">
        {dialog === 'import' && <ImportForm onDone={() => setDialog(null)} />}
      </Modal>
    </ListPage>
  )
}
