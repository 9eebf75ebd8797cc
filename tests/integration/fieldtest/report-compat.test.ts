/**
 * Reports already exported stay verifiable when the texts and the layout change:
 * - renderer 2: a rehearsal's countersigned report (a provider's HTTP 500, a field refused before
 *   sending, the rehearsal copy's name on the timeline) exported in both languages before those
 *   texts were translated;
 * - renderer 3: a live run's countersigned report (a provider that could not be reached, then read
 *   as blocked; a step skipped after it; an amount refused before sending; a payout the balance did
 *   not cover) exported in both languages while the page still told its reader to check it with
 *   `npm run verify-report`;
 * - renderer 4: a rehearsal's countersigned report (a paid deposit, an amount refused before
 *   sending, a payout) exported in both languages while the page still wrote inputs as keys and
 *   JSON, outcomes and catalog codes as stored, and money as "CNY 500.00";
 * - renderer 5: a rehearsal's countersigned report (a deposit accepted, the next blocked by the
 *   run's cap of one order) exported in both languages while a finished run's status read
 *   "Finished" whatever its steps did.
 * Each verifies as exported, and a visible edit of it still does not.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ReportDocument } from '../../../src/main/fieldtest/report/document'
import { renderReportHtml } from '../../../src/main/fieldtest/report/html'
import { verifyReportText } from '../../../src/main/fieldtest/report/verify'

const fixture = (renderer: string, language: string) => readFileSync(join(__dirname, 'fixtures', `report-renderer-${renderer}.${language}.html`), 'utf8')

const EXPORTS = [
  { renderer: '2', steps: 3, shows: 'http_500' },
  { renderer: '3', steps: 4, shows: 'upstream.unreachable' },
  { renderer: '4', steps: 3, shows: 'outcome: refused_locally' },
  { renderer: '5', steps: 2, shows: 'class="status blocked"' }
]

for (const { renderer, steps, shows } of EXPORTS) {
  describe(`a report exported by renderer ${renderer}`, () => {
    for (const language of ['en', 'zh-CN']) {
      it(`verifies as exported (${language}), and not once its page is edited`, () => {
        const html = fixture(renderer, language)
        expect(html).toContain(`<meta name="paydesk-report-renderer" content="${renderer}">`)
        expect(html).toContain(shows)
        const verified = verifyReportText(html)
        expect(verified, JSON.stringify(verified.problems)).toMatchObject({ ok: true, problems: [], steps })
        expect(verified.signatures.map((s) => [s.role, s.valid])).toEqual([
          ['engineer', true],
          ['reviewer', true]
        ])
        const edited = html.replace('<h1>', '<h1>!')
        expect(verifyReportText(edited).problems.map((p) => p.code)).toEqual(['html_altered'])
      })
    }
  })
}

describe('a finished run with a blocked step, in the current layout', () => {
  it('says so in its status, where layout 5 wrote "Finished"', () => {
    for (const [language, wording, before] of [
      ['en', 'Finished, steps blocked or skipped', 'Finished'],
      ['zh-CN', '已完成，有步骤受阻或跳过', '已完成']
    ] as const) {
      const html = fixture('5', language)
      const doc = JSON.parse(/<script type="application\/json" id="paydesk-report">([\s\S]*?)<\/script>/.exec(html)![1]) as ReportDocument
      expect(doc.header.totals).toMatchObject({ passed: 1, blocked: 1 })
      expect(renderReportHtml(doc, language, '5')).toBe(html)
      expect(html).toContain(`<dd>${before}</dd>`)
      expect(renderReportHtml(doc, language)).toContain(`<dd><span class="status blocked">${wording}</span></dd>`)
    }
  })
})
