import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'

export class MerchantsPage {
  readonly heading: Locator
  readonly newMerchant: Locator
  readonly dialog: Locator
  /** The one-time display of a new or rotated signing secret. */
  readonly secretDialog: Locator
  readonly table: DataTableView

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Merchants', exact: true })
    this.newMerchant = page.getByRole('button', { name: 'New merchant' })
    this.dialog = page.getByRole('dialog', { name: 'New merchant' })
    this.secretDialog = page.getByRole('dialog', { name: /^Signing secret of / })
    this.table = new DataTableView(page.getByRole('table'))
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/master/merchants')
    await expect(this.heading).toBeVisible()
  }

  /** Creates an active merchant through the form, waits for it to show in the list, and returns its signing secret. */
  async create(name: string, contact: { contactName?: string; contactEmail?: string; notifyUrl?: string } = {}): Promise<string> {
    await this.newMerchant.click()
    await this.dialog.getByLabel('Merchant name', { exact: true }).fill(name)
    if (contact.contactName) await this.dialog.getByLabel('Contact name', { exact: true }).fill(contact.contactName)
    if (contact.contactEmail) await this.dialog.getByLabel('Contact email', { exact: true }).fill(contact.contactEmail)
    if (contact.notifyUrl) await this.dialog.getByLabel('Notify URL', { exact: true }).fill(contact.notifyUrl)
    await this.dialog.getByRole('button', { name: 'Create merchant' }).click()
    await expect(this.dialog).toBeHidden()
    const secret = await this.acknowledgeSecret()
    await expect(this.table.rowWithCell(name)).toBeVisible()
    return secret
  }

  /** Reads the signing secret shown once, and closes its dialog as the user who stored it. */
  async acknowledgeSecret(): Promise<string> {
    await expect(this.secretDialog).toBeVisible()
    const secret = (await this.secretDialog.getByTestId('signing-secret').innerText()).trim()
    await this.secretDialog.getByRole('button', { name: 'I have stored it' }).click()
    await expect(this.secretDialog).toBeHidden()
    return secret
  }
}
