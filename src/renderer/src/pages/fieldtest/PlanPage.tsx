/**
 * `#/fieldtest/plans/:id`: one plan at a version: the channel's services with their available
 * ranges, the steps (edited, removed, added, reordered, then saved as a new version), its runs,
 * and a run started from here.
 */
import { ActionIcon, Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import type { PlanDetail, PlanStepInput } from '../../../../shared/contract/fieldtest'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { PageError } from '../../components/FullPageState'
import { PageHeader } from '../../components/PageHeader'
import { notifyError, notifySuccess } from '../../components/notify'
import { formatRange } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { useCan } from '../../session/currentUser'
import { runPath } from './paths'
import { RunsTable } from './RunsPage'
import { StartRunForm } from './StartRunForm'
import { StepForm } from './StepForm'
import { expectationText, inputText, serviceName, stepTitle, swapSteps, withoutStep } from './stepText'
import { TimeZoneNote } from '../../components/TimeZoneNote'

export function PlanPage() {
  const { t } = useTranslation()
  const say = useServerText()
  const id = Number(useParams().id)
  const [version, setVersion] = useState<number | undefined>()
  const plan = useApiQuery('fieldtest.plans.get', { id, ...(version ? { version } : {}) })
  if (plan.error) return <PageError error={plan.error} onRetry={() => plan.refetch()} />
  if (!plan.data) return null
  const p = plan.data
  return (
    <Stack>
      <PageHeader title={p.name}>
        <Select
          aria-label={t('fieldtest.plans.version')}
          data={p.versions.map((v) => ({ value: String(v.version), label: v.version === p.version ? t('fieldtest.plans.currentVersion', { version: v.version }) : t('fieldtest.plans.versionOf', { version: v.version }) }))}
          value={String(p.shownVersion)}
          onChange={(v) => setVersion(v ? Number(v) : undefined)}
          allowDeselect={false}
          data-testid="plan-version"
        />
      </PageHeader>
      <TimeZoneNote />
      <Text size="sm">
        {t('fieldtest.channel')}: {p.channelName} · {p.currency} · {t('fieldtest.plans.versionOf', { version: p.shownVersion })}
        {p.noteText ? ` · ${say(p.noteText)}` : p.note ? ` · ${p.note}` : ''}
      </Text>
      <Services services={p.services} inPlan={p.serviceIds} />
      {/* A new key per version shown: an edit never carries over to another version. */}
      <StepsEditor key={p.shownVersion} plan={p} onSaved={() => setVersion(undefined)} />
      <Title order={4}>{t('fieldtest.plans.runs')}</Title>
      <RunsTable planId={p.id} />
    </Stack>
  )
}

function Services({ services, inPlan }: { services: PlanDetail['services']; inPlan: number[] }) {
  const { t } = useTranslation()
  const say = useServerText()
  return (
    <Stack gap="xs">
      <Title order={4}>{t('fieldtest.plans.channelServices')}</Title>
      <Group gap="xs" data-testid="plan-services">
        {services.map((s) => (
          <Badge key={s.id} variant={inPlan.includes(s.id) ? 'outline' : 'dot'} tt="none" color={s.usable ? 'blue' : 'red'} title={s.reason ? say(s.reason) : undefined} data-in-plan={inPlan.includes(s.id) ? 'yes' : 'no'}>
            {serviceName(s, t, false)} · {s.usable ? formatRange(s.lower, s.upper, s.currency, t) : `${t('fieldtest.plans.unusable')}${s.reason ? `: ${say(s.reason)}` : ''}`}
          </Badge>
        ))}
      </Group>
      {services.some((s) => !inPlan.includes(s.id)) && (
        <Text size="xs" c="dimmed" data-testid="plan-services-count">
          {t('fieldtest.plans.servicesInPlan', { count: services.filter((s) => inPlan.includes(s.id)).length, of: services.length })}
        </Text>
      )}
    </Stack>
  )
}

type Editing = { index: number; step?: PlanStepInput } | null

function StepsEditor({ plan, onSaved }: { plan: PlanDetail; onSaved: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const canRun = useCan(PERMISSIONS.FIELD_TEST_RUN)
  const [draft, setDraft] = useState<PlanStepInput[] | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [note, setNote] = useState('')
  const [starting, setStarting] = useState(false)
  const save = useApiMutation('fieldtest.plans.save', { invalidate: ['fieldtest.plans.get', 'fieldtest.plans.list'] })
  const steps: PlanStepInput[] = draft ?? plan.steps
  const change = (next: PlanStepInput[]) => setDraft(next)

  const saveVersion = async () => {
    if (!draft) return
    try {
      const saved = await save.mutateAsync({ id: plan.id, baseVersion: plan.shownVersion, steps: draft, note })
      notifySuccess(t('fieldtest.plans.saved', { version: saved.version }))
      setDraft(null)
      setNote('')
      onSaved()
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('fieldtest.plans.steps')}</Title>
        {canRun && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing({ index: steps.length })}>
              {t('fieldtest.plans.addStep')}
            </Button>
            <Button onClick={() => setStarting(true)} disabled={draft !== null}>
              {t('fieldtest.plans.startRun')}
            </Button>
          </Group>
        )}
      </Group>
      {draft && (
        <Alert color="yellow" data-testid="plan-unsaved">
          <Stack gap="xs">
            <Text size="sm">{t('fieldtest.plans.unsaved')}</Text>
            <Group align="flex-end">
              <TextInput label={t('fieldtest.plans.versionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button onClick={saveVersion} loading={save.isPending}>
                {t('fieldtest.plans.saveVersion')}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('fieldtest.plans.discard')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Table withTableBorder striped data-testid="plan-steps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fieldtest.plans.stepNo')}</Table.Th>
            <Table.Th>{t('fieldtest.plans.stepCol')}</Table.Th>
            <Table.Th>{t('fieldtest.plans.action')}</Table.Th>
            <Table.Th>{t('fieldtest.plans.purpose')}</Table.Th>
            <Table.Th>{t('fieldtest.plans.target')}</Table.Th>
            <Table.Th>{t('fieldtest.plans.expect')}</Table.Th>
            {canRun && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((step, index) => (
            <Table.Tr key={index}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>{stepTitle(step, t)}</Table.Td>
              <Table.Td>{t(`fieldtest.plans.actions.${step.action}`)}</Table.Td>
              <Table.Td>{t(`fieldtest.plans.purposes.${step.purpose ?? 'custom'}`)}</Table.Td>
              <Table.Td>{inputText(step, plan.services, t)}</Table.Td>
              <Table.Td>{expectationText(step, t)}</Table.Td>
              {canRun && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('fieldtest.plans.editStep')} onClick={() => setEditing({ index, step })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('fieldtest.plans.moveUp')} disabled={index === 0} onClick={() => change(swapSteps(steps, index - 1, index))}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('fieldtest.plans.moveDown')} disabled={index === steps.length - 1} onClick={() => change(swapSteps(steps, index, index + 1))}>
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('fieldtest.plans.removeStep')} onClick={() => change(withoutStep(steps, index))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {plan.versions
          .filter((v) => v.version === plan.shownVersion)
          .map((v) => `${t('fieldtest.plans.versionOf', { version: v.version })} · ${formatDateTime(v.createdAt)}${v.createdBy ? ` · ${v.createdBy}` : ''}`)}
      </Text>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.step ? t('fieldtest.plans.editStep') : t('fieldtest.plans.addStep')} size="lg">
        {editing && (
          <StepForm
            step={editing.step}
            index={editing.index}
            steps={steps}
            services={plan.services}
            onCancel={() => setEditing(null)}
            onSave={(step) => {
              change(editing.index < steps.length ? steps.map((s, i) => (i === editing.index ? step : s)) : [...steps, step])
              setEditing(null)
            }}
          />
        )}
      </Modal>
      <Modal opened={starting} onClose={() => setStarting(false)} title={t('fieldtest.runs.startTitle', { name: plan.name, version: plan.shownVersion })} size="lg">
        {starting && <StartRunForm plan={plan} onCancel={() => setStarting(false)} onStarted={(runId) => navigate(runPath(runId))} />}
      </Modal>
    </Stack>
  )
}
