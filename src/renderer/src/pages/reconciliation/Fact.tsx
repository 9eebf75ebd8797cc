import { Stack, Text } from '@mantine/core'

/** One figure with its label above it, as the sample, the dry run and the run summary show theirs. */
export function Fact({ label, value, testId, strong = false }: { label: string; value: string | number; testId?: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 600} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  )
}
