import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'

/** Order Query and the order detail it opens. */
export class OrderQueryPage {
  readonly heading: Locator
  readonly search: Locator
  readonly table: DataTableView
  readonly detailHeading: Locator
  readonly timeline: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Order query', exact: true, level: 2 })
    this.search = page.getByRole('textbox', { name: 'Order number', exact: true })
    this.table = new DataTableView(page.getByRole('table').first())
    this.detailHeading = page.getByRole('heading', { name: /^Order \S+$/, level: 2 })
    this.timeline = page.getByTestId('order-timeline')
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate('/orders')
    await expect(this.heading).toBeVisible()
  }

  /** Searches one number and opens the single order found. */
  async find(number: string): Promise<void> {
    await this.search.fill(number)
    await expect(this.table.rows).toHaveCount(1)
    await expect(this.table.rows.first()).toContainText(number)
  }

  async openRow(number: string): Promise<void> {
    await this.table.rows.filter({ hasText: number }).first().click()
    await expect(this.page.getByRole('heading', { name: `Order ${number}`, exact: true, level: 2 })).toBeVisible()
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true })
  }
}
