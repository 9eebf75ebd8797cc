import type { Locator } from '@playwright/test'

/** A mantine-datatable, read the way a person reads it: rows, and a column by its header. */
export class DataTableView {
  readonly rows: Locator

  constructor(readonly root: Locator) {
    this.rows = root.locator('tbody tr')
  }

  /** Rows showing `text` in one of their cells, exactly. */
  rowWithCell(text: string): Locator {
    return this.rows.filter({ has: this.root.page().getByRole('cell', { name: text, exact: true }) })
  }

  /** The texts of one column, top to bottom (once the table has its header: a page still loading has none). */
  async column(header: string): Promise<string[]> {
    await this.root.locator('thead th').first().waitFor()
    const headers = (await this.root.locator('thead th').allInnerTexts()).map((h) => h.trim())
    const index = headers.indexOf(header)
    if (index === -1) throw new Error(`no column "${header}" among ${headers.join(', ')}`)
    return (await this.root.locator(`tbody tr > td:nth-child(${index + 1})`).allInnerTexts()).map((t) => t.trim())
  }
}
