import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The contract's modules and the zod pieces they share (src/shared): every message in them is a
 * rule message (src/shared/rule-message.ts), read here from the source, since a refinement's
 * message only speaks for input that passes everything else.
 */
const SHARED = join(__dirname, '../../src/shared')
const CONTRACT_FILES = [join(SHARED, 'schemas.ts'), ...readdirSync(join(SHARED, 'contract')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(SHARED, 'contract', f))]

// A sentence a rule would say, written in English in a string or template literal.
const ENGLISH_RULE = /(['"`])(must |is |may |names |give |leaves |has |needs |does |cannot )[^'"`\n]*\1/g

describe('the contract’s messages', () => {
  it('all go through ruleMessage, so every refusal carries a text a screen can translate', () => {
    const written = CONTRACT_FILES.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/^(\/\*|\*|\/\/)/.test(line.trim()) ? [] : [...line.matchAll(ENGLISH_RULE)].map((m) => `${file.slice(SHARED.length + 1)}:${i + 1}: ${m[0]}`)))
    )
    expect(written).toEqual([])
  })
})
