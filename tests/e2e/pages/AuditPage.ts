import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'

export class AuditPage {
  readonly heading: Locator
  readonly procedureFilter: Locator
  readonly targetTypeFilter: Locator
  readonly table: DataTableView

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Audit log', exact: true })
    this.procedureFilter = page.getByRole('combobox', { name: 'Procedure', exact: true })
    this.targetTypeFilter = page.getByRole('combobox', { name: 'Target type', exact: true })
    this.table = new DataTableView(page.getByRole('table'))
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/audit')
    await expect(this.heading).toBeVisible()
  }

  /** Rows of one procedure, optionally only those by one actor (a username, or `anonymous`). */
  /** The rows of a procedure (by its code, shown beside its name), by an actor if given. */
  rows(procedure: string, actor?: string): Locator {
    const rows = this.page.getByRole('table').locator('tbody tr').filter({ has: this.page.locator('td code').getByText(procedure, { exact: true }) })
    return actor ? rows.filter({ has: this.page.getByRole('cell', { name: actor, exact: true }) }) : rows
  }

  /** Chooses in a code filter: typed (a name or a code), then the option of that name picked. */
  async choose(filter: Locator, typed: string, name: string): Promise<void> {
    await filter.click()
    await filter.fill(typed)
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click()
    await expect(filter).toHaveValue(name)
  }

  async clear(filter: Locator): Promise<void> {
    // Mantine hides its clear button from the accessibility tree; it sits beside the input.
    await filter.locator('xpath=..').locator('button').click()
    await expect(filter).toHaveValue('')
  }

  async filterByProcedure(typed: string, name: string): Promise<void> {
    await this.choose(this.procedureFilter, typed, name)
  }
}
