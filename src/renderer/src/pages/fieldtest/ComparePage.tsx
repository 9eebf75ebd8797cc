/**
 * `#/fieldtest/runs/:id/compare/:other`: two runs of one plan side by side (a rehearsal beside the
 * live run), step by step; a step that behaved differently is highlighted with what differs named.
 */
import { Badge, Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import type { Comparison, StepResult } from '../../../../shared/contract/fieldtest'
import { useApiQuery } from '../../api/hooks'
import { PageError } from '../../components/FullPageState'
import { PageHeader } from '../../components/PageHeader'
import { useServerText } from '../../i18n/serverText'
import { amountsLine, stepTitle } from './stepText'
import { RunStatusBadge, StepStatusBadge, TargetBadge } from './shared'

export function ComparePage() {
  const { t } = useTranslation()
  const params = useParams()
  const compare = useApiQuery('fieldtest.runs.compare', { leftId: Number(params.id), rightId: Number(params.other) })
  if (compare.error) return <PageError error={compare.error} onRetry={() => compare.refetch()} />
  if (!compare.data) return null
  const c = compare.data
  return (
    <Stack>
      <PageHeader title={t('fieldtest.runs.compareTitle', { left: c.left.id, right: c.right.id })} />
      <Text size="sm" data-testid="compare-differing" c={c.differing ? 'red' : 'green'}>
        {c.differing ? t('fieldtest.runs.differing', { n: c.differing }) : t('fieldtest.runs.noDifference')}
      </Text>
      <Table withTableBorder data-testid="compare-steps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('fieldtest.plans.stepCol')}</Table.Th>
            <RunHead run={c.left} />
            <RunHead run={c.right} />
            <Table.Th>{t('fieldtest.runs.differs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.steps.map((step) => (
            <Table.Tr key={step.index} data-differs={step.differences.length > 0 ? 'yes' : 'no'} bg={step.differences.length > 0 ? 'var(--mantine-color-yellow-light)' : undefined}>
              <Table.Td>{step.index + 1}</Table.Td>
              <Table.Td>
                {stepTitle(step, t)}
                <Text size="xs" c="dimmed">
                  {t(`fieldtest.plans.actions.${step.action}`)}
                </Text>
              </Table.Td>
              <Side result={step.left} differences={step.differences} />
              <Side result={step.right} differences={step.differences} />
              <Table.Td>
                <Group gap={4}>
                  {step.differences.map((d) => (
                    <Badge key={d} color="red" variant="light">
                      {t(`fieldtest.runs.compared.${d}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function RunHead({ run }: { run: Comparison['left'] }) {
  const { t } = useTranslation()
  return (
    <Table.Th>
      <Group gap={4}>
        {t('fieldtest.runs.run', { id: run.id })}
        <TargetBadge target={run.target} />
        <RunStatusBadge run={run} />
      </Group>
    </Table.Th>
  )
}

const AMOUNT_FIELDS = ['requested', 'acceptedUpstream', 'paidInCallback', 'postedToLedger', 'feePosted']

function Side({ result, differences }: { result: StepResult | null; differences: Comparison['steps'][number]['differences'] }) {
  const { t } = useTranslation()
  const say = useServerText()
  if (!result) return <Table.Td c="dimmed">{t('fieldtest.runs.notInRun')}</Table.Td>
  const strong = (field: string) => (differences.includes(field as never) ? 700 : undefined)
  return (
    <Table.Td>
      <Stack gap={2}>
        <StepStatusBadge status={result.status} />
        <Text size="xs" fw={strong('cause')}>
          {say(result.cause)}
        </Text>
        {result.amounts && (
          <Text size="xs" fw={AMOUNT_FIELDS.some((f) => differences.includes(f as never)) ? 700 : undefined}>
            {amountsLine(result)}
          </Text>
        )}
        {result.signature !== 'none' && (
          <Text size="xs" fw={strong('signature')}>
            {`${t('fieldtest.runs.signature')}: ${t(`fieldtest.runs.signatures.${result.signature}`)}`}
            {result.duplicates ? ` · ${t('fieldtest.runs.duplicates')}: ${result.duplicates}` : ''}
          </Text>
        )}
      </Stack>
    </Table.Td>
  )
}
