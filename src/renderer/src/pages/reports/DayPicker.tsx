/**
 * A calendar beside a report's From or To field: picking a day writes its first (From) or last
 * (To) second, `yyyy-mm-dd 00:00:00` or `… 23:59:59`, which the field still shows and takes typed
 * to the second (the report API's own form).
 */
import { ActionIcon, Popover } from '@mantine/core'
import { DatePicker } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useState } from 'react'
import { dayRange } from './reportFilters'

interface DayPickerProps {
  /** The field's current text: its day, when it has one, is the one shown. */
  value: string
  bound: 'start' | 'end'
  label: string
  onPick(text: string): void
}

export function DayPicker({ value, bound, label, onPick }: DayPickerProps) {
  const [opened, setOpened] = useState(false)
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] ?? null
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withinPortal>
      <Popover.Target>
        <ActionIcon variant="subtle" aria-label={label} onClick={() => setOpened((o) => !o)}>
          <IconCalendar size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={day}
          defaultDate={day ?? undefined}
          onChange={(picked) => {
            if (!picked) return
            const range = dayRange(picked.slice(0, 10))
            onPick(bound === 'start' ? range.dateStart : range.dateEnd)
            setOpened(false)
          }}
        />
      </Popover.Dropdown>
    </Popover>
  )
}
