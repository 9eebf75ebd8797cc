/**
 * A field engineer proves a new channel from the app alone (issue 15): creates it, binds it,
 * starts the simulator, points the channel at it, tests the connection, generates a plan,
 * rehearses it with a fault switched on, runs it "live" (the channel on the simulator, which
 * pays), compares the two, signs and downloads the report; a second user countersigns it.
 * The screens the journey passes through are counted (the moonshot: at most 10).
 */
import type { Page } from '@playwright/test'
import { OUTBOUND_FIELDS, RESPONSE_FIELDS } from '../../src/shared/contract/adapter-config'
import { en } from '../../src/renderer/src/i18n/en'
import { connectTextZhCN } from '../../src/shared/i18n/server-text.connect.zh-CN'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { ADMIN, expect, test, type Host } from './fixtures'
import { AppShell } from './pages/AppShell'
import { PlanScreen, ProviderConnection, ReportScreen, RunScreen, SimulatorScreen } from './pages/FieldTestPages'
import { FormDialog } from './pages/FormDialog'
import { LoginPage } from './pages/LoginPage'
import { MasterDataPage } from './pages/MasterDataPage'
import { englishLeft, visibleText } from './untranslated'

const ENGINEER = { username: 'field.engineer', displayName: 'Field Engineer', password: 'Engineer-pass-1' }
const MERCHANT = 'Golden Dragon Trading'
const CHANNEL = 'Dragon Bank Direct'
const CHANNEL_OPTION = `${CHANNEL} · CNY`
const CAPS = { maxOrders: '30', maxAmount: '200000', currency: 'CNY' }

