import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './passwords'

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('Correct-horse-9')
    expect(stored.startsWith('scrypt$65536$8$1$')).toBe(true)
    expect(stored).not.toContain('Correct-horse-9')
    expect(await verifyPassword('Correct-horse-9', stored)).toBe(true)
    expect(await verifyPassword('correct-horse-9', stored)).toBe(false)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('Same-password-1')).not.toBe(await hashPassword('Same-password-1'))
  })

  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false)
  })
})
