/**
 * `#/reconciliation/sources/new` and `#/reconciliation/sources/:id/profile`: a profile made from a
 * sample file. Start from a built-in layout (or the source's current profile), upload a sample,
 * and the main process previews it live (`recon.uploads.preview`, debounced): the rows as
 * decoded, the encoding and header found, and the draft's result on them, refreshed as each
 * mapping or setting changes. Saved as a new source's first version or a source's next one.
 */
import { Alert, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router-dom'
import type { MatchingSettings } from '../../../../../shared/contract/recon-profile'
import type { SourceRow } from '../../../../../shared/contract/reconciliation'
import { useApiQuery } from '../../../api/hooks'
import { apiErrorMessage } from '../../../components/notify'
import { BackLink } from '../../finance/CaseParts'
import { controlLabel } from '../labels'
import { MatchingFields } from '../MatchingFields'
import { RECON_PATHS } from '../paths'
import { UploadField, type Upload } from '../UploadField'
import { ColumnMapping } from './ColumnMapping'
import type { Draft } from './draft'
import { MappedResult } from './MappedResult'
import { profileIssues } from './profileIssues'
import { NewSourceSave, VersionSave } from './ProfileSave'
import { ProfileVersions, useProfileVersions } from './ProfileVersions'
import { ReadingFields } from './ReadingFields'
import { SamplePanel } from './SamplePanel'
import { ValueMaps } from './ValueMaps'
import { TimeZoneNote } from '../../../components/TimeZoneNote'

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  )
}

function Editor({ source, preloaded }: { source?: SourceRow; preloaded: Upload | null }) {
  const { t } = useTranslation()
  const builtIns = useApiQuery('recon.profiles.builtIn', {}, { staleTime: Infinity })
  const versions = useProfileVersions(source?.id ?? null)
  const [draft, setDraft] = useState<Draft | null>(source?.profile ?? null)
  const [start, setStart] = useState<string | null>(null)
  const [upload, setUpload] = useState<Upload | null>(preloaded)
  const [applied] = useDebouncedValue(draft, 400)
  // A new source's currency as its form states it: the preview reads lines with no currency of their own in it, as the import will.
  const [newCurrency, setNewCurrency] = useState<string | null>(null)
  const preview = useApiQuery(
    'recon.uploads.preview',
    // Before a layout is chosen, the sample is still shown as decoded (a bare CSV draft maps nothing).
    { uploadId: upload?.uploadId ?? '', profile: (applied ?? { format: 'csv' }) as Record<string, unknown>, rows: 20, ...(source ? { sourceId: source.id } : { currency: newCurrency }) },
    { enabled: upload !== null, placeholderData: keepPreviousData, meta: { silent: true }, staleTime: Infinity }
  )
  const patch = (p: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...p } : d))
  const issues = draft ? profileIssues(draft) : {}
  const shown = upload ? preview.data : undefined
  const startFrom = (name: string | null) => {
    setStart(name)
    const found = builtIns.data?.find((b) => b.name === name)
    if (found) setDraft(found.profile)
  }
  return (
    <Stack>
      <Section title={t('recon.profile.start')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={source ? t('recon.profile.startOver') : t('recon.profile.startFrom')}
            description={source ? t('recon.profile.current', { version: source.profileVersion }) : t('recon.profile.startFromHint')}
            placeholder={t('recon.profile.pickBuiltIn')}
            data={(builtIns.data ?? []).map((b) => ({ value: b.name, label: t(`recon.builtIn.${b.name}`) }))}
            value={start}
            onChange={startFrom}
          />
          <UploadField label={t('recon.profile.sample')} description={t('recon.profile.sampleHint')} upload={upload} onUploaded={setUpload} />
        </SimpleGrid>
        {preview.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
        {preview.error && upload && <Alert color="red">{apiErrorMessage(preview.error)}</Alert>}
      </Section>
      {shown && (
        <Section title={t('recon.sample.title')} testId="sample-section">
          <SamplePanel preview={shown} />
        </Section>
      )}
      {draft && (
        <>
          {shown && (
            <Section title={t('recon.mapping.title')}>
              <ColumnMapping draft={draft} preview={shown} onChange={setDraft} />
            </Section>
          )}
          <Section title={t('recon.profile.reading')} testId="reading-section">
            <ReadingFields draft={draft} onChange={patch} errors={issues} />
            {(draft.controls.length > 0 || draft.period) && (
              <Text size="xs" c="dimmed">
                {t('recon.profile.controlsKept', { controls: draft.controls.map((c) => controlLabel(t, c.name)).join(', ') || '—', period: draft.period?.linePrefix ?? '—' })}
              </Text>
            )}
          </Section>
          <Section title={t('recon.values.title')}>
            <ValueMaps draft={draft} onChange={patch} errors={issues} preview={shown} />
          </Section>
          <Section title={t('recon.matching.title')}>
            <MatchingFields values={draft.matching} onChange={(m) => patch({ matching: { ...draft.matching, ...m } as MatchingSettings })} errors={matchingErrors(issues)} />
          </Section>
          {shown && (
            <Section title={t('recon.preview.title')}>
              <MappedResult preview={shown} complete={Object.keys(issues).length === 0} />
            </Section>
          )}
          <Section title={source ? t('recon.profile.saveTitle') : t('recon.profile.newSourceTitle')} testId="profile-save">
            {source ? <VersionSave source={source} draft={draft} issues={issues} nextVersion={(versions.data?.[0]?.version ?? source.profileVersion) + 1} /> : <NewSourceSave draft={draft} issues={issues} onCurrency={setNewCurrency} />}
          </Section>
        </>
      )}
      {source && versions.data && (
        <Section title={t('recon.profile.versions')}>
          <ProfileVersions versions={versions.data} onLoad={setDraft} />
        </Section>
      )}
    </Stack>
  )
}

function matchingErrors(issues: Record<string, string>): Partial<Record<keyof MatchingSettings, string>> {
  return Object.fromEntries(Object.entries(issues).filter(([path]) => path.startsWith('matching.')).map(([path, message]) => [path.slice('matching.'.length), message]))
}

export function ProfileEditorPage() {
  const { t } = useTranslation()
  const id = useParams().id
  const sourceId = id ? Number(id) : null
  const [params] = useSearchParams()
  const uploadId = params.get('upload')
  const preloaded = uploadId ? { uploadId, fileName: params.get('file') ?? '', size: 0, sha256: '' } : null
  const sources = useApiQuery('recon.sources.list', {}, { enabled: sourceId !== null })
  const source = sources.data?.find((s) => s.id === sourceId)
  return (
    <Stack>
      <BackLink to={RECON_PATHS.sources} label={t('recon.sources.title')} />
      <Title order={2}>{source ? t('recon.profile.titleOf', { name: source.name }) : t('recon.profile.titleNew')}</Title>
      <TimeZoneNote />
      {sourceId !== null && sources.isPending && <Loader aria-label={t('app.loading')} />}
      {sourceId !== null && sources.data && !source && <Alert color="red">{t('recon.profile.noSource', { id: sourceId })}</Alert>}
      {(sourceId === null || source) && <Editor key={`${source?.id ?? 'new'}:${uploadId ?? ''}`} source={source} preloaded={preloaded} />}
    </Stack>
  )
}
