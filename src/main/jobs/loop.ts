/**
 * The job loop: the periodic work domains register (expiry, callbacks to apply, due outbox work,
 * reserve releases, WAL checkpoints), run one job after the other on a timer, each at most as
 * often as it asks. One pass at a time: the next is scheduled when the last has finished, so a
 * slow pass (a provider that answers slowly) never piles up. The first pass after start runs in
 * the background: a host says it is running, and a window is usable, at once.
 */
export interface PeriodicJob {
  name: string
  /** The least time between two runs; 0 (or absent): every pass. */
  everyMs?: number
  run(): void | Promise<void>
}

export interface JobLoop {
  start(options?: { tickMs?: number }): void
  /** Finishes the pass under way (if any) and runs no other. */
  stop(): Promise<void>
  /** One pass now (tests, tools). */
  tick(): Promise<void>
  /** Resolves when the first pass after start has finished. */
  caughtUp(): Promise<void>
}

export function createJobLoop(jobs: readonly PeriodicJob[], log: (error: unknown) => void): JobLoop {
  const lastRun = new Map<string, number>()
  let timer: NodeJS.Timeout | null = null
  let ticking: Promise<void> | null = null
  let firstPass: Promise<void> = Promise.resolve()
  let stopped = true

  async function tick(): Promise<void> {
    for (const job of jobs) {
      const now = performance.now()
      if (job.everyMs && now - (lastRun.get(job.name) ?? Number.NEGATIVE_INFINITY) < job.everyMs) continue
      lastRun.set(job.name, now)
      try {
        await job.run()
      } catch (error) {
        log(error)
      }
    }
  }

  function runPass(tickMs: number): void {
    ticking = tick()
      .catch((error) => log(error))
      .finally(() => {
        ticking = null
        schedule(tickMs)
      })
  }

  function schedule(tickMs: number): void {
    if (stopped) return
    timer = setTimeout(() => runPass(tickMs), tickMs)
  }

  return {
    start(options = {}) {
      stopped = false
      runPass(options.tickMs ?? 1000)
      firstPass = ticking ?? Promise.resolve()
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
      if (ticking) await ticking.catch(() => {})
    },
    tick,
    caughtUp: () => firstPass
  }
}

/**
 * A job paced by the application's clock rather than the machine's (a job about business time,
 * such as reserve releases, which fall due by the day: a clock moved on, in a test or after the app
 * was closed for days, makes it due at once).
 */
export function everyOnClock(now: () => number, everyMs: number, run: () => void | Promise<void>): () => void | Promise<void> {
  let last = Number.NEGATIVE_INFINITY
  return () => {
    if (now() - last < everyMs) return
    last = now()
    return run()
  }
}
