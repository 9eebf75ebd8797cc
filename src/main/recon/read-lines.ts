/**
 * Reading a statement file into lines checked and ready to store, with no database: each line's
 * amounts in minor units of its currency, its row key once in the file, every bad line reported.
 * The import (import.ts) writes what this hands it; for a large file the reading runs in a worker
 * thread of its own while the import's thread writes (`readLinesInThread`), the two halves of a
 * million-line dry run (each about 8 s) then taking the time of one.
 */
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import type { ReconProfile } from '../../shared/contract/recon-profile'
import { say, type ServerText } from '../../shared/server-text'
import { serializeError, threadError, type SerializedError } from '../reads/thread'
import { workerEntry } from '../reads/worker-entry'
import { readStatement, StatementReadError, type StatementLine, type StatementReadResult } from './formats'
import { lineChecker, type ImportProblem, type Priced } from './formats/line-check'
import { forEachPackedRow, RowPacker, transferables, type LineRow, type PackedRows } from './packed-rows'

export type { ImportProblem } from './formats/line-check'

export interface ReadLinesInput {
  filePath: string
  profile: ReconProfile
  /** The source's currency: a line's when neither a column nor the profile gives one. */
  sourceCurrency: string | null
  /** The first this many bad lines are kept for the report (all are counted). */
  maxProblems: number
  /** Rows per hand-over. */
  batch: number
}

export interface ReadLinesHooks {
  signal?: AbortSignal
  onProgress?(bytes: number): void
  /** Good lines, in the file's order, until the first bad one: after it nothing is stored, so only their keys follow. */
  onRows(rows: PackedRows): void | Promise<void>
  /** The row keys of good lines after the first bad one (the report counts those seen before). */
  onKeys(keys: string[]): void | Promise<void>
}

export interface ReadLinesOutcome {
  result: StatementReadResult
  problems: ImportProblem[]
  problemCount: number
  /** Lines that repeat an earlier line of the file: kept, for the run to report as duplicates. */
  twiceInFile: number
}

/** Reads the file through on this thread, handing its lines over a batch at a time. */
export async function readCheckedLines(input: ReadLinesInput, hooks: ReadLinesHooks): Promise<ReadLinesOutcome> {
  const checker = lineChecker(input.profile, input.maxProblems, input.sourceCurrency)
  const rows = new RowPacker(input.batch)
  const row = new Array<unknown>(16).fill(null) as unknown as LineRow
  let keys: string[] = []
  const result = await readStatement(input.filePath, input.profile, {
    signal: hooks.signal,
    onProgress: hooks.onProgress,
    onProblem: checker.problem,
    onLine: (line) => {
      const priced = checker.check(line)
      if (!priced) return
      if (checker.problemCount > 0) {
        keys.push(line.rowKey)
        if (keys.length < input.batch) return
        const full = keys
        keys = []
        return hooks.onKeys(full)
      }
      rows.add(fillRow(row, line, priced))
      if (!rows.full) return
      return hooks.onRows(rows.take())
    }
  })
  if (checker.problemCount === 0) {
    if (rows.count > 0) await hooks.onRows(rows.take())
  } else {
    // Lines held when the first bad one came are not stored either: counted by their keys.
    forEachPackedRow(rows.take(), (held) => keys.push(held[1]))
    if (keys.length > 0) await hooks.onKeys(keys)
  }
  return { result, problems: checker.problems, problemCount: checker.problemCount, twiceInFile: checker.twiceInFile }
}

/** The line as stored, into `row` (one array for every line: the packer copies its values). */
function fillRow(row: LineRow, line: StatementLine, priced: Priced): LineRow {
  row[0] = line.lineNo
  row[1] = line.rowKey
  row[2] = line.kind
  row[3] = line.orderNo
  row[4] = line.merchantOrderNo
  row[5] = line.upstreamNo ?? line.endToEndId
  row[6] = line.refundNo
  row[7] = priced.currency
  row[8] = priced.gross
  row[9] = line.fee
  row[10] = priced.fee
  row[11] = priced.net
  row[12] = line.at
  row[13] = line.status
  row[14] = line.counterparty
  row[15] = JSON.stringify(line.raw)
  return row
}

