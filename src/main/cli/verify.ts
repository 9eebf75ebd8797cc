/**
 * `npm run verify -- --data-dir DIR`: recomputes every balance and settlement report row from the ledger's
 * entries and names any drift. Exit code 0 when clean, 1 on drift, 2 when it could not check.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../db/open'
import { verifyLedger } from '../ledger/verify'
import { DATABASE_FILE, defaultDataDir } from '../paths'

function main(): number {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: true })
  const dataDir = values['data-dir'] ?? defaultDataDir()
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) {
    console.error(`No PayDesk database at ${file}`)
    return 2
  }
  const db = openDatabase({ path: file })
  try {
    const report = verifyLedger(db.$client)
    console.log(`Checked ${report.postings} postings, ${report.entries} entries, ${report.accounts} accounts, ${report.dailySummaries} settlement report rows in ${file}`)
    if (report.drifts.length === 0) {
      console.log('Ledger is consistent: no drift.')
      return 0
    }
    console.log(`DRIFT: ${report.drifts.length} problem(s)`)
    for (const d of report.drifts) console.log(`  [${d.what}] ${d.detail}`)
    return 1
  } finally {
    db.$client.close()
  }
}

try {
  process.exitCode = main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 2
}
