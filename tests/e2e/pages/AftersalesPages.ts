import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'
import { DataTableView } from './DataTableView'
import { FormDialog } from './FormDialog'

/** A refund, dispute or waybill page: its heading, status badge, actions and timeline. */
export class CasePage {
  readonly status: Locator
  readonly timeline: DataTableView
  readonly refusal: Locator

  constructor(
    readonly page: Page,
    readonly kind: 'refund' | 'dispute' | 'waybill'
  ) {
    this.status = page.getByTestId(`${kind}-status`).first()
    this.timeline = new DataTableView(page.getByTestId('timeline'))
    this.refusal = page.getByTestId('case-refusal')
  }

  /** The case's own heading (the page's title), e.g. "Refund R…-1". */
  heading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 2 })
  }

  /** Opens one of the page's action dialogs by its button. */
  async action(button: string, dialogTitle: string | RegExp = button): Promise<FormDialog> {
    await this.page.getByRole('button', { name: button, exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: dialogTitle })
    await expect(dialog).toBeVisible()
    return new FormDialog(this.page, dialog)
  }

  /** The timeline's "what" column, oldest first. */
  async timelineTexts(): Promise<string[]> {
    return this.timeline.column('What happened')
  }
}

/** The after-sales part of an order's page: its actions and its refunds, disputes and waybills. */
export class OrderAftersales {
  readonly refunds: Locator
  readonly disputes: Locator
  readonly waybills: Locator

  constructor(readonly page: Page) {
    this.refunds = page.getByTestId('order-refunds')
    this.disputes = page.getByTestId('order-disputes')
    this.waybills = page.getByTestId('order-waybills')
  }

  async open(orderId: number, orderNo: string): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/orders/${orderId}`)
    await expect(this.page.getByRole('heading', { name: `Order ${orderNo}`, exact: true, level: 2 })).toBeVisible()
  }

  async action(button: 'Refund' | 'Open dispute' | 'Add waybill', dialogTitle: RegExp): Promise<FormDialog> {
    await this.page.getByTestId('aftersales-actions').getByRole('button', { name: button, exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: dialogTitle })
    await expect(dialog).toBeVisible()
    return new FormDialog(this.page, dialog)
  }
}

/** The ledger balances page, filtered to one merchant's available account. */
export class MerchantBalance {
  constructor(readonly page: Page) {}

  /** The merchant's available balance as shown, e.g. "12,345.67 CNY". */
  async available(merchant: string, search: string): Promise<string> {
    await new AppShell(this.page).navigate('/ledger')
    const filters = new FormDialog(this.page, this.page.locator('main'))
    await filters.choose('Account kind', 'Merchant available')
    await filters.choose('Merchant', merchant, search)
    const table = new DataTableView(this.page.getByRole('table'))
    await expect(table.rows).toHaveCount(1)
    return (await table.column('Available'))[0]
  }
}

/** "12,345.67 CNY" → 1234567 (minor units), for arithmetic on what the screens show. */
export function minorOf(shown: string): number {
  const match = /^(-?[\d,]+)\.(\d{2}) [A-Z]+$/.exec(shown.trim())
  if (!match) throw new Error(`not an amount with 2 decimals: ${shown}`)
  const whole = Number(match[1].replace(/,/g, ''))
  return whole * 100 + (whole < 0 ? -1 : 1) * Number(match[2])
}

export function shownOf(minor: number, currency = 'CNY'): string {
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(minor)
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')} ${currency}`
}