/** What the reading thread tells the writing one. */
export type ReaderMessage =
  | { type: 'rows'; rows: PackedRows }
  | { type: 'keys'; keys: string[] }
  | { type: 'progress'; bytes: number }
  | { type: 'done'; outcome: ReadLinesOutcome }
  | { type: 'failed'; error: SerializedError; read?: { code: StatementReadError['code']; text?: ServerText; message: string; details?: StatementReadError['details'] } }

/** Batches handed over and not yet written: the reader waits beyond this, so a slow disk never fills memory. */
const IN_FLIGHT = 4

/**
 * The same reading in a worker thread of its own (the reconciliation worker's entry, task
 * `read_lines`), its batches written here as they come: the reading and the writing overlap. A
 * cancel stops the reader; its errors come back as they were thrown.
 */
export function readLinesInThread(input: ReadLinesInput, hooks: ReadLinesHooks): Promise<ReadLinesOutcome> {
  // Cancelled already (while the file was hashed): an abort listener added now would never hear it.
  if (hooks.signal?.aborted) return Promise.reject(new StatementReadError('aborted', say('recon.read.cancelled')))
  const entry = workerEntry('recon-worker', join(__dirname, 'worker.ts'))
  const worker = new Worker(entry.script, { eval: entry.eval, workerData: { task: { kind: 'read_lines', input } } })
  const cancel = () => worker.postMessage('cancel')
  hooks.signal?.addEventListener('abort', cancel)
  return new Promise<ReadLinesOutcome>((resolve, reject) => {
    let settled: { ok: true; outcome: ReadLinesOutcome } | { ok: false; error: unknown } | null = null
    // Messages are handled one at a time, in order: a batch is written before the next is looked at.
    let queue = Promise.resolve()
    const fail = (error: unknown) => {
      settled ??= { ok: false, error }
      cancel()
    }
    worker.on('message', (message: ReaderMessage) => {
      queue = queue.then(async () => {
        if (settled) return
        try {
          if (message.type === 'rows') {
            await hooks.onRows(message.rows)
            worker.postMessage('ack')
          } else if (message.type === 'keys') {
            await hooks.onKeys(message.keys)
            worker.postMessage('ack')
          } else if (message.type === 'progress') hooks.onProgress?.(message.bytes)
          else if (message.type === 'done') settled = { ok: true, outcome: message.outcome }
          else settled = { ok: false, error: message.read ? new StatementReadError(message.read.code, message.read.text ?? message.read.message, message.read.details) : threadError(message.error, 'statement reader') }
        } catch (error) {
          fail(error)
        }
      })
    })
    worker.on('error', fail)
    worker.on('exit', () => {
      void queue.then(() => {
        hooks.signal?.removeEventListener('abort', cancel)
        const end = settled ?? { ok: false, error: new Error('The statement reader stopped') }
        if (end.ok) resolve(end.outcome)
        else reject(end.error)
      })
    })
  })
}

/**
 * The reading thread's side (worker.ts, task `read_lines`): reads, hands each batch over and waits
 * while `IN_FLIGHT` are not written yet; stops on a cancel.
 */
export async function serveReadLines(port: { postMessage(message: ReaderMessage, transfer?: ArrayBuffer[]): void; on(event: 'message', listener: (message: unknown) => void): void }, input: ReadLinesInput): Promise<void> {
  const controller = new AbortController()
  let inFlight = 0
  let wake: (() => void) | null = null
  port.on('message', (message) => {
    if (message === 'cancel') controller.abort()
    if (message === 'ack') inFlight--
    if (message === 'cancel' || message === 'ack') {
      wake?.()
      wake = null
    }
  })
  const handOver = async (message: ReaderMessage) => {
    port.postMessage(message, message.type === 'rows' ? transferables(message.rows) : [])
    inFlight++
    while (inFlight >= IN_FLIGHT && !controller.signal.aborted) await new Promise<void>((resolve) => (wake = resolve))
  }
  let last = 0
  try {
    const outcome = await readCheckedLines(input, {
      signal: controller.signal,
      onProgress: (bytes) => {
        if (Date.now() - last < 100) return
        last = Date.now()
        port.postMessage({ type: 'progress', bytes })
      },
      onRows: (rows) => handOver({ type: 'rows', rows }),
      onKeys: (keys) => handOver({ type: 'keys', keys })
    })
    port.postMessage({ type: 'done', outcome })
  } catch (error) {
    const read = error instanceof StatementReadError ? { code: error.code, text: error.text, message: error.message, details: error.details } : undefined
    port.postMessage({ type: 'failed', error: serializeError(error), read })
  }
}
