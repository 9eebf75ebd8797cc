import type { Locator, Page } from '@playwright/test'

export interface AdminDetails {
  username: string
  displayName: string
  password: string
  setupCode: string
}

/** First run: the form that creates the first administrator. */
export class SetupPage {
  readonly heading: Locator
  readonly username: Locator
  readonly displayName: Locator
  readonly password: Locator
  readonly confirmPassword: Locator
  readonly setupCode: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Welcome to PayDesk' })
    this.username = page.getByLabel('Username', { exact: true })
    this.displayName = page.getByLabel('Display name', { exact: true })
    this.password = page.getByLabel('Password', { exact: true })
    this.confirmPassword = page.getByLabel('Confirm password', { exact: true })
    this.setupCode = page.getByLabel('Setup code', { exact: true })
    this.submit = page.getByRole('button', { name: 'Create administrator' })
  }

  async fill(admin: AdminDetails): Promise<void> {
    await this.username.fill(admin.username)
    await this.displayName.fill(admin.displayName)
    await this.password.fill(admin.password)
    await this.confirmPassword.fill(admin.password)
    await this.setupCode.fill(admin.setupCode)
  }

  async createAdministrator(admin: AdminDetails): Promise<void> {
    await this.fill(admin)
    await this.submit.click()
  }
}
