import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'

export interface NewUser {
  username: string
  displayName: string
  password: string
  /** A merchant's name; left out, the user is platform staff. */
  merchant?: string
  /** Role names as the form lists them. */
  roles: string[]
}

export class UsersPage {
  readonly heading: Locator
  readonly newUser: Locator
  readonly table: DataTableView
  readonly createDialog: NewUserDialog

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Users', exact: true })
    this.newUser = page.getByRole('button', { name: 'New user' })
    this.table = new DataTableView(page.getByRole('table'))
    this.createDialog = new NewUserDialog(page)
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/auth/users')
    await expect(this.heading).toBeVisible()
  }

  /** Creates a user through the New user form and waits for its row. */
  async create(user: NewUser): Promise<void> {
    await this.newUser.click()
    await this.createDialog.fill(user)
    await this.createDialog.submit.click()
    await expect(this.createDialog.root).toBeHidden()
    await expect(this.table.rowWithCell(user.username)).toBeVisible()
  }
}

export class NewUserDialog {
  readonly root: Locator
  readonly title: Locator
  readonly username: Locator
  readonly displayName: Locator
  readonly initialPassword: Locator
  readonly merchant: Locator
  readonly roles: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    // Found by role only: its accessible name follows the language.
    this.root = page.getByRole('dialog')
    this.title = this.root.getByRole('heading')
    this.username = this.root.getByLabel('Username', { exact: true })
    this.displayName = this.root.getByLabel('Display name', { exact: true })
    this.initialPassword = this.root.getByLabel('Initial password', { exact: true })
    this.merchant = this.root.getByRole('combobox', { name: 'Merchant', exact: true })
    this.roles = this.root.getByRole('combobox', { name: 'Roles', exact: true })
    this.submit = this.root.getByRole('button', { name: 'Create user' })
  }

  /** An option of the open select or multi-select (they render outside the dialog). */
  option(name: string): Locator {
    return this.page.getByRole('option', { name, exact: true })
  }

  async fill(user: NewUser): Promise<void> {
    await this.username.fill(user.username)
    await this.displayName.fill(user.displayName)
    await this.initialPassword.fill(user.password)
    if (user.merchant) {
      await this.merchant.click()
      await this.option(user.merchant).click()
      await expect(this.merchant).toHaveValue(user.merchant)
    }
    await this.roles.click()
    for (const role of user.roles) await this.option(role).click()
    await this.closeLists()
  }

  /** Closes an open option list (it covers the buttons) the way a user would: a click outside it. */
  async closeLists(): Promise<void> {
    await this.title.click()
    await expect(this.page.getByRole('listbox')).toBeHidden()
  }
}
