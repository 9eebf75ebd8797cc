import { readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'

/** The niceness of a thread of this process, from the kernel's own record (field 19 of its stat). */
function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
}

describe.runIf(process.platform === 'linux')('runInBackground', () => {
  it('lowers the worker thread that calls it, and neither the main thread nor the process', async () => {
    const before = getPriority()
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads')
       const { register } = require('tsx/cjs/api')
       register()
       const { runInBackground } = require(${JSON.stringify(require.resolve('./background-thread.ts'))})
       const lowered = runInBackground()
       const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop())
       parentPort.postMessage({ lowered, tid })
       parentPort.once('message', () => process.exit(0))`,
      { eval: true }
    )
    const { lowered, tid } = await new Promise<{ lowered: boolean; tid: number }>((resolve) => worker.once('message', resolve))
    expect(lowered).toBe(true)
    expect(niceOf(tid)).toBe(Math.max(10, before))
    expect(niceOf(process.pid)).toBe(before)
    expect(getPriority()).toBe(before)
    worker.postMessage('stop')
    await new Promise((resolve) => worker.once('exit', resolve))
  })
})
