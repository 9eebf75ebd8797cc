/**
 * `npm run bench`: runs every benchmark once and writes the figures to docs/BENCHMARKS.md.
 * Figures come from this run on this machine; targets are stated beside them.
 */
import { cpus, totalmem } from 'node:os'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchLedger } from './ledger'
import { benchOrders } from './orders'
import { fmt } from './stats'

const log = (line: string) => console.log(`[bench] ${line}`)

async function main(): Promise<void> {
  const started = new Date()
  const ledger = benchLedger(log)
  const orders = await benchOrders(log)
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`
  const cb = orders.callbacks
  const pass = (ok: boolean) => (ok ? 'met' : '**missed**')
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${started.toISOString()} (${machine}). Re-run to refresh; never edit by hand.`,
    '',
    '## Ledger core',
    '',
    'Deposit postings of four entries (channel, order payment, fee, platform fee) into a file database',
    '(WAL, `synchronous=FULL`), through the ledger core (idempotency check, account lookup, balance',
    'check, balances and daily summaries in the same transaction) and as raw better-sqlite3 writes of',
    'the same rows without any check.',
    '',
    '| measure | figure | target | |',
    '|---|---|---|---|',
    `| raw better-sqlite3, 500 postings per commit | ${fmt(ledger.groupedRaw, 0)} postings/s | | |`,
    `| ledger core, 500 postings per commit | ${fmt(ledger.groupedCore, 0)} postings/s | | |`,
    `| ledger core / raw, grouped | ${fmt(100 * ledger.ratio, 1)} % | ≥ 60 % | ${pass(ledger.ratio >= 0.6)} |`,
    `| ledger core, one posting per commit, p50 | ${fmt(ledger.singleCore.p50)} ms | | |`,
    `| ledger core, one posting per commit, p99 | ${fmt(ledger.singleCore.p99)} ms | ≤ 2 ms | ${pass(ledger.singleCore.p99 <= 2)} |`,
    `| ledger core, one posting per commit | ${fmt(ledger.singleCoreRate, 0)} postings/s | | |`,
    `| raw, one posting per commit, p50 / p99 | ${fmt(ledger.singleRaw.p50)} / ${fmt(ledger.singleRaw.p99)} ms | | |`,
    '',
    '## Orders and callbacks',
    '',
    'A deposit created through the procedure, stored, sent to the provider simulator on loopback and',
    'answered with its payment page (300 in a row). Then signed callbacks for 1,000 pending deposits,',
    'from a separate process over connections opened beforehand, timed from request to',
    'acknowledgement (signature verified, callback persisted in a grouped commit, `SUCCESS`); applying',
    'them (ledger postings) follows from the inbox. Two loads: 1,000 callbacks written at once (1,000 in',
    'flight together), and 1,000 open keep-alive connections each sending one callback a second',
    '(random phase) for a few seconds. The same client against a Node HTTP server that only reads the',
    'body and answers `SUCCESS` gives the floor this machine sets for any Node listener.',
    '',
    '| measure | figure | target | |',
    '|---|---|---|---|',
    `| create-deposit round trip, p50 | ${fmt(orders.roundTrip.p50)} ms | | |`,
    `| create-deposit round trip, p99 | ${fmt(orders.roundTrip.p99)} ms | | |`,
    `| 1,000 open connections at ${fmt(cb.steady.perSecond, 0)} callbacks/s, p50 | ${fmt(cb.steady.p50)} ms | | |`,
    `| 1,000 open connections at ${fmt(cb.steady.perSecond, 0)} callbacks/s, p99 | ${fmt(cb.steady.p99)} ms | ≤ 50 ms | ${pass(cb.steady.p99 <= 50)} |`,
    `| 1,000 callbacks at once, p50 | ${fmt(cb.burst.p50)} ms | | |`,
    `| 1,000 callbacks at once, p99 | ${fmt(cb.burst.p99)} ms | ≤ 50 ms | ${pass(cb.burst.p99 <= 50)} |`,
    `| callbacks acknowledged per second (at once) | ${fmt(cb.burst.perSecond, 0)} /s | | |`,
    `| callbacks not acknowledged | ${cb.burst.failed + cb.steady.failed} | 0 | ${pass(cb.burst.failed + cb.steady.failed === 0)} |`,
    `| floor: bare Node server, 1,000 at once, p99 | ${fmt(cb.baselineBurst.p99)} ms | | |`,
    `| floor: bare Node server, 1,000 open connections, p99 | ${fmt(cb.baselineSteady.p99)} ms | | |`,
    ''
  ]
  writeFileSync(join(__dirname, '..', '..', 'docs', 'BENCHMARKS.md'), lines.join('\n'))
  log('figures written to docs/BENCHMARKS.md')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