/** The merchant side the channel will serve: set up beforehand by the operations team, over the API. */
async function merchantWorld(host: Host): Promise<void> {
  const token = await host.login(ADMIN.username, ADMIN.password)
  const ok = async <T>(name: string, body: unknown) => {
    const answer = await host.api<T>(`/api/${name}`, body, token)
    expect(answer.status, `${name}: ${answer.body.message}`).toBe(200)
    return answer.body.data
  }
  const merchant = await ok<{ id: number }>('merchants.create', { name: MERCHANT })
  await ok('contracts.create', { merchantId: merchant.id, name: 'CN 2026', settlementCurrency: 'CNY', feeRate: '2', fixedFee: '1.00', reserveRate: '10', reserveHoldDays: 30, withdrawalFee: '5.00', validFrom: '2026-01-01' })
  await ok('services.create', { merchantId: merchant.id, serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', singleLower: '500', singleUpper: '20000', activated: true })
  const roles = await ok<{ id: number; name: string }[]>('roles.list', {})
  const role = roles.find((r) => r.name === 'Field engineer')
  expect(role, 'the built-in field engineer role').toBeDefined()
  await ok('users.create', { ...ENGINEER, merchantId: null, roleIds: [role!.id] })
  // A user an administrator made changes the first password; the fixture does it and changes it back.
  await host.login(ENGINEER.username, ENGINEER.password)
}

async function signIn(page: Page, host: Host, user: { username: string; password: string }, name: string, onScreen: (page: Page) => void): Promise<AppShell> {
  const login = new LoginPage(page)
  await login.open(host.url)
  await expect(login.heading).toBeVisible()
  onScreen(page)
  await login.signIn(user.username, user.password)
  const shell = new AppShell(page)
  await expect(shell.welcome(name)).toBeVisible()
  return shell
}

/** A screen as a route with its ids taken out: `/fieldtest/runs/3` and `/fieldtest/runs/4` are one screen. */
function screenOf(page: Page): string {
  const hash = new URL(page.url()).hash.replace(/^#/, '') || '/'
  return hash.replace(/\/\d+/g, '/:id').replace(/\?.*$/, '')
}

test('a field engineer connects, rehearses, runs and signs a new channel; a reviewer countersigns', async ({ page, browser, host }) => {
  test.setTimeout(180_000)
  await merchantWorld(host)
  const screens: string[] = []
  const seen = (p: Page = page) => {
    const screen = screenOf(p)
    if (screens.at(-1) !== screen) screens.push(screen)
  }

  await signIn(page, host, ENGINEER, ENGINEER.displayName, seen)
  seen()

  const channels = new MasterDataPage(page, '/master/channels', 'Channels')
  await test.step('the new channel, 100–50,000 CNY, without credentials yet', async () => {
    await channels.open()
    seen()
    await expect(page.getByTestId('nav-fieldtest-simulator'), 'the field testing menu').toBeVisible()
    const form = await channels.startCreate('New channel', 'New channel')
    await form.fill('Channel name', CHANNEL)
    await form.fill('Provider', 'dragonbank')
    await form.choose('Currency', 'CNY — Chinese yuan')
    await form.fill('Deposit limits: lower (CNY)', '100')
    await form.fill('Deposit limits: upper (CNY)', '50000')
    await form.submit('Create channel')
    await expect(form.root).toBeHidden()
    await channels.rowAction(CHANNEL, 'Details')
    await expect(new ProviderConnection(page).section).toHaveText(en.fieldtest.connect.notConnected)
    await page.keyboard.press('Escape')
  })

  await test.step('bound to the merchant’s bank card deposits', async () => {
    const bindings = new MasterDataPage(page, '/master/channel-service-bindings', 'Channel–service bindings')
    await bindings.open()
    seen()
    const form = await bindings.startCreate('New binding', 'New binding')
    await form.choose('Channel', CHANNEL_OPTION)
    await form.choose('Service', new RegExp(`${MERCHANT} · CNY bank card · Deposit`))
    await form.submit('Create binding')
    await expect(form.root).toBeHidden()
  })

  let simulatorUrl = ''
  await test.step('the simulator started from the app, on a free port, and the channel pointed at it', async () => {
    const simulator = new SimulatorScreen(page)
    await simulator.open()
    seen()
    await expect(simulator.state).toHaveAttribute('data-running', 'no')
    // Its times are in the user's display zone (the business zone here), and it says so.
    await expect(page.getByTestId('time-zone-note').first()).toHaveText('Times are in your display time zone (UTC+08:00).')
    simulatorUrl = await simulator.start()
    expect(simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    // The address reads as it is typed, not upper-cased.
    expect(await simulator.state.innerText()).toContain(simulatorUrl)
    await simulator.connect(CHANNEL_OPTION, 'Dragon')
    await expect(page.getByTestId('simulator-channels')).toContainText(`${CHANNEL} · CNY · registered`)

    // A behaviour switched on for this channel's amounts ending in .13, then taken off again.
    const panel = new FormDialog(page, page.getByTestId('behaviour-form'))
    await panel.choose(en.fieldtest.simulator.forChannel, CHANNEL_OPTION, 'Dragon')
    await panel.choose(en.fieldtest.simulator.behaviour, en.fieldtest.simulator.behaviourNames.duplicate_callback)
    await panel.fill(en.fieldtest.simulator.amountPattern, '\\.13$')
    await panel.submit(en.fieldtest.simulator.addRule)
    const rule = simulator.rules.locator('tbody tr').filter({ hasText: en.fieldtest.simulator.behaviourNames.duplicate_callback })
    await expect(rule).toContainText(CHANNEL)
    await expect(rule).toContainText('\\.13$')
    await rule.getByRole('button', { name: en.fieldtest.simulator.removeRule }).click()
    await expect(rule).toHaveCount(0)
  })

  await test.step('the connection test: each step passes, secrets masked, the verdict is "works"', async () => {
    await channels.open()
    seen()
    await channels.rowAction(CHANNEL, 'Details')
    const connection = new ProviderConnection(page)
    await expect(connection.section).toHaveText(`Connected to ${simulatorUrl}`)
    await connection.test()
    await expect(connection.verdict).toHaveAttribute('data-verdict', 'works')
    await expect(connection.verdict).toContainText(en.fieldtest.verdict.works.title)
    for (const step of ['connection', 'http', 'body', 'ourSignature', 'theirSignature'] as const) await expect(connection.step(step)).toHaveAttribute('data-state', 'passed')
    await expect(page.getByTestId('connection-request')).toContainText(`POST ${simulatorUrl}/`)
    await expect(page.getByTestId('signature-theirs')).toContainText('valid')
    await page.locator('.mantine-Modal-content').filter({ has: connection.verdict }).locator('.mantine-Modal-close').click()
    await expect(connection.verdict).toBeHidden()

    // The settings editor tries a change before saving it: a wrong query path is named as such.
    await page.getByRole('button', { name: en.fieldtest.connect.edit, exact: true }).click()
    const editor = new FormDialog(page, page.getByRole('dialog', { name: `Provider settings of ${CHANNEL}` }))
    await expect(editor.field(en.fieldtest.connect.baseUrl)).toHaveValue(simulatorUrl)
    await expect(editor.root.getByTestId('credential-keys'), 'credentials are named, never shown').toContainText('merchantNo')
    await editor.fill(en.fieldtest.connect.paths.query, '/nowhere')
    await editor.root.getByTestId('test-unsaved').click()
    await expect(editor.root.getByTestId('connection-verdict')).toHaveAttribute('data-verdict', 'wrong_path')
    await expect(editor.root.getByTestId('connection-verdict')).toContainText(en.fieldtest.verdict.wrong_path.title)
    await editor.fill(en.fieldtest.connect.baseUrl, 'not an address')
    await editor.submit('Save')
    await expect(editor.error('must be an http:// or https:// address')).toBeVisible()
    await editor.root.getByRole('button', { name: 'Cancel', exact: true }).click()
    await expect(editor.root).toBeHidden()
    await expect(connection.section, 'nothing was saved').toHaveText(`Connected to ${simulatorUrl}`)
    await page.keyboard.press('Escape')
  })

  const plan = new PlanScreen(page)
  await test.step('a plan generated from the channel: boundary values around 500–20,000', async () => {
    await plan.openList()
    seen()
    await plan.generate(CHANNEL_OPTION, 'Dragon')
    seen()
    await expect(page.getByTestId('plan-services')).toContainText('500.00 – 20,000.00 CNY')
    await expect(plan.steps).toContainText(en.fieldtest.plans.purposes.below_lower)
    await expect(plan.steps).toContainText(en.fieldtest.plans.purposes.at_upper)
    const generated = await plan.steps.locator('tbody tr').count()

    // The engineer adds a pause and saves the plan as its version 2.
    await page.getByRole('button', { name: en.fieldtest.plans.addStep, exact: true }).click()
    const step = new FormDialog(page, page.getByRole('dialog', { name: en.fieldtest.plans.addStep }))
    await step.fill(en.fieldtest.plans.stepTitle, 'A pause before the end')
    await step.choose(en.fieldtest.plans.action, en.fieldtest.plans.actions.wait)
    await step.fill(en.fieldtest.plans.waitSeconds, '1')
    await step.submit('Save')
    await expect(step.root).toBeHidden()
    await expect(page.getByTestId('plan-unsaved')).toBeVisible()
    await page.getByLabel(en.fieldtest.plans.versionNote).fill('adds a pause')
    await page.getByRole('button', { name: en.fieldtest.plans.saveVersion, exact: true }).click()
    await expect(page.getByTestId('plan-unsaved')).toBeHidden()
    await expect(page.getByTestId('plan-version')).toHaveValue('Version 2 (current)')
    await expect(plan.steps.locator('tbody tr')).toHaveCount(generated + 1)
  })
  const planUrl = page.url()

  const run = new RunScreen(page)
  let rehearsalId = 0
  await test.step('a rehearsal on the simulator with every order declined: the money steps fail, saying why', async () => {
    await plan.startRun('simulator', CAPS, [{ behaviour: en.fieldtest.simulator.behaviourNames.decline }])
    await expect(page).toHaveURL(/#\/fieldtest\/runs\/\d+$/)
    seen()
    rehearsalId = run.runId()
    await expect(page.getByTestId('run-faults')).toContainText(en.fieldtest.simulator.behaviourNames.decline)
    await run.waitForEnd()
    // Finished, but not a clean pass: the badge says steps failed (red), not a green "finished".
    await expect(run.status).toHaveAttribute('data-outcome', 'finished_failed')
    await expect(run.status).toHaveText(en.fieldtest.runs.statuses.finished_failed)
    await expect(run.stepsWith('failed').first()).toBeVisible()
    await expect(run.stepsWith('failed').first().getByTestId('step-cause')).toContainText('declined')
  })

  await test.step('the channel’s rehearsal copy is listed as such, with nothing to edit or disable', async () => {
    await channels.open()
    const copy = channels.table.rows.filter({ has: page.getByTestId('rehearsal-copy') })
    await expect(copy).toHaveCount(1)
    await expect(copy.getByTestId('rehearsal-copy')).toHaveText(`${CHANNEL}${en.channels.rehearsalBadge}`)
    await expect(copy.getByTestId('row-kept-by')).toHaveText(en.channels.keptInStep.replace('{{name}}', CHANNEL))
    await expect(copy.getByRole('button')).toHaveText([en.master.details])
    await expect(channels.row(CHANNEL).getByRole('button', { name: 'Edit', exact: true })).toBeVisible()
  })

  await test.step('the simulator panel names the rehearsal copy by its channel, never by its stored name', async () => {
    const simulator = new SimulatorScreen(page)
    await simulator.open()
    const copy = en.channels.rehearsalName.replace('{{name}}', CHANNEL)
    await expect(page.getByTestId('simulator-channels')).toContainText(`${copy} · CNY · ${en.fieldtest.simulator.registered}`)
    await page.getByRole('tab', { name: en.fieldtest.simulator.requests }).click()
    const requests = page.getByTestId('simulator-requests')
    await expect(requests.locator('tbody tr').filter({ hasText: copy }).first()).toBeVisible()
    // Amounts with their currency; outcomes by their names.
    await expect(requests.locator('tbody tr').filter({ hasText: copy }).filter({ hasText: ' CNY' }).first()).toBeVisible()
    await expect(requests).not.toContainText('not_found')
    for (const shown of [page.getByTestId('simulator-channels'), requests]) await expect(shown).not.toContainText(`${CHANNEL} · rehearsal`)
  })

  let liveId = 0
  await test.step('the live run: it waits for the caps to be confirmed before the first money moves, then finishes', async () => {
    await page.goto(planUrl)
    seen()
    await plan.startRun('live', CAPS)
    await expect(page).toHaveURL(/#\/fieldtest\/runs\/\d+$/)
    seen()
    liveId = run.runId()
    expect(liveId).not.toBe(rehearsalId)
    await run.confirmLive(CAPS.maxOrders, CAPS.maxAmount, CAPS.currency)
    await run.waitForEnd()
    await expect(run.status).toHaveAttribute('data-status', 'finished')
    await expect(run.stepsWith('passed').first()).toBeVisible()
    // A paid step's evidence: the amounts four ways and the callback's signature verdict.
    await run.stepsWith('passed').filter({ has: page.getByTestId('step-cause').filter({ hasText: /^Paid:/ }) }).first().click()
    await expect(page.getByTestId('step-evidence')).toBeVisible()
    for (const amount of ['requested', 'acceptedUpstream', 'paidInCallback', 'postedToLedger']) await expect(page.getByTestId('step-amounts').locator(`[data-amount="${amount}"]`)).toContainText('500.00 CNY')
    await expect(page.getByTestId('step-callbacks')).toContainText(en.fieldtest.runs.signatures.valid)
    await expect(page.getByTestId('step-exchange').first()).toBeVisible()
    await page.keyboard.press('Escape')
  })

  await test.step('rehearsal beside live: the declined steps stand out', async () => {
    await page.getByTestId('compare-with').click()
    await page.getByRole('option', { name: new RegExp(`^Run ${rehearsalId} ·`) }).click()
    await expect(page).toHaveURL(new RegExp(`#/fieldtest/runs/${liveId}/compare/${rehearsalId}$`))
    seen()
    await expect(page.getByTestId('compare-differing')).toContainText('steps differ')
    await expect(page.locator('[data-testid="compare-steps"] tr[data-differs="yes"]').first()).toBeVisible()
    await page.goBack()
    seen()
  })

  let head = ''
  let exported = { name: '', text: '' }
  await test.step('the signed report, downloaded as HTML and JSON', async () => {
    await page.getByRole('button', { name: en.fieldtest.runs.sign, exact: true }).click()
    // Nothing is signed before the engineer has read what: the plan and the outcome counts.
    const confirm = page.getByTestId('sign-confirm')
    await expect(confirm).toContainText(CHANNEL)
    await expect(confirm.getByTestId('sign-confirm-counts')).toHaveText(/^\d+ steps: \d+ passed, \d+ failed, /)
    await expect(page).toHaveURL(new RegExp(`#/fieldtest/runs/${liveId}$`))
    await confirm.getByTestId('sign-confirm-button').click()
    await expect(page).toHaveURL(/#\/fieldtest\/reports\/\d+$/)
    seen()
    const report = new ReportScreen(page)
    await expect(report.verification).toHaveAttribute('data-ok', 'yes')
    await expect(report.signatures.locator('[data-role="engineer"]')).toContainText(ENGINEER.displayName)
    head = ((await page.locator('code').first().textContent()) ?? '').trim()
    expect(head).toMatch(/^[0-9a-f]{64}$/)
    const html = await report.download('html')
    exported = html
    expect(html.name).toBe(`paydesk-field-test-run-${liveId}.en.html`)
    expect(html.text).toContain('<html')
    expect(html.text).toContain(head)
    // It tells its reader (who has no repository) where the app checks it: the names the app shows.
    expect(html.text).toContain(`${en.nav.groups.fieldTesting} › ${en.nav.items.fieldTestReports} › ${en.fieldtest.reports.checkFile}`)
    const json = await report.download('json')
    expect(json.name).toBe(`paydesk-field-test-run-${liveId}.json`)
    expect(JSON.stringify(JSON.parse(json.text))).toContain(head)
    // The downloaded files, checked in the app (the packaged app's users have no npm); an edited page is not intact.
    for (const file of [html, json]) await expect(await report.checkFile(file.name, file.text)).toHaveAttribute('data-verdict', 'intact')
    const edited = await report.checkFile('edited.html', html.text.replace('<html lang="en">', '<html lang="en-GB">'))
    await expect(edited).toHaveAttribute('data-verdict', 'notVerifiable')
    await expect(edited).toContainText(en.fieldtest.reports.notVerifiable)
  })
  const reportUrl = page.url()
  // The moonshot's journey: from the credentials in hand to a signed, exported report.
  const engineerScreens = new Set(screens)

  await test.step('a second user countersigns it (and reads it in Chinese)', async () => {
    const context = await browser.newContext()
    const reviewer = await context.newPage()
    const shell = await signIn(reviewer, host, ADMIN, ADMIN.username, seen)
    seen(reviewer)
    await shell.navigate('/fieldtest/reports')
    seen(reviewer)
    // Where the page sent its reader: the file they were sent, checked from the reports list, with the keys that signed it.
    const received = new ReportScreen(reviewer)
    const check = await received.checkFile(exported.name, exported.text)
    await expect(check).toHaveAttribute('data-verdict', 'intact')
    await expect(check.locator('[data-role="engineer"]')).toContainText(`${ENGINEER.username}, key `)
    await reviewer.getByTestId('reports').getByRole('button', { name: en.fieldtest.open }).first().click()
    await expect(reviewer).toHaveURL(reportUrl)
    seen(reviewer)
    const report = new ReportScreen(reviewer)
    await report.countersign()
    await expect(report.signatures.locator('[data-role="reviewer"]')).toContainText(ADMIN.username)
    await shell.switchLanguage('zh-CN')
    await expect(reviewer.getByRole('button', { name: zhCN.fieldtest.reports.exportHtml })).toBeVisible()
    await expect(report.verification).toContainText(zhCN.fieldtest.reports.intact)
    await context.close()
  })

  const distinct = new Set(screens)
  console.log(`field test journey: ${engineerScreens.size} screens to a signed, exported report (${[...engineerScreens].join(', ')}); ${distinct.size} with the countersignature, ${screens.length} screen visits in all`)
  expect(engineerScreens.size, 'the issue’s moonshot: at most 10 screens').toBeLessThanOrEqual(10)
})

test('the field testing screens and the provider settings editor speak Simplified Chinese', async ({ page, host }) => {
  const token = await host.login(ADMIN.username, ADMIN.password)
  const created = await host.api('/api/channels.create', { name: CHANNEL, provider: 'dragonbank', currency: 'CNY' }, token)
  expect(created.status, created.body.message).toBe(200)
  // Names that are data or protocol (the provider's parameter names, the time zone, HTTP), not interface text.
  const dataValues = [ADMIN.username, CHANNEL, 'dragonbank', 'CNY', 'UTC', 'HTTP', 'HTML', 'JSON', 'MD5', 'HMAC-SHA256', 'TLS', 'x-www-form-urlencoded', 'https://', 'http://', ...OUTBOUND_FIELDS, ...RESPONSE_FIELDS]
  // What the form preset fills in and the engineer types: the provider's paths and credential names.
  const typed = ['ftp://nowhere', '/gateway/pay', '/gateway/payout', '/gateway/query', '/gateway/refund', '/gateway/refund_query', 'sign', 'key']
  const noEnglishLeft = async () => expect.poll(async () => englishLeft(await visibleText(page), dataValues)).toEqual([])

  const shell = await signIn(page, host, ADMIN, ADMIN.username, () => undefined)
  await shell.switchLanguage('zh-CN')
  for (const [path, title] of [
    ['/fieldtest/simulator', zhCN.fieldtest.simulator.title],
    ['/fieldtest/plans', zhCN.fieldtest.plans.title],
    ['/fieldtest/runs', zhCN.fieldtest.runs.title],
    ['/fieldtest/reports', zhCN.fieldtest.reports.title]
  ] as const) {
    await shell.navigate(path)
    await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible()
    await noEnglishLeft()
  }

  await shell.navigate('/master/channels')
  await new MasterDataPage(page, '/master/channels', zhCN.channels.title).row(CHANNEL).getByRole('button', { name: zhCN.master.details, exact: true }).click()
  await expect(page.getByTestId('channel-connection')).toHaveText(zhCN.fieldtest.connect.notConnected)
  await page.getByRole('button', { name: zhCN.fieldtest.connect.setUp }).click()
  const editor = new FormDialog(page, page.getByRole('dialog', { name: zhCN.fieldtest.connect.editTitle.replace('{{name}}', CHANNEL) }))
  // Saved with nothing filled in: each folded section holding a refused field opens and says how many.
  await editor.submit(zhCN.common.save)
  for (const section of ['answers', 'callbacks']) {
    await expect(page.getByTestId(`section-errors-${section}`)).toHaveText(/^\d+ 处需修改$/)
  }
  await expect(editor.field(zhCN.fieldtest.connect.successPath)).toBeVisible()
  await editor.choose(zhCN.fieldtest.connect.preset, zhCN.fieldtest.connect.presets.form_md5)
  await expect(editor.field(zhCN.fieldtest.connect.baseUrl)).toHaveValue('https://pay.provider.example')
  await editor.fill(zhCN.fieldtest.connect.baseUrl, 'ftp://nowhere')
  await editor.submit(zhCN.common.save)
  await expect(editor.error(connectTextZhCN['rule.adapter.baseUrl']), 'the contract’s rule, under the field, in Chinese').toBeVisible()
  // The sections opened by the first save show what the preset filled in: the provider's names and status values.
  const presets = await host.api<{ presets: { key: string }[] }>('/api/channels.providerPresets', {}, token)
  const leaves = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...leaves(v)]) : [])
  const presetValues = leaves(presets.body.data.presets.find((p) => p.key === 'form_md5'))
  await expect.poll(async () => englishLeft(await visibleText(page), [...dataValues, ...typed, ...presetValues])).toEqual([])
})
