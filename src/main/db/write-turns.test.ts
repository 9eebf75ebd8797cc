import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { waitingForTheLock, writeTurnsBuffer } from './write-turns'

describe('write turns', () => {
  it("a job thread's next transaction waits while a write of the main thread waits for the lock", async () => {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
       require('tsx/cjs/api').register()
       const { useWriteTurns, giveWay } = require(${JSON.stringify(require.resolve('./write-turns.ts'))})
       useWriteTurns(workerData.turns)
       parentPort.on('message', () => {
         giveWay()
         parentPort.postMessage('went')
       })`,
      { eval: true, workerData: { turns: writeTurnsBuffer() } }
    )
    try {
      const events: string[] = []
      const went = () => new Promise<void>((resolve) => worker.once('message', () => resolve(void events.push('job went'))))
      // Nobody waiting: the job goes at once.
      worker.postMessage('go')
      await went()
      const done = waitingForTheLock()
      const going = went()
      worker.postMessage('go')
      await new Promise((resolve) => setTimeout(resolve, 60))
      events.push('main wrote')
      done()
      await going
      expect(events).toEqual(['job went', 'main wrote', 'job went'])
    } finally {
      await worker.terminate()
    }
  })
})
