/**
 * `#/fieldtest/simulator`: the built-in provider simulator started and stopped from the app, a
 * channel pointed at it, its behaviours switched per merchant or amount pattern, and what it
 * received, sent and holds (a pending deposit paid from here).
 */
import { Badge, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract as api } from '../../../../shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { notifyError, notifySuccess } from '../../components/notify'
import { useEntityForm } from '../../components/form/useEntityForm'
import { formatDateTime } from '../../format/time'
import { channelLabel } from '../master/ChannelName'
import { ChannelPicker } from './shared'
import { SimulatorActivity } from './SimulatorActivity'
import { SimulatorBehaviours } from './SimulatorBehaviours'
import { TimeZoneNote } from '../../components/TimeZoneNote'

export function SimulatorPage() {
  const { t } = useTranslation()
  const status = useApiQuery('simulator.status', {}, { refetchInterval: (q) => (q.state.data?.running ? 2000 : false) })
  const stop = useApiMutation('simulator.stop', { invalidate: ['simulator.status', 'channels.get', 'channels.list'] })
  const s = status.data

  const stopNow = async () => {
    try {
      await stop.mutateAsync({})
      notifySuccess(t('fieldtest.simulator.stoppedMessage'))
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Stack>
      <PageHeader title={t('fieldtest.simulator.title')}>
        {s?.running && (
          <Button color="red" variant="light" onClick={stopNow} loading={stop.isPending}>
            {t('fieldtest.simulator.stop')}
          </Button>
        )}
      </PageHeader>
      <TimeZoneNote />
      <Card withBorder>
        <Stack gap="xs">
          <Group gap="sm">
            <Badge color={s?.running ? 'green' : 'gray'} variant="light" tt="none" data-testid="simulator-state" data-running={s?.running ? 'yes' : 'no'}>
              {s?.running ? t('fieldtest.simulator.running', { url: s.url }) : t('fieldtest.simulator.stopped')}
            </Badge>
            {s?.running && s.startedAt !== null && (
              <Text size="sm" c="dimmed">
                {t('fieldtest.simulator.startedAt', { at: formatDateTime(s.startedAt) })}
              </Text>
            )}
          </Group>
          {s && !s.running && <StartForm />}
        </Stack>
      </Card>
      {s?.running && (
        <>
          <ConnectChannel channels={s.channels} />
          <SimulatorBehaviours rules={s.rules} />
          <SimulatorActivity status={s} />
        </>
      )}
    </Stack>
  )
}

interface StartValues {
  port: number | string
  autoPayAfterMs: number | string
  payoutDelayMs: number | string
}

const numberOr = <T,>(value: number | string, empty: T) => (value === '' ? empty : Number(value))

function StartForm() {
  const { t } = useTranslation()
  const start = useApiMutation('simulator.start', { invalidate: ['simulator.status', 'channels.providerPresets'] })
  const { form, submit } = useEntityForm<StartValues, { port: number; autoPayAfterMs: number | null; payoutDelayMs: number }>({
    initialValues: { port: 0, autoPayAfterMs: '', payoutDelayMs: 2000 },
    schema: api['simulator.start'].input,
    toInput: (v) => ({ port: numberOr(v.port, 0), autoPayAfterMs: numberOr(v.autoPayAfterMs, null), payoutDelayMs: numberOr(v.payoutDelayMs, 2000) }),
    save: async (input) => {
      const started = await start.mutateAsync(input)
      return t('fieldtest.simulator.startedMessage', { url: started.url ?? '' })
    },
    onDone: () => undefined,
    emptyIsRequired: false
  })
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <NumberInput label={t('fieldtest.simulator.port')} description={t('fieldtest.simulator.portHint')} allowDecimal={false} min={0} max={65535} {...form.getInputProps('port')} />
        <NumberInput label={t('fieldtest.simulator.autoPayAfterMs')} description={t('fieldtest.simulator.autoPayHint')} allowDecimal={false} min={0} {...form.getInputProps('autoPayAfterMs')} />
        <NumberInput label={t('fieldtest.simulator.payoutDelayMs')} allowDecimal={false} min={0} {...form.getInputProps('payoutDelayMs')} />
        <Button type="submit" loading={form.submitting}>
          {t('fieldtest.simulator.start')}
        </Button>
      </Group>
    </form>
  )
}

function ConnectChannel({ channels }: { channels: { id: number; name: string; rehearsalOf: string | null; currency: string; registered: boolean }[] }) {
  const { t } = useTranslation()
  const [channelId, setChannelId] = useState<string | null>(null)
  const connect = useApiMutation('simulator.connectChannel', { invalidate: ['simulator.status', 'channels.get', 'channels.list'] })
  const go = async () => {
    if (!channelId) return
    try {
      const done = await connect.mutateAsync({ channelId: Number(channelId) })
      const words = { name: done.channel.name, url: done.url, keys: done.generatedCredentials.join(', ') }
      notifySuccess(done.generatedCredentials.length ? t('fieldtest.simulator.connectedGenerated', words) : t('fieldtest.simulator.connected', words))
      setChannelId(null)
    } catch (error) {
      notifyError(error)
    }
  }
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>{t('fieldtest.simulator.channels')}</Title>
        <Group gap="xs" data-testid="simulator-channels">
          {channels.map((c) => (
            <Badge key={c.id} variant="outline" tt="none" color={c.registered ? 'green' : 'orange'}>
              {channelLabel(t, c)} · {c.currency} · {t(c.registered ? 'fieldtest.simulator.registered' : 'fieldtest.simulator.notRegistered')}
            </Badge>
          ))}
        </Group>
        <Group align="flex-end">
          <ChannelPicker label={t('fieldtest.simulator.connectChannel')} value={channelId} onChange={setChannelId} />
          <Button onClick={go} disabled={!channelId} loading={connect.isPending}>
            {t('fieldtest.simulator.connect')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
