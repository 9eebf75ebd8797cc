import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoleRow } from '../../../../shared/contract/users'
import { missingNeeds, PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { PageError } from '../../components/FullPageState'
import { PageHeader } from '../../components/PageHeader'
import { permissionLabel, roleDescription, roleLabel } from '../../i18n/labels'
import { useCan } from '../../session/currentUser'
import { groupByArea } from './permissionGroups'
import { RoleForm } from './RoleForm'

type Dialog = { kind: 'create' } | { kind: 'edit'; role: RoleRow } | null

function RoleCard({ role, onEdit }: { role: RoleRow; onEdit?: () => void }) {
  const { t } = useTranslation()
  const name = roleLabel(t, role)
  // A role saved before sets had to hold what their codes need: every code it lacks, one line each.
  const missing = missingNeeds(role.permissions)
  return (
    <Paper withBorder p="md" component="section" aria-label={name}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Title order={4}>{name}</Title>
          {role.builtInKey && <Badge variant="outline">{t('common.builtIn')}</Badge>}
        </Group>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t('roles.users')}: {role.userCount}
          </Text>
          {onEdit && (
            <Button size="compact-sm" variant="light" onClick={onEdit}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {roleDescription(t, role) && (
        <Text size="sm" c="dimmed" mb="sm">
          {roleDescription(t, role)}
        </Text>
      )}
      {missing.length > 0 && (
        <Alert color="yellow" variant="light" mb="sm" p="xs" data-testid="role-incomplete">
          {missing.map((m) => (
            <Text key={m.code} size="sm">
              {t('roles.incomplete', { needed: permissionLabel(t, m.code), code: m.code, permission: permissionLabel(t, m.neededBy) })}
            </Text>
          ))}
        </Alert>
      )}
      <Stack gap={6}>
        {groupByArea(role.permissions).map((group) => (
          <Group key={group.area} gap={6} align="baseline">
            <Text size="sm" fw={600} miw={150}>
              {t(`areas.${group.area}`)}
            </Text>
            {group.codes.map((code) => (
              <Badge key={code} variant="light" size="sm" tt="none">
                {permissionLabel(t, code)} ({code})
              </Badge>
            ))}
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}

export function RolesPage() {
  const { t } = useTranslation()
  const canWrite = useCan(PERMISSIONS.ROLE_WRITE)
  const roles = useApiQuery('roles.list', {}, { meta: { silent: true } })
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)

  return (
    <Stack>
      <PageHeader title={t('roles.title')}>
        {canWrite && <Button onClick={() => setDialog({ kind: 'create' })}>{t('roles.newRole')}</Button>}
      </PageHeader>
      <Text size="sm" c="dimmed">
        {t('roles.readOnly')}
      </Text>
      {roles.isPending && <Loader aria-label={t('app.loading')} />}
      {roles.isError && <PageError error={roles.error} onRetry={() => void roles.refetch()} />}
      {roles.data?.map((role) => (
        <RoleCard key={role.id} role={role} onEdit={canWrite && !role.builtInKey ? () => setDialog({ kind: 'edit', role }) : undefined} />
      ))}
      <Modal opened={dialog !== null} onClose={close} size="xl" title={dialog?.kind === 'edit' ? t('roles.editTitle', { name: dialog.role.name }) : t('roles.createTitle')}>
        {dialog?.kind === 'create' && <RoleForm onDone={close} />}
        {dialog?.kind === 'edit' && <RoleForm role={dialog.role} onDone={close} />}
      </Modal>
    </Stack>
  )
}
