/**
 * A backup of the report benchmark's database (1 M orders, 10 M entries) made while orders keep
 * flowing: on a writable copy, the desktop core (`createCore`) makes the backup as Settings makes it
 * (`backups.create` through `core.dispatch`: session, permission, audit, then src/main/safety's
 * online backup), while deposits are created through the order code (`createOrder`, as the
 * procedure creates them, without the provider call) at a steady rate on the same connection.
 * The main thread is watched meanwhile as the recon bench watches it: `monitorEventLoopDelay`
 * (1 ms resolution) and the lateness of a 10 ms timer. The same flow of orders without a backup
 * is watched first, for comparison.
 *
 * PAYDESK_BENCH_BACKUP_SCALE (default 1) scales the data down for a quick check of the bench.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createCore, type Core } from '../../src/main/app/core'
import { keepMainThreadResponsive } from '../../src/main/app/v8-flags'
import { aesSecretBox } from '../../src/main/core/secrets'
import { createOrder } from '../../src/main/orders/create'
import { backupFolderOf, backupSettingsOf } from '../../src/main/safety/settings'
import { ALL_PERMISSION_CODES } from '../../src/shared/permissions'
import { BENCH_ADMIN, DEFAULT_SIZES, engineReadyCopy, reportsDatabase, type ReportsDataInfo } from './reports-data'
import { watchLoop } from './loop-watch'
import { fmt, ms, summarize } from './stats'

export const BACKUP_SCALE = Number(process.env.PAYDESK_BENCH_BACKUP_SCALE ?? 1)
/** One order every this many milliseconds: 20 orders a second, a busy desk's pace and more. */
const ORDER_EVERY_MS = 50
const BASELINE_SECONDS = 5

export interface FlowWatch {
  seconds: number
  /** monitorEventLoopDelay's longest and p99 delay. */
  maxDelayMs: number
  p99DelayMs: number
  /** The 10 ms timer's longest lateness. */
  timerLateMs: number
  /** The same, less the time orders were being created meanwhile: what held the thread besides the orders' own commits. */
  lateBesidesOrdersMs: number
  orders: number
  /** Each order's creation (one transaction on the main connection). */
  orderMs: ReturnType<typeof summarize>
  cpuSeconds: number
}

export interface BackupBenchResult {
  scale: number
  data: ReportsDataInfo
  databaseMb: number
  backupMb: number
  baseline: FlowWatch
  backup: FlowWatch
  /** Orders in the live database when the backup started, in the backup file, and live when it had finished. */
  ordersBefore: number
  ordersInBackup: number
  ordersAfter: number
  load: { before: number[]; after: number[] }
}

/** A deposit service of the USDT merchant with the bench's USDT channel bound to it (the bench data binds none). */
async function orderLane(core: Core, token: string, data: ReportsDataInfo) {
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const envelope = await core.dispatch(name, input, { token, transport: 'ipc' })
    if (envelope.status !== 200) throw new Error(`${name}: ${envelope.message}`)
    return envelope.data as T
  }
  const merchant = data.merchants.find((m) => m.currency === 'USDT')
  if (!merchant) throw new Error('the bench data has no USDT merchant')
  const sqlite = core.db.$client
  const service = sqlite.prepare("select id from services where merchant_id = ? and direction = 'deposit'").get(merchant.id) as { id: number }
  const channel = sqlite.prepare("select id from channels where currency = 'USDT' order by id limit 1").get() as { id: number }
  const bound = sqlite.prepare('select 1 from channel_service_bindings where channel_id = ? and service_id = ?').get(channel.id, service.id)
  if (!bound) await call('bindings.create', { channelId: channel.id, serviceId: service.id, boundLower: '0', boundUpper: '0' })
  return { merchantId: merchant.id, serviceId: service.id, channelId: channel.id }
}

