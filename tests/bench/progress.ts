/**
 * A progress bar on stderr for the benchmark's long steps: one line redrawn in place on a
 * terminal (at most 10 times a second), a plain line every 10 % otherwise (CI logs).
 */
export interface ProgressBar {
  update(done: number): void
  stop(): void
}

export function progressBar(label: string, total: number, detail: (done: number) => string): ProgressBar {
  const tty = process.stderr.isTTY === true
  const started = Date.now()
  let lastDraw = 0
  let lastTenth = -1
  const line = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1
    const width = 30
    const filled = Math.round(share * width)
    const seconds = (Date.now() - started) / 1000
    const eta = share > 0 ? seconds / share - seconds : NaN
    return `[bench] ${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)} %  ${detail(done)}  ${seconds.toFixed(0)} s${Number.isFinite(eta) && share < 1 ? `, ~${eta.toFixed(0)} s left` : ''}`
  }
  return {
    update(done) {
      const now = Date.now()
      if (tty) {
        if (now - lastDraw < 100 && done < total) return
        lastDraw = now
        process.stderr.write(`\r${line(done)}\x1b[K`)
      } else {
        const tenth = Math.floor((done / total) * 10)
        if (tenth === lastTenth) return
        lastTenth = tenth
        process.stderr.write(`${line(done)}\n`)
      }
    },
    stop() {
      if (tty) process.stderr.write('\n')
    }
  }
}
