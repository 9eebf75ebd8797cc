import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { ColorSchemeToggle } from '../../components/ColorSchemeToggle'
import { LanguageSwitch } from '../../components/LanguageSwitch'

/** The frame of the pages shown before the app: first run, sign-in, forced password change. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md">
      <Stack w="100%" maw={440}>
        <Group justify="flex-end">
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack>
            <Title order={2}>{title}</Title>
            {intro && <Text c="dimmed">{intro}</Text>}
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  )
}
