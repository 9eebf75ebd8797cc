/**
 * Stopping the engine while the scheduled backup and the daily ledger check it started are still
 * running (the first pass after a start starts both when none was made): the stop waits for them,
 * so the database does not close under them. Before, the backup failed reading its settings from
 * a closed connection, the check's read was refused by the closed read pool, and both were logged.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { ADMIN, makeCore } from '../../support/core'

const dir = mkdtempSync(join(tmpdir(), 'paydesk-shutdown-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('a stop right after the start waits for the scheduled backup and ledger check, which end whole and logged nothing', async () => {
  const logged: unknown[] = []
  const t = await makeCore({ dbPath: join(dir, 'paydesk.db'), log: (error) => logged.push(error) })
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  await t.ok('backups.updateSettings', { folder: '', everyHours: 24, keep: 10 }, admin)
  await t.core.engine.start({ tickMs: 60_000 })
  // The first pass has started both in the background, and returned.
  await t.core.engine.caughtUp()
  expect(t.core.safety.port.backingUp()).toBe(true)
  await t.core.engine.stop()
  expect(t.core.safety.port.backingUp()).toBe(false)
  const checks = t.core.db.$client.prepare("select status from ledger_checks where target = 'live'").pluck().all()
  await t.core.close()
  expect(logged).toEqual([])
  expect(checks).toEqual(['clean'])
  const files = readdirSync(join(dir, 'backups'))
  expect(files.filter((f) => f.endsWith('.partial'))).toEqual([])
  expect(files.filter((f) => f.endsWith('.db'))).toHaveLength(1)
})
