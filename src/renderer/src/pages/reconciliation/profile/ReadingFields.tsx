/**
 * How the file is read: format and encoding, where the header is and which lines are not data,
 * the sign convention, number and date formats, the time zone of times without an offset, and
 * the currency and defaults for columns the file lacks.
 */
import { Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { AMOUNT_FIELDS, LINE_KINDS, LINE_STATUSES, STATEMENT_ENCODINGS, STATEMENT_FORMATS, type AmountField } from '../../../../../shared/contract/recon-profile'
import { useReferenceLabels } from '../../../i18n/reference'
import { reconLabel } from '../labels'
import { withSignMode, type Draft } from './draft'

export interface DraftEditorProps {
  draft: Draft
  onChange: (patch: Partial<Draft>) => void
  /** Problems of the draft by path (`columns.gross`, `thousandsSeparator`), from the profile's own schema. */
  errors: Record<string, string>
}

const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const
const THOUSANDS = { none: '', comma: ',', dot: '.', space: ' ' } as const
const NONE = 'none'

export function ReadingFields({ draft, onChange, errors }: DraftEditorProps) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const tabular = draft.format === 'csv' || draft.format === 'xlsx'
  const sign = draft.sign
  const choice = <V extends string>(values: readonly V[], label: (v: V) => string) => values.map((v) => ({ value: v, label: label(v) }))
  const amountFields = choice(AMOUNT_FIELDS, (f) => reconLabel(t, 'fields', f))
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('recon.profile.format')} data={choice(STATEMENT_FORMATS, (f) => t(`recon.profile.formats.${f}`))} value={draft.format} onChange={(v) => v && onChange({ format: v as Draft['format'] })} allowDeselect={false} />
        <Select label={t('recon.profile.encoding')} data={choice(STATEMENT_ENCODINGS, (e) => t(`recon.profile.encodings.${e.replace(/-/g, '')}` as never))} value={draft.encoding} onChange={(v) => v && onChange({ encoding: v as Draft['encoding'] })} allowDeselect={false} />
        {draft.format === 'csv' && (
          <Select
            label={t('recon.profile.delimiter')}
            data={Object.entries(DELIMITERS).map(([value, name]) => ({ value, label: t(`recon.profile.delimiters.${name}`) }))}
            value={draft.delimiter}
            onChange={(v) => v && onChange({ delimiter: v as Draft['delimiter'] })}
            allowDeselect={false}
          />
        )}
        {draft.format === 'xlsx' && <TextInput label={t('recon.profile.sheet')} description={t('recon.profile.sheetHint')} value={draft.sheet === null ? '' : String(draft.sheet)} onChange={(e) => onChange({ sheet: sheetValue(e.currentTarget.value) })} error={errors.sheet} />}
      </SimpleGrid>
      {tabular && (
        <>
          <TagsInput label={t('recon.profile.anchors')} description={t('recon.profile.anchorsHint')} value={draft.headerAnchors} onChange={(headerAnchors) => onChange({ headerAnchors })} error={errors.headerAnchors} clearable />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('recon.profile.headerRow')} description={t('recon.profile.headerRowHint')} min={1} allowDecimal={false} value={draft.headerRow ?? ''} onChange={(v) => onChange({ headerRow: typeof v === 'number' ? v : null })} error={errors.headerRow} />
            <TagsInput label={t('recon.profile.skipPrefixes')} description={t('recon.profile.skipPrefixesHint')} value={draft.skipLinePrefixes} onChange={(skipLinePrefixes) => onChange({ skipLinePrefixes })} error={errors.skipLinePrefixes} />
            <TagsInput label={t('recon.profile.stopPrefixes')} description={t('recon.profile.stopPrefixesHint')} value={draft.stopAtLinePrefixes} onChange={(stopAtLinePrefixes) => onChange({ stopAtLinePrefixes })} error={errors.stopAtLinePrefixes} />
          </SimpleGrid>
          <Group grow align="flex-end">
            <TextInput label={t('recon.profile.valuePrefix')} description={t('recon.profile.valuePrefixHint')} value={draft.valuePrefix} onChange={(e) => onChange({ valuePrefix: e.currentTarget.value })} error={errors.valuePrefix} />
            <Switch label={t('recon.profile.trimValues')} checked={draft.trimValues} onChange={(e) => onChange({ trimValues: e.currentTarget.checked })} />
          </Group>
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('recon.profile.signMode')}
          data={choice(['signed', 'income_expense', 'indicator'] as const, (m) => t(`recon.profile.signModes.${m}`))}
          value={sign.mode}
          onChange={(mode) => onChange(withSignMode(draft, (mode ?? 'signed') as Draft['sign']['mode']))}
          allowDeselect={false}
          error={errors.sign}
        />
        <MultiSelect label={t('recon.profile.negate')} description={t('recon.profile.negateHint')} data={amountFields} value={draft.negate} onChange={(v) => onChange({ negate: v as AmountField[] })} />
        <Switch mt="xl" label={t('recon.profile.invert')} checked={sign.invert} onChange={(e) => onChange({ sign: { ...sign, invert: e.currentTarget.checked } })} />
      </SimpleGrid>
      {sign.mode === 'indicator' && (
        <Group grow>
          <TagsInput label={t('recon.profile.creditValues')} value={sign.credit} onChange={(credit) => onChange({ sign: { ...sign, credit } })} error={errors['sign.credit']} />
          <TagsInput label={t('recon.profile.debitValues')} value={sign.debit} onChange={(debit) => onChange({ sign: { ...sign, debit } })} error={errors['sign.debit']} />
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('recon.profile.decimalSeparator')} data={[{ value: '.', label: t('recon.profile.separators.dot') }, { value: ',', label: t('recon.profile.separators.comma') }]} value={draft.decimalSeparator} onChange={(v) => v && onChange({ decimalSeparator: v as Draft['decimalSeparator'] })} allowDeselect={false} />
        <Select
          label={t('recon.profile.thousandsSeparator')}
          data={Object.keys(THOUSANDS).map((name) => ({ value: name, label: t(`recon.profile.separators.${name as keyof typeof THOUSANDS}`) }))}
          value={Object.entries(THOUSANDS).find(([, s]) => s === draft.thousandsSeparator)?.[0] ?? NONE}
          onChange={(v) => onChange({ thousandsSeparator: THOUSANDS[(v ?? NONE) as keyof typeof THOUSANDS] })}
          allowDeselect={false}
          error={errors.thousandsSeparator}
        />
        <TextInput label={t('recon.profile.dateFormat')} description={t('recon.profile.dateFormatHint')} value={draft.dateFormat} onChange={(e) => onChange({ dateFormat: e.currentTarget.value })} error={errors.dateFormat} />
        <TextInput label={t('recon.profile.timeZone')} description={t('recon.profile.timeZoneHint')} value={draft.timeZone} onChange={(e) => onChange({ timeZone: e.currentTarget.value })} error={errors.timeZone} />
        <Select label={t('recon.profile.currency')} description={t('recon.profile.currencyHint')} data={labels.currencyOptions()} searchable clearable value={draft.currency} onChange={(currency) => onChange({ currency })} error={errors.currency} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('recon.profile.defaultKind')} description={t('recon.profile.defaultKindHint')} data={choice(LINE_KINDS, (k) => reconLabel(t, 'lineKinds', k))} clearable value={draft.defaultKind} onChange={(v) => onChange({ defaultKind: v as Draft['defaultKind'] })} error={errors.defaultKind} />
        <Select label={t('recon.profile.defaultStatus')} description={t('recon.profile.defaultStatusHint')} data={choice(LINE_STATUSES, (s) => reconLabel(t, 'lineStatuses', s))} clearable value={draft.defaultStatus} onChange={(v) => onChange({ defaultStatus: v as Draft['defaultStatus'] })} error={errors.defaultStatus} />
      </SimpleGrid>
    </Stack>
  )
}

/** A sheet by its position (a number) or its name. */
function sheetValue(text: string): Draft['sheet'] {
  const trimmed = text.trim()
  if (trimmed === '') return null
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed
}
