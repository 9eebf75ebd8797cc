/**
 * `npm run bench [-- SECTION…]`: runs the benchmarks and writes their figures to docs/BENCHMARKS.md.
 * Sections: ledger, orders, reports, export, main-thread, orderlist, recon, fieldtest, home, backup; all of them by default. A run of some sections rewrites only
 * theirs and keeps the others' figures (each section is a `## ` heading and what follows it, with
 * the date and machine it was measured on). Figures come from this run on this machine; targets
 * are stated beside them.
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { backupSection } from './backup'
import { fieldtestSection } from './fieldtest'
import { homeSection } from './home'
import { benchLedger } from './ledger'
import { benchOrderList } from './order-list'
import { benchOrders } from './orders'
import { benchRecon, type ClerkStages, type Watch } from './recon'
import { benchExport, benchMainThread, benchReports, SAMPLES, type MainThreadWindow } from './reports'
import { fmt } from './stats'

const log = (line: string) => console.log(`[bench] ${line}`)
const pass = (ok: boolean) => (ok ? 'met' : '**missed**')
const FILE = join(__dirname, '..', '..', 'docs', 'BENCHMARKS.md')

interface Section {
  title: string
  run(): Promise<string[]>
}

const SECTIONS: Record<string, Section> = {
  ledger: {
    title: 'Ledger core',
    async run() {
      const ledger = benchLedger(log)
      return [
        'Deposit postings of four entries (channel, order payment, fee, platform fee) into a file database',
        '(WAL, `synchronous=FULL`), through the ledger core (idempotency check, account lookup, balance',
        'check, balances and the settlement report rows in the same transaction) and as raw better-sqlite3 writes of',
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
        `| raw, one posting per commit, p50 / p99 | ${fmt(ledger.singleRaw.p50)} / ${fmt(ledger.singleRaw.p99)} ms | | |`
      ]
    }
  },
  orders: {
    title: 'Orders and callbacks',
    async run() {
      const orders = await benchOrders(log)
      const cb = orders.callbacks
      return [
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
        `| floor: bare Node server, 1,000 open connections, p99 | ${fmt(cb.baselineSteady.p99)} ms | | |`
      ]
    }
  },
  reports: {
    title: 'Reports at 10 M entries',
    async run() {
      const r = await benchReports(log)
      const d = r.data
      const n = (x: number) => x.toLocaleString('en')
      const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ')
      return [
        `A year of activity (${n(d.days)} business days, ${d.merchants.length} merchants in six currencies) generated by`,
        '`tests/bench/reports-data.ts`: ' + `${n(d.orders)} orders, ${n(d.entries)} ledger entries in ${n(d.postings)} postings, of which ${n(d.merchantEntries)} are`,
        'merchant entries (the entry list\'s rows); the rest are the channel, fee and reserve legs and provider',
        'settlement sweeps. Written with raw prepared statements, kept consistent (every posting balances;',
        'balances and the stored report rows kept alongside) and checked by `verifyLedger` after',
        `generation${d.cached ? ' (this run reused the cached file)' : ` (${n(d.generatedInSeconds)} s)`}.`,
        '',
        `Each report is called as the desktop app calls it (\`core.dispatch\`: session, permission, input, the read in a`,
        `report worker thread, output check), ${SAMPLES} calls per figure (fewer, at least 10, when they pass 4 s), page size 20: typical filters on the`,
        'first ten pages, the deep page anywhere in the second half of the list. "page" is the HTTP path\'s call',
        '(no totals), "+ totals" the desktop page with the totals of the whole filtered set.',
        '',
        '| path | filter | rows | calls | page p50 / p99 ms | + totals p50 / p99 ms | target p99 | |',
        '|---|---|---|---|---|---|---|---|',
        ...r.cases.map(
          (c) =>
            `| \`${c.path}\` | ${c.filter} | ${n(c.totalItemCount)} | ${c.page.n} | ${fmt(c.page.p50)} / ${fmt(c.page.p99)} | ${fmt(c.withTotals.p50)} / ${fmt(c.withTotals.p99)} | ≤ ${c.target} ms | ${pass(Math.max(c.page.p99, c.withTotals.p99) <= c.target)} |`
        ),
        '',
        `The longest single database call on the main thread's connection during all these calls (${n(r.mainThreadDb.calls)} calls; each`,
        'statement, and each transaction from BEGIN to COMMIT, timed by the bench\'s instrument `tests/support/db-calls.ts`):',
        `${fmt(r.mainThreadDb.longest?.ms ?? 0)} ms, ${fmt(r.mainThreadDb.longest?.cpuMs ?? 0)} ms of process CPU and ${fmt(r.mainThreadDb.longest?.gcMs ?? 0)} ms of GC pauses meanwhile (target ≤ 16 ms: ${pass((r.mainThreadDb.longest?.ms ?? 0) <= 16)}), \`${(r.mainThreadDb.longest?.sql ?? 'none').slice(0, 140)}\`.`,
        `The call that used the most CPU: ${fmt(r.mainThreadDb.busiest?.cpuMs ?? 0)} ms of CPU in ${fmt(r.mainThreadDb.busiest?.ms ?? 0)} ms (${fmt(r.mainThreadDb.busiest?.gcMs ?? 0)} ms of GC), \`${(r.mainThreadDb.busiest?.sql ?? 'none').slice(0, 140)}\``,
        '(a call far longer than its CPU time waited for a core, the disk (a commit\'s fsync) or a GC pause).',
        'The main thread with the order engine running and during heavy reads: see "Main thread at 10 M entries".',
        '',
        `Load average (1 / 5 / 15 min) before: ${load(r.load.before)}, after: ${load(r.load.after)}: the 2 cores are shared with other`,
        'work, so p99 figures carry its noise.'
      ]
    }
  },
  export: {
    title: 'Report export',
    async run() {
      const r = await benchExport(log)
      const n = (x: number) => x.toLocaleString('en')
      const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ')
      return [
        `The report export as the app runs it, on the report benchmark's database: \`reports.exportStart\` through the registry`,
        '(session, permission, merchant scope, audit), then the job in worker threads, each with its own read-only connection',
        '(src/main/reports/export/): the first counts the rows and, from 200,000 rows on, cuts them at the middle entry; it',
        'and a second thread then each write their part at once (the second into a file joined to the first at the end),',
        'reading in keyset batches of 1,000 and writing each batch as one csv-stringify chunk through a 1 MiB file buffer,',
        `waiting whenever the buffer is full. The newest ${n(r.rows)} merchant entries (\`${r.filter}\`) as UTF-8 CSV, timed`,
        'from the call until the job has ended (threads exited, parts joined). RSS is the process\'s (all threads), sampled every',
        '20 ms: the workers\' working sets (their V8 heaps and collectors\' sawtooth, their connections\' caches, a batch, the',
        'file buffers) are there while the first half of the rows is written, and flat memory',
        'means the second half adds nothing to it. The main thread\'s event loop is watched meanwhile: its delays include the',
        'time the OS gives the CPU to others on a loaded machine, its utilization is the share of time it ran code.',
        '`npm run bench -- export` reruns this section alone.',
        '',
        '| measure | figure | target | |',
        '|---|---|---|---|',
        `| ${n(r.rows)} rows to CSV | ${fmt(r.seconds, 2)} s (${fmt(r.bytes / 2 ** 20, 0)} MiB) | ≤ 5 s | ${pass(r.seconds <= 5)} |`,
        `| of which: first worker started and rows counted | ${fmt(r.startedSeconds, 2)} s | | |`,
        `| CPU time meanwhile (all threads) | ${fmt(r.cpuSeconds, 2)} s | | |`,
        `| RSS before / peak / after | ${fmt(r.rssBeforeMb, 0)} / ${fmt(r.rssPeakMb, 0)} / ${fmt(r.rssAfterMb, 0)} MiB | | |`,
        `| RSS peak while writing the first half / the second half of the rows | ${fmt(r.rssFirstHalfPeakMb, 0)} / ${fmt(r.rssSecondHalfPeakMb, 0)} MiB | flat: second ≤ first + 16 MiB | ${pass(r.rssSecondHalfPeakMb <= r.rssFirstHalfPeakMb + 16)} |`,
        `| main thread's event loop delay while \`reports.exportStart\` ran, max | ${fmt(r.startMaxDelayMs)} ms | ≤ 16 ms | ${pass(r.startMaxDelayMs <= 16)} |`,
        `| main thread's event loop delay while the workers wrote, max | ${fmt(r.mainMaxDelayMs)} ms | ≤ 16 ms | ${pass(r.mainMaxDelayMs <= 16)} |`,
        `| main thread busy while the workers wrote (event-loop utilization) | ${fmt(100 * r.mainBusy, 1)} % | | |`,
        '',
        `Load average (1 / 5 / 15 min) before: ${load(r.load.before)}, after: ${load(r.load.after)}: the 2 cores are shared with other`,
        'work, so the time carries its noise (the CPU time less so).'
      ]
    }
  },
  'main-thread': {
    title: 'Main thread at 10 M entries',
    async run() {
      const r = await benchMainThread(log)
      const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ')
      const reads = r.heavy.readsMs.map((x) => fmt(x, 0)).join(', ')
      return [
        'The desktop core as the app runs it (`createCore`, `core.engine.start()`: callback listener and job loop —',
        'expiry, reserve release, callbacks to apply, outbox, WAL checkpoints) on a writable copy of the reports',
        "database above, watched on its main thread: the event loop's delay (`monitorEventLoopDelay`, 1 ms",
        "resolution), GC pauses, and every database call on the core's connection (`tests/support/db-calls.ts`:",
        'each statement, and each transaction from BEGIN to COMMIT). Three stretches: the engine\'s start',
        `(its first tick catches up on the reserves that fell due since the data's last day), ${fmt(r.idle.seconds, 0)} s idle (past a`,
        `minute, so one pass of the reserve release job), and ${r.heavy.readsMs.length} heavy reads in a report worker (a remark search over`,
        `every merchant entry: ${reads} ms). \`npm run bench -- main-thread\` reruns this section alone.`,
        '',
        '| measure | figure | target | |',
        '|---|---|---|---|',
        `| engine start (listener, recovery, first tick) | ${fmt(r.startup.seconds * 1000, 0)} ms | | |`,
        ...windowRows('engine start', r.startup),
        ...windowRows('idle', r.idle),
        ...windowRows('heavy reads in a worker', r.heavy),
        `| the same heavy read on the main thread would block it | ${fmt(r.inlineMs, 0)} ms | | |`,
        '',
        'The longest database call, and the one with the most CPU time, of each stretch:',
        '',
        longestOf('engine start', r.startup),
        longestOf('idle', r.idle),
        longestOf('heavy reads', r.heavy),
        '',
        'A stall whose process CPU time is near zero was the machine, not this process: the main thread was ready to run',
        'while the cores ran other work. While a worker reads, its CPU time counts too.',
        '',
        `Load average (1 / 5 / 15 min) before: ${load(r.load.before)}, after: ${load(r.load.after)}: the 2 cores are shared with other`,
        'work (other engineers\' builds, tests and benchmarks): rerun when the load is low.'
      ]
    }
  },
  orderlist: {
    title: 'Orders list at 1 M orders',
    async run() {
      const r = await benchOrderList(log)
      const n = (x: number) => x.toLocaleString('en')
      const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ')
      return [
        `The operations orders list (\`orders.list\`, src/main/orders/list.ts) on the report benchmark's ${n(r.data.orders)} orders`,
        `(\`tests/bench/reports-data.ts\`), called as the desktop app calls it (\`core.dispatch\`: session, permission, input, the`,
        `read in a report worker thread, output check), ${SAMPLES} calls per figure (fewer, at least 10, when they pass 4 s), page size`,
        '20, each with its exact total: typical filters on the first ten pages, a deep page anywhere in the second half of the',
        'list, the search for numbers of orders spread over the year. "read alone" is the same pages read by `runReport` on a',
        'read-only connection of the bench thread, as a worker reads them (no registry, no thread hop): the rest of a call is the',
        'registry\'s checks and the round trip to the worker. `npm run bench -- orderlist` reruns this section alone.',
        '',
        '| filter | orders | calls | p50 ms | p99 ms | read alone p50 / p99 ms | target p99 | |',
        '|---|---|---|---|---|---|---|---|',
        ...r.cases.map((c) => `| ${c.filter} | ${n(c.total)} | ${c.page.n} | ${fmt(c.page.p50)} | ${fmt(c.page.p99)} | ${fmt(c.read.p50)} / ${fmt(c.read.p99)} | ≤ 5 ms | ${pass(c.page.p99 <= 5)} |`),
        '',
        `The main thread's event loop over all these calls: delayed at most ${fmt(r.mainThread.maxDelayMs)} ms, p99 ${fmt(r.mainThread.p99DelayMs)} ms (target: no call on the main thread above 16 ms).`,
        '',
        `Load average (1 / 5 / 15 min) before: ${load(r.load.before)}, after: ${load(r.load.after)}: the 2 cores are shared with other`,
        'work, so p99 figures carry its noise.'
      ]
    }
  },
  recon: {
    title: 'Reconciliation at 1 M lines',
    async run() {
      const r = await benchRecon(log)
      const n = (x: number) => x.toLocaleString('en')
      const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 0)} MiB`
      const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ')
      const d = r.data
      const y = r.year
      return [
        ...(r.scale === 1 ? [] : [`**Scaled down** (\`PAYDESK_BENCH_RECON_SCALE=${r.scale}\`): a check of the bench, not the figures of the targets.`, '']),
        `Code: commit ${r.commit}.`,
        '',
        `The benchmark's own database (\`tests/bench/recon-data.ts\`${d.cached ? ', reused from the cache' : `, generated in ${n(d.generatedInSeconds)} s`}): a year of one Alipay channel's CNY deposits and their refunds`,
        `and a bank channel's CNY payouts, ${n(d.orders)} orders and ${n(d.refunds)} refunds, made as the report benchmark's are (that database has six`,
        "currencies on six channels, a quarter of its orders payouts: an Alipay bill is one CNY channel's payments and refunds). The",
        'statement files are written from those orders by `tests/bench/recon-files.ts` in the layouts the importer reads, each with',
        'differences drawn per order (left out, another amount, another fee, twice, without our number, a failed payment paid, a',
        'payment we never had), and zipped as the sender delivers them: the files themselves are over the 64 MB upload limit.',
        '',
        `- ${y.file.name}: the \`alipay_trade\` layout (GBK, \`#\` preamble and footer totals), ${n(y.lines)} lines, ${mib(y.file.bytes)} (zip ${mib(y.upload.bytes)});`,
        `- ${r.camt.file.name}: camt.053 v08, one statement per day, ${n(r.camt.lines)} entries, ${mib(r.camt.file.bytes)} (zip ${mib(r.camt.upload.bytes)});`,
        `- ${r.badMonths.file.name}: the Alipay layout again (a second account), ${n(r.badMonths.lines)} lines, ${mib(r.badMonths.file.bytes)} (zip ${mib(r.badMonths.upload.bytes)}).`,
        '',
        'Each file as a clerk takes it in the desktop app, through the procedures the screens call (`core.dispatch`: session,',
        'permission, input, output check) on the desktop core (`createCore`) over a writable copy of the database:',
        '`recon.uploads.put` (the base64 the renderer sends, decoded, hashed and kept on the main thread), `recon.imports.check`',
        '(the dry run), `recon.imports.commit`, `recon.runs.start` over the statement\'s period, each a job in a worker thread of its',
        'own (`src/main/recon/jobs.ts`, started from source and compiled by tsx here; the built app starts a bundled worker),',
        'followed with `recon.jobs.status` every 50 ms (the screens ask every 300 ms). RSS is the process\'s (all threads), sampled',
        'every 50 ms; the main thread\'s event loop is watched with `monitorEventLoopDelay` (1 ms resolution) and a 10 ms timer\'s',
        'lateness; CPU time is the process\'s (all threads). A dry run of a three-line file takes',
        `${fmt(r.workerStartMs, 0)} ms this way (mostly its worker thread's start); each file's stages pay it three times.`,
        '`npm run bench -- recon` reruns this section alone.',
        '',
        '| measure | figure | target | |',
        '|---|---|---|---|',
        ...clerkRows(y, `${n(y.lines)}-line Alipay bill`, { seconds: 10, rssMb: 1024, delayMs: 16 }),
        ...clerkRows(r.camt, `${n(r.camt.lines)}-entry camt.053`, null),
        ...clerkRows(r.badMonths, `${n(r.badMonths.lines)}-line bill, ${n(r.badMonths.breaks)} breaks`, null),
        '',
        `The runs found: ${y.file.name} ${breakText(y)}; ${r.camt.file.name} ${breakText(r.camt)}; ${r.badMonths.file.name} ${breakText(r.badMonths)}.`,
        '',
        'The longest database call on the main thread\'s connection while each file was taken (the procedures\' own, and the',
        'run\'s and the import\'s ends, timed by `tests/support/db-calls.ts`; a call far longer than its CPU time waited, for the',
        'write lock a job\'s transaction held, for a core or the disk):',
        '',
        ...[y, r.camt, r.badMonths].map((c) => `- ${c.file.name}: ${fmt(c.longestDbCall?.ms ?? 0)} ms (${fmt(c.longestDbCall?.cpuMs ?? 0)} ms CPU, ${fmt(c.longestDbCall?.gcMs ?? 0)} ms GC; of ${n(c.dbCalls)} calls), \`${(c.longestDbCall?.sql ?? 'none').slice(0, 140)}\``),
        '',
        `**The breaks list** of the last run (${n(r.openBreaks)} open breaks): \`recon.breaks.list\` called as the screen calls it (\`core.dispatch\`,`,
        'the read `reconReads.reconBreaks` in a read worker of the pool: the count and the sort key of every 1,000th break, found in one',
        'walk of the index that fits the filter and kept while the run\'s breaks are unchanged (`src/main/reads/positions.ts`), a page of',
        `20 ids from the anchor before it, their rows with the line, order, refund, merchant and user), and the same read alone on a read-only connection of`,
        `this thread; ${SAMPLES} calls per figure (fewer, at least 10, when they pass 4 s), the first ten pages, or a deep page anywhere`,
        'in the second half of the list.',
        '',
        '| filter | breaks | calls | `recon.breaks.list` p50 / p99 ms | read alone p50 / p99 ms | target p99 | |',
        '|---|---|---|---|---|---|---|',
        ...r.list.map((c) => `| ${c.filter} | ${n(c.total)} | ${c.pool.n} | ${fmt(c.pool.p50)} / ${fmt(c.pool.p99)} | ${fmt(c.alone.p50)} / ${fmt(c.alone.p99)} | ≤ 5 ms | ${pass(c.pool.p99 <= 5)} |`),
        '',
        `The main thread's event loop over all these calls: delayed at most ${fmt(r.listMaxDelayMs)} ms.`,
        '',
        `**This machine's floor** for the main thread's delay (\`machineFloor\` in \`tests/bench/loop-watch.ts\`, after the rest): an idle`,
        `event loop of this process was delayed at most ${fmt(r.floor.idleMaxDelayMs, 1)} ms alone, and ${fmt(r.floor.busyMaxDelayMs, 1)} ms while one other process (not a`,
        'thread of this one) made and dropped objects as fast as it could: a job\'s thread does that, and the scheduler and the',
        'memory system delay an idle thread\'s wake-ups by themselves. The 16 ms target is read against that figure.',
        '',
        ...reconProfileNote(y),
        '',
        `Load average (1 / 5 / 15 min) before: ${load(r.load.before)}, after: ${load(r.load.after)}: the 2 cores are shared with other`,
        "work (other engineers' builds, tests and benchmarks), so every time here carries its noise: rerun when the load is low."
      ]
    }
  },
  fieldtest: fieldtestSection,
  home: homeSection,
  backup: backupSection
}

/**
 * Where the reconciliation's time goes, from `tests/bench/recon-profile.ts` (each stage inline under the CPU profiler):
 * dated, since it is not measured by the bench itself. Profile again after changing src/main/recon.
 */
