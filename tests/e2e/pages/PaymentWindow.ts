import type { Locator, Page } from '@playwright/test'

/** The payment page a new deposit opens in its own window (`#/payment/:orderId`), without the app's shell. */
export class PaymentWindow {
  readonly heading: Locator
  readonly orderNo: Locator
  readonly amount: Locator
  readonly status: Locator
  readonly bankAccount: Locator
  readonly navigation: Locator
  readonly paid: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Payment', exact: true })
    this.orderNo = page.getByTestId('payment-order-no')
    this.amount = page.getByTestId('payment-amount')
    this.status = page.getByTestId('order-status')
    this.bankAccount = page.getByTestId('payment-bank-account')
    this.navigation = page.getByRole('navigation')
    this.paid = page.getByTestId('payment-paid')
  }
}
