/**
 * A channel's provider settings (the generic adapter's configuration) and its credentials, started
 * from a preset and checked by the contract's own schema, so the editor refuses what the main
 * process would, under the field it names. Credentials are write-only as in the channel form.
 * "Test these settings" tries the settings before they are saved.
 */
import { Accordion, ActionIcon, Alert, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { InputOf } from '../../../../shared/contract'
import { adapterConfigSchema, BODY_FORMATS, OUTBOUND_FIELDS, RESPONSE_FIELDS, SIGN_ALGORITHMS, UPSTREAM_STATUSES } from '../../../../shared/contract/adapter-config'
import type { ChannelRow } from '../../../../shared/contract/channels'
import { credentials as credentialsSchema } from '../../../../shared/contract/channels'
import type { ConnectionTest, ProviderPreset } from '../../../../shared/contract/fieldtest-connect'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { notifyError, notifyInfo } from '../../components/notify'
import { ConnectionTestView } from './ChannelConnectionTest'
import { CredentialKeys, credentialsOf, CredentialsEditor, type CredentialRow } from './CredentialsEditor'

type OutboundField = (typeof OUTBOUND_FIELDS)[number]
type ResponseField = (typeof RESPONSE_FIELDS)[number]
type PathKey = 'createDeposit' | 'createPayout' | 'query' | 'refund' | 'refundQuery'
const PATH_KEYS: readonly PathKey[] = ['createDeposit', 'createPayout', 'query', 'refund', 'refundQuery']

interface ConfigValues {
  baseUrl: string
  paths: Record<PathKey, string>
  bodyFormat: string
  signature: { algorithm: string; field: string; keyCredential: string; upperCase: boolean }
  fieldMap: Record<OutboundField, string>
  successPath: string
  successValue: string
  notFoundValue: string
  responsePaths: Record<ResponseField, string>
  callbackPaths: Record<ResponseField, string>
  statusMap: { code: string; status: string }[]
  callbackAck: string
  timeoutMs: number | string
}

interface Values {
  adapterConfig: ConfigValues
  replaceCredentials: boolean
  credentials: CredentialRow[]
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const record = (value: unknown) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {})
const keyed = <K extends string>(keys: readonly K[], from: unknown) => Object.fromEntries(keys.map((k) => [k, text(record(from)[k])])) as Record<K, string>
const filled = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]))

/** Stored (or preset) settings as the editor's fields; anything missing starts empty. */
export function configValues(config: Record<string, unknown> | null): ConfigValues {
  const c = record(config)
  const signature = record(c.signature)
  return {
    baseUrl: text(c.baseUrl),
    paths: keyed(PATH_KEYS, c.paths),
    bodyFormat: text(c.bodyFormat) || 'json',
    signature: { algorithm: text(signature.algorithm) || 'md5', field: text(signature.field), keyCredential: text(signature.keyCredential), upperCase: signature.upperCase === true },
    fieldMap: keyed(OUTBOUND_FIELDS, c.fieldMap),
    successPath: text(c.successPath),
    successValue: text(c.successValue),
    notFoundValue: text(c.notFoundValue),
    responsePaths: keyed(RESPONSE_FIELDS, c.responsePaths),
    callbackPaths: keyed(RESPONSE_FIELDS, c.callbackPaths),
    statusMap: Object.entries(record(c.statusMap)).map(([code, status]) => ({ code, status: text(status) })),
    callbackAck: text(c.callbackAck),
    timeoutMs: typeof c.timeoutMs === 'number' ? c.timeoutMs : 15000
  }
}

