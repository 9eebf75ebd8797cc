import type { Locator, Page } from '@playwright/test'

export class LoginPage {
  readonly heading: Locator
  readonly username: Locator
  readonly password: Locator
  readonly submit: Locator
  /** The refusal shown above the form (wrong credentials, locked account). */
  readonly failure: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in to PayDesk' })
    this.username = page.getByLabel('Username', { exact: true })
    this.password = page.getByLabel('Password', { exact: true })
    this.submit = page.getByRole('button', { name: 'Sign in' })
    this.failure = page.getByRole('alert')
  }

  /** Opens the app at `url`; without a session it shows the sign-in page. */
  async open(url: string): Promise<void> {
    await this.page.goto(url)
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username)
    await this.password.fill(password)
    await this.submit.click()
  }
}
