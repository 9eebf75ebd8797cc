/**
 * A dry run's report: the file as read (its kind, a text file's encoding, hash, lines), every bad row with its line number
 * and reason, the file's control totals, the lines imported before, the bank entries left out as
 * not booked, the statements whose period this one overlaps, and the refusal of a file already
 * imported or of one with nothing new.
 */
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useServerText } from '../../../i18n/serverText'
import { groupDigits } from '../../../format/amount'
import { formatDateTime } from '../../../format/time'
import { Fact } from '../Fact'
import { controlLabel, reconLabel } from '../labels'
import { ProblemTable } from '../profile/MappedResult'
import { fileReadFacts } from './fileRead'
import type { DryRunReport as Report } from './report'

/** The statements holding the lines the file repeats: "8 (cn_0501.csv), 9 (…)". */
const heldIn = (report: Report) => report.repeatedIn.map((r) => `${r.statementId} (${r.fileName})`).join(', ')

const period = (p: { from: number | null; to: number | null } | null) => (p && p.from !== null && p.to !== null ? `${formatDateTime(p.from)} – ${formatDateTime(p.to)}` : '—')

export function ControlTable({ controls }: { controls: Report['controls'] }) {
  const { t } = useTranslation()
  const text = useServerText()
  return (
    <Table withTableBorder fz="sm" data-testid="control-totals">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('recon.report.control')}</Table.Th>
          <Table.Th>{t('recon.report.stated')}</Table.Th>
          <Table.Th>{t('recon.report.computed')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {controls.map((c) => (
          <Table.Tr key={c.name}>
            <Table.Td>{controlLabel(t, c.name)}</Table.Td>
            <Table.Td>{groupDigits(c.stated)}</Table.Td>
            <Table.Td>{c.problem ? text(c.problem) : groupDigits(c.computed)}</Table.Td>
            <Table.Td>
              <Badge color={c.ok ? 'green' : 'red'} variant="light">
                {c.ok ? t('recon.report.controlOk') : t('recon.report.controlFailed')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function DryRunReport({ report }: { report: Report }) {
  const { t } = useTranslation()
  const notBooked = Object.values(report.notBooked).reduce((sum, n) => sum + n, 0)
  const read = fileReadFacts(t, report)
  return (
    <Paper withBorder p="md" data-testid="dry-run-report">
      <Stack gap="sm">
        <Title order={4}>{t('recon.report.title')}</Title>
        {report.refused?.code === 'recon.nothing_new' ? (
          <Alert color="red" title={t('recon.report.nothingNewTitle')} data-testid="nothing-new">
            {t('recon.report.nothingNew', { count: report.lineCount, statements: heldIn(report) })}
          </Alert>
        ) : (
          report.refused && (
            <Alert color="red" title={t('recon.report.refusedTitle')} data-testid="already-imported">
              {t('recon.report.alreadyImported', { id: report.refused.statementId })}
            </Alert>
          )
        )}
        {/* A file with nothing new was read through: what it holds is said beside the refusal. */}
        {(!report.refused || report.refused.code === 'recon.nothing_new') && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Fact label={t('recon.report.lines')} value={report.lineCount.toLocaleString()} testId="report-lines" />
              <Fact label={t('recon.report.problems')} value={report.problemCount.toLocaleString()} testId="report-problems" />
              <Fact label={t('recon.report.repeated')} value={report.repeated.toLocaleString()} testId="report-repeated" />
              {read.format !== null && <Fact label={t('recon.report.format')} value={read.format} testId="report-format" />}
              {read.encoding !== null && <Fact label={t('recon.report.encoding')} value={read.encoding} testId="report-encoding" />}
              <Fact label={t('recon.report.period')} value={period(report.period)} />
              <Fact label={t('recon.report.fileHash')} value={report.fileHash.slice(0, 16)} testId="report-file-hash" />
            </SimpleGrid>
            {report.problemCount === 0 && report.lineCount === 0 ? (
              <Alert color="yellow" title={t('recon.report.noLinesTitle')} data-testid="report-no-lines">
                {t('recon.report.noLines')}
              </Alert>
            ) : report.problemCount === 0 ? (
              <Alert color="green" data-testid="report-clean">
                {t('recon.report.clean', { count: report.lineCount })}
              </Alert>
            ) : (
              <Stack gap={4}>
                <Text size="sm" c="red" fw={600}>
                  {t('recon.report.badRows', { shown: report.problems.length, count: report.problemCount })}
                </Text>
                <ProblemTable problems={report.problems} testId="report-bad-rows" />
              </Stack>
            )}
            {report.controls.length > 0 && <ControlTable controls={report.controls} />}
            {report.repeated > 0 && (
              <Text size="sm" data-testid="report-repeated-note">
                {report.repeatedIn.length > 0 ? t('recon.report.repeatedListed', { count: report.repeated, statements: heldIn(report) }) : t('recon.report.repeatedNote', { count: report.repeated })}
              </Text>
            )}
            {report.twiceInFile > 0 && (
              <Text size="sm" data-testid="report-twice-in-file">
                {t('recon.report.twiceInFileNote', { count: report.twiceInFile })}
              </Text>
            )}
            {notBooked > 0 && (
              <Text size="sm" data-testid="report-not-booked">
                {t('recon.report.notBookedNote', { count: notBooked, statuses: Object.entries(report.notBooked).map(([code, n]) => `${code} ${n.toLocaleString()}`).join(' · ') })}
              </Text>
            )}
            {report.absentColumns.length > 0 && (
              <Alert color="yellow" title={t('recon.report.absentTitle')} data-testid="report-absent-columns">
                {t('recon.report.absentNote', { fields: report.absentColumns.map((field) => reconLabel(t, 'fields', field)).join(' · ') })}
              </Alert>
            )}
            {report.overlaps.length > 0 && (
              <Alert color="yellow" title={t('recon.report.overlapTitle')} data-testid="report-overlaps">
                <Group gap="xs">
                  {report.overlaps.map((o) => (
                    <Badge key={o.statementId} variant="light" tt="none">
                      {t('recon.report.overlap', { id: o.statementId, file: o.fileName, period: period(o) })}
                    </Badge>
                  ))}
                </Group>
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  )
}
