import { useTranslation } from 'react-i18next'

/** The data table's own words (pagination, empty state, controls), translated. */
export function useTableText() {
  const { t } = useTranslation()
  const controlLabels = {
    first: t('table.firstPage'),
    last: t('table.lastPage'),
    previous: t('table.previousPage'),
    next: t('table.nextPage')
  }
  return {
    noRecordsText: t('table.noRecords'),
    loadingText: t('table.loading'),
    recordsPerPageLabel: t('table.recordsPerPage'),
    recordsPerPageOptions: [10, 20, 50, 100],
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('table.pagination', { from, to, total: totalRecords }),
    getPaginationControlProps: (control: keyof typeof controlLabels) => ({ 'aria-label': controlLabels[control] })
  }
}
