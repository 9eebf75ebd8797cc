/**
 * Saving the draft: as a new source's first profile version (with the source's own fields), or
 * as a new version of a source's profile; files imported before keep the version that read them.
 * Refused while the draft breaks the profile's rules (listed above the button).
 */
import { Alert, Button, Group, List, Stack, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { contract, type InputOf } from '../../../../../shared/contract'
import type { SourceRow } from '../../../../../shared/contract/reconciliation'
import { useApiMutation } from '../../../api/hooks'
import { useEntityForm } from '../../../components/form/useEntityForm'
import { notifyError, notifySuccess } from '../../../components/notify'
import { fieldLabelOfPath } from './profileIssues'
import { RECON_PATHS } from '../paths'
import { SourceFields, sourceInput, sourceValues, type SourceValues } from '../SourceFields'
import type { Draft } from './draft'

function Issues({ issues }: { issues: Record<string, string> }) {
  const { t } = useTranslation()
  const entries = Object.entries(issues)
  if (entries.length === 0) return null
  return (
    <Alert color="red" title={t('recon.profile.issuesTitle')} data-testid="profile-issues">
      <List size="sm">
        {entries.map(([path, message]) => (
          <List.Item key={path}>{`${fieldLabelOfPath(path, t)}: ${message}`}</List.Item>
        ))}
      </List>
    </Alert>
  )
}

export function NewSourceSave({ draft, issues, onCurrency }: { draft: Draft; issues: Record<string, string>; onCurrency: (currency: string | null) => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useApiMutation('recon.sources.create', { invalidate: ['recon.sources.list'] })
  const [note, setNote] = useState('')
  const { form, submit } = useEntityForm<SourceValues, InputOf<'recon.sources.create'>>({
    initialValues: sourceValues(),
    schema: contract['recon.sources.create'].input,
    toInput: (v) => ({ ...sourceInput(v), profile: draft, note }),
    save: async (input) => {
      const source = await create.mutateAsync(input)
      return t('recon.source.created', { name: source.name })
    },
    onDone: () => navigate(RECON_PATHS.sources)
  })
  const currency = form.values.currency || null
  useEffect(() => onCurrency(currency), [currency, onCurrency])
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SourceFields form={form} />
        <Textarea label={t('recon.profile.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Issues issues={issues} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={Object.keys(issues).length > 0}>
            {t('recon.profile.createSource')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function VersionSave({ source, draft, issues, nextVersion }: { source: SourceRow; draft: Draft; issues: Record<string, string>; nextVersion: number }) {
  const { t } = useTranslation()
  const save = useApiMutation('recon.profiles.save', { invalidate: ['recon.profiles.list', 'recon.sources.list'] })
  const [note, setNote] = useState('')
  const run = async () => {
    try {
      const saved = await save.mutateAsync({ sourceId: source.id, profile: draft, note })
      notifySuccess(t('recon.profile.versionSaved', { name: source.name, version: saved.version }))
      setNote('')
    } catch (error) {
      notifyError(error)
    }
  }
  return (
    <Stack>
      <Textarea label={t('recon.profile.note')} description={t('recon.profile.noteHint')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Issues issues={issues} />
      <Group justify="flex-end">
        <Button onClick={() => void run()} loading={save.isPending} disabled={Object.keys(issues).length > 0}>
          {t('recon.profile.saveVersion', { version: nextVersion })}
        </Button>
      </Group>
    </Stack>
  )
}
