/**
 * Starting a run: a source, its statements, optionally the period matched (otherwise the
 * statements' own), test orders or not, and matching settings overriding the source profile's for
 * this run only. The run matches in a worker; its progress shows here and its page opens when done.
 */
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { contract, type InputOf } from '../../../../../shared/contract'
import type { MatchingSettings } from '../../../../../shared/contract/recon-profile'
import { call } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { zodFormErrors } from '../../../forms/zodForm'
import { formatDateTime, displayDateTime, displayTimeZone } from '../../../format/time'
import { JobProgress } from '../JobProgress'
import { MatchingFields } from '../MatchingFields'
import { runPath } from '../paths'
import { useReconJob } from '../useReconJob'

interface Preset {
  sourceId: string | null
  statementId: string | null
}

export function StartRunForm({ preset, onClose }: { preset: Preset; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const sources = useApiQuery('recon.sources.list', {})
  const [sourceId, setSourceId] = useState(preset.sourceId)
  const [statementIds, setStatementIds] = useState<string[]>(preset.statementId ? [preset.statementId] : [])
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [includeTest, setIncludeTest] = useState(false)
  const [matching, setMatching] = useState<Partial<MatchingSettings>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [runId, setRunId] = useState<number | null>(null)
  const job = useReconJob(['recon.runs.list'])
  const statements = useApiQuery('recon.statements.list', { page: 1, pageSize: 100, sourceId: Number(sourceId) }, { enabled: sourceId !== null })
  const source = sources.data?.find((s) => String(s.id) === sourceId)
  const finished = job.job?.state === 'finished'
  const zone = displayTimeZone()

  useEffect(() => {
    if (finished && runId !== null) navigate(runPath(runId))
  }, [finished, runId, navigate])

  const when = (text: string) => (text.trim() === '' ? undefined : (displayDateTime(text) ?? Number.NaN))
  const input: InputOf<'recon.runs.start'> = { sourceId: Number(sourceId), statementIds: statementIds.map(Number), from: when(from), to: when(to), includeTest, matching }
  const start = async () => {
    const found = zodFormErrors(contract['recon.runs.start'].input, input)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const started = await job.follow(call('recon.runs.start', input).then((answer) => {
      setRunId(answer.run.id)
      return answer.job
    }))
    if (!started) setRunId(null)
  }
  const matchingErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('matching.')).map(([k, v]) => [k.slice(9), v]))
  return (
    <Stack>
      <Select
        label={t('recon.runs.source')}
        withAsterisk
        data={(sources.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
        value={sourceId}
        onChange={(v) => {
          setSourceId(v)
          setStatementIds([])
        }}
        error={errors.sourceId}
        searchable
      />
      <MultiSelect
        label={t('recon.runs.statements')}
        withAsterisk
        placeholder={t('recon.runs.pickStatements')}
        data={(statements.data?.items ?? []).map((s) => ({ value: String(s.id), label: t('recon.runs.statementOption', { id: s.id, file: s.fileName, count: s.lineCount }) }))}
        value={statementIds}
        onChange={setStatementIds}
        error={errors.statementIds}
        searchable
      />
      <SimpleGrid cols={2}>
        <TextInput label={t('recon.runs.from')} description={t('recon.runs.periodHint', { zone })} placeholder="2026-10-01 00:00" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from && t('recon.runs.badTime')} />
        <TextInput label={t('recon.runs.to')} description={t('recon.runs.periodHint', { zone })} placeholder="2026-11-01 00:00" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to && t('recon.runs.badTime')} />
      </SimpleGrid>
      {input.from !== undefined && input.to !== undefined && !Number.isNaN(input.from) && !Number.isNaN(input.to) && (
        <Text size="xs" c="dimmed">
          {t('recon.runs.periodShown', { from: formatDateTime(input.from), to: formatDateTime(input.to) })}
        </Text>
      )}
      <Switch label={t('recon.runs.includeTest')} checked={includeTest} onChange={(e) => setIncludeTest(e.currentTarget.checked)} />
      <Text size="sm" fw={500}>
        {t('recon.runs.overrides')}
      </Text>
      <MatchingFields values={matching} onChange={(p) => setMatching((m) => ({ ...m, ...p }))} placeholders={source?.profile.matching} errors={matchingErrors} />
      {errors.input && <Alert color="red">{errors.input}</Alert>}
      <JobProgress follow={job} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {job.running ? t('common.close') : t('common.cancel')}
        </Button>
        <Button onClick={() => void start()} loading={job.running} disabled={job.running}>
          {t('recon.runs.start')}
        </Button>
      </Group>
    </Stack>
  )
}