/** The editor's fields as the contract takes them: empty optional names left out. */
function configOf(v: ConfigValues): Record<string, unknown> {
  const callbackPaths = filled(v.callbackPaths)
  return {
    baseUrl: v.baseUrl,
    paths: filled(v.paths),
    bodyFormat: v.bodyFormat,
    signature: v.signature,
    fieldMap: filled(v.fieldMap),
    successPath: v.successPath,
    successValue: v.successValue,
    ...(v.notFoundValue.trim() ? { notFoundValue: v.notFoundValue.trim() } : {}),
    responsePaths: filled(v.responsePaths),
    ...(Object.keys(callbackPaths).length ? { callbackPaths } : {}),
    statusMap: Object.fromEntries(v.statusMap.filter((row) => row.code.trim() !== '').map((row) => [row.code.trim(), row.status])),
    callbackAck: v.callbackAck,
    timeoutMs: typeof v.timeoutMs === 'number' ? v.timeoutMs : Number.NaN
  }
}

const checked = z.object({ adapterConfig: adapterConfigSchema, credentials: credentialsSchema.optional() })


/** The form's folded sections and the fields each holds: a refused field opens its section. */
const SECTIONS = {
  endpoint: ['adapterConfig.baseUrl', 'adapterConfig.paths', 'adapterConfig.bodyFormat'],
  signing: ['adapterConfig.signature'],
  credentials: ['credentials', 'replaceCredentials'],
  fieldMap: ['adapterConfig.fieldMap'],
  answers: ['adapterConfig.successPath', 'adapterConfig.successValue', 'adapterConfig.notFoundValue', 'adapterConfig.responsePaths', 'adapterConfig.statusMap'],
  callbacks: ['adapterConfig.callbackAck', 'adapterConfig.callbackPaths', 'adapterConfig.timeoutMs']
} as const
type Section = keyof typeof SECTIONS
export function ChannelConnectionForm({ channel, onDone }: { channel: ChannelRow; onDone: () => void }) {
  const { t } = useTranslation()
  const presets = useApiQuery('channels.providerPresets', {})
  const update = useApiMutation('channels.update', { invalidate: ['channels.list', 'channels.get', 'simulator.status'] })
  const test = useApiMutation('channels.testConnection')
  const [tested, setTested] = useState<ConnectionTest | null>(null)
  const { form, submit } = useEntityForm<Values, InputOf<'channels.update'>>({
    initialValues: {
      adapterConfig: configValues(channel.adapterConfig),
      replaceCredentials: channel.credentialKeys.length === 0,
      credentials: channel.credentialKeys.length === 0 ? [{ key: '', value: '' }] : []
    },
    schema: checked,
    toInput: (v) => {
      const { id, name, provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper, payoutLower, payoutUpper } = channel
      return {
        id,
        name,
        provider,
        supportsDeposit,
        supportsPayout,
        paymentLower,
        paymentUpper,
        payoutLower,
        payoutUpper,
        adapterConfig: configOf(v.adapterConfig),
        ...(v.replaceCredentials ? { credentials: credentialsOf(v.credentials) } : {})
      }
    },
    save: async (input) => {
      const saved = await update.mutateAsync(input)
      return t('fieldtest.connect.saved', { name: saved.name })
    },
    onDone
  })

  const applyPreset = (key: string | null) => {
    const preset = presets.data?.presets.find((p) => p.key === key)
    if (!preset) return
    form.setFieldValue('adapterConfig', configValues(preset.config))
    const missing = preset.credentialKeys.filter((k) => !channel.credentialKeys.includes(k))
    if (missing.length > 0 || form.values.replaceCredentials) {
      form.setFieldValue('replaceCredentials', true)
      const kept = form.values.credentials.filter((row) => row.key.trim() !== '')
      form.setFieldValue('credentials', [...kept, ...preset.credentialKeys.filter((k) => !kept.some((row) => row.key === k)).map((k) => ({ key: k, value: '' }))])
    }
    notifyInfo(t('fieldtest.connect.presetApplied', { preset: t(`fieldtest.connect.presets.${preset.key}`) }))
  }

  const tryUnsaved = async () => {
    if (form.validate().hasErrors) return
    try {
      const config = adapterConfigSchema.parse(configOf(form.values.adapterConfig))
      setTested(await test.mutateAsync({ id: channel.id, adapterConfig: config, ...(form.values.replaceCredentials ? { credentials: credentialsOf(form.values.credentials) } : {}) }))
    } catch (error) {
      notifyError(error)
    }
  }

  const errorsUnder = (prefix: string) =>
    Object.entries(form.errors)
      .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
      .map(([, message]) => String(message))
  const field = (path: string) => form.getInputProps(`adapterConfig.${path}`)
  // Sections open as the user leaves them; one holding a refused field opens and says how many.
  const [opened, setOpened] = useState<string[]>(['endpoint', 'signing', 'credentials'])
  const refused = (section: Section) => SECTIONS[section].reduce((n, prefix) => n + errorsUnder(prefix).length, 0)
  const refusedSections = (Object.keys(SECTIONS) as Section[]).filter((section) => refused(section) > 0)
  const refusedKey = refusedSections.join()
  useEffect(() => {
    if (refusedKey) setOpened((open) => [...new Set([...open, ...refusedKey.split(',')])])
  }, [refusedKey])
  const control = (section: Section) => (
    <Accordion.Control>
      <Group gap="xs">
        {t(`fieldtest.connect.${section}`)}
        {refused(section) > 0 && (
          <Badge color="red" variant="light" data-testid={`section-errors-${section}`}>
            {t('fieldtest.connect.sectionErrors', { count: refused(section) })}
          </Badge>
        )}
      </Group>
    </Accordion.Control>
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('fieldtest.connect.preset')}
          description={t('fieldtest.connect.presetHint')}
          data={(presets.data?.presets ?? []).map((p) => ({ value: p.key, label: t(`fieldtest.connect.presets.${p.key as ProviderPreset}`) }))}
          value={null}
          onChange={applyPreset}
          data-testid="provider-preset"
        />
        <Accordion multiple value={opened} onChange={setOpened} variant="separated">
          <Accordion.Item value="endpoint">
            {control('endpoint')}
            <Accordion.Panel>
              <Stack gap="xs">
                <TextInput label={t('fieldtest.connect.baseUrl')} placeholder="https://" autoComplete="off" {...field('baseUrl')} />
                <SimpleGrid cols={2}>
                  {PATH_KEYS.map((key) => (
                    <TextInput key={key} label={t(`fieldtest.connect.paths.${key}`)} placeholder="/" autoComplete="off" {...field(`paths.${key}`)} />
                  ))}
                  <Select label={t('fieldtest.connect.bodyFormat')} data={BODY_FORMATS.map((f) => ({ value: f, label: t(`fieldtest.connect.bodyFormats.${f}`) }))} {...field('bodyFormat')} />
                </SimpleGrid>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="signing">
            {control('signing')}
            <Accordion.Panel>
              <SimpleGrid cols={2}>
                <Select label={t('fieldtest.connect.algorithm')} data={SIGN_ALGORITHMS.map((a) => ({ value: a, label: t(`fieldtest.connect.algorithms.${a}`) }))} {...field('signature.algorithm')} />
                <TextInput label={t('fieldtest.connect.signatureField')} autoComplete="off" {...field('signature.field')} />
                <TextInput label={t('fieldtest.connect.keyCredential')} description={t('fieldtest.connect.keyCredentialHint')} autoComplete="off" {...field('signature.keyCredential')} />
                <Switch mt="xl" label={t('fieldtest.connect.upperCase')} {...form.getInputProps('adapterConfig.signature.upperCase', { type: 'checkbox' })} />
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="credentials">
            {control('credentials')}
            <Accordion.Panel>
              <Stack gap="xs">
                <Group gap={4}>
                  <Text size="sm">{t('channels.storedKeys')}</Text>
                  <CredentialKeys keys={channel.credentialKeys} />
                </Group>
                <Switch label={t('channels.replaceCredentials')} description={t('channels.replaceCredentialsHint')} {...form.getInputProps('replaceCredentials', { type: 'checkbox' })} />
                {form.values.replaceCredentials && <CredentialsEditor {...form.getInputProps('credentials')} />}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="fieldMap">
            {control('fieldMap')}
            <Accordion.Panel>
              <Text size="xs" c="dimmed" mb="xs">
                {t('fieldtest.connect.fieldMapHint')}
              </Text>
              <SimpleGrid cols={3}>
                {OUTBOUND_FIELDS.map((name) => (
                  <TextInput key={name} label={name} placeholder={name} autoComplete="off" {...field(`fieldMap.${name}`)} />
                ))}
              </SimpleGrid>
              <FieldErrors messages={errorsUnder('adapterConfig.fieldMap').filter((m, i, all) => all.indexOf(m) === i)} />
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="answers">
            {control('answers')}
            <Accordion.Panel>
              <Stack gap="xs">
                <SimpleGrid cols={3}>
                  <TextInput label={t('fieldtest.connect.successPath')} autoComplete="off" {...field('successPath')} />
                  <TextInput label={t('fieldtest.connect.successValue')} autoComplete="off" {...field('successValue')} />
                  <TextInput label={t('fieldtest.connect.notFoundValue')} autoComplete="off" {...field('notFoundValue')} />
                </SimpleGrid>
                <Text size="sm" fw={500}>
                  {t('fieldtest.connect.responsePaths')}
                </Text>
                <SimpleGrid cols={3}>
                  {RESPONSE_FIELDS.map((name) => (
                    <TextInput key={name} label={name} autoComplete="off" {...field(`responsePaths.${name}`)} />
                  ))}
                </SimpleGrid>
                <Text size="sm" fw={500}>
                  {t('fieldtest.connect.statusMap')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('fieldtest.connect.statusMapHint')}
                </Text>
                {form.values.adapterConfig.statusMap.map((_, index) => (
                  <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                    <TextInput label={t('fieldtest.connect.providerStatus')} autoComplete="off" style={{ flex: 1 }} {...field(`statusMap.${index}.code`)} />
                    <Select label={t('fieldtest.connect.meaning')} style={{ flex: 1 }} data={UPSTREAM_STATUSES.map((s) => ({ value: s, label: t(`fieldtest.connect.statuses.${s}`) }))} {...field(`statusMap.${index}.status`)} />
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('fieldtest.connect.removeStatus')} onClick={() => form.removeListItem('adapterConfig.statusMap', index)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                <FieldErrors messages={errorsUnder('adapterConfig.statusMap')} />
                <Button variant="light" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('adapterConfig.statusMap', { code: '', status: 'pending' })}>
                  {t('fieldtest.connect.addStatus')}
                </Button>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="callbacks">
            {control('callbacks')}
            <Accordion.Panel>
              <Stack gap="xs">
                <SimpleGrid cols={2}>
                  <TextInput label={t('fieldtest.connect.callbackAck')} description={t('fieldtest.connect.callbackAckHint')} autoComplete="off" {...field('callbackAck')} />
                  <NumberInput label={t('fieldtest.connect.timeoutMs')} allowDecimal={false} min={0} {...field('timeoutMs')} />
                </SimpleGrid>
                <Text size="sm" fw={500}>
                  {t('fieldtest.connect.callbackPaths')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('fieldtest.connect.callbackPathsHint')}
                </Text>
                <SimpleGrid cols={3}>
                  {RESPONSE_FIELDS.map((name) => (
                    <TextInput key={name} label={name} autoComplete="off" {...field(`callbackPaths.${name}`)} />
                  ))}
                </SimpleGrid>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        {tested && <ConnectionTestView result={tested} />}
        <Group justify="space-between">
          <Button variant="light" onClick={tryUnsaved} loading={test.isPending} data-testid="test-unsaved">
            {t('fieldtest.connect.testUnsaved')}
          </Button>
          <FormButtons onCancel={onDone} submitLabel={t('common.save')} loading={form.submitting} />
        </Group>
      </Stack>
    </form>
  )
}

function FieldErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null
  return (
    <Alert color="red" variant="light" p="xs">
      {messages.map((message) => (
        <Text key={message} size="sm">
          {message}
        </Text>
      ))}
    </Alert>
  )
}
