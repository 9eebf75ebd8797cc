/**
 * Background work yields the processor to the window's thread. A job's worker thread (an import, a
 * reconciliation run, a statement reader, a backup, a report export) lowers its own scheduling
 * priority: on the benchmark's two cores, a million-line import's reader and writer threads kept
 * the main thread — which answers the window and the HTTP host — off the processor for up to 20 ms
 * at a time, though it had nothing of theirs to wait for.
 *
 * Linux schedules threads one by one: `setpriority(PRIO_PROCESS, tid)` (Node's `os.setPriority`)
 * with the thread's own id (`/proc/thread-self`) lowers this thread alone. Windows and macOS take
 * only a process there, which would lower the window too: the threads keep their priority.
 */
import { readlinkSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import { basename } from 'node:path'

/** The niceness of a background thread: the main thread (0) is scheduled well ahead of it, and it still runs whenever a core is free. */
export const BACKGROUND_NICENESS = 10

/** Lowers the calling thread's priority; answers whether it could (Linux only). */
export function runInBackground(): boolean {
  if (process.platform !== 'linux') return false
  try {
    const tid = Number(basename(readlinkSync('/proc/thread-self')))
    if (!Number.isInteger(tid) || tid === process.pid) return false
    // Never raised: a process started lower keeps its threads where they were.
    setPriority(tid, Math.max(BACKGROUND_NICENESS, getPriority(tid)))
    return true
  } catch {
    // No /proc (a sandbox): the thread keeps its priority.
    return false
  }
}
