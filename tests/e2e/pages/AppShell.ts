import type { Locator, Page } from '@playwright/test'
import { navTestId } from '../../../src/renderer/src/layout/navigation'

/** The signed-in frame: header (language, account), the navigation and the home page. */
export class AppShell {
  readonly navigation: Locator
  /** Found by its options, so it is the same control whatever language the page speaks. */
  readonly languageSwitch: Locator
  readonly userMenu: Locator
  readonly homeMerchant: Locator
  readonly homeRoles: Locator
  readonly noAccessHeading: Locator

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation')
    this.languageSwitch = page.locator('select:has(option[value="zh-CN"])')
    this.userMenu = page.getByTestId('user-menu')
    this.homeMerchant = page.getByTestId('home-merchant')
    this.homeRoles = page.getByTestId('home-roles')
    this.noAccessHeading = page.getByRole('heading', { name: 'No access' })
  }

  welcome(displayName: string): Locator {
    return this.page.getByRole('heading', { name: `Welcome, ${displayName}`, exact: true })
  }

  /** A navigation link by its route, e.g. `/auth/users` (test id `nav-auth-users`). */
  navLink(path: string): Locator {
    return this.page.getByTestId(navTestId(path))
  }

  async navigate(path: string): Promise<void> {
    await this.navLink(path).click()
  }

  /** The test ids of every navigation link shown, in menu order. */
  async navTestIds(): Promise<string[]> {
    return this.navigation
      .locator('[data-testid^="nav-"]')
      .evaluateAll((links) => links.filter((link) => link.checkVisibility()).map((link) => link.getAttribute('data-testid') ?? ''))
  }

  /** Opens a route by typing its address, as a user following a bookmark would. */
  async openAddress(baseUrl: string, path: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#${path}`)
  }

  async switchLanguage(language: 'en' | 'zh-CN'): Promise<void> {
    await this.languageSwitch.selectOption(language)
  }
}
