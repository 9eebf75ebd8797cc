import { expect, type Locator, type Page } from '@playwright/test'
import { FormDialog } from './FormDialog'

/** The saved-views control in a list's header: pick a view, save the filters on screen under a name. */
export class SavedViews {
  readonly picker: Locator

  constructor(readonly page: Page) {
    const main = page.getByRole('main')
    this.picker = main.getByRole('combobox', { name: 'Saved views', exact: true }).or(main.getByRole('textbox', { name: 'Saved views', exact: true })).first()
  }

  async save(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save view', exact: true }).click()
    const dialog = new FormDialog(this.page, this.page.getByRole('dialog', { name: 'Save the current filters' }))
    await dialog.fill('View name', name)
    await dialog.root.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(this.page.getByText(`View “${name}” saved`)).toBeVisible()
    await expect(dialog.root).toBeHidden()
  }

  async apply(name: string): Promise<void> {
    await this.picker.click()
    await this.page.getByRole('option', { name, exact: true }).click()
    await expect(this.picker).toHaveValue(name)
  }
}