const reconProfileNote = (y: ClerkStages) => [
  '**Where the time goes** (profiled on 2026-12-06 by `npx tsx tests/bench/recon-profile.ts <db> <file> <profile> <channel>`:',
  'each stage inline on one thread under the V8 CPU profiler, the year\'s bill unzipped, self time by function):',
  '',
  '- The file is read once: the dry run reads, checks and writes every line, 500 to a transaction, under a statement no',
  '  list or run sees, and the commit marks it imported in one statement (0.3–0.6 s, most of it hashing the file).',
  '- The dry run is two halves of about the same size, run in two threads (`src/main/recon/read-lines.ts`): reading and',
  '  checking (GBK decoding, splitting, amounts, times, a set of a million row keys, each line\'s row for the table, the',
  '  hand-over to the writing thread, packed: `packed-rows.ts`, where 500 arrays of 16 values per batch cost 2 s of cloning)',
  '  and SQLite\'s inserts of the lines with their two indexes (7–9 s of one thread). On 2 cores busy with both, its wall',
  '  time is the slower half plus their contention; its CPU time is in the table. What the inserts cost, measured alone on',
  '  a fresh table: 9.0 s (8.3 s CPU) for the year\'s lines, 7.4 s without the row key\'s unique index, 5.1 s with each',
  '  line\'s raw cells (230 characters, two-byte text) left out: the two things a line must keep are most of its writing.',
  '- The run: SQLite\'s key pass (one index probe per key, in the query that loads the lines: 2.8 s, of which 1.6 s is',
  '  reading the lines at all) and loading ours (1 s), matching and comparing (about 2 s), hashing the inputs and the result (about 1 s), writing',
  '  the million matches (about 1.5 s), and collecting garbage (1–1.5 s).',
  `- Memory: the run's peak was 1,734 MiB in this bench two changes ago, 1,226 MiB before the last one, ${fmt(y.run.rssPeakMb, 0)} MiB now (the`,
  '  process, all threads). The matching\'s bookkeeping is compact (bits for the lines taken, arrays beside ours sorted by',
  '  id instead of a Map and a Set of a million), ours are classes of eight fields, and a match reads its values from its',
  '  line and item; the run\'s SQLite page cache is 8 MiB (the import keeps 64). Heap at the peak: 541 → 398 MiB.',
  '- camt.053: fast-xml-parser parsing each entry is most of its dry run\'s time.',
  '',
  `So the ten seconds are not within reach on this machine: the CPU time alone is ${fmt(y.total.cpuSeconds, 0)} s here on 2 cores,`,
  'and the reading, the writing and the run are each several seconds of one thread\'s work on a million lines; a',
  'compact, columnar reader and run are what is left to try. The main thread: its own work during the jobs is a few',
  'hundred milliseconds of CPU in all (profiled: `recon.jobs.status`, the session, the bench\'s own sampling); its longest',
  'delays are the machine\'s floor above. The jobs\' writers commit with `synchronous=FULL` as the main connection does:',
  'under NORMAL their pages waited in the operating system\'s cache, and the main thread\'s next commit (an fsync of the',
  'whole WAL file) flushed them, up to 35 ms of them at once (the longest main-thread database call was 16–24 ms per file,',
  'now 1–4 ms). A write of the main thread no longer sits in SQLite\'s busy handler (it tries every millisecond, and the',
  'jobs give way to it: `src/main/db/write-turns.ts`): the bad months\' run had held a session update 180 ms that way.',
  'Job threads run at a lower priority (nice 10, Linux). The breaks list\'s count was made again after any write',
  'anywhere (a session\'s last-seen time changed SQLite\'s `data_version`) and a deep page skipped up to 100,000 index',
  'entries: both are now kept per run (`recon_runs.breaks_version`, migration 0025), and the read pool starts its',
  'threads together (a read once waited for the second thread to start).'
]

