/**
 * Kills a process that is posting to the ledger (SIGKILL, no chance to clean up) over and over,
 * restarts, and checks: no partial posting, no acknowledged posting lost, and `npm run verify`
 * clean. 100 kills by default; PAYDESK_CRASH_RUNS raises it.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify'
import { DATABASE_FILE } from '../../src/main/paths'
import { seededRandom } from '../support/random'

const RUNS = Number(process.env.PAYDESK_CRASH_RUNS ?? 100)
const worker = resolve(__dirname, 'crash-worker.ts')
const verifyCli = resolve(__dirname, '../../out/main/verify.js')

function runAndKill(dbPath: string, run: number, killAfterAcks: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dbPath, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const acked: string[] = []
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (c) => (stderr += c))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4))
      if (acked.length >= killAfterAcks && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(acked)
      else fail(new Error(`worker exited on its own (${code}): ${stderr}`))
    })
  })
}

describe('crash safety', () => {
  it(`survives ${RUNS} SIGKILLs during a posting load: nothing partial, nothing acknowledged lost`, async () => {
    const rnd = seededRandom(Number(process.env.PAYDESK_FUZZ_SEED ?? 7))
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-crash-'))
    const dbPath = join(dir, DATABASE_FILE)
    const acknowledged: string[] = []
    for (let run = 0; run < RUNS; run++) {
      acknowledged.push(...(await runAndKill(dbPath, run, rnd.int(1, 60))))
      const sqlite = new Database(dbPath)
      try {
        const report = verifyLedger(sqlite)
        expect(report.drifts, `after kill ${run}`).toEqual([])
        const keys = new Set((sqlite.prepare("select idempotency_key as k, status from ledger_postings").all() as { k: string; status: string }[]).map((r) => (r.status === 'posted' && r.k.includes('-p') ? [r.k, `${r.k}:posted`] : [r.k])).flat())
        for (const key of acknowledged) expect(keys.has(key), `acknowledged ${key} lost after kill ${run}`).toBe(true)
      } finally {
        sqlite.close()
      }
    }
    expect(acknowledged.length).toBeGreaterThan(RUNS)
    if (!existsSync(verifyCli)) throw new Error(`${verifyCli} is missing: run npm run build first`)
    const cli = spawnSync(process.execPath, [verifyCli, '--data-dir', dir], { encoding: 'utf8' })
    expect(cli.stdout).toContain('no drift')
    expect(cli.status).toBe(0)
  }, 600_000)
})
