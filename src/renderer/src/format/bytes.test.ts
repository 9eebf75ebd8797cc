import { describe, expect, it } from 'vitest'
import { formatBytes } from './bytes'

describe('file sizes', () => {
  it('always carry their unit', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(812)).toBe('812 B')
    expect(formatBytes(2048)).toBe('2.0 KB')
    expect(formatBytes(4_923_392)).toBe('4.7 MB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB')
  })
})
