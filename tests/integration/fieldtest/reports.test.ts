/**
 * The signed report of a run: signed by the engineer, countersigned by a reviewer (someone else),
 * exported as JSON and HTML, and checked offline by the command anyone can run
 * (`npm run verify-report -- FILE`, here its entry point run as a child process on written files):
 * an untouched report passes; a changed amount, a removed step and a re-ordered step are named.
 * And none of field testing for a merchant-bound user.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { procedureNames, type ProcedureName } from '../../../src/shared/contract'
import { chainOf, type ReportDocument } from '../../../src/main/fieldtest/report/document'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { deposit, expectEnded, fieldWorld, payout, planOf, rehearse, withServices, type FieldWorld } from './support'

const ROOT = resolve(__dirname, '../../..')
const CLI = join(ROOT, 'src/main/cli/verify-report.ts')
const PAID = { outcome: 'paid' as const, callbackWithinSeconds: 5, signatureValid: true, amountExact: true, feeExact: true }

/** `npm run verify-report -- FILE [--json]`: the built script runs this same entry under Node. */
function verifyReport(file: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, file, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the signed report of a run', () => {
  let w: FieldWorld
  let dir: string
  let reportId: number
  let json: string
  let html: string
  beforeAll(async () => {
    w = await fieldWorld()
    dir = mkdtempSync(join(tmpdir(), 'paydesk-fieldtest-report-'))
    const plan = await planOf(w, withServices(w, [deposit('500.00', PAID), deposit('600.00', PAID), payout('10.00', PAID)]))
    const run = await rehearse(w, plan.id)
    expectEnded(run)
    const signed = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    reportId = signed.id
    expect(signed).toMatchObject({ runId: run.id, stepCount: 3, signatures: [{ role: 'engineer', username: 'root' }] })
    const exported = await w.t.ok('fieldtest.reports.export', { id: reportId, language: 'en' }, w.admin)
    json = exported.json
    html = exported.html
  }, 60_000)
  afterAll(() => w.stop())

  it('is countersigned by a reviewer, never by the engineer who signed it, and only once', async () => {
    expect(await w.t.call('fieldtest.reports.countersign', { id: reportId }, w.admin)).toMatchObject({ status: 403, code: 'fieldtest.own_report' })
    const countersigned = await w.t.ok('fieldtest.reports.countersign', { id: reportId }, w.reviewer)
    expect(countersigned.signatures.map((s) => [s.role, s.username])).toEqual([
      ['engineer', 'root'],
      ['reviewer', 'field.reviewer']
    ])
    expect(await w.t.call('fieldtest.reports.countersign', { id: reportId }, w.reviewer)).toMatchObject({ status: 409, code: 'fieldtest.countersigned' })
    const got = await w.t.ok('fieldtest.reports.get', { id: reportId }, w.reviewer)
    expect(got.verification).toMatchObject({ ok: true, problems: [], steps: 3 })
    expect(got.verification.signatures.map((s) => s.valid)).toEqual([true, true])
    // The reviewer cannot sign a report of a run (that is the engineer's).
    expect(await w.t.call('fieldtest.reports.sign', { runId: got.runId }, w.reviewer)).toMatchObject({ status: 403 })
  })

  it('totals each order once: a callback check and a status query of an order add nothing to what was paid or its fees', async () => {
    const totalsOf = (doc: string) => (JSON.parse(doc) as ReportDocument).header.totals
    const alone = totalsOf(json)
    expect(Number(alone.fees)).toBeGreaterThan(0)
    const plan = await planOf(
      w,
      withServices(w, [
        deposit('500.00', PAID),
        deposit('600.00', PAID),
        { title: 'Callback of the second', action: 'callback_check', target: 1, seconds: 5, expect: { signatureValid: true } },
        { title: 'Status of the first', action: 'query', target: 0, expect: {} },
        payout('10.00', PAID)
      ])
    )
    const run = await rehearse(w, plan.id)
    expectEnded(run)
    const signed = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    const repeated = totalsOf((await w.t.ok('fieldtest.reports.export', { id: signed.id, language: 'en' }, w.admin)).json)
    expect({ orders: repeated.orders, requested: repeated.requested, paid: repeated.paid, fees: repeated.fees }).toEqual({ orders: alone.orders, requested: alone.requested, paid: alone.paid, fees: alone.fees })
  }, 60_000)

  it('the HTML page says its status and its signatures in its own language', async () => {
    // Every step passed: a clean "Finished", in the passed colour.
    expect(html).toContain('<dt>Run status</dt><dd><span class="status passed">Finished</span></dd>')
    expect(html).toContain('<th>Signed by</th><th>Key fingerprint</th><th>Signed at</th>')
    const zh = (await w.t.ok('fieldtest.reports.export', { id: reportId, language: 'zh-CN' }, w.admin)).html
    expect(zh).toContain('<dt>执行状态</dt><dd><span class="status passed">已完成</span></dd>')
    expect(zh).toContain('<th>签名人</th><th>密钥指纹</th><th>签名时间</th>')
  })

  it('the HTML page tells its reader how to check it with the app, by the menu and button the app shows, not with a command of the repository', async () => {
    const zh = (await w.t.ok('fieldtest.reports.export', { id: reportId, language: 'zh-CN' }, w.admin)).html
    for (const [page, screens, reader] of [
      [html, en, 'Check this file in PayDesk (with field testing access): '],
      [zh, zhCN, '在 PayDesk 中校验本文件（需有现场测试权限）：']
    ] as const) {
      const where = `${screens.nav.groups.fieldTesting} › ${screens.nav.items.fieldTestReports} › ${screens.fieldtest.reports.checkFile}`
      expect(page).toContain(`<p class="muted">${reader}${where}`)
      expect(page).not.toContain('Check this file offline: npm run verify-report')
      expect(page).not.toContain('离线校验本文件：npm run verify-report')
    }
  })

  it('npm run verify-report accepts the untouched report, JSON and HTML', () => {
    const jsonFile = join(dir, 'report.json')
    const htmlFile = join(dir, 'report.html')
    writeFileSync(jsonFile, json)
    writeFileSync(htmlFile, html)
    const plain = verifyReport(jsonFile)
    expect(plain.status, plain.stderr).toBe(0)
    expect(plain.stdout).toContain('3 steps')
    expect(plain.stdout).toContain('engineer root')
    expect(plain.stdout).toContain('INTACT: the report is as it was signed.')
    const page = verifyReport(htmlFile)
    expect(page.status, page.stderr).toBe(0)
    expect(page.stdout).toContain('INTACT')
    // The HTML prints on its own: no script or style fetched from elsewhere.
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/)
  })

  it('the app checks a file as exported, JSON or HTML, line breaks and all, as the command does', async () => {
    expect(json).toContain('\n')
    expect(html).toContain('\n')
    for (const text of [json, html]) expect(await w.t.ok('fieldtest.reports.verify', { text }, w.admin)).toMatchObject({ ok: true, problems: [], steps: 3 })
    const visible = await w.t.ok('fieldtest.reports.verify', { text: html.replace('600.00', '60.00') }, w.admin)
    expect(visible.problems.map((p) => p.code)).toEqual(['html_altered'])
    const renamed = await w.t.ok('fieldtest.reports.verify', { text: html.replace('<html lang="en">', '<html lang="en-GB">') }, w.admin)
    expect(renamed).toMatchObject({ ok: false, problems: [{ code: 'html_unverifiable' }] })
  })

  /** The exported JSON, changed by `edit`, written to a file, and checked by the command. */
  function altered(name: string, edit: (doc: ReportDocument) => void): { status: number | null; stdout: string; codes: string[] } {
    const doc = JSON.parse(json) as ReportDocument
    edit(doc)
    const file = join(dir, `${name}.json`)
    writeFileSync(file, JSON.stringify(doc, null, 2))
    const human = verifyReport(file)
    const machine = verifyReport(file, '--json')
    expect(machine.status).toBe(human.status)
    const codes = (JSON.parse(machine.stdout) as { problems: { code: string; step: number | null }[] }).problems.map((p) => `${p.code}${p.step === null ? '' : ` ${p.step}`}`)
    return { status: human.status, stdout: human.stdout, codes }
  }

  it('npm run verify-report rejects a changed amount, naming the step', () => {
    const result = altered('amount', (doc) => {
      doc.steps[1].amounts!.requested = '6000.00'
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('ALTERED')
    expect(result.stdout).toContain('[step 2] Step 2 was altered after signing')
    expect(result.codes).toContain('step_altered 2')
    // The other steps still hash where they stand.
    expect(result.codes.filter((c) => c.startsWith('step_'))).toEqual(['step_altered 2'])
  })

  it('npm run verify-report prints a name from the file as text, never as a terminal command', () => {
    // A tampered name that, printed raw, would erase the line and print INTACT over ALTERED.
    const result = altered('escape', (doc) => {
      doc.header.ranBy.username = 'root\u001b[2K\rINTACT: the report is as it was signed.\u202e'
    })
    expect(result.status).toBe(1)
    for (const raw of ['\u001b', '\r', '\u202e']) expect(result.stdout).not.toContain(raw)
    expect(result.stdout).toContain('run by root\\u001b[2K\\u000dINTACT: the report is as it was signed.\\u202e')
    expect(result.stdout).toContain('ALTERED')
  })

  it('npm run verify-report rejects a removed step', () => {
    const result = altered('removed', (doc) => {
      doc.steps.splice(1, 1)
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('Step 2 was removed')
    expect(result.codes).toEqual(['step_missing 2'])
  })

  it('npm run verify-report rejects a re-ordered step', () => {
    const result = altered('reordered', (doc) => {
      ;[doc.steps[0], doc.steps[1]] = [doc.steps[1], doc.steps[0]]
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('Step 1 was moved (it now stands at position 2)')
    expect(result.codes).toEqual(['step_moved 1'])
  })

  it('npm run verify-report rejects a changed amount whose hash chain was computed again: the signature no longer matches', () => {
    const result = altered('rechained', (doc) => {
      doc.steps[0].amounts!.requested = '5.00'
      doc.chain = chainOf(doc.header, doc.steps)
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('The engineer signature of root does not match the content')
    expect(result.codes).toEqual(['signature_invalid'])
  })

  it('npm run verify-report rejects an HTML page whose visible amount was changed', () => {
    const file = join(dir, 'visible.html')
    expect(html).toContain('600.00')
    writeFileSync(file, html.replace('600.00', '60.00'))
    const result = verifyReport(file)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('The page’s visible text differs from the signed content it embeds')
    expect(readFileSync(file, 'utf8')).not.toBe(html)
  })

  it('npm run verify-report never passes a changed page that names a layout or language it cannot render again', () => {
    const shown = '<span class="status passed">Passed</span>'
    expect(html).toContain(shown)
    expect(html).toContain('<meta name="paydesk-report-renderer" content="6">')
    expect(html).toContain('<html lang="en">')
    const failed = html.replaceAll(shown, '<span class="status failed">Failed</span>')
    const renamed = {
      layout: failed.replace('<meta name="paydesk-report-renderer" content="6">', '<meta name="paydesk-report-renderer" content="1">'),
      language: failed.replace('<html lang="en">', '<html lang="en-GB">'),
      unnamed: failed.replace('<meta name="paydesk-report-renderer" content="6">', '')
    }
    for (const [name, page] of Object.entries(renamed)) {
      const file = join(dir, `${name}.html`)
      writeFileSync(file, page)
      const result = verifyReport(file)
      expect(result.status, name).toBe(2)
      expect(result.stdout, name).not.toContain('INTACT')
      expect(result.stdout, name).toContain('NOT VERIFIABLE: The page names a layout or language this version cannot render again')
    }
    // An older layout it still renders (files exported before) is checked against that layout: this page is not one.
    for (const layout of ['2', '3', '4', '5']) {
      const older = join(dir, `older-${layout}.html`)
      writeFileSync(older, html.replace('<meta name="paydesk-report-renderer" content="6">', `<meta name="paydesk-report-renderer" content="${layout}">`))
      expect(verifyReport(older).stdout, layout).toContain('The page’s visible text differs from the signed content it embeds')
    }
  })
})

describe('who may', () => {
  it('a merchant-bound user gets no field testing at all, and cannot be given it', async () => {
    const w = await fieldWorld()
    try {
      const roles = await w.t.ok('roles.list', {}, w.admin)
      const operator = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
      await w.t.ok('users.create', { username: 'dragon.ops', displayName: 'Dragon Ops', password: 'Merchant-pass-1', merchantId: w.merchantId, roleIds: [operator] }, w.admin)
      const merchant = await w.t.signIn('dragon.ops', 'Merchant-pass-1')
      const plan = await w.t.ok('fieldtest.plans.generate', { channelId: w.channelId }, w.admin)
      // Inputs that would pass: what refuses them is the permission alone.
      const inputs: Record<Extract<ProcedureName, `fieldtest.${string}`>, unknown> = {
        'fieldtest.plans.list': {},
        'fieldtest.plans.get': { id: plan.id },
        'fieldtest.plans.generate': { channelId: w.channelId },
        'fieldtest.plans.save': { id: plan.id, baseVersion: plan.version, steps: plan.steps },
        'fieldtest.runs.start': { planId: plan.id, target: 'simulator', caps: { maxOrders: 5, maxAmount: '1000' } },
        'fieldtest.runs.confirm': { id: 1, maxOrders: 5, maxAmount: '1000' },
        'fieldtest.runs.stop': { id: 1 },
        'fieldtest.runs.list': {},
        'fieldtest.runs.get': { id: 1 },
        'fieldtest.runs.step': { id: 1, index: 0 },
        'fieldtest.runs.compare': { leftId: 1, rightId: 1 },
        'fieldtest.reports.sign': { runId: 1 },
        'fieldtest.reports.countersign': { id: 1 },
        'fieldtest.reports.list': {},
        'fieldtest.reports.get': { id: 1 },
        'fieldtest.reports.export': { id: 1 },
        'fieldtest.reports.verify': { text: '{}' }
      }
      expect(Object.keys(inputs).sort()).toEqual(procedureNames.filter((n) => n.startsWith('fieldtest.')).sort())
      for (const [name, input] of Object.entries(inputs)) expect(await w.t.call(name as ProcedureName, input as never, merchant), name).toMatchObject({ status: 403, code: 'permission.missing' })
      expect((await w.t.ok('fieldtest.runs.list', {}, w.admin)).total).toBe(0)
      for (const code of [PERMISSIONS.FIELD_TEST_RUN, PERMISSIONS.FIELD_TEST_REVIEW]) {
        const role = await w.t.ok('roles.create', { name: `Field role ${code}`, permissions: [code, PERMISSIONS.MASTER_DATA_READ] }, w.admin)
        const refused = await w.t.call('users.create', { username: `dragon.${code}`, displayName: 'Dragon Tester', password: 'Merchant-pass-2', merchantId: w.merchantId, roleIds: [role.id] }, w.admin)
        expect(refused, String(code)).toMatchObject({ status: 400, field: 'roleIds' })
      }
    } finally {
      await w.stop()
    }
  }, 30_000)
})
