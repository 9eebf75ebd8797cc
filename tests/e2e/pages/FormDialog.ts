import { expect, type Locator, type Page } from '@playwright/test'

/** A dialog form (Mantine modal), filled the way a person fills it: by the fields' labels. */
export class FormDialog {
  constructor(
    readonly page: Page,
    readonly root: Locator
  ) {}

  /** A field by its label; a required field's label ends in an asterisk its accessible name leaves out. */
  field(label: string | RegExp): Locator {
    return this.root.getByLabel(label, { exact: true }).or(this.root.getByRole('textbox', { name: label, exact: true }))
  }

  async fill(label: string | RegExp, value: string): Promise<void> {
    await this.field(label).fill(value)
  }

  /**
   * Picks an option of a select by its label; `search` is typed first for selects that search
   * on the host (merchants, channels, services).
   */
  async choose(label: string | RegExp, option: string | RegExp, search?: string): Promise<void> {
    const box = this.root.getByRole('combobox', { name: label, exact: true }).or(this.root.getByRole('textbox', { name: label, exact: true })).first()
    await box.click()
    if (search !== undefined) await box.fill(search)
    await this.page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
    await expect(this.page.getByRole('listbox')).toBeHidden()
  }

  /** Turns a switch on or off by its label. */
  async setSwitch(label: string, on: boolean): Promise<void> {
    const control = this.root.getByRole('switch', { name: label, exact: true })
    if ((await control.isChecked()) !== on) await this.root.getByText(label, { exact: true }).click()
    await expect(control).toBeChecked({ checked: on })
  }

  async submit(name: string): Promise<void> {
    await this.root.getByRole('button', { name, exact: true }).click()
  }

  /** The error shown under a field. */
  error(text: string | RegExp): Locator {
    return this.root.getByText(text)
  }
}
