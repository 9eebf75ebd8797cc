/**
 * Who may read the data folder (issue 12, item 14): the folder PayDesk creates, the database with
 * its WAL and shared-memory files, the secret key, the exports and the dispute evidence are their
 * owner's only (folders 0700, files 0600), and a database or folder left open by an older version
 * is tightened when PayDesk opens it. POSIX only: Windows has no modes.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/open'
import { startHost, type RunningHost } from '../../src/main/http/host'
import { cardFields, orderWorld, type OrderWorld } from './orders/support'

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8)
const inBackups = (name: string) => name === 'backups' || name.startsWith(`backups${sep}`)
/**
 * Each file and folder under `dir` (and `dir` itself) with its mode, e.g. `{ '.': '700', 'paydesk.db': '600' }`,
 * the backups folder left out: the host's scheduled backup starts in the background when it starts,
 * so whether that folder is there yet is timing (`backupsArePrivate` checks it once the host has stopped).
 */
function modesUnder(dir: string): Record<string, string> {
  const modes: Record<string, string> = { '.': modeOf(dir) }
  for (const name of readdirSync(dir, { recursive: true }) as string[]) if (!inBackups(name)) modes[name] = modeOf(join(dir, name))
  return modes
}
/** The backups folder, when the scheduled backup made one, is the owner's only too: 0700, each backup 0600. */
function backupsArePrivate(dir: string): void {
  if (!existsSync(join(dir, 'backups'))) return
  expect(modeOf(join(dir, 'backups'))).toBe('700')
  for (const name of readdirSync(join(dir, 'backups'))) expect(modeOf(join(dir, 'backups', name)), name).toBe('600')
}

// The usual umask (group and others may read what is created): what made the files 644 and the
// folders 755 before. Set for this test process only (vitest runs each file in a forked process).
let umask: number
beforeAll(() => {
  umask = process.umask(0o022)
})
afterAll(() => {
  process.umask(umask)
})

describe.skipIf(process.platform === 'win32')('the data folder is its owner’s only', () => {
  let host: RunningHost | undefined
  let w: OrderWorld | undefined
  /** The data folder of the host under test, whose backups are checked once it has stopped. */
  let hostDir: string | undefined
  afterEach(async () => {
    await host?.stop()
    await w?.stop()
    if (hostDir) backupsArePrivate(hostDir)
    host = w = hostDir = undefined
  })

  it('the headless host creates the folder 0700 and the database, its WAL and shared memory and the key 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'paydesk-modes-')), 'data')
    hostDir = dataDir
    host = await startHost({ dataDir, port: 0, host: '127.0.0.1', version: '9.9.9', rendererDir: null })
    // A write, so that the WAL and the shared-memory file exist.
    await host.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' })
    expect(modesUnder(dataDir)).toEqual({ '.': '700', 'paydesk.db': '600', 'paydesk.db-wal': '600', 'paydesk.db-shm': '600', 'secret.key': '600' })
  })

  it('a database, WAL and shared memory that others can read are tightened when opened; an existing data folder keeps its mode', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-modes-'))
    chmodSync(dataDir, 0o755)
    openDatabase({ path: join(dataDir, 'paydesk.db') }).$client.close()
    // As an older PayDesk (or a careless restore) left them; the WAL and shared memory of a crash.
    chmodSync(join(dataDir, 'paydesk.db'), 0o644)
    for (const leftover of ['paydesk.db-wal', 'paydesk.db-shm']) writeFileSync(join(dataDir, leftover), '', { mode: 0o644 })
    expect(modeOf(join(dataDir, 'paydesk.db-wal'))).toBe('644')
    hostDir = dataDir
    host = await startHost({ dataDir, port: 0, host: '127.0.0.1', version: '9.9.9', rendererDir: null })
    await host.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' })
    expect(modesUnder(dataDir)).toEqual({ '.': '755', 'paydesk.db': '600', 'paydesk.db-wal': '600', 'paydesk.db-shm': '600', 'secret.key': '600' })
  })

  it('with --secret-key-file the key stays out of the data folder; a missing key file is refused, not made', async () => {
    const root = mkdtempSync(join(tmpdir(), 'paydesk-modes-'))
    const dataDir = join(root, 'data')
    const keyFile = join(root, 'paydesk.key')
    const options = { dataDir, port: 0, host: '127.0.0.1', version: '9.9.9', rendererDir: null, secretKeyFile: keyFile }
    await expect(startHost(options)).rejects.toThrow(`${keyFile}: no such secret key file`)
    expect(existsSync(keyFile)).toBe(false)
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 })
    hostDir = dataDir
    host = await startHost(options)
    await host.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' })
    expect(Object.keys(modesUnder(dataDir)).sort()).toEqual(['.', 'paydesk.db', 'paydesk.db-shm', 'paydesk.db-wal'])
  })

  it('exports and dispute evidence: their folders 0700 (an open one tightened) and each file 0600', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-modes-'))
    // An exports folder an older PayDesk made with the umask's mode.
    mkdirSync(join(dataDir, 'exports'), { mode: 0o755 })
    w = await orderWorld({ dbPath: join(dataDir, 'paydesk.db'), realClock: false })
    const { t, admin } = w

    const { job } = await t.ok('reports.exportStart', { report: 'accountDetails', format: 'csv' }, admin)
    await t.core.exports.settled(job!.id)
    expect(await t.ok('reports.exportStatus', { jobId: job!.id }, admin)).toMatchObject({ state: 'done' })

    const order = await t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '1000.00', fields: cardFields }, admin)
    await t.ok('orders.markResult', { id: order.id, result: 'succeeded', reason: 'Paid, confirmed by the bank statement' }, admin)
    const dispute = await t.ok('disputes.create', { orderId: order.id, kind: 'chargeback', reasonCode: '13.1', amount: '100.00', evidenceDueAt: t.clock.now() + 72 * 3_600_000 }, admin)
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n')
    await t.ok('disputes.addEvidence', { id: dispute.id, fileName: 'delivery-proof.pdf', contentBase64: pdf.toString('base64') }, admin)

    const exports = modesUnder(join(dataDir, 'exports'))
    const evidence = modesUnder(join(dataDir, 'evidence'))
    expect(Object.keys(exports)).toEqual(['.', expect.stringMatching(/accountDetails-.*\.csv$/)])
    expect(Object.keys(evidence)).toEqual(['.', expect.stringMatching(/\.pdf$/)])
    expect(Object.values(exports)).toEqual(['700', '600'])
    expect(Object.values(evidence)).toEqual(['700', '600'])
    expect(modeOf(join(dataDir, 'paydesk.db'))).toBe('600')
  })
})
