/**
 * Reports already exported stay verifiable when the texts change: the fixtures are a rehearsal's
 * countersigned report (a provider's HTTP 500, a field refused before sending, the rehearsal
 * copy's name on the timeline) exported in both languages by renderer 2, before those texts were
 * translated. Each verifies as exported, and a visible edit of it still does not.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyReportText } from '../../../src/main/fieldtest/report/verify'

const fixture = (language: string) => readFileSync(join(__dirname, 'fixtures', `report-renderer-2.${language}.html`), 'utf8')

describe('a report exported by renderer 2', () => {
  for (const language of ['en', 'zh-CN']) {
    it(`verifies as exported (${language}), and not once its page is edited`, () => {
      const html = fixture(language)
      expect(html).toContain('<meta name="paydesk-report-renderer" content="2">')
      expect(html).toContain('http_500')
      const verified = verifyReportText(html)
      expect(verified, JSON.stringify(verified.problems)).toMatchObject({ ok: true, problems: [], steps: 3 })
      expect(verified.signatures.map((s) => [s.role, s.valid])).toEqual([
        ['engineer', true],
        ['reviewer', true]
      ])
      const edited = html.replace('<h1>', '<h1>!')
      expect(verifyReportText(edited).problems.map((p) => p.code)).toEqual(['html_altered'])
    })
  }
})
