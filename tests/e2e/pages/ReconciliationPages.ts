import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { CasePage } from './CasePage'
import { FormDialog } from './FormDialog'

/** A file given to the page's (only) file input, as a person picking it would. */
async function chooseFile(root: Locator, name: string, buffer: Buffer): Promise<void> {
  await root.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer })
}

/** `#/reconciliation/sources/new` and a source's profile editor: start, sample, columns, the source's fields. */
export class ProfileEditor {
  readonly form: FormDialog
  readonly sampleEncoding: Locator
  readonly sampleHeaderRow: Locator
  readonly anchors: Locator
  readonly headerDifference: Locator
  readonly missingMappings: Locator
  readonly mappedSummary: Locator
  readonly mappedLines: Locator

  constructor(readonly page: Page) {
    this.form = new FormDialog(page, page.getByRole('main'))
    this.sampleEncoding = page.getByTestId('sample-encoding')
    this.sampleHeaderRow = page.getByTestId('sample-header-row')
    this.anchors = page.getByTestId('sample-anchors')
    this.headerDifference = page.getByTestId('mapped-result').getByTestId('header-difference')
    this.missingMappings = page.getByTestId('missing-mappings')
    this.mappedSummary = page.getByTestId('mapped-summary')
    this.mappedLines = page.getByTestId('preview-lines').locator('tbody tr')
  }

  async openNew(): Promise<void> {
    await new AppShell(this.page).navigate('/reconciliation/sources')
    await this.page.getByRole('button', { name: 'New source', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'New statement source', level: 2 })).toBeVisible()
  }

  async uploadSample(name: string, buffer: Buffer): Promise<void> {
    await chooseFile(this.page.getByRole('main'), name, buffer)
  }

  /** Maps a column of the sample's header to a line field. */
  async mapColumn(column: string, field: string): Promise<void> {
    await this.form.choose(`Read ${column} as`, field)
  }
}

/** `#/reconciliation/import`: source, file, dry run, its report, the import. */
export class ImportScreen {
  readonly form: FormDialog
  readonly report: Locator
  readonly controls: Locator
  readonly done: Locator
  readonly alreadyImported: Locator

  constructor(readonly page: Page) {
    this.form = new FormDialog(page, page.getByRole('main'))
    this.report = page.getByTestId('dry-run-report')
    this.controls = page.getByTestId('control-totals')
    this.done = page.getByTestId('import-done')
    this.alreadyImported = page.getByTestId('already-imported')
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/reconciliation/import')
    await expect(this.page.getByRole('heading', { name: 'Import statements', level: 2 })).toBeVisible()
  }

  /** Chooses the source and the file, and runs the dry run to its report. */
  async dryRun(source: string, name: string, buffer: Buffer): Promise<void> {
    await this.form.choose('Source', source)
    await chooseFile(this.page.getByRole('main'), name, buffer)
    await expect(this.page.getByTestId('upload-done')).toContainText(name)
    await this.page.getByRole('button', { name: 'Start the dry run', exact: true }).click()
    await expect(this.report).toBeVisible()
  }
}

/** `#/reconciliation/runs/:id`: summary, cause groups, the break list and the selected break. */
export class RunScreen {
  readonly filters: FormDialog
  readonly list: Locator
  readonly rows: Locator
  readonly selected: Locator
  readonly detail: Locator
  readonly status: Locator
  readonly history: Locator
  readonly causes: Locator
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.filters = new FormDialog(page, page.getByRole('main'))
    this.list = page.getByTestId('break-list')
    // The breaks shown (an empty list still has its placeholder row).
    this.rows = this.list.locator('tbody tr[data-break-id]')
    this.selected = this.list.locator('tbody tr[aria-selected="true"]')
    this.detail = page.getByTestId('break-detail')
    this.status = this.detail.getByTestId('break-status')
    this.history = page.getByTestId('break-history').locator('tbody tr')
    this.causes = page.getByTestId('cause-groups')
    this.dialog = page.getByRole('dialog')
  }

  summary(figure: 'lines' | 'matched' | 'with-breaks' | 'open'): Locator {
    return this.page.getByTestId(`summary-${figure}`)
  }

  /** Shows the breaks of one type (every status) and selects the first. */
  async showType(type: string): Promise<void> {
    await this.filters.choose('Type', type)
    await expect(this.rows.first()).toContainText(type)
    await this.rows.first().click()
    await expect(this.detail).toContainText(type)
  }

  /** Decides the selected break by its key (the reason dialog opens with its box focused; Enter confirms). */
  async decideByKey(key: string, reason: string): Promise<void> {
    await this.page.keyboard.press(key)
    await expect(this.dialog).toBeVisible()
    await expect(this.dialog.getByRole('textbox', { name: 'Reason' })).toBeFocused()
    await this.page.keyboard.type(reason)
    await this.page.keyboard.press('Enter')
    await expect(this.dialog).toBeHidden()
  }
}

/**
 * The second user approves the adjustment a break's acceptance requested, on the adjustments page:
 * found by the clerk's reason (the request keeps it as written), its timeline naming the break.
 */
export async function approveAdjustmentOf(page: Page, breakId: number, reason: string): Promise<void> {
  await new AppShell(page).navigate('/finance/adjustments')
  await page.getByRole('textbox', { name: 'Search adjustments' }).fill(reason)
  // Once the search has applied, the list holds that one request (before, the click can land on a row being replaced).
  const rows = page.getByRole('table').first().locator('tbody tr')
  await expect(rows.filter({ hasNotText: reason })).toHaveCount(0)
  const row = rows.filter({ hasText: reason })
  await expect(row).toHaveCount(1)
  await row.getByRole('button', { name: 'Details' }).click()
  const detail = new CasePage(page)
  await expect(detail.heading(/^Adjustment /)).toBeVisible()
  await expect(detail.timelineRows().filter({ hasText: `Asked for to accept theirs on reconciliation break ${breakId} (` })).toHaveCount(1)
  await expect(detail.status).toHaveText('Pending approval')
  await (await detail.step('Approve and post')).submit('Approve and post')
  await expect(detail.status).toHaveText('Approved')
}
