/** Waiting within a step: for a while, for work that may outlast a stop, for something to happen. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** Resolves with the work's result, or null as soon as the run is stopped (the work goes on, unwatched). */
export async function unlessStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return null
  let onAbort: () => void = () => {}
  const stopped = new Promise<null>((resolve) => {
    onAbort = () => resolve(null)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work, stopped])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/** Polls `check` until it answers (not null), the deadline passes (null) or the run stops ('stopped'). */
export async function waitFor<T>(check: () => T | null, deadline: number, sc: { pollMs: number; signal: AbortSignal }): Promise<T | null | 'stopped'> {
  for (;;) {
    const found = check()
    if (found !== null) return found
    if (Date.now() >= deadline) return null
    if (!(await sleep(Math.min(sc.pollMs, Math.max(1, deadline - Date.now())), sc.signal))) return 'stopped'
  }
}
