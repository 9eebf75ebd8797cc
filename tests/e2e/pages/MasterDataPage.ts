import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'
import { FormDialog } from './FormDialog'

/**
 * Any master-data list page (contracts, merchants, terminals, services, channels, bindings): the
 * table, a row's buttons, and the create/edit dialog and details drawer it opens.
 */
export class MasterDataPage {
  readonly heading: Locator
  readonly table: DataTableView
  readonly drawer: Locator

  constructor(
    readonly page: Page,
    readonly path: string,
    readonly title: string
  ) {
    this.heading = page.getByRole('heading', { name: title, exact: true, level: 2 })
    this.table = new DataTableView(page.getByRole('table').first())
    this.drawer = page.locator('.mantine-Drawer-content')
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate(this.path)
    await expect(this.heading).toBeVisible()
  }

  /** The modal with this title (create, edit, confirm…). */
  dialog(title: string | RegExp): FormDialog {
    return new FormDialog(this.page, this.page.getByRole('dialog', { name: title }))
  }

  /** Clicks a button beside the title ("New contract") and returns the dialog it opens. */
  async startCreate(button: string, dialogTitle: string): Promise<FormDialog> {
    await this.page.getByRole('button', { name: button, exact: true }).click()
    const dialog = this.dialog(dialogTitle)
    await expect(dialog.root).toBeVisible()
    return dialog
  }

  /** The row showing `cell` exactly in one of its cells. */
  row(cell: string): Locator {
    return this.table.rowWithCell(cell)
  }

  /** Clicks a row's button: Details, Edit, Disable or Enable. */
  async rowAction(cell: string, action: 'Details' | 'Edit' | 'Disable' | 'Enable'): Promise<void> {
    await this.row(cell).getByRole('button', { name: action, exact: true }).click()
  }

  /** The button in a sortable column's header; its title says how the column is sorted. */
  sortButton(header: string): Locator {
    return this.table.root.locator('thead').getByRole('button', { name: header, exact: true })
  }

  async sortBy(header: string): Promise<void> {
    await this.sortButton(header).click()
  }

  /**
   * Types into the list's search box and waits for the list it gives: every row shown holds the
   * text and none is loading. The search is sent 300 ms after the typing, and while its answer
   * loads the table lies under a loader: a row's button clicked then (the full run on b477aeb,
   * once) is a click on the loader, and nothing opens.
   */
  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^Search / }).fill(text)
    await expect(this.table.rows.filter({ hasNotText: text })).toHaveCount(0)
    await expect(this.page.locator('.mantine-datatable-loader-fetching')).toHaveCount(0)
  }
}
