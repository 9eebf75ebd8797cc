/** A row's details in a side drawer: every field as a label and its value. */
import { Drawer, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../format/time'
import { StatusBadge } from './StatusBadge'

export interface DetailField {
  label: string
  value: ReactNode
}

/** Status, created and updated: the last fields of every master-data record. */
export function lifecycleFields(t: TFunction, row: { status: 'active' | 'disabled'; createdAt: number; updatedAt: number }): DetailField[] {
  return [
    { label: t('common.status'), value: <StatusBadge status={row.status} /> },
    { label: t('common.createdAt'), value: formatDateTime(row.createdAt) },
    { label: t('common.updatedAt'), value: formatDateTime(row.updatedAt) }
  ]
}

export function FieldGrid({ fields }: { fields: readonly DetailField[] }) {
  return (
    <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
      {fields.map((field) => (
        <Stack key={field.label} gap={0}>
          <Text size="xs" c="dimmed">
            {field.label}
          </Text>
          <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
            {field.value === '' || field.value === null || field.value === undefined ? '—' : field.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  )
}

export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      {children}
    </Stack>
  )
}

interface DetailDrawerProps {
  opened: boolean
  title: string
  onClose: () => void
  loading?: boolean
  children: ReactNode
}

export function DetailDrawer({ opened, title, onClose, loading, children }: DetailDrawerProps) {
  const { t } = useTranslation()
  return (
    <Drawer opened={opened} onClose={onClose} title={title} position="right" size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {loading ? <Loader aria-label={t('app.loading')} /> : <Stack gap="lg">{children}</Stack>}
    </Drawer>
  )
}
