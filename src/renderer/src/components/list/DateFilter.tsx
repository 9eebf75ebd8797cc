/**
 * A date filter: Mantine's date picker, written and typed as yyyy-mm-dd like every date in the
 * app (not the browser's own mm/dd/yyyy field). The value is the day's text, '' when empty; the
 * caller says in the label which zone the day is cut in.
 */
import { DateInput } from '@mantine/dates'

interface DateFilterProps {
  label: string
  value: string
  onChange(value: string): void
  error?: string
  minDate?: string
}

export function DateFilter({ label, value, onChange, error, minDate }: DateFilterProps) {
  return <DateInput label={label} value={value === '' ? null : value} onChange={(day) => onChange(day ?? '')} error={error} minDate={minDate || undefined} w={170} />
}
