import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'

/**
 * Create Deposit Order / Create Payout Order, filled the way an operator fills it: merchant,
 * service, channel, the service type's fields by their labels, the amount.
 */
export class OrderFormPage {
  readonly heading: Locator
  readonly merchant: Locator
  readonly service: Locator
  readonly channel: Locator
  readonly terminal: Locator
  readonly amount: Locator
  readonly created: Locator

  constructor(
    readonly page: Page,
    readonly direction: 'deposit' | 'payout'
  ) {
    this.heading = page.getByRole('heading', { name: direction === 'deposit' ? 'Create deposit order' : 'Create payout order', level: 2 })
    this.merchant = page.getByRole('combobox', { name: 'Merchant', exact: true })
    this.service = page.getByRole('combobox', { name: 'Service', exact: true })
    this.channel = page.getByRole('combobox', { name: 'Channel', exact: true })
    this.terminal = page.getByRole('combobox', { name: 'Terminal', exact: true })
    this.amount = page.getByRole('textbox', { name: 'Amount', exact: true })
    this.created = page.getByTestId('created-order')
  }

  async open(): Promise<void> {
    await new AppShell(this.page).navigate(this.direction === 'deposit' ? '/orders/deposit' : '/orders/payout')
    await expect(this.heading).toBeVisible()
  }

  /** Opens a select and returns its options (disabled ones included). */
  async optionsOf(select: Locator): Promise<Locator> {
    await select.click()
    const listbox = this.page.getByRole('listbox')
    await expect(listbox).toBeVisible()
    return listbox.getByRole('option')
  }

  async choose(select: Locator, option: string | RegExp, search?: string): Promise<void> {
    await select.click()
    if (search !== undefined) await select.fill(search)
    await this.page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
    await expect(this.page.getByRole('listbox')).toBeHidden()
  }

  /** A text field of the service type (Payer name, Card number, Remark code…). */
  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true })
  }

  /** A select field of the service type (Bank, Network). */
  selectField(label: string): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true })
  }

  /** The error shown under a field, found through the field's aria-describedby. */
  errorOf(field: Locator): Locator {
    return this.page.locator('.mantine-InputWrapper-root', { has: field }).locator('.mantine-InputWrapper-error')
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: this.direction === 'deposit' ? 'Create deposit order' : 'Create payout order', exact: true }).click()
  }

  /** The created order's number, as the success panel names it. */
  async createdOrderNo(): Promise<string> {
    await expect(this.created).toBeVisible()
    const title = (await this.created.locator('.mantine-Alert-title').innerText()).trim()
    const match = /Order (\S+) created/.exec(title)
    if (!match) throw new Error(`no order number in "${title}"`)
    return match[1]
  }
}
