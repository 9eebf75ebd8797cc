import { expect, type Locator, type Page } from '@playwright/test'
import { FormDialog } from './FormDialog'

/** The detail page of a withdrawal or an adjustment request: status, balance, review steps, timeline. */
export class CasePage {
  readonly status: Locator
  readonly available: Locator
  readonly held: Locator
  readonly reserve: Locator
  readonly timeline: Locator
  readonly makerCheckerNote: Locator
  readonly refusal: Locator

  constructor(readonly page: Page) {
    this.status = page.getByTestId('case-status')
    this.available = page.getByTestId('balance-available')
    this.held = page.getByTestId('balance-held')
    this.reserve = page.getByTestId('balance-reserve')
    this.timeline = page.getByTestId('timeline')
    this.makerCheckerNote = page.getByTestId('maker-checker-note')
    this.refusal = page.getByTestId('case-refusal')
  }

  heading(text: string | RegExp): Locator {
    return this.page.getByRole('heading', { name: text, level: 2 })
  }

  /** The rows of the timeline, oldest first. */
  timelineRows(): Locator {
    return this.timeline.locator('tbody tr')
  }

  /** Opens a review step (e.g. "Approve") and returns its dialog. */
  async step(button: string): Promise<FormDialog> {
    await this.page.getByTestId('case-actions').getByRole('button', { name: button, exact: true }).click()
    const dialog = this.page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    return new FormDialog(this.page, dialog)
  }
}
