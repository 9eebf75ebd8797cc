/**
 * A connection test's result as the engineer reads it: the verdict in plain words first, then each
 * step with its result, what was sent (secrets masked by the main process), what came back, the
 * signature both ways, and the time taken.
 */
import { Alert, Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConnectionTest } from '../../../../shared/contract/fieldtest-connect'
import { displayTimeZone, formatDateTime } from '../../format/time'

const verdictColor = (verdict: ConnectionTest['verdict']) => (verdict === 'works' ? 'green' : verdict === 'slow' || verdict === 'unsigned' ? 'yellow' : 'red')
const STATE_COLOR = { passed: 'green', failed: 'red', warning: 'yellow', skipped: 'gray' } as const
const KNOWN_FACTS = ['detail', 'timeoutMs', 'status', 'problem', 'path', 'code', 'message', 'outcome', 'field', 'durationMs'] as const

export function ConnectionTestView({ result }: { result: ConnectionTest }) {
  const { t } = useTranslation()
  const factText = (key: string, value: string | number) => {
    const label = (KNOWN_FACTS as readonly string[]).includes(key) ? t(`fieldtest.connectTest.factNames.${key as (typeof KNOWN_FACTS)[number]}`) : key
    const shown = key === 'problem' || key === 'outcome' ? t(`fieldtest.connectTest.factValues.${String(value) as 'stalled'}`, { defaultValue: String(value) }) : String(value)
    return `${label}: ${shown}`
  }
  return (
    <Stack gap="sm" data-testid="connection-test">
      <Alert color={verdictColor(result.verdict)} title={t(`fieldtest.verdict.${result.verdict}.title`)} data-testid="connection-verdict" data-verdict={result.verdict}>
        {t(`fieldtest.verdict.${result.verdict}.body`)}
      </Alert>
      <Group gap="md">
        <Text size="sm">{t(`fieldtest.connectTest.settings.${result.settings}`)}</Text>
        <Text size="sm">{t('fieldtest.connectTest.orderNo', { orderNo: result.orderNo })}</Text>
        <Text size="sm" data-testid="connection-duration">
          {result.durationMs === null ? t('fieldtest.connectTest.noDuration', { timeout: result.timeoutMs }) : t('fieldtest.connectTest.duration', { ms: result.durationMs, timeout: result.timeoutMs })}
        </Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(result.testedAt)} ({displayTimeZone()})
        </Text>
      </Group>
      <Table withTableBorder striped data-testid="connection-steps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fieldtest.connectTest.step')}</Table.Th>
            <Table.Th>{t('fieldtest.connectTest.state')}</Table.Th>
            <Table.Th>{t('fieldtest.connectTest.facts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.steps.map((step) => (
            <Table.Tr key={step.step} data-step={step.step} data-state={step.state}>
              <Table.Td>{t(`fieldtest.connectTest.stepNames.${step.step}`)}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[step.state]} variant="light">
                  {t(`fieldtest.connectTest.states.${step.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {Object.entries(step.facts)
                    .map(([key, value]) => factText(key, value))
                    .join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="lg">
        <Text size="sm" data-testid="signature-ours">
          {t('fieldtest.connectTest.signatureOurs')}: {t(`fieldtest.connectTest.ours.${result.signature.ours}`)}
        </Text>
        <Text size="sm" data-testid="signature-theirs">
          {t('fieldtest.connectTest.signatureTheirs')}: {t(`fieldtest.connectTest.theirs.${result.signature.theirs}`)}
        </Text>
      </Group>
      {(result.answer.code !== null || result.answer.status !== null) && (
        <Text size="sm">
          {t('fieldtest.connectTest.answer', { code: result.answer.code ?? '—', status: result.answer.status ?? '—', message: result.answer.message ?? '—' })}
        </Text>
      )}
      <Title order={5}>{t('fieldtest.connectTest.sent')}</Title>
      <Code block data-testid="connection-request" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {`${result.request.method} ${result.request.url}\ncontent-type: ${result.request.contentType}\n\n${result.request.body}`}
      </Code>
      <Title order={5}>{t('fieldtest.connectTest.received')}</Title>
      <Code block data-testid="connection-response" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {result.response.status === null ? t('fieldtest.connectTest.noAnswer') : `${t('fieldtest.connectTest.httpStatus', { status: result.response.status })}\n\n${result.response.body ?? ''}`}
      </Code>
      {result.error && <Text size="sm" c="dimmed">{t('fieldtest.connectTest.clientError', { error: result.error })}</Text>}
    </Stack>
  )
}
