/**
 * The saved views of one list or report: pick one to apply it, save the current filters under a
 * name, delete the one picked. The views are the signed-in user's, kept in the database.
 */
import { ActionIcon, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VIEW_LIMITS, type SavedViewList, type ViewFilters } from '../../../../shared/contract/preferences'
import { apiErrorMessage, notifyError, notifySuccess } from '../notify'
import { useSavedViews } from './savedViews'

interface SavedViewsControlProps {
  list: SavedViewList
  /** The filters on screen now, as a view keeps them (`viewFiltersOf`). */
  filters: ViewFilters
  onApply: (filters: ViewFilters) => void
}

export function SavedViewsControl({ list, filters, onApply }: SavedViewsControlProps) {
  const { t } = useTranslation()
  const { views, save, remove } = useSavedViews(list)
  const [picked, setPicked] = useState<string | null>(null)
  const [naming, setNaming] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const name = naming?.trim() ?? ''
  const pickedView = views.find((v) => String(v.id) === picked)

  const submit = () => {
    setTried(true)
    if (!name) return
    save.mutate(
      { list, name, filters },
      {
        onSuccess: (view) => {
          setPicked(String(view.id))
          setNaming(null)
          notifySuccess(t('views.saved', { name: view.name }))
        }
      }
    )
  }

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label={t('views.label')}
        placeholder={t('views.placeholder')}
        data={views.map((v) => ({ value: String(v.id), label: v.name }))}
        value={pickedView ? picked : null}
        onChange={(next) => {
          setPicked(next)
          const view = views.find((v) => String(v.id) === next)
          if (view) onApply(view.filters)
        }}
        w={200}
      />
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('views.delete')}
        title={t('views.delete')}
        disabled={!pickedView}
        loading={remove.isPending}
        onClick={() => {
          if (!pickedView) return
          remove.mutate(
            { id: pickedView.id },
            {
              onSuccess: () => {
                notifySuccess(t('views.deleted', { name: pickedView.name }))
                setPicked(null)
              },
              onError: notifyError
            }
          )
        }}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        onClick={() => {
          setTried(false)
          save.reset()
          setNaming(pickedView?.name ?? '')
        }}
      >
        {t('views.save')}
      </Button>
      <Modal opened={naming !== null} onClose={() => setNaming(null)} title={t('views.saveTitle')}>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <Stack>
            <TextInput
              label={t('views.name')}
              description={t('views.nameHint')}
              data-autofocus
              value={naming ?? ''}
              maxLength={VIEW_LIMITS.nameChars}
              error={tried && !name ? t('views.nameRequired') : save.error ? apiErrorMessage(save.error) : undefined}
              onChange={(event) => setNaming(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  )
}
