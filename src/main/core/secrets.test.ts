import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aesSecretBox, loadOrCreateKey } from './secrets'

describe('secrets at rest', () => {
  it('round-trips, never stores the plain text, and detects tampering', () => {
    const box = aesSecretBox(Buffer.alloc(32, 7))
    const sealed = box.encrypt('{"apiKey":"sk_live_123"}')
    expect(sealed).not.toContain('sk_live_123')
    expect(box.decrypt(sealed)).toBe('{"apiKey":"sk_live_123"}')
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'))
    const parts = sealed.split(':')
    parts[3] = Buffer.from('tampered').toString('base64')
    expect(() => box.decrypt(parts.join(':'))).toThrow()
    expect(() => aesSecretBox(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow()
  })

  it('creates the key file readable only by its owner, and reuses it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paydesk-key-')), 'secret.key')
    const key = loadOrCreateKey(file, {})
    expect(key).toHaveLength(32)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(loadOrCreateKey(file, {}).equals(key)).toBe(true)
    expect(readFileSync(file, 'utf8')).not.toBe('')
  })

  it('refuses a key file that others can read, and prefers PAYDESK_SECRET_KEY', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paydesk-key-')), 'secret.key')
    loadOrCreateKey(file, {})
    chmodSync(file, 0o644)
    expect(() => loadOrCreateKey(file, {})).toThrow('readable only by its owner')
    const fromEnv = Buffer.alloc(32, 1).toString('base64')
    expect(loadOrCreateKey(file, { PAYDESK_SECRET_KEY: fromEnv }).equals(Buffer.alloc(32, 1))).toBe(true)
    expect(() => loadOrCreateKey(file, { PAYDESK_SECRET_KEY: 'c2hvcnQ=' })).toThrow('PAYDESK_SECRET_KEY')
  })
})
