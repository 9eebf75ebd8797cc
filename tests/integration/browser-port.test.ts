/** `npm start` in browser mode keeps its address between runs, so the browser keeps its sign-in and settings. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rememberedPort, rememberPort, startHost } from '../../src/main/http/host'

const options = (dataDir: string, preferredPort: number | null) => ({ dataDir, port: 0, preferredPort, host: '127.0.0.1', version: 'test', rendererDir: null })

describe('the browser-mode port', () => {
  it('is the last run’s when it is free, and another free one when something else took it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-port-'))
    expect(rememberedPort(dataDir)).toBeNull()
    const first = await startHost(options(dataDir, rememberedPort(dataDir)))
    rememberPort(dataDir, first.port)
    await first.stop()

    const second = await startHost(options(dataDir, rememberedPort(dataDir)))
    expect(second.port).toBe(first.port)
    await second.stop()

    const squatter = createServer()
    await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve))
    try {
      const third = await startHost(options(dataDir, rememberedPort(dataDir)))
      expect(third.port).not.toBe(first.port)
      await third.stop()
    } finally {
      squatter.close()
    }
  })

  it('ignores a remembered value that is not a usable port', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-port-'))
    for (const text of ['80', 'abc', '70000', '']) {
      writeFileSync(join(dataDir, 'browser-port'), text)
      expect(rememberedPort(dataDir), text).toBeNull()
    }
  })
})
