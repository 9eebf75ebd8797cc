/**
 * A run's summary as reviewers read it: lines, matched (count, and per currency the money in, out
 * and net, or for older runs the amounts added without signs: paired with ours and no break about
 * the line), match rate, lines with breaks, pending, not for matching, open,
 * breaks by type with their amounts; and its replayable record: the input
 * and result hashes and the rule version.
 */
import { Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RunRow } from '../../../../../shared/contract/reconciliation'
import { formatAmount } from '../../../format/amount'
import { formatDateTime } from '../../../format/time'
import { Fact } from '../Fact'
import { breakTypeLabel } from '../labels'
import { matchRate, runPeriod } from './runText'

const amounts = (byCurrency: Record<string, string> | undefined) =>
  Object.entries(byCurrency ?? {})
    .map(([currency, amount]) => formatAmount(amount, currency))
    .join(' · ')

export function RunSummary({ run }: { run: RunRow }) {
  const { t } = useTranslation()
  const s = run.summary
  // From rule version 3 a pair with a break is no match; earlier runs counted it as matched.
  const clean = run.ruleVersion >= 3
  // The whole run's figures say how its lines add up (a merchant's own figures do not).
  const tied = s?.linesWithBreaks !== undefined && s.linesNotForMatching !== undefined
  return (
    <Paper withBorder p="md" data-testid="run-summary">
      <Stack gap="sm">
        <Title order={4}>{t('recon.summary.title')}</Title>
        <Text size="sm">{t('recon.summary.scope', { period: runPeriod(run), statements: run.scope.statementIds.map((id) => `#${id}`).join(', ') })}</Text>
        {s && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4, lg: tied ? 9 : 7 }}>
              <Fact strong label={t('recon.summary.lines')} value={s.lines} testId="summary-lines" />
              <Fact strong label={t(clean ? 'recon.summary.matched' : 'recon.summary.matchedWithBreaks')} value={s.matched} testId="summary-matched" />
              <Fact strong label={t('recon.summary.matchRate')} value={matchRate(s.matchRate)} testId="summary-rate" />
              {tied && <Fact strong label={t('recon.summary.linesWithBreaks')} value={s.linesWithBreaks!} testId="summary-with-breaks" />}
              <Fact strong label={t('recon.summary.pendingLines')} value={s.pending.lines} testId="summary-pending-lines" />
              {tied && <Fact strong label={t('recon.summary.notForMatching')} value={s.linesNotForMatching!} testId="summary-not-for-matching" />}
              <Fact strong label={t('recon.summary.pendingOurs')} value={s.pending.ours} testId="summary-pending-ours" />
              <Fact strong label={t('recon.summary.open')} value={s.open} testId="summary-open" />
              <Fact strong label={t('recon.summary.carried')} value={s.carried} testId="summary-carried" />
            </SimpleGrid>
            {tied && (
              <Text size="sm" c="dimmed" data-testid="summary-tie">
                {t('recon.summary.tie', { lines: s.lines, matched: s.matched, withBreaks: s.linesWithBreaks, pending: s.pending.lines, notForMatching: s.linesNotForMatching })}
              </Text>
            )}
            {s.matchedNet ? (
              // From rule version 4: what the matched lines moved in and out, and the net, per currency.
              <Text size="sm">
                {t('recon.summary.matchedMoney')}:{' '}
                <b data-testid="summary-matched-amount">
                  {Object.keys(s.matchedNet)
                    .map((c) => t('recon.summary.inOutNet', { in: formatAmount(s.matchedIn?.[c] ?? '0', c), out: formatAmount(s.matchedOut?.[c] ?? '0', c), net: formatAmount(s.matchedNet![c], c) }))
                    .join('; ') || '—'}
                </b>
              </Text>
            ) : (
              <Text size="sm">
                {t(clean ? 'recon.summary.matchedAmount' : 'recon.summary.matchedAmountWithBreaks')}: <b data-testid="summary-matched-amount">{amounts(s.matchedAmount) || '—'}</b>
              </Text>
            )}
            <Table withTableBorder fz="sm" data-testid="summary-breaks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('recon.breaks.type')}</Table.Th>
                  <Table.Th ta="right">{t('recon.summary.count')}</Table.Th>
                  <Table.Th>{t('recon.summary.amounts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(s.breaks).map(([type, count]) => (
                  <Table.Tr key={type}>
                    <Table.Td>{breakTypeLabel(t, type)}</Table.Td>
                    <Table.Td ta="right">{count}</Table.Td>
                    <Table.Td>{amounts(s.breakAmounts[type])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {run.error && <Text c="red">{t('recon.summary.failed', { reason: run.error })}</Text>}
        <Group gap="xl" align="flex-start" wrap="wrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('recon.summary.inputHash')}
            </Text>
            <Code data-testid="input-hash">{run.inputHash}</Code>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('recon.summary.resultHash')}
            </Text>
            <Code data-testid="result-hash">{run.resultHash ?? '—'}</Code>
          </Stack>
          <Fact strong label={t('recon.summary.ruleVersion')} value={run.ruleVersion} testId="rule-version" />
          <Fact strong label={t('recon.summary.started')} value={`${formatDateTime(run.startedAt)}${run.createdBy ? ` · ${run.createdBy}` : ''}`} testId="run-started" />
          <Fact strong label={t('recon.summary.finished')} value={run.finishedAt ? formatDateTime(run.finishedAt) : '—'} testId="run-finished" />
        </Group>
      </Stack>
    </Paper>
  )
}
