/**
 * Statement reconciliation through the screens, on the demo data: a source and its profile made
 * from a GBK Alipay-like sample by mapping the two columns the built-in layout lacks; the file
 * imported after a dry run; a run; one break of each type decided through the break review
 * (keys, dialogs, a match of theirs accepted by the manual operation, money moved by adjustments
 * a second user approves on the adjustments page), a cause group resolved in bulk; the breaks
 * exported and read back; and the same file refused when imported again.
 */
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { CN, signIn } from './demo'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { FormDialog } from './pages/FormDialog'
import { approveAdjustmentOf, ImportScreen, ProfileEditor, RunScreen } from './pages/ReconciliationPages'
import { CHANNEL, longStatement, planStatement, type Plan } from './recon-statement'
import { englishLeft, visibleText } from './untranslated'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: 'root', PAYDESK_ADMIN_PASSWORD: 'Root-password-1' }, demo: true } })

const REVIEWER = { username: 'demo.admin', password: 'Demo-admin-2026' }
const APPROVER = { username: 'demo.finance', password: 'Demo-finance-2026' }
const SOURCE = 'Alipay CN aggregator (e2e)'
const LOST_CALLBACK = 'Paid at Alipay; our callback was lost'
const NOTES = ['From the September export: 交易完成时间 and 币种 mapped', 'The channel renamed 服务费（元） to 交易服务费']