/** Creates an order every ORDER_EVERY_MS while `work` runs, watching the main thread. */
async function watchFlow<T>(createOne: () => void, work: () => Promise<T>): Promise<{ value: T; watch: FlowWatch }> {
  const orderMs: number[] = []
  // Time spent creating orders since the probe last ran: the orders' own commits (fsync) hold the thread too.
  let inOrders = 0
  const flow = setInterval(() => {
    const start = process.hrtime.bigint()
    createOne()
    const took = ms(start)
    orderMs.push(took)
    inOrders += took
  }, ORDER_EVERY_MS)
  const held = () => {
    const took = inOrders
    inOrders = 0
    return took
  }
  try {
    const { value, watch: w } = await watchLoop(work, held)
    return {
      value,
      watch: {
        seconds: w.seconds,
        maxDelayMs: w.maxDelayMs,
        p99DelayMs: w.p99DelayMs,
        timerLateMs: w.timerLateMs,
        lateBesidesOrdersMs: w.lateBesidesHeldMs,
        orders: orderMs.length,
        orderMs: summarize(orderMs),
        cpuSeconds: w.cpuSeconds
      }
    }
  } finally {
    clearInterval(flow)
  }
}

export async function benchBackup(log: (line: string) => void): Promise<BackupBenchResult> {
  const load = { before: loadavg(), after: [] as number[] }
  const sizes =
    BACKUP_SCALE === 1
      ? DEFAULT_SIZES
      : {
          entries: Math.round(DEFAULT_SIZES.entries * BACKUP_SCALE),
          orders: Math.round(DEFAULT_SIZES.orders * BACKUP_SCALE),
          days: Math.max(30, Math.round(DEFAULT_SIZES.days * BACKUP_SCALE)),
          merchants: Math.max(6, Math.round(DEFAULT_SIZES.merchants * BACKUP_SCALE))
        }
  const data = await reportsDatabase(log, sizes)
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-backup-'))
  try {
    const path = engineReadyCopy(data, dir, log)
    keepMainThreadResponsive()
    const core = createCore({ dbPath: path, mode: 'desktop', secrets: aesSecretBox(randomBytes(32)), log: (e) => console.error(e) })
    try {
      const login = await core.dispatch('auth.login', BENCH_ADMIN, { token: null, transport: 'ipc' })
      if (login.status !== 200) throw new Error(`auth.login: ${login.message}`)
      const token = (login.data as { token: string }).token
      const lane = await orderLane(core, token, data)
      const admin = core.db.$client.prepare('select id, username, display_name as displayName from users where username = ?').get(BENCH_ADMIN.username) as { id: number; username: string; displayName: string }
      const actor = { userId: admin.id, username: admin.username, displayName: admin.displayName, merchantId: null, permissions: new Set<number>(ALL_PERMISSION_CODES), sessionId: 'bench-backup' }
      const ctx = core.contextFor('orders.createDeposit', actor)
      let n = 0
      const createOne = () => {
        n++
        createOrder(ctx, { ...lane, amount: `${100 + (n % 900)}.${String(n % 100).padStart(2, '0')}`, fields: {}, isTest: false }, 'deposit')
      }

      const baseline = (await watchFlow(createOne, () => new Promise((resolve) => setTimeout(resolve, BASELINE_SECONDS * 1000)))).watch
      log(`orders alone ${fmt(baseline.seconds, 1)} s: ${describe(baseline)}`)

      const countOrders = () => (core.db.$client.prepare('select count(*) as n from orders').get() as { n: number }).n
      const ordersBefore = countOrders()
      const made = await watchFlow(createOne, async () => {
        const envelope = await core.dispatch('backups.create', {}, { token, transport: 'ipc' })
        if (envelope.status !== 200) throw new Error(`backups.create: ${envelope.message}`)
        return { ...(envelope.data as { file: { name: string; bytes: number } }), ordersAfter: countOrders() }
      })
      log(`backup ${made.value.file.name} (${fmt(made.value.file.bytes / 2 ** 20, 0)} MiB) in ${fmt(made.watch.seconds, 1)} s: ${describe(made.watch)}`)

      const backupPath = join(backupFolderOf(backupSettingsOf(core.db, 1), path), made.value.file.name)
      const copy = new Database(backupPath, { readonly: true })
      let ordersInBackup: number
      try {
        ordersInBackup = (copy.prepare('select count(*) as n from orders').get() as { n: number }).n
      } finally {
        copy.close()
      }
      const databaseMb = (core.db.$client.prepare('select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()').get() as { bytes: number }).bytes / 2 ** 20
      load.after = loadavg()
      return { scale: BACKUP_SCALE, data, databaseMb, backupMb: made.value.file.bytes / 2 ** 20, baseline, backup: made.watch, ordersBefore, ordersInBackup, ordersAfter: made.value.ordersAfter, load }
    } finally {
      core.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const describe = (w: FlowWatch) =>
  `${w.orders} orders (create p50 ${fmt(w.orderMs.p50)} ms, p99 ${fmt(w.orderMs.p99)} ms, max ${fmt(w.orderMs.max)} ms); event loop delay max ${fmt(w.maxDelayMs)} ms, p99 ${fmt(w.p99DelayMs)} ms; 10 ms timer late by at most ${fmt(w.timerLateMs)} ms (${fmt(w.lateBesidesOrdersMs)} ms besides the orders' own time); CPU ${fmt(w.cpuSeconds, 2)} s`

const TARGET_MS = 16

/** `npm run bench -- backup`: the section run.ts writes under "Backup while orders flow" in docs/BENCHMARKS.md. */
export const backupSection = {
  title: 'Backup while orders flow',
  async run(): Promise<string[]> {
    const r = await benchBackup((line) => console.log(`[bench] ${line}`))
    const n = (x: number) => x.toLocaleString('en')
    const pass = (ok: boolean) => (ok ? 'met' : '**missed**')
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ')
    const rows = (label: string, w: FlowWatch, target: boolean) => [
      `| ${label}: main thread's event loop, longest delay (monitor / 10 ms timer) | ${fmt(w.maxDelayMs, 1)} / ${fmt(w.timerLateMs, 1)} ms | | |`,
      `| ${label}: the 10 ms timer's longest lateness besides the orders' own time | ${fmt(w.lateBesidesOrdersMs, 1)} ms | ${target ? `≤ ${TARGET_MS} ms | ${pass(w.lateBesidesOrdersMs <= TARGET_MS)}` : ' | '} |`,
      `| ${label}: event loop delay p99 | ${fmt(w.p99DelayMs, 1)} ms | | |`,
      `| ${label}: orders created, one every ${ORDER_EVERY_MS} ms | ${n(w.orders)} in ${fmt(w.seconds, 1)} s | | |`,
      `| ${label}: an order's creation p50 / p99 / max | ${fmt(w.orderMs.p50, 2)} / ${fmt(w.orderMs.p99, 2)} / ${fmt(w.orderMs.max, 2)} ms | | |`
    ]
    return [
      ...(r.scale === 1 ? [] : [`**Scaled down** (\`PAYDESK_BENCH_BACKUP_SCALE=${r.scale}\`): a check of the bench, not the figures of the target.`, '']),
      `A backup of the report benchmark's database (${n(r.data.orders)} orders, ${n(r.data.entries)} entries, ${fmt(r.databaseMb, 0)} MiB; a writable copy) made`,
      'as Settings makes it (`backups.create` through `core.dispatch`: session, permission, audit; then src/main/safety/: SQLite\'s',
      'online backup API in a worker thread of its own, every page in one step, so the copy is one read transaction\'s snapshot;',
      'the copy made self-contained there and renamed into place on the main thread),',
      `while a deposit is created through the order code every ${ORDER_EVERY_MS} ms on the same connection (\`createOrder\`, as the procedure`,
      'creates it, without the provider call). The main thread is watched with `monitorEventLoopDelay` (1 ms resolution) and a',
      `10 ms timer's lateness; the same flow of orders without a backup for ${BASELINE_SECONDS} s first, for comparison. Each order's`,
      'commit waits for the disk (`synchronous=FULL`) on the main thread, so the delays include the orders\' own time; the target is',
      "read on the timer's lateness less the time orders took meanwhile: what the backup added.",
      '`npm run bench -- backup` reruns this section alone.',
      '',
      '| measure | figure | target | |',
      '|---|---|---|---|',
      `| backup made | ${fmt(r.backup.seconds, 1)} s, ${fmt(r.backupMb, 0)} MiB (CPU ${fmt(r.backup.cpuSeconds, 1)} s) | | |`,
      ...rows('during the backup', r.backup, true),
      ...rows('orders alone', r.baseline, false),
      `| orders live when it started / in the backup / live when it finished | ${n(r.ordersBefore)} / ${n(r.ordersInBackup)} / ${n(r.ordersAfter)} | one moment between | ${pass(r.ordersBefore <= r.ordersInBackup && r.ordersInBackup <= r.ordersAfter)} |`,
      '',
      `Load average (1 / 5 / 15 min) before: ${load(r.load.before)}, after: ${load(r.load.after)}: the 2 cores are shared with other`,
      'work, so every figure carries its noise: rerun when the load is low.'
    ]
  }
}
