/**
 * Whose requests a review list shows: the user's own, or others' (the ones they may review; Home's
 * "waiting for review" counts and links to exactly these).
 */
import { useTranslation } from 'react-i18next'
import { REQUESTER_VALUES } from '../../../../shared/contract/finance'
import { FilterSelect } from '../../components/list/filters'

type Requester = (typeof REQUESTER_VALUES)[number]

export function RequesterFilter({ value, onChange }: { value: Requester | undefined; onChange: (value: Requester | undefined) => void }) {
  const { t } = useTranslation()
  return <FilterSelect label={t('finance.requestedBy')} value={value} onChange={onChange} options={REQUESTER_VALUES.map((r) => ({ value: r, label: t(`finance.requesters.${r}`) }))} />
}
