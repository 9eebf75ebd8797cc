/**
 * A file whose header no longer matches its source's profile (the channel changed its export):
 * what the profile expects and the file lacks, and the file's columns the profile does not map,
 * so a person can save a new profile version from that file instead of mis-mapping it.
 */
import { Alert, Badge, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface HeaderDiff {
  missing: string[]
  unmapped: string[]
  found: string[]
  row: number | null
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

/** The reader's header difference, wherever the answer carries it (`details`, a job's `detail`, nested once). */
export function headerDifferenceOf(value: unknown): HeaderDiff | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (Array.isArray(v.missing)) return { missing: strings(v.missing), unmapped: strings(v.unmapped), found: strings(v.found), row: typeof v.row === 'number' ? v.row : null }
  return headerDifferenceOf(v.details) ?? headerDifferenceOf(v.detail)
}

/** Codes the reader and the import use for a header that does not match. */
export function isHeaderMismatch(code: string): boolean {
  return /header_(mismatch|changed)$/.test(code)
}

export function HeaderDifference({ diff, children }: { diff: HeaderDiff; children?: ReactNode }) {
  const { t } = useTranslation()
  const list = (items: string[], color: string) => (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item} color={color} variant="light" tt="none">
          {item}
        </Badge>
      ))}
    </Group>
  )
  return (
    <Alert color="orange" title={t('recon.header.title')} data-testid="header-difference">
      <Stack gap="xs">
        <Text size="sm">{diff.row !== null ? t('recon.header.foundAt', { row: diff.row }) : t('recon.header.notFound')}</Text>
        {diff.missing.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('recon.header.missing')}
            </Text>
            {list(diff.missing, 'red')}
          </Stack>
        )}
        {diff.unmapped.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('recon.header.unmapped')}
            </Text>
            {list(diff.unmapped, 'blue')}
          </Stack>
        )}
        {children}
      </Stack>
    </Alert>
  )
}
