import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'

export class MerchantsPage {
  readonly heading: Locator
  readonly newMerchant: Locator
  readonly dialog: Locator
  readonly table: DataTableView

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Merchants', exact: true })
    this.newMerchant = page.getByRole('button', { name: 'New merchant' })
    this.dialog = page.getByRole('dialog', { name: 'New merchant' })
    this.table = new DataTableView(page.getByRole('table'))
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/master/merchants')
    await expect(this.heading).toBeVisible()
  }

  /** Creates an active merchant through the form and waits for it to show in the list. */
  async create(name: string): Promise<void> {
    await this.newMerchant.click()
    await this.dialog.getByLabel('Merchant name', { exact: true }).fill(name)
    await this.dialog.getByRole('button', { name: 'Create merchant' }).click()
    await expect(this.dialog).toBeHidden()
    await expect(this.table.rowWithCell(name)).toBeVisible()
  }
}
