import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

/** Runs the CLI from source and resolves with its address once it says it listens. */
function run(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/simulator/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /Provider simulator listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve({ child, url: match[1], output: () => output })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
  })
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

describe('npm run simulator (the CLI)', () => {
  it('listens on 127.0.0.1 with the merchants of a file and stops on SIGTERM', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paydesk-sim-')), 'merchants.json')
    writeFileSync(file, JSON.stringify([{ merchantNo: 'M-FILE-1', signKey: 'k1' }, { merchantNo: 'M-FILE-2', signKey: 'k2' }]))
    const { child, url, output } = await run(['--port', '0', '--merchants', file, '--auto-pay-ms', '100'])
    const state = (await (await fetch(`${url}/_control/state`)).json()) as { merchants: string[]; settings: { autoPayAfterMs: number } }
    expect(state).toMatchObject({ merchants: ['M-FILE-1', 'M-FILE-2'], settings: { autoPayAfterMs: 100 } })
    const done = exited(child)
    child.kill('SIGTERM')
    expect(await done).toBe(0)
    expect(output()).toContain('Provider simulator stopped.')
  })

  it('refuses a bad argument with a message and exit code 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/simulator/cli.ts', '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    expect(await exited(child)).toBe(1)
    expect(stderr).toContain('--port: abc is not a whole number')
  })
})
