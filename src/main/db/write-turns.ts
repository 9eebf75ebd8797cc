/**
 * The main thread goes first at the write lock. A job's worker thread (a statement import, a
 * reconciliation run) writes in transactions of a few milliseconds, one after another; a write of
 * the main thread that came meanwhile (a session's last-seen time, an audit, an order) waited in
 * SQLite's busy handler, which sleeps longer at each try (1, 2, 5 … 50, 100 ms) and wakes to find
 * the job holding the lock again: 180 ms once, on the thread that answers the window.
 *
 * So the main thread counts its writes waiting for the lock in a word it shares with the job
 * threads (`writeTurnsBuffer`, handed to each in its `workerData`), and a job thread, before each
 * of its transactions, waits while the count is not zero (`giveWay`). The main thread then waits
 * for one job transaction at most, and polls for the lock every millisecond (transaction.ts).
 */
import type Database from 'better-sqlite3'

/** How long a job waits for the main thread at most, before each transaction: a main thread stuck elsewhere never stops the job. */
const GIVE_WAY_MAX_MS = 250

let turns: Int32Array | null = null

/** The shared word (created on the main thread's first use): each job thread gets it in its `workerData`. */
export function writeTurnsBuffer(): SharedArrayBuffer {
  turns ??= new Int32Array(new SharedArrayBuffer(4))
  return turns.buffer as SharedArrayBuffer
}

/** In a job's worker thread: the main thread's word, from `workerData`. */
export function useWriteTurns(buffer: SharedArrayBuffer | undefined): void {
  if (buffer) turns = new Int32Array(buffer)
}

/** On the main thread, while a write of it waits for the lock: the job threads give way until `done` is called. */
export function waitingForTheLock(): () => void {
  const word = new Int32Array(writeTurnsBuffer())
  Atomics.add(word, 0, 1)
  return () => {
    Atomics.sub(word, 0, 1)
    Atomics.notify(word, 0)
  }
}

/** In a job's worker thread, before it takes the write lock: waits while the main thread waits for it. */
export function giveWay(): void {
  if (!turns) return
  const deadline = performance.now() + GIVE_WAY_MAX_MS
  for (let waiting = Atomics.load(turns, 0); waiting > 0 && performance.now() < deadline; waiting = Atomics.load(turns, 0)) {
    Atomics.wait(turns, 0, waiting, 5)
  }
}

/** A job's write transaction: `work` under BEGIN IMMEDIATE, after giving way to the main thread. */
export function jobTransaction<T>(sqlite: Database.Database, work: () => T): T {
  giveWay()
  return sqlite.transaction(work).immediate()
}