test('a statement is profiled, imported, reconciled and every kind of break decided through the screens', async ({ page, browser, host }) => {
  // A demo host, two users, and a long walk through four screens.
  test.setTimeout(300_000)
  const token = await host.login(REVIEWER.username, REVIEWER.password)
  const plan: Plan = await planStatement(host, token)
  const run = new RunScreen(page)
  let statementId = 0
  let runId = 0
  const breakIds: Record<string, number> = {}

  await signIn(page, host, REVIEWER)

  await test.step('a new source’s profile is made from the GBK sample: the built-in Alipay layout, two columns mapped', async () => {
    const editor = new ProfileEditor(page)
    await editor.openNew()
    await editor.form.choose('Start from a built-in layout', 'Alipay trade bill (业务明细)')
    await editor.uploadSample(plan.fileName, plan.file)
    await expect(editor.sampleEncoding).toHaveText('GBK / GB18030 (detected)')
    await expect(editor.sampleHeaderRow).toHaveText('5')
    await expect(editor.anchors).toContainText('支付宝交易号')
    // The built-in layout reads 完成时间, which this export calls 交易完成时间: said before anything is saved.
    await expect(editor.headerDifference).toContainText('完成时间')
    await expect(editor.headerDifference).toContainText('交易完成时间')
    await expect(editor.missingMappings).toContainText('Time is read from 完成时间')
    await editor.mapColumn('交易完成时间', 'Time')
    await editor.mapColumn('币种', 'Currency')
    // What is left is a column the layout lets be absent (实收净额): nothing stops the import.
    await expect(editor.missingMappings).not.toContainText('the import would stop')
    await expect(editor.mappedSummary).toHaveText(`First rows read: ${plan.lines.length} lines, 0 rows that cannot be read.`)
    await expect(editor.mappedLines).toHaveCount(plan.lines.length)
    await expect(editor.mappedLines.first()).toContainText(plan.exact.orderNo)
    await expect(editor.mappedLines.filter({ hasText: plan.otherCurrency.orderNo })).toContainText('USD')

    await editor.form.fill('Name', SOURCE)
    await editor.form.choose('Channel', CHANNEL, 'Aggregator')
    await editor.form.fill('Fee rate (%)', '0.6')
    await expect(editor.form.field('Currency')).toHaveValue('CNY — Chinese yuan')
    await editor.form.fill('Note', NOTES[0])
    await page.getByRole('button', { name: 'Create source', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Statement sources', level: 2 })).toBeVisible()
    const row = page.getByTestId('recon-sources').getByRole('row').filter({ hasText: SOURCE })
    await expect(row).toContainText('v1 · Alipay trade bill (业务明细)')
    await expect(row).toContainText('0.6 %')
  })

  const importing = new ImportScreen(page)
  await test.step('a long file: the dry run shows its progress, and Cancel stops it with nothing kept', async () => {
    await importing.open()
    await importing.form.choose('Source', SOURCE)
    await page.getByRole('main').locator('input[type=file]').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: longStatement(250_000) })
    await expect(page.getByTestId('upload-done')).toContainText('long.csv', { timeout: 30_000 })
    await page.getByRole('button', { name: 'Start the dry run', exact: true }).click()
    const job = page.getByRole('status', { name: 'Dry run: progress' })
    await expect(job.getByRole('progressbar')).toBeVisible()
    await job.getByRole('button', { name: 'Cancel' }).click()
    await expect(job).toHaveText('Dry run cancelled; nothing of it was kept')
    await expect(job.getByRole('progressbar')).toBeHidden()
    await expect(importing.report).toBeHidden()
  })

  await test.step('a file with two unreadable rows: the dry run names each by its line and reason, and offers no import', async () => {
    await importing.open()
    // Times on the screen (the statement's period) are this computer's, and the screen names the zone.
    await expect(page.getByTestId('time-zone-note')).toContainText(Intl.DateTimeFormat().resolvedOptions().timeZone)
    await importing.dryRun(SOURCE, 'damaged.csv', plan.badFile)
    await expect(page.getByTestId('report-problems')).toHaveText('2')
    await expect(page.getByTestId('report-clean')).toBeHidden()
    const bad = page.getByTestId('report-bad-rows').locator('tbody tr')
    await expect(bad).toHaveCount(2)
    await expect(bad.nth(0).locator('td').nth(0)).toHaveText(String(plan.badLines.amount))
    await expect(bad.nth(0)).toContainText('12.3x')
    await expect(bad.nth(1).locator('td').nth(0)).toHaveText(String(plan.badLines.time))
    await expect(bad.nth(1)).toContainText('Time')
    // The control totals are checked all the same.
    await expect(importing.controls.getByRole('row').filter({ hasText: 'Alipay trade total · received' })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Import \d+ lines$/ })).toBeHidden()
  })

  await test.step('the dry run reads every line, shows the control total that does not add up, and the import takes the file', async () => {
    await importing.open()
    await importing.dryRun(SOURCE, plan.fileName, plan.file)
    await expect(page.getByTestId('report-lines')).toHaveText(String(plan.lines.length))
    await expect(page.getByTestId('report-problems')).toHaveText('0')
    await expect(page.getByTestId('report-clean')).toBeVisible()
    await expect(importing.controls.getByRole('row').filter({ hasText: 'Alipay trade total · received' })).toContainText('Does not add up')
    const commit = page.getByRole('button', { name: `Import ${plan.lines.length} lines` })
    // A failing control total is imported only once someone says so (it becomes a break).
    await expect(commit).toBeDisabled()
    await page.getByRole('checkbox', { name: /^Import although the control totals/ }).check()
    await commit.click()
    await expect(importing.done).toContainText(`lines stored`)
    statementId = Number(/Statement (\d+):/.exec((await importing.done.textContent()) ?? '')?.[1])
    await expect(importing.done).toContainText(`Statement ${statementId}: ${plan.lines.length} lines stored, 0 seen before`)
    await expect(page.getByTestId('statements').getByRole('row').filter({ hasText: plan.fileName }).first()).toContainText('Does not add up')
  })

  await test.step('a run of the statement finds one break of each type, grouped by cause', async () => {
    await page.getByRole('button', { name: 'Start a run with this statement' }).click()
    const dialog = page.getByRole('dialog', { name: 'Start a run' })
    await expect(dialog.getByRole('textbox', { name: 'Source', exact: true }).or(dialog.getByRole('combobox', { name: 'Source', exact: true })).first()).toHaveValue(SOURCE)
    await dialog.getByRole('button', { name: 'Start the run' }).click()
    await expect(page.getByRole('heading', { name: new RegExp(`^Run \\d+ · ${SOURCE.replace(/[()]/g, '\\$&')}$`), level: 2 })).toBeVisible({ timeout: 30_000 })
    runId = Number(/#\/reconciliation\/runs\/(\d+)/.exec(page.url())?.[1])
    await expect(page.getByTestId('run-status')).toHaveText('Finished')
    await expect(run.summary('lines')).toHaveText(String(plan.lines.length))
    // Matched with no difference: the exact line and the first of the twice-paid order's two; the
    // other seven lines are each a break's (over, short, fee, currency, the copy, closed, unknown).
    await expect(run.summary('matched')).toHaveText('2')
    await expect(run.summary('with-breaks')).toHaveText(String(plan.lines.length - 2))
    await expect(page.getByTestId('input-hash')).toHaveText(/^[0-9a-f]{64}$/)
    await expect(page.getByTestId('result-hash')).toHaveText(/^[0-9a-f]{64}$/)
    for (const cause of ['Fee charged at', 'Paid on their side, not on ours (lost callback)', 'The same payment twice', 'The file’s control total does not add up', 'Missing on their side']) {
      await expect(run.causes).toContainText(cause)
    }
    // Every status, so a decided break stays in view with its outcome.
    await run.filters.choose('Status', 'All')
    await expect(run.rows).toHaveCount(8 + plan.missing.length + plan.missingRefunds.length)

    // Another run opened from the address bar is that run's page, its break list too; and back.
    const runs = await host.api<{ items: { id: number }[] }>('/api/recon.runs.list', { page: 1, pageSize: 100 }, token)
    const other = runs.body.data.items.find((r) => r.id !== runId)!
    await page.goto(`${host.url}/#/reconciliation/runs/${other.id}`)
    await expect(page.getByRole('heading', { name: new RegExp(`^Run ${other.id} · `), level: 2 })).toBeVisible()
    await expect(run.rows.first()).toBeVisible()
    await expect(run.rows.filter({ hasText: plan.closed.orderNo })).toHaveCount(0)
    await page.goto(`${host.url}/#/reconciliation/runs/${runId}`)
    await run.filters.choose('Status', 'All')
    await expect(run.rows).toHaveCount(8 + plan.missing.length + plan.missingRefunds.length)
  })

  await test.step('keyboard review: j and k move through the list', async () => {
    await run.rows.nth(0).click()
    await expect(run.selected).toHaveCount(1)
    const first = await run.selected.getAttribute('data-break-id')
    await page.keyboard.press('j')
    await expect(run.selected).not.toHaveAttribute('data-break-id', first!)
    await page.keyboard.press('ArrowUp')
    await expect(run.selected).toHaveAttribute('data-break-id', first!)
    // Down to the last break by the keys: it is scrolled into view.
    const count = await run.rows.count()
    for (let i = 1; i < count; i++) await page.keyboard.press('j')
    await expect(run.selected).toHaveAttribute('data-break-id', (await run.rows.last().getAttribute('data-break-id'))!)
    await expect(run.selected).toBeInViewport()
    await expect(page.getByTestId('shortcuts')).toContainText('Write off')
  })

  const decide = async (type: string, key: string, reason: string, outcome: string) => {
    await run.showType(type)
    await run.decideByKey(key, reason)
    await expect(run.status).toHaveText(outcome)
    await expect(run.history.last()).toContainText(reason)
    breakIds[type] = Number(await run.selected.getAttribute('data-break-id'))
  }

  await test.step('the control total: a note (n), then written off (w)', async () => {
    await run.showType('Control total mismatch')
    await expect(page.getByTestId('break-extras')).toContainText('Alipay trade total · received')
    await run.decideByKey('n', 'Alipay states one yuan more; asked their support')
    await expect(run.status).toHaveText('Open')
    await expect(run.history).toHaveCount(1)
    await run.decideByKey('w', 'Their trailer is off by 1.00; the lines are right')
    await expect(run.status).toHaveText('Written off')
    await expect(run.history).toHaveCount(2)
  })

  await test.step('amount short written off (w), fee mismatch and duplicate ignored (i)', async () => {
    await decide('Amount short', 'w', 'Short by 3.00: a coupon the channel kept', 'Written off')
    await expect(page.getByTestId('side-by-side').locator('tr[data-differs]')).toContainText('Amount')
    await decide('Fee mismatch', 'i', 'Promotion rate this month, per the channel notice', 'Ignored')
    // Their fee beside the one the source's schedule asks, the row marked.
    await expect(page.getByTestId('side-by-side').locator('tr[data-differs]')).toContainText('by the source’s fee schedule')
    await decide('Duplicate', 'i', 'The channel listed the payment twice; one payment', 'Ignored')
  })

  await test.step('currency mismatch written off with the button', async () => {
    await run.showType('Currency mismatch')
    await expect(page.getByTestId('side-by-side').locator('tr[data-differs]')).toContainText('USD')
    // Given an owner first: only platform users are offered (a merchant's user never owns a break).
    await run.detail.getByTestId('break-actions').getByRole('button', { name: /^Assign/ }).click()
    await run.dialog.getByRole('textbox', { name: 'Assign to', exact: true }).or(run.dialog.getByRole('combobox', { name: 'Assign to', exact: true })).first().click()
    await expect(page.getByRole('option', { name: /demo\.finance/ })).toBeVisible()
    await expect(page.getByRole('option', { name: /demo\.merchant/ })).toHaveCount(0)
    await page.getByRole('option', { name: /demo\.finance/ }).click()
    await run.dialog.getByRole('textbox', { name: 'Reason' }).fill('Finance asks the channel about the currency')
    await run.dialog.getByRole('button', { name: 'Assign', exact: true }).click()
    await expect(run.dialog).toBeHidden()
    await expect(run.detail).toContainText('assigned to demo.finance')
    await run.detail.getByTestId('break-actions').getByRole('button', { name: /^Write off/ }).click()
    await run.dialog.getByRole('textbox', { name: 'Reason' }).fill('Their export wrote USD for a CNY payment')
    await run.dialog.getByRole('button', { name: 'Write off', exact: true }).click()
    await expect(run.dialog).toBeHidden()
    await expect(run.status).toHaveText('Written off')
  })

  await test.step('status mismatch accepted (a): the closed order is marked succeeded by the manual operation', async () => {
    await run.showType('Status mismatch')
    await expect(run.detail).toContainText(plan.closed.orderNo)
    await page.keyboard.press('a')
    await expect(run.dialog).toContainText(`Order ${plan.closed.orderNo} will be marked succeeded`)
    await page.keyboard.type(LOST_CALLBACK)
    await page.keyboard.press('Enter')
    await expect(run.dialog).toBeHidden()
    await expect(run.status).toHaveText('Accepted theirs')
    await run.detail.getByTestId('order-link').click()
    await expect(page.getByRole('heading', { name: `Order ${plan.closed.orderNo}`, level: 2 })).toBeVisible()
    await expect(page.getByTestId('order-status').first()).toHaveText('Succeeded')
    await expect(page.getByTestId('timeline').first()).toContainText(LOST_CALLBACK)
    await page.goBack()
    // Back where the clerk was: the same list, the same break (the address keeps the place).
    await expect(page).toHaveURL(/[?&]type=status_mismatch(&|$)/)
    await expect(run.detail).toContainText(plan.closed.orderNo)
    await expect(run.status).toHaveText('Accepted theirs')
    await run.filters.choose('Status', 'All')
  })

  await test.step('amount over and a line missing on our side accepted: adjustments requested, waiting for a second user', async () => {
    await decide('Amount over', 'a', 'Alipay settled 5.00 more; credit the merchant', 'Waiting for approval')
    // The request is its own step of the history, not a note.
    await expect(run.history.last()).toContainText('Accept theirs requested')
    await expect(page.getByTestId('awaiting-adjustment')).toContainText('Open adjustment')
    await run.showType('Missing on our side')
    await expect(run.detail).toContainText(plan.unknown.orderNo)
    await page.keyboard.press('a')
    const dialog = new FormDialog(page, run.dialog)
    await dialog.choose('Merchant', CN, 'Golden')
    await dialog.choose('Contract whose balance takes it', /CN standard 2026 · CNY/)
    await dialog.fill('Reason', 'A payment our system never saw; credit Golden Dragon')
    await dialog.submit('Accept theirs')
    await expect(run.dialog).toBeHidden()
    await expect(run.status).toHaveText('Waiting for approval')
    breakIds['Missing on our side'] = Number(await run.selected.getAttribute('data-break-id'))
  })

  await test.step('the group missing on their side is written off in bulk, each break with its result', async () => {
    // The group whose cause (its first cell) is the miss itself: a miss near a cut-off, when the
    // clock puts one there, is a group of its own with the same type.
    const missingGroup = run.causes.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^Missing on their side$/ }) })
    await missingGroup.getByRole('button', { name: 'Resolve this group' }).click()
    const dialog = page.getByRole('dialog', { name: 'Resolve the group: Missing on their side' })
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Orders of the aggregator’s other account, reconciled separately')
    await dialog.getByRole('button', { name: 'Apply: Written off' }).click()
    await expect(page.getByTestId('bulk-summary')).toHaveText(/^Breaks the filter found: (\d+)\. Done: \1\. Refused: 0\.$/)
    await expect(page.getByTestId('bulk-results').locator('tbody tr')).toHaveCount(Number(/(\d+)/.exec((await page.getByTestId('bulk-summary').textContent()) ?? '')![1]))
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
    await expect(missingGroup.getByRole('button', { name: 'Resolve this group' })).toBeHidden()
  })

  const approver = await browser.newPage()
  await test.step('the second user approves both adjustments on the adjustments page', async () => {
    await signIn(approver, host, APPROVER)
    await approveAdjustmentOf(approver, breakIds['Amount over'], 'Alipay settled 5.00 more; credit the merchant')
    await approveAdjustmentOf(approver, breakIds['Missing on our side'], 'A payment our system never saw; credit Golden Dragon')
  })
  await approver.close()

  await test.step('both breaks are now accepted theirs; only misses near a cut-off (if any) are left open', async () => {
    await page.reload()
    await run.filters.choose('Status', 'All')
    for (const type of ['Amount over', 'Missing on our side']) {
      await run.showType(type)
      await expect(run.status).toHaveText('Accepted theirs')
      await expect(run.history.filter({ hasText: 'approved' })).toHaveCount(1)
    }
    await run.filters.choose('Type', 'All')
    await run.filters.choose('Status', 'Open')
    await expect(run.list).not.toContainText('Loading')
    await expect(run.rows.filter({ hasNotText: 'Near the day’s cut-off' })).toHaveCount(0)
  })

  await test.step('the breaks export to CSV and read back as the run shows them', async () => {
    const downloading = page.waitForEvent('download')
    await page.getByTestId('run-export').getByRole('button', { name: 'Export' }).click()
    await page.getByRole('menuitem', { name: 'Breaks (CSV)' }).click()
    const download = await downloading
    await expect(page.getByTestId('export-saved')).toContainText(download.suggestedFilename())
    const [header, ...records] = parse(readFileSync(await download.path()), { bom: true }) as string[][]
    // A column by its header, or a machine's by the code in its brackets (`Your reason [reason]`).
    const at = (name: string) => header.findIndex((h) => h === name || h.endsWith(`[${name}]`))
    // Read as the run shows it, in the screen's language; the columns the decisions import reads say their codes.
    expect(header).toEqual(expect.arrayContaining(['Break ID [id]', 'Type', 'Likely cause', 'Status', 'Decision', 'Your reason [reason]', 'Type code [type]']))
    expect(records).toHaveLength(8 + plan.missing.length + plan.missingRefunds.length)
    expect(new Set(records.map((r) => r[at('Type')]))).toEqual(new Set(['Missing on our side', 'Missing on their side', 'Amount over', 'Amount short', 'Fee mismatch', 'Currency mismatch', 'Status mismatch', 'Duplicate', 'Control total mismatch']))
    expect(new Set(records.map((r) => r[at('type')]))).toEqual(new Set(['missing_ours', 'missing_theirs', 'amount_over', 'amount_short', 'fee_mismatch', 'currency_mismatch', 'status_mismatch', 'duplicate', 'control_total']))
    const byType = (type: string) => records.filter((r) => r[at('type')] === type)
    expect(byType('amount_over')[0][at('Decision')]).toBe('Accepted theirs')
    expect(byType('amount_short')[0][at('Decision')]).toBe('Written off')
    expect(byType('fee_mismatch')[0][at('resolution')]).toBe('ignored')
    expect(byType('fee_mismatch')[0][at('Decided because')]).toBe('Promotion rate this month, per the channel notice')
    expect(byType('status_mismatch')[0][at('Our order no.')]).toBe(plan.closed.orderNo)
    expect(byType('missing_ours')[0][at('Their order no.')]).toBe(plan.unknown.orderNo)
  })

  await test.step('decisions worked offline on the exported list come back, each line with its result', async () => {
    const csv = `id,action,reason\n${breakIds['Amount short']},annotate,Checked offline with the channel's bill\n999999,annotate,Checked offline with the channel's bill\n`
    await page.getByRole('button', { name: 'Import decisions' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import decisions' })
    await dialog.locator('input[type=file]').setInputFiles({ name: 'decisions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await expect(dialog.getByTestId('upload-done')).toBeVisible()
    await dialog.getByRole('button', { name: 'Apply the decisions' }).click()
    await expect(page.getByTestId('decisions-summary')).toHaveText('1 applied, 1 refused.')
    await expect(page.getByTestId('decisions-results').locator('tbody tr')).toHaveCount(2)
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
    await run.filters.choose('Status', 'All')
    await run.showType('Amount short')
    await expect(run.history.last()).toContainText("Checked offline with the channel's bill")
  })

  await test.step('the same file imported again is refused by the dry run', async () => {
    await importing.open()
    await importing.dryRun(SOURCE, plan.fileName, plan.file)
    await expect(importing.alreadyImported).toHaveText(new RegExp(`imported before as statement ${statementId};`))
    await expect(page.getByRole('button', { name: /^Import \d+ lines$/ })).toBeHidden()
  })

  await test.step('a file with its header and no line is said to have none', async () => {
    await importing.open()
    await importing.dryRun(SOURCE, 'no-lines.csv', longStatement(0))
    await expect(page.getByTestId('report-no-lines')).toContainText('no line of theirs')
    await expect(page.getByTestId('report-clean')).toBeHidden()
  })

  await test.step('the channel renames a column: the dry run says so, and a new profile version is made from that file', async () => {
    await importing.open()
    await importing.form.choose('Source', SOURCE)
    await page.getByRole('main').locator('input[type=file]').setInputFiles({ name: 'renamed.csv', mimeType: 'text/csv', buffer: plan.changedFile })
    await expect(page.getByTestId('upload-done')).toContainText('renamed.csv')
    await page.getByRole('button', { name: 'Start the dry run', exact: true }).click()
    const difference = page.getByTestId('header-difference')
    await expect(difference).toContainText('交易服务费')
    await expect(difference).toContainText('服务费（元）')
    await expect(importing.report).toBeHidden()
    await difference.getByRole('button', { name: 'Save a new profile version from this file' }).click()
    const editor = new ProfileEditor(page)
    await expect(page.getByRole('heading', { name: `Profile of ${SOURCE}`, level: 2 })).toBeVisible()
    await expect(editor.sampleEncoding).toHaveText('GBK / GB18030 (detected)')
    await expect(editor.headerDifference).toContainText('交易服务费')
    await editor.mapColumn('交易服务费', 'Fee')
    await expect(editor.mappedSummary).toHaveText(`First rows read: ${plan.lines.length} lines, 0 rows that cannot be read.`)
    await editor.form.fill('Note', NOTES[1])
    await page.getByRole('button', { name: 'Save as version 2', exact: true }).click()
    await expect(page.getByTestId('profile-versions').locator('tbody tr')).toHaveCount(2)
    await expect(page.getByTestId('profile-versions').locator('tbody tr').first()).toContainText('交易服务费')

    // Read with version 2, the renamed file is clean; its lines are the ones imported before, so there is nothing new to import.
    await importing.open()
    await importing.dryRun(SOURCE, 'renamed.csv', plan.changedFile)
    await expect(page.getByTestId('report-problems')).toHaveText('0')
    await expect(page.getByTestId('report-repeated')).toHaveText(String(plan.lines.length))
    await expect(page.getByTestId('nothing-new')).toContainText(`imported before, with statement ${statementId} (${plan.fileName})`)
    await expect(page.getByRole('button', { name: /^Import \d+ lines$/ })).toBeHidden()
    await expect(page.getByText('Read with profile version 2.')).toBeVisible()
  })

  await test.step('the run page in Chinese leaves no English but the data', async () => {
    await page.goto(`${host.url}/#/reconciliation/runs/${runId}`)
    await new AppShell(page).switchLanguage('zh-CN')
    await run.filters.choose('状态', '全部')
    await run.rows.filter({ hasText: plan.closed.orderNo }).first().click()
    await expect(run.status).toHaveText('以对方为准')
    const data = [
      SOURCE, CN, 'Demo administrator', REVIEWER.username, APPROVER.username, 'CNY', 'USD', 'buyer***@163.com', plan.fileName, Intl.DateTimeFormat().resolvedOptions().timeZone,
      ...plan.lines.flatMap((l) => [l.orderNo, l.tradeNo]), ...plan.missing.map((o) => o.orderNo), ...plan.missingRefunds.flatMap((r) => [r.refundNo, r.orderNo]),
      ...(await page.getByTestId('input-hash').or(page.getByTestId('result-hash')).allTextContents()),
      LOST_CALLBACK
    ]
    await expect.poll(async () => englishLeft(await visibleText(page), data)).toEqual([])

    // The sources and a profile in the editor: every setting's label, the versions with their notes.
    const sources = await host.api<{ name: string; channelName: string | null; profile: { controls: { name: string }[]; dateFormat: string } }[]>('/api/recon.sources.list', {}, token)
    const sourceData = sources.body.data.flatMap((s) => [s.name, s.channelName ?? '', s.profile.dateFormat, ...s.profile.controls.map((c) => c.name)])
    // File formats, encodings and units are named alike in both languages.
    const terms = ['CSV', 'XLSX', 'Excel', 'UTF-8', 'GB18030', 'GBK', 'ISO-8859-1', 'ISO 20022', 'camt.053', 'SWIFT', 'MT940', 'MB']
    await new AppShell(page).navigate('/reconciliation/sources')
    await expect(page.getByRole('heading', { name: '对账来源', level: 2 })).toBeVisible()
    await expect.poll(async () => englishLeft(await visibleText(page), [...data, ...sourceData])).toEqual([])
    await page.getByTestId('recon-sources').getByRole('row').filter({ hasText: SOURCE }).getByRole('button', { name: '模板' }).click()
    await expect(page.getByTestId('profile-versions').locator('tbody tr')).toHaveCount(2)
    await expect.poll(async () => englishLeft(await visibleText(page), [...data, ...sourceData, ...NOTES, ...terms])).toEqual([])

    // The import page with its statements, and the list of runs (the demo's among them).
    const statements = await host.api<{ items: { fileName: string; importedBy: string | null }[] }>('/api/recon.statements.list', { page: 1, pageSize: 100 }, token)
    const runs = await host.api<{ items: { createdBy: string | null }[] }>('/api/recon.runs.list', { page: 1, pageSize: 100 }, token)
    const listData = [...statements.body.data.items.flatMap((s) => [s.fileName, s.importedBy ?? '']), ...runs.body.data.items.map((r) => r.createdBy ?? '')]
    await new AppShell(page).navigate('/reconciliation/import')
    await expect(page.getByRole('heading', { name: '导入对账单', level: 2 })).toBeVisible()
    await expect(page.getByTestId('statements').getByRole('row').filter({ hasText: plan.fileName }).first()).toBeVisible()
    await expect.poll(async () => englishLeft(await visibleText(page), [...data, ...sourceData, ...listData, ...terms])).toEqual([])
    // A dry run in Chinese: its report, the control totals, the lines and the statement it overlaps.
    await importing.form.choose('来源', SOURCE)
    await page.getByRole('main').locator('input[type=file]').setInputFiles({ name: 'renamed.csv', mimeType: 'text/csv', buffer: plan.changedFile })
    await expect(page.getByTestId('upload-done')).toContainText('renamed.csv')
    await page.getByRole('button', { name: '开始试导入', exact: true }).click()
    await expect(importing.report).toBeVisible()
    await expect(page.getByTestId('report-overlaps')).toContainText(plan.fileName)
    const hash = createHash('sha256').update(plan.changedFile).digest('hex')
    // The built-in control totals read in Chinese too (their codes are no data).
    const controlNames = await importing.controls.locator('tbody tr td:first-child').allTextContents()
    expect(controlNames).toContain('支付宝交易合计 · 商家实收')
    const reportData = ['renamed.csv', 'gb18030', 'SHA-256', hash.slice(0, 16), hash.slice(0, 12)]
    await expect.poll(async () => englishLeft(await visibleText(page), [...data, ...sourceData, ...listData, ...terms, ...reportData])).toEqual([])
    // The damaged file's dry run in Chinese (its header as the profile's new version has it): each bad row's
    // reason reads in Chinese, its value as the file wrote it.
    const damaged = iconv.encode(iconv.decode(plan.badFile, 'gbk').replace('服务费（元）', '交易服务费'), 'gbk')
    await new AppShell(page).navigate('/reconciliation/import')
    await importing.form.choose('来源', SOURCE)
    await page.getByRole('main').locator('input[type=file]').setInputFiles({ name: 'damaged.csv', mimeType: 'text/csv', buffer: damaged })
    await expect(page.getByTestId('upload-done')).toContainText('damaged.csv')
    await page.getByRole('button', { name: '开始试导入', exact: true }).click()
    const reasons = page.getByTestId('report-bad-rows').locator('tbody tr td:nth-child(3)')
    await expect(reasons).toHaveCount(2)
    await expect(reasons.nth(0)).toHaveText('"12.3x" 不是金额')
    await expect(reasons.nth(1)).toContainText('不符合日期格式')
    await expect(page.getByTestId('report-bad-rows').locator('tbody tr td:nth-child(2)').nth(1)).toHaveText('时间')
    for (const reason of await reasons.allTextContents()) expect(reason).not.toMatch(/\b(is|not|the|does|fit|amount|format)\b/)
    await new AppShell(page).navigate('/reconciliation')
    await expect(page.getByRole('heading', { name: '对账批次', level: 2 })).toBeVisible()
    await expect(page.getByTestId('recon-runs').getByRole('row').filter({ hasText: SOURCE }).first()).toBeVisible()
    await expect.poll(async () => englishLeft(await visibleText(page), [...data, ...sourceData, ...listData, ...terms])).toEqual([])
  })
})
