/**
 * Home's reads on the report benchmark's database (1 M orders, 10 M entries): `home.summary` and
 * `home.attention` as the window calls them (session, permissions, the read in a read worker),
 * with the clock at noon of the data's last business day so today and yesterday hold a day of
 * orders each; and the same reads scoped to one merchant, run on a read-only connection as a
 * worker runs them (the bench database has no merchant-bound user, and the cached file is not
 * written to).
 */
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { createCore } from '../../src/main/app/core'
import { READS } from '../../src/main/app/reads'
import { aesSecretBox } from '../../src/main/core/secrets'
import { HOME_READS } from '../../src/main/home/reads'
import { dayStartMs } from '../../src/main/ledger/business-day'
import { runRead } from '../../src/main/reads/catalog'
import { isoDay } from '../../src/main/reports/bounds'
import { ATTENTION_KINDS } from '../../src/shared/contract/home'
import type { ProcedureName } from '../../src/shared/contract'
import { BENCH_ADMIN, reportsDatabase } from './reports-data'
import { fmt, ms, summarize } from './stats'

const SAMPLES = 300
const ZONE = '+08:00'
const NO_PAGE = { pageIndex: 1, pageSize: 1, withTotals: false }

export interface HomeCase {
  name: string
  stats: ReturnType<typeof summarize>
  shown: string
}

export interface HomeBenchResult {
  orders: number
  entries: number
  today: string
  cases: HomeCase[]
}

async function sample(run: () => unknown): Promise<ReturnType<typeof summarize>> {
  for (let i = 0; i < 10; i++) await run()
  const samples: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint()
    await run()
    samples.push(ms(start))
  }
  return summarize(samples)
}

export async function benchHome(log: (line: string) => void): Promise<HomeBenchResult> {
  const data = await reportsDatabase(log)
  const today = isoDay(data.lastDay)
  const now = dayStartMs(today, ZONE) + 12 * 3_600_000
  const core = createCore({ dbPath: data.path, mode: 'desktop', clock: { now: () => now }, secrets: aesSecretBox(randomBytes(32)), log: (e) => console.error(e) })
  const cases: HomeCase[] = []
  try {
    const login = await core.dispatch('auth.login', BENCH_ADMIN, { token: null, transport: 'ipc' })
    const token = (login.data as { token: string }).token
    const call = async (procedure: ProcedureName) => {
      const envelope = await core.dispatch(procedure, {}, { token, transport: 'ipc' })
      if (envelope.status !== 200) throw new Error(`${procedure}: ${envelope.message}`)
      return envelope.data
    }
    const summary = (await call('home.summary')) as { currencies: unknown[]; channels: unknown[]; balances: unknown[] }
    cases.push({ name: '`home.summary` (administrator: currencies, channels, balances)', stats: await sample(() => call('home.summary')), shown: `${summary.currencies.length} currencies, ${summary.channels.length} channel rows, ${summary.balances.length} balances` })
    const attention = (await call('home.attention')) as { items: { kind: string; count: number }[] }
    cases.push({ name: '`home.attention` (administrator: every kind)', stats: await sample(() => call('home.attention')), shown: attention.items.map((i) => `${i.kind} ${i.count}`).join(', ') || 'nothing waiting' })

    // One merchant's view (the largest), as a read worker runs it.
    const sqlite = new Database(data.path, { readonly: true })
    try {
      const merchantId = data.merchants[0].id
      const scope = { tenantId: 1, zone: ZONE }
      const figures = { merchantId, now, withCurrencies: true, withChannels: false, withBalances: false }
      const work = { merchantId, now, kinds: [...ATTENTION_KINDS], userId: 0 }
      cases.push({ name: `figures of one merchant (the largest, ${data.merchants[0].currency}), in a worker's connection`, stats: await sample(() => runRead(sqlite, READS, HOME_READS.homeFigures, scope, figures, NO_PAGE)), shown: 'currencies' })
      cases.push({ name: 'attention list of one merchant, in a worker\u2019s connection', stats: await sample(() => runRead(sqlite, READS, HOME_READS.homeAttention, scope, work, NO_PAGE)), shown: 'every kind' })
    } finally {
      sqlite.close()
    }
    for (const c of cases) log(`home ${c.name}: p50 ${fmt(c.stats.p50)} p99 ${fmt(c.stats.p99)} ms (${c.shown})`)
    return { orders: data.orders, entries: data.entries, today, cases }
  } finally {
    core.close()
  }
}

/** `npm run bench -- home`: the section run.ts writes under "Home" in docs/BENCHMARKS.md. */
export const homeSection = {
  title: 'Home',
  async run(): Promise<string[]> {
    const r = await benchHome((line) => console.log(`[bench] ${line}`))
    const n = (x: number) => x.toLocaleString('en')
    const pass = (ok: boolean) => (ok ? 'met' : '**missed**')
    return [
      `Home's figures and attention list (src/main/home/) on the report benchmark's ${n(r.orders)} orders and ${n(r.entries)} entries`,
      `(\`tests/bench/reports-data.ts\`), the clock at noon of its last business day (${r.today}, +08:00): the two procedures as the`,
      'desktop app calls them (`core.dispatch`: session, permissions, the read in a read worker thread, output check), and one',
      "merchant's view read on a read-only connection as a worker reads it. Per currency from the transaction report's stored day",
      'rows, per channel from the two days of orders (`orders_list_created`), balances from the stored balances, and each kind of',
      'waiting work from stored counts or the few rows waiting. 300 calls per figure after 10 warm-up calls.',
      '',
      '| read | p50 ms | p99 ms | what it showed | target p99 | |',
      '|---|---|---|---|---|---|',
      ...r.cases.map((c) => `| ${c.name} | ${fmt(c.stats.p50)} | ${fmt(c.stats.p99)} | ${c.shown} | ≤ 10 ms | ${pass(c.stats.p99 <= 10)} |`)
    ]
  }
}