const breakText = (c: ClerkStages) =>
  `${c.breaks.toLocaleString('en')} breaks (${Object.entries(c.breaksByType)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${type} ${count.toLocaleString('en')}`)
    .join(', ')}), ${c.matched.toLocaleString('en')} lines matched`

/** A clerk's four steps and their sum, with the targets when given. */
function clerkRows(c: ClerkStages, what: string, targets: { seconds: number; rssMb: number; delayMs: number } | null): string[] {
  const delay = (w: Watch) => Math.max(w.maxDelayMs, w.timerLateMs)
  const stage = (label: string, w: Watch) => `| ${what}: ${label} | ${fmt(w.seconds, 2)} s (CPU ${fmt(w.cpuSeconds, 2)} s, RSS peak ${fmt(w.rssPeakMb, 0)} MiB, main thread delayed ≤ ${fmt(delay(w), 1)} ms) | | |`
  const t = c.total
  const target = (text: string, ok: boolean) => (targets ? `${text} | ${pass(ok)}` : ' | ')
  return [
    stage('upload (`recon.uploads.put`)', c.put),
    stage('dry run', c.dryRun),
    stage('import', c.commit),
    stage('run', c.run),
    `| ${what}: file to finished run (upload + dry run + import + run) | ${fmt(t.seconds, 2)} s (CPU ${fmt(t.cpuSeconds, 2)} s) | ${target(`≤ ${targets?.seconds} s`, t.seconds <= (targets?.seconds ?? 0))} |`,
    `| ${what}: RSS peak meanwhile (the process, all threads) | ${fmt(t.rssPeakMb, 0)} MiB | ${target(`≤ ${(targets?.rssMb ?? 0) / 1024} GiB`, t.rssPeakMb <= (targets?.rssMb ?? 0))} |`,
    `| ${what}: main thread's event loop, longest delay (monitor / 10 ms timer) | ${fmt(t.maxDelayMs, 1)} / ${fmt(t.timerLateMs, 1)} ms | ${target(`≤ ${targets?.delayMs} ms`, delay(t) <= (targets?.delayMs ?? 0))} |`,
    `| ${what}: the same, the upload left out | ${fmt(Math.max(delay(c.dryRun), delay(c.commit), delay(c.run)), 1)} ms | ${target(`≤ ${targets?.delayMs} ms`, Math.max(delay(c.dryRun), delay(c.commit), delay(c.run)) <= (targets?.delayMs ?? 0))} |`
  ]
}

