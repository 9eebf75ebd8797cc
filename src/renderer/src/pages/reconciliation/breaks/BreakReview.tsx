/**
 * A run's breaks reviewed one by one: the filters, the paged list (server side), the selected
 * break's detail below it, and the keyboard: j/k or ↓/↑ to move (across pages), a letter to decide,
 * the reason dialog with the focus and Enter to confirm. Bulk decisions take the current filter.
 */
import { Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BreakAction, BreakRow } from '../../../../../shared/contract/reconciliation'
import { useApiQuery } from '../../../api/hooks'
import type { ListTableState } from '../../../components/list/useListState'
import { BreakDetailPanel, useBreakDetail } from './BreakDetailPanel'
import { BreakFilters, type BreakFilter } from './BreakFilters'
import { BreakTable } from './BreakTable'
import { ImportDecisions } from './ImportDecisions'
import { ResolveDialog } from './ResolveDialog'
import type { ReviewPlace } from './reviewPlace'
import { SHORTCUTS, useReviewKeys } from './useReviewKeys'

interface BreakReviewProps {
  /** The filters, page and selected break, kept in the page's address. */
  place: ReviewPlace
  causeKeys: string[]
  canDecide: boolean
  /** Opens the bulk dialog for this filter. */
  onBulk: (filter: BreakFilter) => void
}

function Shortcuts() {
  const { t } = useTranslation()
  return (
    <Group gap="md" data-testid="shortcuts">
      <Text size="xs">
        <Kbd size="xs">j</Kbd> / <Kbd size="xs">↓</Kbd> {t('recon.keys.next')}
      </Text>
      <Text size="xs">
        <Kbd size="xs">k</Kbd> / <Kbd size="xs">↑</Kbd> {t('recon.keys.previous')}
      </Text>
      {SHORTCUTS.map((s) => (
        <Text key={s.key} size="xs">
          <Kbd size="xs">{s.key}</Kbd> {t(`recon.resolve.confirm.${s.action}`)}
        </Text>
      ))}
      <Text size="xs">
        <Kbd size="xs">{t('recon.keys.enterKey')}</Kbd> {t('recon.keys.confirm')}
      </Text>
    </Group>
  )
}

export function BreakReview({ place, causeKeys, canDecide, onBulk }: BreakReviewProps) {
  const { t } = useTranslation()
  const { filter, setSearch: searchFor } = place
  const paging: ListTableState = { page: place.page, pageSize: place.pageSize, setPage: place.setPage, setPageSize: place.setPageSize }
  const [search, setSearch] = useState(place.search)
  const [query] = useDebouncedValue(search.trim(), 300)
  // Only a search typed here starts the list again (the address's own, on the way back, does not).
  const searched = place.search
  useEffect(() => {
    if (query !== searched) searchFor(query)
  }, [query, searched, searchFor])
  const applied: BreakFilter = { ...filter, search: place.search || undefined }
  const list = useApiQuery('recon.breaks.list', { ...applied, page: paging.page, pageSize: paging.pageSize }, { placeholderData: keepPreviousData })
  const rows = list.data?.items ?? []
  // Held here, so the keys move at once (the address follows a render later), and starting from the
  // address's break on the way back to the list.
  const [selected, setSelected] = useState<{ id: number | null; index: number }>({ id: place.breakId, index: 0 })
  const { select: remember } = place
  useEffect(() => remember(selected.id), [selected.id, remember])
  // The selected break, or (once a decision took it off a filtered list) the one now in its place.
  const current: BreakRow | undefined = rows.find((r) => r.id === selected.id) ?? rows[Math.min(selected.index, rows.length - 1)]
  const index = current ? rows.indexOf(current) : -1
  const select = (row: BreakRow, i: number) => setSelected({ id: row.id, index: i })
  const detail = useBreakDetail(current?.id ?? null)
  const [dialog, setDialog] = useState<{ action: BreakAction; candidateId?: number } | null>(null)
  const [importing, setImporting] = useState(false)

  // A break reached by the keys is scrolled into view (a click's row already is).
  const movedByKey = useRef(false)
  const currentId = current?.id
  useEffect(() => {
    if (!movedByKey.current || currentId === undefined) return
    movedByKey.current = false
    document.querySelector(`[data-testid="break-list"] tr[data-break-id="${currentId}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [currentId])

  const move = (step: 1 | -1) => {
    movedByKey.current = true
    const next = index + step
    if (next >= 0 && next < rows.length) select(rows[next], next)
    else if (step === 1 && paging.page * paging.pageSize < (list.data?.total ?? 0)) {
      paging.setPage(paging.page + 1)
      setSelected({ id: null, index: 0 })
    } else if (step === -1 && paging.page > 1) {
      paging.setPage(paging.page - 1)
      setSelected({ id: null, index: paging.pageSize - 1 })
    }
  }
  const open = (action: BreakAction, candidateId?: number) => {
    if (canDecide && detail.data && detail.data.id === current?.id && detail.data.actions.includes(action)) setDialog({ action, candidateId })
  }
  useReviewKeys({ enabled: dialog === null && !importing, onMove: move, onAction: (action) => open(action) })

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('recon.breaks.title')}</Title>
            {canDecide && (
              <Group gap="xs">
                {/* A bulk decision takes the open breaks only: the list's count is theirs only when it lists open ones. */}
                <Button variant="light" onClick={() => onBulk(applied)} disabled={(list.data?.total ?? 0) === 0}>
                  {applied.status === 'open' ? t('recon.bulk.byFilter', { n: list.data?.total ?? 0 }) : t('recon.bulk.byFilterOpen')}
                </Button>
                <Button variant="default" onClick={() => setImporting(true)}>
                  {t('recon.decisions.title')}
                </Button>
              </Group>
            )}
          </Group>
          <Group align="flex-end" wrap="wrap">
            <BreakFilters filter={filter} search={search} onSearch={setSearch} onChange={place.setFilter} causeKeys={causeKeys} />
          </Group>
          <Shortcuts />
          <BreakTable paging={paging} result={list} selectedId={current?.id ?? null} onSelect={select} />
        </Stack>
      </Paper>
      {current && <BreakDetailPanel id={current.id} canDecide={canDecide} onAction={open} />}
      {detail.data && dialog && <ResolveDialog opened detail={detail.data} action={dialog.action} candidateId={dialog.candidateId} onClose={() => setDialog(null)} />}
      {filter.runId && <ImportDecisions runId={filter.runId} opened={importing} onClose={() => setImporting(false)} />}
    </Stack>
  )
}
