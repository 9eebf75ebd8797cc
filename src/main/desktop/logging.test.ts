import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { logLevelFrom, openLog } from './logging'

const fresh = () => mkdtempSync(join(tmpdir(), 'paydesk-logs-'))

describe('the desktop log files', () => {
  it('write the levels at and above the one chosen, each line with its time and level', () => {
    const folder = fresh()
    const log = openLog({ folder, level: 'info', maxBytes: 1024 * 1024, keep: 3 })
    log.debug('not written')
    log.info('engine started')
    log.error('provider answered 500')
    const lines = readFileSync(log.file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[info\] +engine started$/)
    expect(lines[1]).toMatch(/\[error\] +provider answered 500$/)
  })

  it('rotate by size into numbered files and keep only the newest few', () => {
    const folder = fresh()
    const log = openLog({ folder, level: 'info', maxBytes: 2000, keep: 2 })
    for (let i = 0; i < 400; i++) log.info(`line ${String(i).padStart(4, '0')} ${'x'.repeat(40)}`)
    expect(readdirSync(folder).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    // No file grows far past the limit (one line over at most), and the newest lines are in main.log.
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).size, name).toBeLessThan(2000 + 200)
    expect(readFileSync(log.file, 'utf8')).toContain('line 0399')
    expect(readFileSync(join(folder, 'main.1.log'), 'utf8')).not.toContain('line 0399')
    // What fell past `keep` is gone: the first lines are in no file.
    const all = readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8')).join('')
    expect(all).not.toContain('line 0000')
  })

  it('take their level from PAYDESK_LOG_LEVEL when it names one', () => {
    expect(logLevelFrom({ PAYDESK_LOG_LEVEL: 'DEBUG' }, 'info')).toBe('debug')
    expect(logLevelFrom({ PAYDESK_LOG_LEVEL: 'loud' }, 'info')).toBe('info')
    expect(logLevelFrom({}, 'warn')).toBe('warn')
  })
})