/**
 * The CSV export's figures were part of the reports section until they became their own section:
 * a kept reports section measured before that drops its old CSV paragraph and table.
 */
function withoutMovedCsv(lines: string[]): string[] {
  const start = lines.findIndex((line) => line.startsWith('**CSV export.**'))
  if (start < 0) return lines
  const loadLine = lines.findIndex((line, i) => i > start && line.startsWith('Load average'))
  return [...lines.slice(0, start), ...lines.slice(loadLine < 0 ? lines.length : loadLine)]
}

const TARGET_FRAME_MS = 16
const windowRows = (label: string, w: MainThreadWindow) => [
  `| ${label}: event loop delay, max | ${fmt(w.maxDelayMs)} ms | ≤ ${TARGET_FRAME_MS} ms | ${pass(w.maxDelayMs <= TARGET_FRAME_MS)} |`,
  `| ${label}: event loop delay, p99 | ${fmt(w.p99DelayMs)} ms | ≤ ${TARGET_FRAME_MS} ms | ${pass(w.p99DelayMs <= TARGET_FRAME_MS)} |`,
  `| ${label}: longest database call on the main thread (of ${w.dbCalls}); process CPU, GC pauses meanwhile | ${fmt(w.longest?.ms ?? 0)} ms (${fmt(w.longest?.cpuMs ?? 0)} ms CPU, ${fmt(w.longest?.gcMs ?? 0)} ms GC) | ≤ ${TARGET_FRAME_MS} ms | ${pass((w.longest?.ms ?? 0) <= TARGET_FRAME_MS)} |`,
  `| ${label}: the database call with the most process CPU time | ${fmt(w.busiest?.cpuMs ?? 0)} ms CPU in ${fmt(w.busiest?.ms ?? 0)} ms (${fmt(w.busiest?.gcMs ?? 0)} ms GC) | | |`,
  `| ${label}: longest stall of a 1 ms timer / this process's CPU time meanwhile | ${fmt(w.stall.ms)} / ${fmt(w.stall.processCpuMs)} ms | | |`,
  `| ${label}: longest GC pause | ${fmt(w.maxGcMs)} ms | | |`
]
const longestOf = (label: string, w: MainThreadWindow) =>
  `- ${label}: longest \`${(w.longest?.sql ?? 'none').slice(0, 140)}\`; most CPU \`${(w.busiest?.sql ?? 'none').slice(0, 140)}\``

