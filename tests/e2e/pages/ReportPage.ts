import { readFileSync } from 'node:fs'
import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'

/** "1,234.50 CNY" → 123450n (minor units), so sums are exact. */
export function minorUnits(text: string): bigint {
  const match = /^(-?)([\d,]+)(?:\.(\d+))?(?: [A-Z]+)?$/.exec(text.trim())
  if (!match) throw new Error(`not an amount: "${text}"`)
  const [, sign, whole, fraction = ''] = match
  const value = BigInt(`${whole.replace(/,/g, '')}${fraction}`)
  return sign ? -value : value
}

/** One of the five reports: its filters, the totals of the filtered set, and the paged table. */
export class ReportPage {
  readonly root: Locator
  readonly heading: Locator
  readonly table: DataTableView
  readonly totals: DataTableView
  readonly pagination: Locator

  constructor(
    readonly page: Page,
    readonly path: string,
    title: string
  ) {
    this.root = page.getByTestId(`report-${path.split('/').at(-1)}`)
    this.heading = page.getByRole('heading', { name: title, exact: true, level: 2 })
    this.table = new DataTableView(this.root.locator('.mantine-datatable table'))
    this.totals = new DataTableView(this.root.getByTestId('report-totals').locator('table'))
    this.pagination = this.root.getByText(/^\d+–\d+ of \d+$/)
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate(this.path)
    await expect(this.heading).toBeVisible()
  }

  async choose(label: string, option: string): Promise<void> {
    await this.root.getByRole('combobox', { name: label, exact: true }).click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
  }

  async fill(label: string, value: string): Promise<void> {
    await this.root.getByRole('textbox', { name: label, exact: true }).fill(value)
  }

  /** The total of one column for one currency as shown above the table; null while none shows (for `expect.poll`). */
  async total(currency: string, header: string): Promise<string | null> {
    if ((await this.totals.rows.count()) === 0) return null
    const index = (await this.totals.column('Currency')).indexOf(currency)
    return index === -1 ? null : (await this.totals.column(header))[index]
  }

  /** The cells of one row under the given headers. */
  async cells(row: number, headers: readonly string[]): Promise<string[]> {
    return Promise.all(headers.map(async (header) => (await this.table.column(header))[row]))
  }

  /**
   * Exports the filtered set through the Export menu (`item` is the format's menu item), waits for
   * the browser's download and for the page to say how many rows it wrote; the file's bytes.
   */
  async export(item: string, labels = { button: 'Export', done: /^Exported (\d+) rows to / }): Promise<{ bytes: Buffer; fileName: string; rows: number }> {
    const downloading = this.page.waitForEvent('download')
    await this.startExport(item, labels.button)
    const download = await downloading
    const status = this.exportStatus
    await expect(status).toHaveText(labels.done)
    const rows = Number(labels.done.exec((await status.innerText()).trim())?.[1])
    return { bytes: readFileSync(await download.path()), fileName: download.suggestedFilename(), rows }
  }

  /** The export's progress, Cancel button and outcome. */
  get exportStatus(): Locator {
    return this.root.getByTestId('report-export').getByRole('status')
  }

  /** Opens the Export menu and picks a format; the job's id once `reports.exportStart` has answered. */
  async startExport(item: string, button = 'Export'): Promise<string> {
    await this.root.getByRole('button', { name: button, exact: true }).click()
    const answered = this.page.waitForResponse((response) => response.url().endsWith('/api/reports.exportStart'))
    await this.page.getByRole('menuitem', { name: item, exact: true }).click()
    const body = (await (await answered).json()) as { data: { job: { id: string } } }
    return body.data.job.id
  }

  /** "1–20 of 57" → 57. */
  async totalCount(): Promise<number> {
    return Number(/of (\d+)$/.exec((await this.pagination.innerText()).trim())?.[1])
  }
}
