/**
 * The main thread watched while a benchmark's work runs: its event loop (`monitorEventLoopDelay`
 * and a 10 ms timer's lateness), the process's RSS every 50 ms and its CPU time (all threads).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { ms } from './stats'

export interface LoopWatch {
  seconds: number
  /** The longest and the 99th-percentile delay the monitor saw. */
  maxDelayMs: number
  p99DelayMs: number
  /** The 10 ms timer's longest lateness, and the same less what `held` says the caller's own work took meanwhile. */
  timerLateMs: number
  lateBesidesHeldMs: number
  rssPeakMb: number
  cpuSeconds: number
}

/** `held`: the milliseconds the caller's own work held the thread since it was last asked (then reset by it). */
export async function watchLoop<T>(work: () => Promise<T>, held: () => number = () => 0): Promise<{ value: T; watch: LoopWatch }> {
  let rssPeak = process.memoryUsage.rss()
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 50)
  let late = 0
  let lateBesides = 0
  let expected = performance.now() + 10
  const probe = setInterval(() => {
    const now = performance.now()
    late = Math.max(late, now - expected)
    lateBesides = Math.max(lateBesides, now - expected - held())
    expected = now + 10
  }, 10)
  const monitor = monitorEventLoopDelay({ resolution: 1 })
  monitor.enable()
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  try {
    const value = await work()
    const seconds = ms(start) / 1000
    const used = process.cpuUsage(cpu)
    // A step that ran to its end without giving the event loop a turn (an upload's decoding and
    // hashing) is seen by the monitor and the timer only on the loop's next turns.
    await new Promise((resolve) => setTimeout(resolve, 15))
    return {
      value,
      watch: {
        seconds,
        maxDelayMs: monitor.max / 1e6,
        p99DelayMs: monitor.percentile(99) / 1e6,
        timerLateMs: late,
        lateBesidesHeldMs: Math.max(0, lateBesides),
        rssPeakMb: Math.max(rssPeak, process.memoryUsage.rss()) / 2 ** 20,
        cpuSeconds: (used.user + used.system) / 1e6
      }
    }
  } finally {
    monitor.disable()
    clearInterval(sampler)
    clearInterval(probe)
  }
}

/** What one allocation-heavy process does to the machine (a stand-in for a job's thread: objects made and dropped by the million). */
const CHURN = `const end = Date.now() + Number(process.argv[1]); let kept = []
while (Date.now() < end) { const batch = []; for (let i = 0; i < 200000; i++) batch.push({ i, s: 'x' + i }); kept.push(batch); if (kept.length > 8) kept = [] }`

/**
 * This machine's floor: the longest delay of this thread's idle event loop while one other process
 * (not a thread of this one) makes and drops objects as fast as it can. Beside such a process the
 * scheduler and the memory system delay an idle thread's wake-ups by themselves; a target on the
 * main thread's delay is read against it.
 */
export async function machineFloor(seconds = 5): Promise<{ idleMaxDelayMs: number; busyMaxDelayMs: number }> {
  const idle = async () => {
    const monitor = monitorEventLoopDelay({ resolution: 1 })
    monitor.enable()
    const keepAwake = setInterval(() => {}, 10)
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
    clearInterval(keepAwake)
    monitor.disable()
    return monitor.max / 1e6
  }
  const idleMaxDelayMs = await idle()
  const { spawn } = await import('node:child_process')
  const child = spawn(process.execPath, ['-e', CHURN, String(seconds * 1000 + 1000)], { stdio: 'ignore' })
  try {
    await new Promise((resolve) => setTimeout(resolve, 300))
    return { idleMaxDelayMs, busyMaxDelayMs: await idle() }
  } finally {
    child.kill()
  }
}