/** The sections of an existing figures file, by title (each `## Title` up to the next `## `). */
function existingSections(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  if (!existsSync(FILE)) return found
  let current: string[] | null = null
  const text = readFileSync(FILE, 'utf8')
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) found.set(line.slice(3).trim(), (current = []))
    else current?.push(line)
  }
  // Files written before sections carried their own date had one for the whole file.
  const legacy = /^Written by `npm run bench` on (\S+) \((.*)\)\. Re-run/m.exec(text)
  for (const lines of found.values()) {
    while (lines[0] === '') lines.shift()
    while (lines.at(-1) === '') lines.pop()
    if (legacy && !lines[0]?.startsWith('Measured on ')) lines.unshift(`Measured on ${legacy[1]} (${legacy[2]}).`, '')
  }
  return found
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => a !== '--')
  const unknown = asked.filter((a) => !(a in SECTIONS))
  if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}: use ${Object.keys(SECTIONS).join(', ')}`)
  const run = asked.length > 0 ? asked : Object.keys(SECTIONS)
  const kept = existingSections()
  const machine = () => `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}, load ${loadavg()[0].toFixed(2)}`
  const fresh = new Map<string, string[]>()
  for (const key of run) {
    const section = SECTIONS[key]
    const started = new Date()
    log(`section ${key}…`)
    const body = await section.run()
    fresh.set(section.title, [`Measured on ${started.toISOString()} (${machine()}).`, '', ...body])
  }
  const lines = ['# Benchmarks', '', 'Written by `npm run bench` (`npm run bench -- reports` reruns one section and keeps the others). Re-run to refresh; never edit by hand.', '']
  for (const section of Object.values(SECTIONS)) {
    const body = fresh.get(section.title) ?? (section === SECTIONS.reports && kept.has(section.title) ? withoutMovedCsv(kept.get(section.title)!) : kept.get(section.title))
    if (body) lines.push(`## ${section.title}`, '', ...body, '')
  }
  writeFileSync(FILE, lines.join('\n'))
  log(`figures of ${run.join(', ')} written to docs/BENCHMARKS.md`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
