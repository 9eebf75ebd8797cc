/** Saved filter views of one report: pick one to apply it, save the current filters under a name, delete the one picked. */
import { ActionIcon, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { notifySuccess } from '../../components/notify'
import type { ReportFilters } from './reportFilters'
import { useSavedViews } from './savedViews'

interface SavedViewsControlProps {
  report: string
  filters: ReportFilters
  onApply: (filters: ReportFilters) => void
}

export function SavedViewsControl({ report, filters, onApply }: SavedViewsControlProps) {
  const { t } = useTranslation()
  const { views, save, remove } = useSavedViews(report)
  const [picked, setPicked] = useState<string | null>(null)
  const [naming, setNaming] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const name = naming?.trim() ?? ''

  const submit = () => {
    setTried(true)
    if (!name) return
    save({ name, filters })
    setPicked(name)
    setNaming(null)
    notifySuccess(t('reports.views.saved', { name }))
  }

  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('reports.views.label')}
        placeholder={t('reports.views.placeholder')}
        data={views.map((v) => v.name)}
        value={picked}
        onChange={(next) => {
          setPicked(next)
          const view = views.find((v) => v.name === next)
          if (view) onApply({ ...filters, ...view.filters })
        }}
        w={200}
      />
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('reports.views.delete')}
        title={t('reports.views.delete')}
        disabled={picked === null}
        onClick={() => {
          if (picked === null) return
          remove(picked)
          notifySuccess(t('reports.views.deleted', { name: picked }))
          setPicked(null)
        }}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        onClick={() => {
          setTried(false)
          setNaming(picked ?? '')
        }}
      >
        {t('reports.views.save')}
      </Button>
      <Modal opened={naming !== null} onClose={() => setNaming(null)} title={t('reports.views.saveTitle')}>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <Stack>
            <TextInput
              label={t('reports.views.name')}
              data-autofocus
              value={naming ?? ''}
              maxLength={60}
              error={tried && !name ? t('reports.views.nameRequired') : undefined}
              onChange={(event) => setNaming(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  )
}
