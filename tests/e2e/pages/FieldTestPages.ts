import { expect, type Locator, type Page } from '@playwright/test'
import { en } from '../../../src/renderer/src/i18n/en'
import { AppShell } from './AppShell'
import { FormDialog } from './FormDialog'

const F = en.fieldtest

/** The channel's provider connection, in the channel's details drawer. */
export class ProviderConnection {
  readonly section: Locator
  readonly result: Locator
  readonly verdict: Locator

  constructor(readonly page: Page) {
    this.section = page.getByTestId('channel-connection')
    this.result = page.getByTestId('connection-test')
    this.verdict = page.getByTestId('connection-verdict')
  }

  async test(): Promise<void> {
    await this.page.getByRole('button', { name: F.connect.test, exact: true }).click()
    await expect(this.verdict).toBeVisible()
  }

  step(name: keyof typeof F.connectTest.stepNames): Locator {
    return this.result.locator(`tr[data-step="${name}"]`)
  }
}

/** `#/fieldtest/simulator`. */
export class SimulatorScreen {
  readonly state: Locator
  readonly rules: Locator

  constructor(readonly page: Page) {
    this.state = page.getByTestId('simulator-state')
    this.rules = page.getByTestId('simulator-rules')
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/fieldtest/simulator')
    await expect(this.page.getByRole('heading', { name: F.simulator.title, level: 2 })).toBeVisible()
  }

  /** Starts it on a free port (0): each test's host has its own simulator, so parallel tests never collide. */
  async start(): Promise<string> {
    await this.page.getByRole('button', { name: F.simulator.start, exact: true }).click()
    await expect(this.state).toHaveAttribute('data-running', 'yes')
    const text = (await this.state.textContent()) ?? ''
    return /http:\/\/127\.0\.0\.1:\d+/.exec(text)![0]
  }

  async connect(channelLabel: string, search: string): Promise<void> {
    const form = new FormDialog(this.page, this.page.locator('main'))
    await form.choose(F.simulator.connectChannel, channelLabel, search)
    await this.page.getByRole('button', { name: F.simulator.connect, exact: true }).click()
  }
}

/** `#/fieldtest/plans` and a plan's page. */
export class PlanScreen {
  readonly steps: Locator

  constructor(readonly page: Page) {
    this.steps = page.getByTestId('plan-steps')
  }

  async openList(): Promise<void> {
    await new AppShell(this.page).navigate('/fieldtest/plans')
    await expect(this.page.getByRole('heading', { name: F.plans.title, level: 2 })).toBeVisible()
  }

  /** From the plans list: generates a plan of the channel and lands on its page. */
  async generate(channelLabel: string, search: string): Promise<void> {
    await this.page.getByRole('button', { name: F.plans.generate, exact: true }).click()
    const dialog = new FormDialog(this.page, this.page.getByRole('dialog', { name: F.plans.generateTitle }))
    await dialog.choose(F.channel, channelLabel, search)
    await dialog.submit(F.plans.generate)
    await expect(this.steps).toBeVisible()
  }

  async startRun(target: 'simulator' | 'live', caps: { maxOrders: string; maxAmount: string; currency: string }, faults: { behaviour: string; pattern?: string }[] = []): Promise<void> {
    await this.page.getByRole('button', { name: F.plans.startRun, exact: true }).click()
    const dialog = new FormDialog(this.page, this.page.getByTestId('start-run-form'))
    await dialog.root.getByText(F.runs.targets[target], { exact: true }).click()
    await dialog.fill(F.runs.maxOrders, caps.maxOrders)
    await dialog.fill(F.runs.maxAmount.replace('{{currency}}', caps.currency), caps.maxAmount)
    for (const [index, fault] of faults.entries()) {
      await dialog.root.getByRole('button', { name: F.runs.addFault, exact: true }).click()
      const box = dialog.root.getByRole('combobox', { name: F.runs.fault, exact: true }).or(dialog.root.getByRole('textbox', { name: F.runs.fault, exact: true })).nth(index)
      await box.click()
      await this.page.getByRole('option', { name: fault.behaviour, exact: true }).click()
      if (fault.pattern) await dialog.root.getByLabel(F.simulator.amountPattern, { exact: true }).nth(index).fill(fault.pattern)
    }
    await dialog.submit(F.runs.start)
  }
}

/** A run's page: its status, steps, confirmation and stop. */
export class RunScreen {
  readonly status: Locator
  readonly steps: Locator

  constructor(readonly page: Page) {
    this.status = page.getByTestId('run-status').first()
    this.steps = page.getByTestId('run-steps')
  }

  runId(): number {
    return Number(/#\/fieldtest\/runs\/(\d+)/.exec(this.page.url())![1])
  }

  async waitForEnd(timeout = 90_000): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', /finished|stopped/, { timeout })
  }

  async confirmLive(maxOrders: string, maxAmount: string, currency: string): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'awaiting_confirmation', { timeout: 30_000 })
    await this.page.getByRole('button', { name: F.runs.confirm, exact: true }).click()
    const dialog = new FormDialog(this.page, this.page.getByRole('dialog', { name: F.runs.confirmTitle }))
    await dialog.fill(F.runs.maxOrders, maxOrders)
    await dialog.fill(F.runs.maxAmount.replace('{{currency}}', currency), maxAmount)
    await dialog.submit(F.runs.confirm)
    await expect(dialog.root).toBeHidden()
  }

  stepsWith(status: string): Locator {
    return this.steps.locator(`tbody tr[data-status="${status}"]`)
  }
}

/** A report's page: its check, its signatures, the downloads and the countersignature. */
export class ReportScreen {
  readonly verification: Locator
  readonly signatures: Locator

  constructor(readonly page: Page) {
    this.verification = page.getByTestId('report-verification')
    this.signatures = page.getByTestId('report-signatures')
  }

  /** Downloads the report as a file and returns its name and text. */
  async download(kind: 'html' | 'json'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: kind === 'html' ? F.reports.exportHtml : F.reports.exportJson, exact: true }).click()])
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') }
  }

  /** Checks a report file with the page's own check, as someone who was sent it would; the check's box. */
  async checkFile(name: string, text: string): Promise<Locator> {
    await this.page.locator('input[type="file"]').setInputFiles({ name, mimeType: name.endsWith('.html') ? 'text/html' : 'application/json', buffer: Buffer.from(text, 'utf8') })
    return this.page.getByTestId('report-file-check')
  }

  async countersign(): Promise<void> {
    await this.page.getByRole('button', { name: F.reports.countersign, exact: true }).click()
    await this.page.getByTestId('countersign-confirm').click()
    await expect(this.signatures.locator('[data-role="reviewer"]')).toBeVisible()
  }
}
