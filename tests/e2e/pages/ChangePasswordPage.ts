import type { Locator, Page } from '@playwright/test'

/** The change-password page; a user with an initial password is held here until it is done. */
export class ChangePasswordPage {
  readonly heading: Locator
  readonly mustChangeNotice: Locator
  readonly currentPassword: Locator
  readonly newPassword: Locator
  readonly confirmPassword: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Change password' })
    this.mustChangeNotice = page.getByText('You must choose a new password before you continue.')
    this.currentPassword = page.getByLabel('Current password', { exact: true })
    this.newPassword = page.getByLabel('New password', { exact: true })
    this.confirmPassword = page.getByLabel('Confirm new password', { exact: true })
    this.submit = page.getByRole('button', { name: 'Change password' })
  }

  async change(current: string, next: string): Promise<void> {
    await this.currentPassword.fill(current)
    await this.newPassword.fill(next)
    await this.confirmPassword.fill(next)
    await this.submit.click()
  }
}
