/**
 * An administrator backs the database up from Settings, restores the backup (the ledger check runs
 * on it first), starts PayDesk again, and finds the data as it was at the backup with a clean ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signIn } from './demo'
import { ADMIN, expect, startHost, test } from './fixtures'
import { AppShell } from './pages/AppShell'

test('a backup is made, restored after a restart, and the ledger check passes on it', async ({ page }) => {
  test.setTimeout(300_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-e2e-backup-'))
  const env = { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password }
  let host = await startHost({ env, demo: true, dataDir })
  try {
    await signIn(page, host, ADMIN)
    await new AppShell(page).navigate('/system/settings')
    await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible()
    await expect(page.getByText(`In ${join(dataDir, 'backups')}. Times in`)).toBeVisible()
    await page.getByRole('button', { name: 'Back up now' }).click()
    const toast = page.getByText(/^Backup paydesk-backup-\d{8}-\d{6}\.\d{3}Z\.db made \(\d+\.\d MB\)$/)
    await expect(toast).toBeVisible()
    const backupName = /paydesk-backup-\S+\.db/.exec((await toast.textContent())!)![0]
    // The newest first (the schedule made one when the host started: there was none yet).
    const files = page.getByRole('table', { name: 'Backup files' })
    const row = files.getByRole('row').nth(1)
    await expect(row.getByRole('cell').first()).toHaveText(backupName)
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d+\.\d MB$/)

    // Recorded after the backup: gone once it is restored.
    const token = await host.login(ADMIN.username, ADMIN.password)
    expect((await host.api('/api/merchants.create', { name: 'Signed Up After The Backup' }, token)).status).toBe(200)

    await row.getByRole('button', { name: 'Restore…' }).click()
    const confirm = page.getByRole('dialog', { name: `Restore ${backupName}?` })
    await expect(confirm).toContainText('The ledger check runs on the backup first')
    await confirm.getByRole('button', { name: 'Check and restore' }).click()
    const staged = page.getByRole('dialog', { name: 'Backup checked and ready' })
    await expect(staged).toContainText(/The ledger check found no problem in its [1-9]\d* entries\./)
    await expect(staged).toContainText('Stop PayDesk and start it again (npm start) to put it in place.')

    await host.stop()
    host = await startHost({ env, dataDir })
    const again = await host.login(ADMIN.username, ADMIN.password)
    const merchants = await host.api<{ items: { name: string }[] }>('/api/merchants.list', { page: 1, pageSize: 100 }, again)
    expect(merchants.body.data.items.map((m) => m.name)).not.toContain('Signed Up After The Backup')

    await signIn(page, host, ADMIN)
    await new AppShell(page).navigate('/system/settings')
    await page.getByRole('button', { name: 'Run the ledger check now' }).click()
    const result = page.getByTestId('ledger-check-result')
    await expect(result).toContainText('No drift')
    await expect(result).toContainText(`by ${ADMIN.username}`)
  } finally {
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
