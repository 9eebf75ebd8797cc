import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'

export class AuditPage {
  readonly heading: Locator
  readonly procedureFilter: Locator
  readonly table: DataTableView

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Audit log', exact: true })
    this.procedureFilter = page.getByLabel('Procedure', { exact: true })
    this.table = new DataTableView(page.getByRole('table'))
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/audit')
    await expect(this.heading).toBeVisible()
  }

  /** Rows of one procedure, optionally only those by one actor (a username, or `anonymous`). */
  rows(procedure: string, actor?: string): Locator {
    const rows = this.table.rowWithCell(procedure)
    return actor ? rows.filter({ has: this.page.getByRole('cell', { name: actor, exact: true }) }) : rows
  }

  async filterByProcedure(procedure: string): Promise<void> {
    await this.procedureFilter.fill(procedure)
  }
}
