/**
 * Reading a statement file into lines checked and ready to store, with no database: each line's
 * amounts in minor units of its currency, its row key once in the file, every bad line reported.
 * The import (import.ts) writes what this hands it; for a large file the reading runs in a worker
 * thread of its own while the import's thread writes (`readLinesInThread`), the two halves of a
 * million-line dry run (each about 8 s) then taking the time of one.
 */
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import { Decimal, readAmount, roundToMinor, type AmountProblem, type AmountReading } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { currency as knownCurrency } from '../../shared/reference'
import type { ReconProfile } from '../../shared/contract/recon-profile'
import type { RowProblem } from '../../shared/contract/reconciliation'
import { say, type ServerText } from '../../shared/server-text'
import { serializeError, threadError, type SerializedError } from '../reads/thread'
import { workerEntry } from '../reads/worker-entry'
import { readStatement, StatementReadError, type StatementLine, type StatementReadResult } from './formats'
import { dropsValue, roundsUp, unitsOf } from './formats/decimal-text'
import { forEachPackedRow, RowPacker, transferables, type LineRow, type PackedRows } from './packed-rows'

/** A bad row: its line, the field, and why, as a catalog text (the screens show it in the clerk's language). */
export type ImportProblem = RowProblem

/**
 * An amount as `readAmount` reads it (the same minor units, the same problems), by its digits when
 * it is short and plain: decimal.js cost a few microseconds and a dozen objects per amount, which
 * on a million-line file was seconds.
 */
function amountOf(text: string, code: string, digits: number): AmountReading {
  const read = unitsOf(text, digits)
  if (read === null) return readAmount(text, code)
  if (dropsValue(read.dropped)) return { ok: false, problem: 'precision', message: `${code} has at most ${digits} decimal places` }
  return { ok: true, minor: read.units }
}

/** `readAmount`'s problem code as a catalog text, with what the clerk needs to fix the cell. */
function amountProblem(problem: AmountProblem, text: string, code: string, digits: number): ServerText {
  if (problem === 'precision') return say('recon.row.amountPrecision', { currency: code, digits })
  if (problem === 'too_large') return say('recon.row.amountOverMax', { max: moneyText(Number.MAX_SAFE_INTEGER, code) })
  return say('recon.row.amountFormat', { value: text.slice(0, 40) })
}

/** A fee rounded half-up to minor units, as `roundToMinor` rounds it. */
function roundedFee(fee: string, code: string, digits: number): number {
  const negative = fee.startsWith('-')
  const read = unitsOf(negative ? fee.slice(1) : fee, digits)
  if (read === null) return roundToMinor(new Decimal(fee), code)
  const units = read.units + (roundsUp(read.dropped) ? 1 : 0)
  return negative ? -units : units
}

/** A line's amounts as minor units of its currency, or the problem that stops it. */
export function linePrice(line: StatementLine, profileCurrency: string | null): { currency: string | null; gross: number | null; fee: number | null; net: number | null } | ImportProblem {
  const currency = line.currency ?? profileCurrency
  const known = currency === null ? undefined : knownCurrency(currency)
  if (currency !== null && !known) return { lineNo: line.lineNo, field: 'currency', reason: say('recon.row.unknownCurrency', { value: currency }) }
  const minor = (field: 'gross' | 'net', text: string | null): number | null | ImportProblem => {
    if (text === null) return null
    if (currency === null || !known) return { lineNo: line.lineNo, field: 'currency', reason: say('recon.row.noCurrency') }
    const negative = text.startsWith('-')
    const unsigned = negative ? text.slice(1) : text
    const read = amountOf(unsigned, currency, known.minorUnits)
    if (!read.ok) return { lineNo: line.lineNo, field, reason: amountProblem(read.problem, unsigned, currency, known.minorUnits) }
    return negative ? -read.minor : read.minor
  }
  const gross = minor('gross', line.gross)
  if (gross !== null && typeof gross === 'object') return gross
  const net = minor('net', line.net)
  if (net !== null && typeof net === 'object') return net
  let fee: number | null = null
  if (line.fee !== null && currency !== null && known) {
    // A fee may carry more decimals than the currency (WeChat's five): kept exact as text, compared rounded half-up.
    const negative = line.fee.startsWith('-')
    if (!/^\d+(\.\d+)?$/.test(negative ? line.fee.slice(1) : line.fee)) return { lineNo: line.lineNo, field: 'fee', reason: say('recon.row.feeNotPlain', { value: line.fee.slice(0, 40) }) }
    fee = roundedFee(line.fee, currency, known.minorUnits)
  }
  return { currency, gross, fee, net }
}

export type Priced = Exclude<ReturnType<typeof linePrice>, ImportProblem>

/**
 * Every line checked the same way by the dry run and the commit: its amounts, and its row key
 * made unique in the file. Problems are counted, the first `max` kept.
 *
 * A line whose key an earlier line of the file has (a channel listing a payment twice, two equal
 * card payments on a bank statement) is kept under `<key>#2`, `#3`…: refused, it stopped the whole
 * file, so the duplicate the run exists to report could never be raised, and the clerk had to edit
 * the channel's file (whose hash then proves nothing).
 */
export function lineChecker(profile: ReconProfile, max: number) {
  const problems: ImportProblem[] = []
  let problemCount = 0
  const keys = new Set<string>()
  /** Per key seen more than once: how many times so far. */
  const repeats = new Map<string, number>()
  let twiceInFile = 0
  const profileCurrency = profile.currency ?? null
  const problem = (p: ImportProblem) => {
    problemCount++
    if (problems.length < max) problems.push(p)
  }
  return {
    problems,
    get problemCount() {
      return problemCount
    },
    /** Lines kept under an occurrence key (an earlier line of the file has their key). */
    get twiceInFile() {
      return twiceInFile
    },
    problem,
    /** The line's amounts, or null when it is a problem (then reported). */
    check(line: StatementLine): Priced | null {
      const priced = linePrice(line, profileCurrency)
      if ('reason' in priced) {
        problem(priced)
        return null
      }
      if (keys.has(line.rowKey)) {
        // A key is JSON (rows.ts) and ends in "]": "]#2" is never another line's own key.
        const occurrence = (repeats.get(line.rowKey) ?? 1) + 1
        repeats.set(line.rowKey, occurrence)
        line.rowKey = `${line.rowKey}#${occurrence}`
        twiceInFile++
      }
      keys.add(line.rowKey)
      return priced
    }
  }
}

export interface ReadLinesInput {
  filePath: string
  profile: ReconProfile
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
  const checker = lineChecker(input.profile, input.maxProblems)
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
